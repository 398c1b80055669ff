/**
 * Pagefind's Node API as the index builders use it (build-index.ts, year-search.ts):
 * prepared documents in, the bundle's wanted files out, the chunk size set for the
 * Pagefind process that indexes them.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { PreparedDoc } from './prepare.ts';
import { compactFragments } from './fragment-text.ts';
import { shortenBundleIds } from './short-ids.ts';

/**
 * Target size of Pagefind's index chunks (its PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE). Smaller chunks
 * carry fewer bytes of neighbouring words into each chunk a query loads, but list more chunks in
 * every part's metadata, which every search loads.
 * - On the seed (first search, gzipped, tests' query set): at 20000 (Pagefind's default) 再工業化
 *   transferred 211 KB, 89 KB of it three index chunks; at 10000, 168 KB; at 5000, 146 KB.
 * - Once the chunks' names were shortened (short-ids.ts), a listed chunk cost less, and 3,500 loaded
 *   the fewest bytes: a two-year synthetic record of 5,500 bilingual replies a year, built at each
 *   size, the benchmark's 12 first searches (src/bench/first-search.ts, its own count, 2026-12-05):
 *   median / most 258.6 / 302.6 KB at 5,000, 244.0 / 290.7 at 3,500, 246.6 / 307.0 at 2,500.
 * That was when the page loaded a year's parts; the parts are now merged (merge-parts.ts), in chunks
 * of MERGED_CHUNK_SIZE, and this size only shapes what the merge reads.
 */
export const INDEX_CHUNK_SIZE = 3500;

/**
 * Target size of the index chunks of a year's merged bundle (merge-parts.ts), in Pagefind's count
 * (positions and pages). The merge cuts a chunk before the word that would take it over this size,
 * so a heavy word is a chunk of its own and the rare words beside it cost little. The benchmark's
 * 11 Chinese first searches on its record's newest year (5,500 bilingual replies, six parts merged;
 * the counting proxy of measure-browser.ts, KB = 1,000, 2026-12-06): at 3,500 (2,971 chunks) median
 * 153.9, most 202.6 KB; at 7,000 (1,634) 146.7 and 195.4; at 10,000 (1,182) 148.9 and 192.7; at
 * 14,000 (860) 153.1 and 183.1. More chunks list more in the metadata every search loads.
 */
export const MERGED_CHUNK_SIZE = 7000;

/**
 * The shell's own index (the background papers, a few long pages) in smaller chunks: every search
 * loads a chunk of it per query word beside the year's, and at 5,000 those were 10,806 and
 * 3,702 bytes gzipped for 數碼港; at 1,000, 2,372 and 2,324 (a synthetic year of 5,500 bilingual replies,
 * the benchmark's counting proxy, 2026-12-04).
 */
export const SHELL_INDEX_CHUNK_SIZE = 1000;
const CHUNK_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

export async function check<T extends { errors: string[] }>(p: Promise<T>, what: string): Promise<T> {
  const r = await p;
  if (r.errors.length) throw new Error(`pagefind ${what}: ${r.errors.join('; ')}`);
  return r;
}

/**
 * The files of a bundle the search page uses. Pagefind's default UIs (pagefind-ui.js/css,
 * the modular and component UIs, pagefind-highlight.js — about 400 KB) are never loaded by
 * this site, so they are not published. A merged bundle (a part of a year) needs only its
 * entry, metadata and chunks: mergeIndex reuses the primary bundle's script and WebAssembly.
 */
