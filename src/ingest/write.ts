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
 * times (src/build/catalogue.ts), see it unchanged.
 *
 * A folder where few files changed (an edit: at most one in eight, each
 * directly in it) is written in place: each new file written in the staging
 * folder and renamed over its old one (a reader sees the old file or the new,
 * never a missing one), the old one first linked aside, a file no longer
 * generated moved aside. Any other changed folder is made again in the
 * staging folder, each unchanged file hard-linked from the current folder
 * (the same file: same bytes, same modification time) and the others
 * written, and swapped in whole by renames, so a rewrite of many files (new
 * parsing code) never leaves a year half old, half new. Every changed file
 * and folder is staged before the first rename, and a failed rename puts
 * back, from what was set aside, everything renamed before it. Folders of a
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
import { statMany } from '../lib/stat-many.ts';
import { digestOf, pruneFolderRecords, saveFolderRecord, scanFolder, type FileStat, type FolderScan } from './folder-record.ts';
import type { OutputFile } from './output-file.ts';
import type { KeptFolder } from './parse-cache.ts';

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
  /**
   * Folders (`content/replies/<year>`) whose files are not in `files`, only their digest and number
   * (parse-cache.ts KeptFolder): one that holds exactly such files is kept; any other is written from
   * its files, asked for then.
   */
  kept?: readonly KeptFolder[];
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

/** A folder written as a whole: its path under the output root, and each file's path inside it → file (or, kept, what it must hold). */
interface Unit {
  dir: string;
  files: Map<string, OutputFile>;
  kept?: KeptFolder;
}

/**
 * The folders to write and the entries no folder covers (`managed/<name>`,
 * to be removed). Every output path is resolved, and refused outside the
 * managed folders, before anything is written.
 */
function planUnits(outRoot: string, files: ReadonlyMap<string, OutputFile>, managedDirs: readonly string[], kept: readonly KeptFolder[]): { units: Unit[]; strays: string[] } {
  const inside = (rel: string) => (PLAIN.test(rel) ? rel : posix(path.relative(outRoot, resolveInside(outRoot, rel))));
  const managed = managedDirs.map(inside);
  const byManaged = new Map<string, Array<[string, OutputFile]>>(managed.map((d) => [d, []]));
  for (const [rel, file] of files) {
    const normal = inside(rel);
    const owner = managed.find((d) => normal.startsWith(`${d}/`));
    if (!owner) throw new Error(`refusing to write ${normal}: not inside ${managedDirs.join(' or ')}`);
    byManaged.get(owner)!.push([normal.slice(owner.length + 1), file]);
  }
  // A kept folder is a sub-folder of a managed folder, whose files are not given; any other is refused.
  const keptIn = new Map<string, Map<string, KeptFolder>>(managed.map((d) => [d, new Map()]));
  for (const k of kept) {
    const owner = managed.find((d) => k.dir.startsWith(`${d}/`) && !k.dir.slice(d.length + 1).includes('/'));
    if (!owner || !PLAIN.test(k.dir)) throw new Error(`refusing to keep ${k.dir}: not a folder directly inside ${managedDirs.join(' or ')}`);
    keptIn.get(owner)!.set(k.dir.slice(owner.length + 1), k);
  }
  const units: Unit[] = [];
  const strays: string[] = [];
  for (const [dir, under] of byManaged) {
    const abs = path.join(outRoot, dir);
    const keptHere = keptIn.get(dir)!;
    const asWhole = (under.length === 0 && keptHere.size === 0) || under.some(([rel]) => !rel.includes('/')) || (existsSync(abs) && !lstatSync(abs).isDirectory());
    if (asWhole) {
      // Written whole: a kept folder's files are needed after all.
      for (const [sub, k] of keptHere) for (const [name, file] of k.expand()) under.push([`${sub}/${name}`, file]);
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
    for (const [sub, subFiles] of bySub) {
      if (keptHere.has(sub)) throw new Error(`ingest: ${dir}/${sub} is both kept and given files`);
      units.push({ dir: `${dir}/${sub}`, files: subFiles });
    }
    for (const [sub, k] of keptHere) units.push({ dir: `${dir}/${sub}`, files: new Map(), kept: k });
    if (existsSync(abs)) for (const name of readdirSync(abs).sort(byCodeUnit)) if (!bySub.has(name) && !keptHere.has(name)) strays.push(`${dir}/${name}`);
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
 * Puts the current file at `target` unchanged: a hard link (the same file;
 * returns true), else a copy with its modification time set back (a file
 * system that refuses hard links; the time may then lose its last digits, so
 * the build's front-matter cache may read that year again, which is only
 * slower).
 */
function keep(current: string, target: string): boolean {
  if (linkFile(current, target)) return true;
  const st = statSync(current);
  utimesSync(target, st.atime, st.mtime);
  return false;
}

/**
 * One step of the swap: `target` aside to `aside` (when it is there), then
 * `fresh` (staged; null: removed) in its place. A file replaced in place is
 * linked aside rather than moved, so that it is there until the rename
 * replaces it.
 */
interface Move {
  target: string;
  aside: string;
  fresh: string | null;
  file: boolean;
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
        if (m.file && m.fresh !== null) linkFile(m.target, m.aside);
        else renameSync(m.target, m.aside);
        m.asided = true;
      }
      if (m.fresh !== null) {
        mkdirSync(path.dirname(m.target), { recursive: true });
        renameSync(m.fresh, m.target);
        m.placed = true;
      }
    }
  } catch (err) {
    // Every folder and file put back as it was, the last move first.
    for (const m of [...moves].reverse()) {
      if (m.placed) rmSync(m.target, { recursive: true, force: true });
      if (m.asided && !isThere(m.target)) renameSync(m.aside, m.target);
    }
    throw err;
  }
}

