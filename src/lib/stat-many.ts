/**
 * The stats of many files at once, on every core, for a caller that needs them all before it goes
 * on: the ingest's check that each year's content is as recorded (src/ingest/folder-record.ts)
 * stats all the record's 200,000 files in every edit, while the machine's other cores are idle.
 *
 * The call stays synchronous: helper threads (plain JavaScript, stat-many-worker.mjs and stat-chunks.mjs, started on first
 * use and kept) and the calling thread take the files in chunks from one shared counter, and the
 * caller waits (Atomics.wait) only for the chunks the helpers are still on. A helper that has not
 * started yet leaves its share to the caller. In threads other than the main one (already one of
 * several sharing the cores) the files are stat-ed in the thread itself.
 *
 * Why: the benchmark's 19-year record of 100,000 bilingual replies (200,000 files), 2-core machine,
 * 2026-12-05. A throwaway script: 1.00-1.21 s one after another, 0.63-0.64 s a year at a time so
 * (three runs). Paired edits of a built copy of the record, ingest and build, each code in turn: the
 * ingest took 2.28-2.89 s against 2.82-3.30 s, the edit 18.9-22.2 s against 20.1-22.9 s (three pairs,
 * load 2.2-3.8). Not used by the build's like check (src/build/year-hashes.ts): there the other core is
 * loading the year's unit process (src/build/build.ts), and with it three of four pairs were slower, by
 * 1.2, 1.8 and 2.3 s (one 0.6 s faster).
 */
import { lstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import { statChunks } from './stat-chunks.mjs';

/**
 * What a stat is kept as: what tells a file unchanged. Not the whole Stats object: a scan of the
 * record's content holds 200,000 of them, and the ingest's collector then took 0.74 s of a 3.4 s run
 * that wrote nothing (node --cpu-prof, 100,000 bilingual replies, quiet machine, 2026-12-05).
 */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** Files a chunk: small enough that the caller seldom waits long for a helper's last one. */
const CHUNK = 256;
/** Below this many files a call is made in the calling thread: the helpers' share would be a few milliseconds. */
const AT_LEAST = 2 * CHUNK;

let helpers: Worker[] | null = null;

function startedHelpers(): Worker[] {
  helpers ??= Array.from({ length: Math.min(3, availableParallelism() - 1) }, () => {
    // No --import tsx (the caller's execArgv): the helper is plain JavaScript, and starts without it.
    const worker = new Worker(new URL('./stat-many-worker.mjs', import.meta.url), { execArgv: [] });
    worker.unref(); // a process whose work is done does not wait for its helpers
    // One that fails to start is dropped: the calls after it are made without it (the caller takes its share).
    worker.on('error', () => (helpers = helpers?.filter((w) => w !== worker) ?? null));
    return worker;
  });
  return helpers;
}

/**
 * The stat of each of `files`, in order, of a symbolic link itself (lstat). A file that cannot be
 * stat-ed throws as fs.lstatSync would, naming it.
 */
export function statMany(files: readonly string[]): FileStat[] {
  const n = files.length;
  const out = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * 3 * n));
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const done = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const threads = isMainThread && n >= AT_LEAST ? startedHelpers() : [];
  const work = { files, chunk: CHUNK, next, done, out };
  for (const worker of threads) worker.postMessage(work);
  statChunks(work);
  // The helpers' chunks still being stat-ed (each notifies as it finishes one). A chunk is a few
  // milliseconds of work: a minute without one is a helper gone, not a slow disk to wait for.
  for (let d = Atomics.load(done, 0); d < n; d = Atomics.load(done, 0)) {
    if (Atomics.wait(done, 0, d, 60_000) === 'timed-out' && Atomics.load(done, 0) === d) throw new Error(`statMany: a helper thread stopped answering, ${n - d} of ${n} files not stat-ed`);
  }
  return files.map((file, i) => {
    if (out[3 * i]! >= 0) return { size: out[3 * i]!, mtimeMs: out[3 * i + 1]!, ino: out[3 * i + 2]! };
    // A failure is met again here, to throw fs's own error (ENOENT, EACCES, …) with the file's name.
    const st = lstatSync(file);
    return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  });
}
