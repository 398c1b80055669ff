/**
 * Writing the ingest's output: the managed folders (content/replies,
 * content/pages/background) come to hold exactly the files generated, and a
 * failed or killed ingest never leaves a folder half-written.
 *
 * The unit of writing is a folder: a budget year's content/replies/<year>/
 * (a managed folder whose files all lie in sub-folders is written per
 * sub-folder), or a managed folder with files of its own
 * (content/pages/background/, an `--out` folder) as a whole. A folder whose
 * files all have the bytes generated, and that holds nothing else, is not
 * touched: the build's caches, keyed by file names, sizes and modification
 * times (src/build/catalogue.ts), see it unchanged. A folder that changed is
 * made again in the staging folder, each unchanged file hard-linked from the
 * current folder (the same file: same bytes, same modification time) and the
 * others written; once every changed folder is staged they are swapped in by
 * renames, and a failed rename puts back what was swapped. Folders of a
 * managed folder that nothing generates any more (a year removed) go in the
 * same swap.
 *
 * Which files are unchanged is known without reading them while a folder is
 * as this code last wrote or read it (folder-record.ts).
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeDeadCacheTemps } from '../lib/leftovers.ts';
import { linkFile } from '../lib/link-tree.ts';
import { running } from '../lib/processes.ts';
import { resolveInside } from '../model/safe-paths.ts';
import { digestOf, pruneFolderRecords, saveFolderRecord, scanFolder, type FolderScan } from './folder-record.ts';
import type { OutputFile } from './output-file.ts';

/** The folders `npm run ingest` owns: what is in them is what the sources generate, nothing else. */
export const MANAGED_DIRS = ['content/replies', 'content/pages/background'];

const posix = (p: string) => p.split(path.sep).join('/');
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What a write did: folders swapped in, files given new bytes, files kept as they were, entries removed. */
export interface WriteCounts {
  folders: number;
  written: number;
  kept: number;
  removed: number;
  /** Files read to learn their bytes (a folder with no record, or not as recorded: folder-record.ts). */
  read: number;
}

export interface WriteOptions {
  /** Folder of the records of what is on disk (folder-record.ts); null: none, every file compared is read. */
  recordDir?: string | null;
}

/**
 * What an ingest that was killed mid-write leaves: its staging folder
 * (`.ingest-staging-<pid>`, which holds the folders it staged and the ones
 * it swapped aside) and, from ingests before per-folder writing, a managed
 * folder renamed aside (`content/replies.old-<pid>`). Removed when that
 * process is gone; an ingest still running keeps its own.
 */