export function bundleFileWanted(path: string, primary: boolean): boolean {
  if (/^(index|fragment|filter)\//.test(path) || path === 'pagefind-entry.json' || path.endsWith('.pf_meta')) return true;
  // Not pagefind-worker.js: the page runs Pagefind on its own thread (src/browser/search/query.js initPagefind).
  return primary && (path === 'pagefind.js' || /^wasm\.[\w-]+\.pagefind$/.test(path));
}

/** The files under `dir`, as paths relative to it with `/`. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/**
 * Writes the wanted files of a Pagefind index at `outDir`; `meanwhile` runs while Pagefind makes them.
 * Pagefind writes its files itself (writeFiles) into a folder beside `outDir`, and the unwanted ones
 * (its UIs) are removed, its pages and index chunks renamed shorter (short-ids.ts), and a Chinese
 * bundle's fragments written in Han runs (fragment-text.ts), before the bundle is put in place.
 * getFiles, which this used before, sends every file to this thread as base64 in JSON: on an edit's
 * part of 917 editions that was 1.2 CPU s of the search thread's 5 (node --cpu-prof of a unit,
 * 2026-12-05), on the path the edit waits on.
 */
export async function writeBundle(index: pagefind.PagefindIndex, outDir: string, primary: boolean, meanwhile?: () => void): Promise<void> {
  const staging = `${outDir}.writing-${process.pid}-${threadId}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const making = check(index.writeFiles({ outputPath: staging }), `writeFiles ${outDir}`);
    if (meanwhile) {
      try {
        meanwhile();
      } catch (err) {
        await making.catch(() => {}); // the caller's error, not an unhandled rejection of this one
        throw err;
      }
    }
    await making;
    const written = filesIn(staging);
    if (!written.includes('pagefind-entry.json')) throw new Error(`pagefind writeFiles ${outDir}: no pagefind-entry.json`);
    for (const f of written) if (!bundleFileWanted(f, primary)) rmSync(path.join(staging, f));
    shortenBundleIds(staging);
    compactFragments(staging);
    if (!existsSync(outDir)) {
      mkdirSync(path.dirname(outDir), { recursive: true });
      renameSync(staging, outDir);
      return;
    }
    // Into a folder that is there already, file by file (its other files stay, as they did with getFiles).
    for (const f of filesIn(staging)) {
      const dest = path.join(outDir, f);
      mkdirSync(path.dirname(dest), { recursive: true });
      renameSync(path.join(staging, f), dest);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

type IndexedDoc = Pick<PreparedDoc, 'url' | 'html'>;

/**
 * Indexes prepared documents as one bundle at `outDir`: an array, or batches in
 * order as they are ready (Pagefind reads the first while the next is prepared).
 * `whileWriting` runs once every document is sent, while Pagefind builds and
 * writes the bundle (the caller's thread would only wait).
 */
export async function indexDocs(docs: readonly IndexedDoc[] | AsyncIterable<readonly IndexedDoc[]>, outDir: string, primary: boolean, language: string, whileWriting?: () => void): Promise<void> {
  const { index } = await check(pagefind.createIndex({ forceLanguage: language }), 'createIndex');
  if (!index) throw new Error('pagefind createIndex returned no index');
  // Requests in flight are bounded so the binary's input queue (and memory) stays small.
  const BATCH = 64;
  for await (const batch of Symbol.asyncIterator in docs ? docs : [docs as readonly IndexedDoc[]]) {
    for (let i = 0; i < batch.length; i += BATCH) {
      await Promise.all(
        batch.slice(i, i + BATCH).map((d) => check(index.addHTMLFile({ url: d.url, content: d.html }), `addHTMLFile ${d.url}`)),
      );
    }
  }
  await writeBundle(index, outDir, primary, whileWriting);
  await index.deleteIndex();
}

/** The chunk size Pagefind will use: the environment variable when set (experiments), else `size`, else INDEX_CHUNK_SIZE. */
export function chunkSizeOf(size: number | undefined): string {
  return process.env[CHUNK_ENV] ?? String(size ?? INDEX_CHUNK_SIZE);
}

/**
 * Runs `run` with a Pagefind process of its own, at chunk size `size` (read from the
 * environment when the process starts, at the first createIndex), and ends the process:
 * the memory it held is given back.
 */
export async function withPagefind<T>(size: number | undefined, run: () => Promise<T>): Promise<T> {
  const chunkEnv = process.env[CHUNK_ENV];
  process.env[CHUNK_ENV] = chunkSizeOf(size);
  try {
    return await run();
  } finally {
    await pagefind.close();
    if (chunkEnv === undefined) delete process.env[CHUNK_ENV];
    else process.env[CHUNK_ENV] = chunkEnv;
  }
}
