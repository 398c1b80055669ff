/**
 * A year's edition files read through a cache of what was parsed from each
 * (issue 16: editing one reply must not parse its year again). One entry per
 * year and flavour — `front-matter` for the catalogue, `bodies` for a year's
 * unit (bodies rendered, tables found) — holding, for every file, its size
 * and modification time, the hash of its bytes and the edition read from it.
 * Only a file whose name, size or time changed is read again; what changed is
 * then written as a delta beside the entry (a few files: an edit), or the entry
 * anew, whole, when much did (temporary file, then rename).
 *
 * An entry is stored in V8's serialization format (node:v8), not JSON: the
 * `bodies` entry of a year of 5,500 bilingual replies (the benchmark's
 * synthetic year, 55 MB) was read in 0.46–0.60 s instead of 0.97–1.27 and
 * written in 0.48 s instead of 1.02 (throwaway script, quiet machine,
 * 2026-12-03), and an edit's unit reads it (and writes its delta, below)
 * before anything else.
 * An entry another Node wrote that this one cannot read is a cache miss.
 *
 * The entry is keyed by the build's code (src/lib/code-hash.ts): an edition parsed
 * by other code is never trusted. The hashes of the files' bytes give the
 * year's content hash (plan.ts) without reading the files again.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Edition } from '../model/reply.ts';
import { buildCodeHash } from '../lib/code-hash.ts';
import { writeFileWhole } from '../lib/cache-entry.ts';

export type EditionFlavour = 'front-matter' | 'bodies';

/** What says a file is as it was read, and what of it the year's hashes are made of. */
export interface FileHashes {
  /** `size:mtimeMs`: what says the file is as it was read. */
  stat: string;
  /** sha256 of its bytes. */
  sha: string;
  /** sha256 of its front-matter as read (the edition without body, tables or file name). */
  frontMatter: string;
}

interface CachedFile extends FileHashes {
  edition: Edition;
}

interface Entry {
  code: string;
  files: Record<string, CachedFile>;
}

export interface ReadYear {
  editions: Edition[];
  /** The hash of the year's files, names and bytes (in the order given). */
  contentHash: string;
  /** The hash of the year's front-matter alone: unchanged by an edit of a body. */
  frontMatterHash: string;
  /** Each file's hashes, by name, in the order given. */
  files: [name: string, hashes: FileHashes][];
  /** Files parsed again (the others came from the cache). */
  parsed: number;
}

export const statOf = (file: string) => {
  const st = statSync(file);
  return `${st.size}:${st.mtimeMs}`;
};

/** The hashes of a file read again: `edition` is what was read from it, `stat` its statOf taken before. */
export function fileHashes(file: string, stat: string, edition: Edition): FileHashes {
  const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
  const { markdown: _m, bodyHtml: _b, tables: _t, file: _f, ...fields } = edition;
  return { stat, sha, frontMatter: createHash('sha256').update(JSON.stringify(fields)).digest('hex') };
}

/** A year's content hash (names and bytes) and front-matter hash, from its files' hashes in the order given. */
export function yearHashesOf(files: Iterable<[name: string, hashes: FileHashes]>): { contentHash: string; frontMatterHash: string } {
  const contentHash = createHash('sha256');
  const frontMatterHash = createHash('sha256');
  for (const [name, h] of files) {
    contentHash.update(name).update('\u0000').update(h.sha).update('\u0000');
    frontMatterHash.update(name).update('\u0000').update(h.frontMatter).update('\u0000');
  }
  return { contentHash: contentHash.digest('hex'), frontMatterHash: frontMatterHash.digest('hex') };
}

/**
 * The entry in `file` and the identity of that writing of it (its inode, size and time: a delta made for
 * it is for it only), both from one open file, so that an entry another build renames into place between
 * the two is never taken for the one read; null when there is none of this code.
 */
