/**
 * Knowing the bytes of a folder's files without reading them (the sources'
 * texts for the parse cache's keys, a year's editions for the writer): a
 * record per folder, in the ingest's cache, of its files' names, sizes,
 * modification times and inodes (their stat) and the SHA-256 of each file's
 * bytes, with the digest of them all, as this code last read or wrote them.
 * A file whose stat is as recorded has the recorded bytes, unless it was
 * changed within the clock tick the record was saved in (git's "racy clean"
 * files): a file modified at or after the record's own modification time is
 * not trusted. Otherwise, or with no record, a file's bytes are read and
 * hashed. Each file is judged on its own, so one edited source among 80 (or
 * one edition changed by hand among 11,000) is the one file read. What the
 * record cannot see is a file rewritten in place with its size kept and its
 * time set back; the catalogue's front-matter cache (src/build/catalogue.ts)
 * trusts the same stat, and `npm run ingest -- --check` reads every file.
 *
 * A record is `<hash of the folder's path>.json` (folder, fingerprint: the
 * hash of every file's stat, digest) and `.shas` beside it (`<sha> <size>
 * <mtimeMs> <ino> <path>` lines in path order, read only when a file's hash
 * is asked for, and used only when they make up the digest). While the
 * fingerprint is as recorded the whole folder is, and the writer knows it
 * unchanged from the digest alone. Both are written whole; deleting them is
 * always safe, and the records of folders that are gone (a test's scratch
 * copy) are removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { cacheTemp, commitCacheEntry } from '../lib/cache-entry.ts';
import { sha256Hex } from './output-file.ts';
import { statMany, type FileStat } from '../lib/stat-many.ts';

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A file's stat as a scan keeps it: what tells the file unchanged (stat-many.ts). */
export type { FileStat } from '../lib/stat-many.ts';

export interface FolderScan {
  /** The folder's files (in sub-folders: `a/b.md`), in path order, with their stat. */
  files: Array<[string, FileStat]>;
  /** Whether it holds anything but files and folders of files: a link, a special file, an empty folder. */
  odd: boolean;
  /** The recorded digest of its files' bytes, when every file is as recorded; null otherwise. */
  digest: string | null;
  /** A file's SHA-256: as recorded while the file is, else its bytes read. */
  hashOf(rel: string): string;
  /** How many files hashOf has read. */
  read: number;
}

