/**
 * A year's hashes without its editions (issue 16: an edit at the record's
 * size must not read 200,000 editions' front-matter). What the build needs of
 * an unchanged year is two hashes — its files' bytes (the unit's key) and its
 * front-matter (the catalogue's and the shell's key) — and these are kept beside the edition
 * cache in `<year>.hashes.json`, under the names, sizes and modification
 * times of the year's files. While those are unchanged the hashes are read
 * from there, and the year's editions (one JSON file of some thousands of
 * editions) are not read at all. When some changed (an edit), each file's own
 * hashes are kept too, in `<year>.file-hashes.json`, and only the changed
 * files are read again: reading the year through the edition cache instead
 * (edition-cache.ts: its 10 MB of front-matter parsed and written again for
 * one file) took 1.2–1.5 s of an edit's build against 0.3 s for an unchanged
 * year (readCatalogueSummary after touching one file of the benchmark's
 * 5,500-reply year, three runs, load 3–5). Without that file (a first build)
 * the year is read through the edition cache, which the catalogue reads too.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../model/reply.ts';
import { buildCodeHash } from '../lib/code-hash.ts';
import { writeFileWhole } from '../lib/cache-entry.ts';
import { fileHashes, readYearEditions, statOf, yearHashesOf, type FileHashes } from './edition-cache.ts';
import { loadEdition } from '../site/data/load.ts';

export interface YearHashes {
  contentHash: string;
  frontMatterHash: string;
  /** Some of the year's files changed since its hashes were kept, and only those were read again: an edit (not a first build). */
  edited?: boolean;
}

interface Stored {
  code: string;
  /** The files' names, sizes and times, hashed. */
  files: string;
  contentHash: string;
  frontMatterHash: string;
}

/** `<year>.file-hashes.json`: each file's hashes by name, read only when some file changed. */
interface StoredFiles {
  code: string;
  files: Record<string, FileHashes>;
}

/** The names, sizes and modification times of `files` (statOf, in order), hashed: what says a year is as it was read. */
function statsHash(files: readonly string[], stats: readonly string[], shownAs: (file: string) => string): string {
  // One update of the year's lines, not one a file: the same bytes hashed (an update a file was about 4 times slower: folder-record.ts digestOf).
  return createHash('sha256')
    .update(files.map((file, i) => `${shownAs(file)}\u0000${stats[i]}\u0000`).join(''))
    .digest('hex');
}

/** A cache file of this code, or null (missing, damaged, or written by other code: only a miss). */
function readStored<T extends { code: string }>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as T;
    return stored.code === buildCodeHash() ? stored : null;
  } catch {
    return null;
  }
}

/**
 * The hashes of one year's `files`: from `<cacheDir>/<year>.hashes.json` while
 * the files are as they were, else from each file's hashes, reading (`read`)
 * only the files that changed, and stored. `cacheDir` null: always read.
 */
export function readYearHashes(
  cacheDir: string | null,
  year: string,
  files: readonly string[],
  shownAs: (file: string) => string,
  read: (file: string, shownAs: string) => Edition,
): YearHashes {
  if (cacheDir === null) {
    const { contentHash, frontMatterHash } = readYearEditions(null, 'front-matter', year, files, shownAs, read);
    return { contentHash, frontMatterHash };
  }
  const entryFile = path.join(cacheDir, `${year}.hashes.json`);
  const filesFile = path.join(cacheDir, `${year}.file-hashes.json`);
  const stats = files.map(statOf);
  const statsKey = statsHash(files, stats, shownAs);
  const stored = readStored<Stored>(entryFile);
  if (stored && stored.files === statsKey) return { contentHash: stored.contentHash, frontMatterHash: stored.frontMatterHash };
  const known = readStored<StoredFiles>(filesFile)?.files;
  let perFile: [string, FileHashes][];
  if (known) {
    perFile = files.map((file, i) => {
      const name = path.basename(file);
      const was = known[name];
      return [name, was && was.stat === stats[i] ? was : fileHashes(file, stats[i]!, read(file, shownAs(file)))];
    });
  } else perFile = readYearEditions(cacheDir, 'front-matter', year, files, shownAs, read).files;
  const hashes = yearHashesOf(perFile);
  mkdirSync(cacheDir, { recursive: true });
  writeFileWhole(filesFile, JSON.stringify({ code: buildCodeHash(), files: Object.fromEntries(perFile) } satisfies StoredFiles));
  writeFileWhole(entryFile, JSON.stringify({ code: buildCodeHash(), files: statsKey, ...hashes } satisfies Stored));
  return { ...hashes, edited: known !== undefined };
}

/**
 * Whether readYearHashes will read every file of the year: no hashes of this code kept for it (a first build, or
 * other code). Told by `<year>.hashes.json`, written with `<year>.file-hashes.json` and a few hundred bytes where
 * that one is a hundred bytes a file: reading the record's 19 file-hashes files to tell took a second or more.
 */
export function readsWholeYear(cacheDir: string | null, year: string): boolean {
  return cacheDir === null || readStored<Stored>(path.join(cacheDir, `${year}.hashes.json`)) === null;
}

/** readYearHashes of the front-matter, files named relative to `repoRoot`: plain arguments, so a worker thread can run it. */
export function frontMatterYearHashes(cacheDir: string | null, year: string, files: readonly string[], repoRoot: string): YearHashes {
  // A file under the repository is named by cutting its path (path.relative, the same name, was 0.2 s of the record's 200,000 files).
  const under = repoRoot.endsWith(path.sep) ? repoRoot : `${repoRoot}${path.sep}`;
  const shownAs = (file: string) => (file.startsWith(under) && !file.includes(`${path.sep}..`) ? file.slice(under.length) : path.relative(repoRoot, file) || file);
  return readYearHashes(cacheDir, year, files, shownAs, (f, shown) => loadEdition(f, shown, false));
}