function removeStale(outRoot: string, managedDirs: readonly string[]): void {
  const leftovers: Array<{ dir: string; re: RegExp }> = [
    { dir: outRoot, re: /^\.ingest-staging-(\d+)$/ },
    ...managedDirs.map((d) => ({ dir: path.join(outRoot, path.dirname(d)), re: new RegExp(`^${path.basename(d).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.old-(\\d+)$`) })),
  ];
  for (const { dir, re } of leftovers) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const pid = re.exec(name)?.[1];
      if (pid !== undefined && Number(pid) !== process.pid && !running(Number(pid))) rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

/**
 * A relative path already in normal form and inside its folder: plain
 * segments, none `.` or `..`. Checked instead of resolving each of 200,000
 * paths (resolveInside, for any other path, is what refuses a way out).
 */
const PLAIN = /^(?!\.\.?(?:\/|$))(?!.*\/\.\.?(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/;

/** A folder written as a whole: its path under the output root, and each file's path inside it → file. */
interface Unit {
  dir: string;
  files: Map<string, OutputFile>;
}

/**
 * The folders to write and the entries no folder covers (`managed/<name>`,
 * to be removed). Every output path is resolved, and refused outside the
 * managed folders, before anything is written.
 */
function planUnits(outRoot: string, files: ReadonlyMap<string, OutputFile>, managedDirs: readonly string[]): { units: Unit[]; strays: string[] } {
  const inside = (rel: string) => (PLAIN.test(rel) ? rel : posix(path.relative(outRoot, resolveInside(outRoot, rel))));
  const managed = managedDirs.map(inside);
  const byManaged = new Map<string, Array<[string, OutputFile]>>(managed.map((d) => [d, []]));
  for (const [rel, file] of files) {
    const normal = inside(rel);
    const owner = managed.find((d) => normal.startsWith(`${d}/`));
    if (!owner) throw new Error(`refusing to write ${normal}: not inside ${managedDirs.join(' or ')}`);
    byManaged.get(owner)!.push([normal.slice(owner.length + 1), file]);
  }
  const units: Unit[] = [];
  const strays: string[] = [];
  for (const [dir, under] of byManaged) {
    const abs = path.join(outRoot, dir);
    const asWhole = under.length === 0 || under.some(([rel]) => !rel.includes('/')) || (existsSync(abs) && !lstatSync(abs).isDirectory());
    if (asWhole) {
      units.push({ dir, files: new Map(under) });
      continue;
    }
    const bySub = new Map<string, Map<string, OutputFile>>();
    for (const [rel, file] of under) {
      const cut = rel.indexOf('/');
      const sub = rel.slice(0, cut);
      if (!bySub.has(sub)) bySub.set(sub, new Map());
      bySub.get(sub)!.set(rel.slice(cut + 1), file);
    }
    for (const [sub, subFiles] of bySub) units.push({ dir: `${dir}/${sub}`, files: subFiles });
    if (existsSync(abs)) for (const name of readdirSync(abs).sort(byCodeUnit)) if (!bySub.has(name)) strays.push(`${dir}/${name}`);
  }
  return { units, strays };
}

/**
 * The files of `unit` that are on disk with the bytes generated (`same`), and
 * whether the folder holds anything else: a file not generated, an empty
 * folder, a link or other special file (`extra`). `scan` null: no folder.
 */
function compareUnit(scan: FolderScan | null, unit: Unit, digest: string): { same: Set<string>; extra: boolean } {
  const same = new Set<string>();
  if (scan === null) return { same, extra: false };
  const extra = scan.odd || scan.files.some(([rel]) => !unit.files.has(rel));
  if (!extra && scan.files.length === unit.files.size && scan.digest === digest) {
    for (const [rel] of scan.files) same.add(rel);
    return { same, extra };
  }
  for (const [rel, st] of scan.files) {
    const want = unit.files.get(rel);
    if (want !== undefined && st.size === want.size && scan.hashOf(rel) === want.sha256) same.add(rel);
  }
  return { same, extra };
}

/**
 * Puts the current file at `target` unchanged: a hard link (the same file),
 * else a copy with its modification time set back (a file system that refuses
 * hard links; the time may then lose its last digits, so the build's
 * front-matter cache may read that year again, which is only slower).
 */
function keep(current: string, target: string): void {
  if (linkFile(current, target)) return;
  const st = statSync(current);
  utimesSync(target, st.atime, st.mtime);
}

/** One step of the swap: `target` aside to `aside` (when it is there), then `fresh` (a staged folder; null: removed) in its place. */
interface Move {
  target: string;
  aside: string;
  fresh: string | null;
  asided: boolean;
  placed: boolean;
}

function isThere(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function swap(moves: Move[]): void {
  try {
    for (const m of moves) {
      if (isThere(m.target)) {
        mkdirSync(path.dirname(m.aside), { recursive: true });
        renameSync(m.target, m.aside);
        m.asided = true;
      }
      if (m.fresh !== null) {
        mkdirSync(path.dirname(m.target), { recursive: true });
        renameSync(m.fresh, m.target);
        m.placed = true;
      }
    }
  } catch (err) {
    // Every folder put back as it was, the last move first.
    for (const m of [...moves].reverse()) {
      if (m.placed) rmSync(m.target, { recursive: true, force: true });
      if (m.asided) renameSync(m.aside, m.target);
    }
    throw err;
  }
}

/**
 * Makes the managed folders under `outRoot` hold exactly `files` (output path
 * relative to `outRoot` → file), rewriting only the folders that changed and,
 * in them, only the files that changed (see the top of this file).
 */
export function writeAtomically(outRoot: string, files: ReadonlyMap<string, OutputFile>, managedDirs: readonly string[], options: WriteOptions = {}): WriteCounts {
  removeStale(outRoot, managedDirs);
  const recordDir = options.recordDir ?? null;
  if (recordDir !== null) removeDeadCacheTemps(recordDir);
  const staging = path.join(outRoot, `.ingest-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const counts: WriteCounts = { folders: 0, written: 0, kept: 0, removed: 0, read: 0 };
  // Records to save once the swap is done: a folder found unchanged by reading it, or written (listed where it then is).
  const records: Array<{ folder: string; shas: Map<string, string>; fingerprint?: string }> = [];
  try {
    const { units, strays } = planUnits(outRoot, files, managedDirs);
    const moves: Move[] = [];
    for (const unit of units) {
      const abs = path.resolve(outRoot, unit.dir);
      const shas = new Map([...unit.files].map(([rel, f]) => [rel, f.sha256]));
      const scan = scanFolder(abs, recordDir);
      const { same, extra } = compareUnit(scan, unit, digestOf(shas));
      counts.read += scan?.read ?? 0;
      if (scan && !extra && same.size === unit.files.size) {
        counts.kept += unit.files.size;
        if (scan.read > 0) records.push({ folder: abs, shas, fingerprint: scan.fingerprint });
        continue;
      }
      const fresh = path.join(staging, 'new', unit.dir);
      mkdirSync(fresh, { recursive: true });
      const made = new Set<string>([fresh]);
      for (const [rel, file] of [...unit.files].sort(([a], [b]) => byCodeUnit(a, b))) {
        const target = path.join(fresh, rel);
        const parent = path.dirname(target);
        if (!made.has(parent)) {
          mkdirSync(parent, { recursive: true });
          made.add(parent);
        }
        if (same.has(rel)) {
          keep(path.join(abs, rel), target);
          counts.kept++;
        } else {
          writeFileSync(target, file.bytes());
          counts.written++;
        }
      }
      moves.push({ target: abs, aside: path.join(staging, 'old', unit.dir), fresh, asided: false, placed: false });
      records.push({ folder: abs, shas });
      counts.folders++;
    }
    for (const stray of strays) {
      moves.push({ target: path.join(outRoot, stray), aside: path.join(staging, 'old', stray), fresh: null, asided: false, placed: false });
      counts.removed++;
    }
    swap(moves);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (recordDir !== null) {
    for (const r of records) saveFolderRecord(recordDir, r.folder, r.shas, r.fingerprint);
    pruneFolderRecords(recordDir);
  }
  return counts;
}

/** Paths that differ between `files` and what is on disk under the managed directories: every file read. */
export function compareWithDisk(outRoot: string, files: ReadonlyMap<string, OutputFile>, managedDirs: readonly string[]): string[] {
  const diffs: string[] = [];
  const onDisk = new Set<string>();
  for (const dir of managedDirs) {
    const abs = path.join(outRoot, dir);
    if (!existsSync(abs)) continue;
    const walk = (d: string) => {
      for (const name of readdirSync(d).sort()) {
        const p = path.join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else onDisk.add(posix(path.relative(outRoot, p)));
      }
    };
    walk(abs);
  }
  for (const [rel, file] of files) {
    if (!onDisk.has(rel)) diffs.push(`missing: ${rel}`);
    else if (!readFileSync(path.join(outRoot, rel)).equals(file.bytes())) diffs.push(`differs: ${rel}`);
  }
  for (const rel of onDisk) if (!files.has(rel)) diffs.push(`not generated: ${rel}`);
  return diffs.sort();
}
