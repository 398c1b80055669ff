/**
 * A year's hashes without its editions (issue 16: an edit at the record's
 * size must not read 200,000 editions' front-matter). What the build needs of
 * an unchanged year is two hashes — its files' bytes (the unit's key) and its
 * front-matter (the catalogue's and the shell's key) — and these are kept beside the edition
 * cache in `<year>.hashes.json`, under the names, sizes and modification
 * times of the year's files. While those are unchanged the hashes are read
 * from there, and the year's editions (one JSON file of some thousands of
 * editions) are not read at all; else the year is read through the edition
 * cache (edition-cache.ts), which parses only the changed files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../model/reply.ts';
import { buildCodeHash } from '../lib/code-hash.ts';
import { writeFileWhole } from '../lib/cache-entry.ts';
import { readYearEditions } from './edition-cache.ts';

export interface YearHashes {
  contentHash: string;
  frontMatterHash: string;
}

interface Stored {
  code: string;
  /** The files' names, sizes and times, hashed. */
  files: string;
  contentHash: string;
  frontMatterHash: string;
}

/** The names, sizes and modification times of `files`, hashed: what says a year is as it was read. */
function statsOf(files: readonly string[], shownAs: (file: string) => string): string {
  const hash = createHash('sha256');
  for (const file of files) {
    const st = statSync(file);
    hash.update(`${shownAs(file)}\u0000${st.size}:${st.mtimeMs}\u0000`);
  }
  return hash.digest('hex');
}

function readStored(file: string): Stored | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stored;
  } catch {
    // A damaged entry is only a miss.
    return null;
  }
}

/**
 * The hashes of one year's `files`: from `<cacheDir>/<year>.hashes.json` while
 * the files are as they were, else read through the edition cache (front-matter
 * flavour, `read` for a changed file) and stored. `cacheDir` null: always read.
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
  const stats = statsOf(files, shownAs);
  const stored = readStored(entryFile);
  if (stored && stored.code === buildCodeHash() && stored.files === stats) {
    return { contentHash: stored.contentHash, frontMatterHash: stored.frontMatterHash };
  }
  const { contentHash, frontMatterHash } = readYearEditions(cacheDir, 'front-matter', year, files, shownAs, read);
  const next: Stored = { code: buildCodeHash(), files: stats, contentHash, frontMatterHash };
  mkdirSync(cacheDir, { recursive: true });
  writeFileWhole(entryFile, JSON.stringify(next));
  return { contentHash, frontMatterHash };
}