/** The hash of files' bytes by path (what a record's hashes must make up). */
export function digestOf(shas: Iterable<readonly [string, string]>): string {
  // One update of all the lines: an update per file was ~4 times slower for a year of 11,000 (process.cpuUsage, load 5).
  const lines = [...shas].sort(([a], [b]) => byCodeUnit(a, b)).map(([rel, sha]) => `${rel}\u0000${sha}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

const recordFile = (recordDir: string, folder: string) => path.join(recordDir, `${sha256Hex(folder).slice(0, 24)}.json`);
const shasFile = (record: string) => record.replace(/\.json$/, '.shas');

function listFolder(abs: string): { files: Array<[string, FileStat]>; odd: boolean } {
  const names: string[] = [];
  const paths: string[] = [];
  let odd = false;
  const walk = (dir: string, prefix: string) => {
    const entries: Dirent[] = readdirSync(dir, { withFileTypes: true });
    if (entries.length === 0 && prefix !== '') odd = true;
    for (const e of entries) {
      const p = `${dir}${path.sep}${e.name}`;
      if (e.isDirectory()) walk(p, `${prefix}${e.name}/`);
      else if (e.isFile()) {
        names.push(prefix + e.name);
        paths.push(p);
      } else odd = true;
    }
  };
  walk(abs, '');
  // Listed first, then stat-ed all at once, on every core.
  const stats = statMany(paths);
  const files = names.map((name, i): [string, FileStat] => [name, stats[i]!]);
  return { files: files.sort(([a], [b]) => byCodeUnit(a, b)), odd };
}

function fingerprintOf(files: ReadonlyArray<[string, FileStat]>): { fingerprint: string; newestMs: number } {
  let newestMs = 0;
  const lines = files.map(([rel, st]) => {
    newestMs = Math.max(newestMs, st.mtimeMs);
    return `${rel}\u0000${st.size}\u0000${st.mtimeMs}\u0000${st.ino}\n`;
  });
  return { fingerprint: createHash('sha256').update(lines.join('')).digest('hex'), newestMs };
}

interface FolderRecord {
  fingerprint: string;
  digest: string;
  /** When the record was saved: a file modified since (or in the same tick) is not trusted. */
  savedMs: number;
}

/** The record of `folder` when it is whole and of this folder; null otherwise. */
function readRecord(file: string, folder: string): FolderRecord | null {
  try {
    const savedMs = statSync(file).mtimeMs;
    const r = JSON.parse(readFileSync(file, 'utf8')) as { folder?: unknown; fingerprint?: unknown; digest?: unknown };
    return r.folder === folder && typeof r.fingerprint === 'string' && typeof r.digest === 'string' ? { fingerprint: r.fingerprint, digest: r.digest, savedMs } : null;
  } catch {
    return null;
  }
}

/** A file as recorded: its hash, and the stat it had when that hash was learnt. */
interface RecordedFile {
  sha: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * The recorded files, when their hashes make up `digest` (the record's); null
 * otherwise (damaged, or of an older format). A damaged stat is not caught
 * here, and need not be: it matches no file, which is then read.
 */
function recordedFiles(file: string, digest: string): Map<string, RecordedFile> | null {
  try {
    const files = new Map<string, RecordedFile>();
    for (const line of readFileSync(shasFile(file), 'utf8').split('\n')) {
      if (line === '') continue;
      // `<sha> <size> <mtimeMs> <ino> <path>`
      const a = line.indexOf(' ', 65);
      const b = a < 0 ? -1 : line.indexOf(' ', a + 1);
      const c = b < 0 ? -1 : line.indexOf(' ', b + 1);
      if (line[64] !== ' ' || c < 0) return null;
      files.set(line.slice(c + 1), { sha: line.slice(0, 64), size: Number(line.slice(65, a)), mtimeMs: Number(line.slice(a + 1, b)), ino: Number(line.slice(b + 1, c)) });
    }
    return digestOf([...files].map(([rel, f]) => [rel, f.sha] as const)) === digest ? files : null;
  } catch {
    return null;
  }
}

/** `abs` as it is now, with its record when it matches; null when it is not a folder. `recordDir` null: no record, every hash read. */
export function scanFolder(abs: string, recordDir: string | null): FolderScan | null {
  if (!existsSync(abs) || !lstatSync(abs).isDirectory()) return null;
  const { files, odd } = listFolder(abs);
  const { fingerprint, newestMs } = fingerprintOf(files);
  const recordPath = recordDir === null ? null : recordFile(recordDir, abs);
  const record = recordPath === null ? null : readRecord(recordPath, abs);
  let known: Map<string, RecordedFile> | null | undefined;
  let stats: Map<string, FileStat> | undefined;
  const scan: FolderScan = {
    files,
    odd,
    digest: record !== null && record.fingerprint === fingerprint && newestMs < record.savedMs ? record.digest : null,
    read: 0,
    hashOf(rel) {
      if (known === undefined) known = record !== null && recordPath !== null ? recordedFiles(recordPath, record.digest) : null;
      const was = known?.get(rel);
      if (was !== undefined) {
        stats ??= new Map(files);
        const st = stats.get(rel);
        if (st !== undefined && st.size === was.size && st.mtimeMs === was.mtimeMs && st.ino === was.ino && st.mtimeMs < record!.savedMs) return was.sha;
      }
      scan.read++;
      return sha256Hex(readFileSync(path.join(abs, rel)));
    },
  };
  return scan;
}

function writeWhole(file: string, text: string): void {
  const tmp = cacheTemp(file);
  writeFileSync(tmp, text);
  commitCacheEntry(tmp, file);
}

/**
 * Records `abs` as holding files with these hashes. `files`: each file's stat
 * when its hash was learnt (a scan's, or taken just after writing it); none:
 * the folder is listed now (just written by this process).
 */
export function saveFolderRecord(recordDir: string, abs: string, shas: ReadonlyMap<string, string>, files: ReadonlyArray<[string, FileStat]> = listFolder(abs).files): void {
  const file = recordFile(recordDir, abs);
  mkdirSync(recordDir, { recursive: true });
  const sorted = [...files].sort(([a], [b]) => byCodeUnit(a, b));
  if (sorted.length !== shas.size || sorted.some(([rel]) => !shas.has(rel))) {
    // Not the files hashed (one added by hand meanwhile): no record, so the next run reads the folder.
    rmSync(file, { force: true });
    return;
  }
  const lines = sorted.map(([rel, st]) => `${shas.get(rel)!} ${st.size} ${st.mtimeMs} ${st.ino} ${rel}\n`);
  // The hashes first: the record is what makes them used.
  writeWhole(shasFile(file), lines.join(''));
  writeWhole(file, JSON.stringify({ folder: abs, fingerprint: fingerprintOf(sorted).fingerprint, digest: digestOf(sorted.map(([rel]) => [rel, shas.get(rel)!] as const)) }));
}

/** Removes the records of folders that no longer exist; returns how many. */
export function pruneFolderRecords(recordDir: string): number {
  if (!existsSync(recordDir)) return 0;
  let removed = 0;
  const names = new Set(readdirSync(recordDir));
  for (const name of names) {
    // Hashes left without their record (a writer killed between the two): never used, removed.
    if (name.endsWith('.shas') && !names.has(name.replace(/\.shas$/, '.json'))) rmSync(path.join(recordDir, name), { force: true });
    if (!name.endsWith('.json')) continue;
    const file = path.join(recordDir, name);
    let folder: unknown;
    try {
      folder = (JSON.parse(readFileSync(file, 'utf8')) as { folder?: unknown }).folder;
    } catch {
      folder = null;
    }
    if (typeof folder === 'string' && existsSync(folder)) continue;
    rmSync(file, { force: true });
    rmSync(shasFile(file), { force: true });
    removed++;
  }
  return removed;
}
