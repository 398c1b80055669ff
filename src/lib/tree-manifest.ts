/**
 * A folder's files by inode, written when a cache entry is made, so that the
 * next build of the same unit can bring a copy of that entry up to date by
 * changing only what differs, without reading the copy (src/build/unit.ts: a
 * rebuilt year's previous build becomes its new one).
 *
 * Why: syncTree (link-tree.ts) finds what differs by two stats a file and a
 * listing of every folder on both sides. For the 41,406 files in 11,124 folders
 * of a year of 5,500 bilingual replies, placing an edited year took 1.0–1.2 s
 * at one year, and 1.0–1.4 s (hand-built runs) to 3.2–3.4 s (`npm run bench`)
 * in the 19-year record, whose other years' files crowd the kernel's caches; by
 * the manifests, 0.2 s at one year and 0.1–0.3 s in the record (the build's log
 * line of each run, 2026-12-04). The unit's process stats its own files once
 * (it counted them already); the build then compares two lists.
 *
 * Inodes are compared, as syncTree does: the new entry's unchanged files are hard
 * links of the previous entry's. A manifest describes its folder only while that
 * folder is the one it was taken of: its root's device, inode and birth time are
 * kept and checked, so a folder restored from an archive or copied (new inodes,
 * which could repeat old numbers) is synced the slow way instead.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileWhole } from './cache-entry.ts';
import { linkFile } from './link-tree.ts';

/** A manifest's name in a cache entry (a unit's, beside unit.json: of its `site/<year>/`). */
export const TREE_MANIFEST = 'tree.v8';

export interface TreeManifest {
  /** The folder itself, as the manifest was taken: what says a folder is still that one. */
  root: { dev: number; ino: number; birthtimeMs: number };
  /** Every folder under the root, relative, parents before children. */
  dirs: string[];
  /** Every file (or other non-folder) under the root, relative, with its inode. */
  files: [name: string, ino: number][];
}

/** The manifest of `dir`, taken now. */
export function treeManifest(dir: string): TreeManifest {
  return new ManifestInPieces(dir, []).whole();
}

/**
 * The manifest of a folder that is still being written in some of its sub-folders, taken in pieces:
 * the rest at once, each of those when its writer is done (add), and whatever is still missing at the
 * end (whole). A unit lists its pages and exports while its threads still draw its cards and index its
 * search (src/build/unit-process.ts), instead of listing all of it after them.
 */
export class ManifestInPieces {
  private readonly manifest: TreeManifest;
  private readonly missing: Set<string>;

  /** Lists `dir` now, but for the folders named in `later` (relative to `dir`). */
  constructor(
    private readonly dir: string,
    later: readonly string[],
  ) {
    const st = statSync(dir);
    this.missing = new Set(later);
    this.manifest = { root: { dev: st.dev, ino: st.ino, birthtimeMs: st.birthtimeMs }, dirs: [], files: [] };
    walkInto(this.manifest, dir, '', this.missing);
  }

  /** Lists those of `folders` (of `later`) that are now written; one that is not there is not (and never was) in the folder. */
  add(folders: readonly string[]): void {
    for (const rel of folders) {
      if (!this.missing.delete(rel)) continue;
      if (!statSync(path.join(this.dir, rel), { throwIfNoEntry: false })?.isDirectory()) continue;
      this.manifest.dirs.push(rel);
      walkInto(this.manifest, this.dir, rel, new Set());
    }
  }

  /** The manifest of the whole folder: the folders of `later` not added yet are listed now. */
  whole(): TreeManifest {
    this.add([...this.missing]);
    return this.manifest;
  }
}

/** Adds the folders and files under `dir/rel` to `manifest` (folders before what they hold), but for the folders in `skip`. */
function walkInto(manifest: TreeManifest, dir: string, rel: string, skip: ReadonlySet<string>): void {
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const name = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (skip.has(name)) continue;
      manifest.dirs.push(name);
      walkInto(manifest, dir, name, skip);
    } else manifest.files.push([name, lstatSync(path.join(dir, name)).ino]);
  }
}

export function writeTreeManifest(file: string, manifest: TreeManifest): void {
  writeFileWhole(file, serialize(manifest));
}

/** The manifest in `file`, or null when there is none or it cannot be read (an entry made before manifests). */
export function readTreeManifest(file: string): TreeManifest | null {
  try {
    return deserialize(readFileSync(file)) as TreeManifest;
  } catch {
    return null;
  }
}

/** Whether `dir` is the very folder `manifest` was taken of (moved or renamed since, on the same device, is the same folder). */
function describes(manifest: TreeManifest, dir: string): boolean {
  const st = statSync(dir, { throwIfNoEntry: false });
  const { root } = manifest;
  // A file system that keeps no birth time gives 0: then nothing tells a copy from the original.
  return st !== undefined && root.birthtimeMs > 0 && st.dev === root.dev && st.ino === root.ino && st.birthtimeMs === root.birthtimeMs;
}

/**
 * Makes `to` hold exactly the files of `from`, hard-linked, as syncTree does, when `before`
 * is the manifest of `to` (unchanged since it was taken) and `after` that of `from`: a
 * file of the same inode in both stays, any other is linked anew, and what `from` lacks
 * is removed, folders included. Returns the number of files linked or removed; null when
 * `before` does not describe `to`, or a name is a file on one side and a folder on the
 * other (the caller syncs the slow way).
 */
export function placeByManifest(from: string, to: string, before: TreeManifest, after: TreeManifest): number | null {
  if (!describes(before, to)) return null;
  const dirsBefore = new Set(before.dirs);
  const dirsAfter = new Set(after.dirs);
  const filesBefore = new Map(before.files);
  const filesAfter = new Map(after.files);
  if (after.files.some(([name]) => dirsBefore.has(name)) || before.files.some(([name]) => dirsAfter.has(name))) return null;
  let changed = 0;
  for (const [name] of before.files) {
    if (filesAfter.has(name)) continue;
    rmSync(path.join(to, name), { force: true });
    changed++;
  }
  // Deepest first, so that a folder is empty of folders when it goes (rmdir-like; its files went above).
  for (const dir of [...before.dirs].reverse()) if (!dirsAfter.has(dir)) rmSync(path.join(to, dir), { recursive: true, force: true });
  for (const dir of after.dirs) if (!dirsBefore.has(dir)) mkdirSync(path.join(to, dir), { recursive: true });
  for (const [name, ino] of after.files) {
    const was = filesBefore.get(name);
    if (was === ino) continue;
    const target = path.join(to, name);
    if (was !== undefined) rmSync(target, { force: true });
    linkFile(path.join(from, name), target);
    changed++;
  }
  return changed;
}