/** At most this share of a folder's files new, changed or gone: written in place (see the top of this file). */
const IN_PLACE_SHARE = 1 / 8;

/** The files of a folder to write or remove in place, or null when it is to be made again whole. */
function inPlaceChanges(scan: FolderScan | null, unit: Unit, same: ReadonlySet<string>): { write: string[]; remove: string[] } | null {
  if (scan === null || scan.odd) return null;
  const write = [...unit.files.keys()].filter((rel) => !same.has(rel)).sort(byCodeUnit);
  const remove = scan.files.flatMap(([rel]) => (unit.files.has(rel) ? [] : [rel]));
  const changes = write.length + remove.length;
  if (changes > Math.max(1, unit.files.size * IN_PLACE_SHARE)) return null;
  // A file in a sub-folder may need its folder made or leave one empty: the whole folder is made again instead.
  return [...write, ...remove].some((rel) => rel.includes('/')) ? null : { write, remove };
}

/** A folder to record once the swap is done: its files' hashes, the stat of those known from the scan, and those to stat then (written, or copied). */
interface Pending {
  folder: string;
  shas: Map<string, string>;
  known: Array<[string, FileStat]>;
  statAfter: string[];
}

/** The record of a folder just written: null (none saved, the next run reads it) when a file is not where it was written. */
function statsAfter(p: Pending): Array<[string, FileStat]> | null {
  try {
    const stats = statMany(p.statAfter.map((rel) => path.join(p.folder, rel)));
    return [...p.known, ...p.statAfter.map((rel, i): [string, FileStat] => [rel, stats[i]!])];
  } catch {
    return null;
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
  // Records to save once the swap is done: a folder found unchanged by reading it, or written.
  const records: Pending[] = [];
  try {
    const { units, strays } = planUnits(outRoot, files, managedDirs, options.kept ?? []);
    const moves: Move[] = [];
    for (const unit of units) {
      const abs = path.resolve(outRoot, unit.dir);
      // One scan of the folder, for both questions: does a kept folder hold what its documents make, and which files are the same.
      const scan = scanFolder(abs, recordDir);
      if (unit.kept) {
        // As recorded, holding files of the digest its documents make: kept without their bytes. Otherwise written from them.
        if (scan && !scan.odd && scan.digest === unit.kept.digest && scan.files.length === unit.kept.files) {
          counts.kept += unit.kept.files;
          continue;
        }
        unit.files = unit.kept.expand();
      }
      const shas = new Map([...unit.files].map(([rel, f]) => [rel, f.sha256]));
      const { same, extra } = compareUnit(scan, unit, digestOf(shas));
      counts.read += scan?.read ?? 0;
      if (scan && !extra && same.size === unit.files.size) {
        counts.kept += unit.files.size;
        if (scan.read > 0) records.push({ folder: abs, shas, known: scan.files, statAfter: [] });
        continue;
      }
      const fresh = path.join(staging, 'new', unit.dir);
      mkdirSync(fresh, { recursive: true });
      const inPlace = inPlaceChanges(scan, unit, same);
      if (inPlace) {
        for (const rel of inPlace.write) {
          writeFileSync(path.join(fresh, rel), unit.files.get(rel)!.bytes());
          moves.push({ target: path.join(abs, rel), aside: path.join(staging, 'old', unit.dir, rel), fresh: path.join(fresh, rel), file: true, asided: false, placed: false });
        }
        for (const rel of inPlace.remove) moves.push({ target: path.join(abs, rel), aside: path.join(staging, 'old', unit.dir, rel), fresh: null, file: true, asided: false, placed: false });
        const changed = new Set([...inPlace.write, ...inPlace.remove]);
        records.push({ folder: abs, shas, known: scan!.files.filter(([rel]) => !changed.has(rel)), statAfter: inPlace.write });
        counts.written += inPlace.write.length;
        counts.kept += unit.files.size - inPlace.write.length;
        counts.folders++;
        continue;
      }
      const made = new Set<string>([fresh]);
      const stats = new Map(scan?.files ?? []);
      const pending: Pending = { folder: abs, shas, known: [], statAfter: [] };
      for (const [rel, file] of [...unit.files].sort(([a], [b]) => byCodeUnit(a, b))) {
        const target = path.join(fresh, rel);
        const parent = path.dirname(target);
        if (!made.has(parent)) {
          mkdirSync(parent, { recursive: true });
          made.add(parent);
        }
        if (same.has(rel)) {
          if (keep(path.join(abs, rel), target)) pending.known.push([rel, stats.get(rel)!]);
          else pending.statAfter.push(rel);
          counts.kept++;
        } else {
          writeFileSync(target, file.bytes());
          pending.statAfter.push(rel);
          counts.written++;
        }
      }
      moves.push({ target: abs, aside: path.join(staging, 'old', unit.dir), fresh, file: false, asided: false, placed: false });
      records.push(pending);
      counts.folders++;
    }
    for (const stray of strays) {
      moves.push({ target: path.join(outRoot, stray), aside: path.join(staging, 'old', stray), fresh: null, file: false, asided: false, placed: false });
      counts.removed++;
    }
    swap(moves);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (recordDir !== null) {
    for (const r of records) {
      const stats = statsAfter(r);
      if (stats) saveFolderRecord(recordDir, r.folder, r.shas, stats);
    }
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