function readEntry(file: string): { entry: Entry; base: string } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    const entry = deserialize(readFileSync(fd)) as Entry;
    return entry.code === buildCodeHash() ? { entry, base: `${st.ino}:${st.size}:${st.mtimeMs}` } : null;
  } catch {
    // A damaged entry is only a cache miss (entries are written whole, but a disk can still fill up), as is one in another Node's format.
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * What changed since an entry was written whole: the files read again since, and the names gone.
 * An edit writes this, a few files, instead of the year's entry: the `bodies` entry of the
 * benchmark's synthetic year of 5,500 bilingual replies is 65 MB (its file, 2026-12-04), written in
 * about half a second (above), on the path of an edit's unit before its pages. A delta belongs to
 * one writing of its entry (`base`, the entry file's inode, size and time) and is ignored otherwise.
 */
interface Delta {
  code: string;
  base: string;
  files: Record<string, CachedFile>;
  removed: string[];
}

/** The delta's file beside its entry's. */
const deltaFileOf = (entryFile: string) => entryFile.replace(/\.v8$/, '.delta.v8');

/**
 * A delta holds at most this share of a year's files (or 64 files, for a small year); past it, the
 * entry is written whole again and the delta removed. Every read of the year reads its delta too,
 * and every edit writes the delta whole, so a delta is kept small.
 */
const DELTA_SHARE = 0.05;

/**
 * The entry of `entryFile` with its delta applied (`entry`), the entry as written whole (`whole`, what
 * a new delta is made against) and that writing's identity (`base`); nulls: no entry of this code.
 */
function readEntryWithDelta(entryFile: string): { entry: Entry | null; whole: Entry | null; base: string | null } {
  const read = readEntry(entryFile);
  if (read === null) return { entry: null, whole: null, base: null };
  const { entry: whole, base } = read;
  const deltaFile = deltaFileOf(entryFile);
  if (!existsSync(deltaFile)) return { entry: whole, whole, base };
  try {
    const delta = deserialize(readFileSync(deltaFile)) as Delta;
    if (delta.code !== whole.code || delta.base !== base) return { entry: whole, whole, base };
    const files = { ...whole.files, ...delta.files };
    for (const name of delta.removed) delete files[name];
    return { entry: { code: whole.code, files }, whole, base };
  } catch {
    // A damaged delta is only a miss: its files are read again.
    return { entry: whole, whole, base };
  }
}

/**
 * Stores `next`: as a delta against the entry on disk (`base`, read as `written`) when few files
 * changed since it was written whole, else whole (the delta removed).
 */
function storeEntry(entryFile: string, next: Entry, written: Entry | null, base: string | null): void {
  mkdirSync(path.dirname(entryFile), { recursive: true });
  const deltaFile = deltaFileOf(entryFile);
  if (written !== null && base !== null) {
    const files: Record<string, CachedFile> = {};
    for (const [name, file] of Object.entries(next.files)) if (written.files[name] !== file) files[name] = file;
    const removed = Object.keys(written.files).filter((name) => !(name in next.files));
    const changed = Object.keys(files).length + removed.length;
    if (changed <= Math.max(64, DELTA_SHARE * Object.keys(next.files).length)) {
      writeFileWhole(deltaFile, serialize({ code: next.code, base, files, removed } satisfies Delta));
      return;
    }
  }
  writeFileWhole(entryFile, serialize(next));
  rmSync(deltaFile, { force: true });
}

/**
 * The editions of `files` (one year's), each from the cache when its file is
 * unchanged, else by `read`; `cacheDir` null: no cache. Messages name files
 * as `shownAs` gives them.
 */
export function readYearEditions(
  cacheDir: string | null,
  flavour: EditionFlavour,
  year: string,
  files: readonly string[],
  shownAs: (file: string) => string,
  read: (file: string, shownAs: string) => Edition,
): ReadYear {
  const entryFile = cacheDir === null ? null : path.join(cacheDir, `${year}.${flavour}.v8`);
  const { entry: old, whole, base } = entryFile === null ? { entry: null, whole: null, base: null } : readEntryWithDelta(entryFile);
  const next: Entry = { code: buildCodeHash(), files: {} };
  const hashes: [string, FileHashes][] = [];
  let parsed = 0;
  const editions = files.map((file) => {
    const name = path.basename(file);
    const stat = statOf(file);
    const cached = old?.files[name];
    let entry: CachedFile;
    if (cached && cached.stat === stat) entry = cached;
    else {
      parsed++;
      const edition = read(file, shownAs(file));
      entry = { ...fileHashes(file, stat, edition), edition };
    }
    next.files[name] = entry;
    hashes.push([name, { stat: entry.stat, sha: entry.sha, frontMatter: entry.frontMatter }]);
    // Messages name files as this run shows them (the cache may have been written from elsewhere).
    return { ...entry.edition, file: shownAs(file) };
  });
  const removed = old !== null && Object.keys(old.files).some((name) => !(name in next.files));
  if (entryFile !== null && (parsed > 0 || removed || old === null)) storeEntry(entryFile, next, whole, base);
  return { editions, ...yearHashesOf(hashes), files: hashes, parsed };
}
