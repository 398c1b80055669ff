/**
 * The catalogue: all that the years share, read from front-matter alone
 * (issue 16). Years, heads, programmes, members and their identity across
 * years and editions, counts, sources — the archive of every year with no
 * body rendered and no Markdown kept. The shell's pages are built from it,
 * and each year's unit is handed its slice (catalogueSlice: who its members
 * are across the archive), so no unit reads another year's replies.
 *
 * Front-matter is cached per year in `.cache/catalogue/` (ARCHIVE_CACHE),
 * keyed by the year's file names, sizes and modification times: an unchanged
 * year is read back as one JSON file instead of parsing thousands of YAML
 * headers. An entry is written whole (temporary file, then rename).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadArchive, loadEdition } from '../site/data/load.ts';
import { memberIdentity, type MemberIdentity } from '../site/data/group.ts';
import type { Archive, Edition } from '../model/reply.ts';

/** The cache root (`.cache`, or ARCHIVE_CACHE). */
export function cacheRoot(): string {
  return process.env.ARCHIVE_CACHE ?? '.cache';
}

/** The files' names, sizes and modification times, hashed: what decides whether a year's cached front-matter is still right. */
function statKey(files: readonly string[]): string {
  const hash = createHash('sha256').update('catalogue 1\u0000');
  for (const f of files) {
    const st = statSync(f);
    hash.update(`${path.basename(f)}\u0000${st.size}\u0000${st.mtimeMs}\u0000`);
  }
  return hash.digest('hex').slice(0, 32);
}

/** One year's editions, front-matter only, through the cache; `cacheDir` null: no cache. */
function readYearCached(cacheDir: string | null, year: string, files: string[], shownAs: (file: string) => string): Edition[] {
  if (cacheDir === null) return files.map((f) => loadEdition(f, shownAs(f), false));
  const key = statKey(files);
  const entry = path.join(cacheDir, `${year}-${key}.json`);
  if (existsSync(entry)) {
    const cached = JSON.parse(readFileSync(entry, 'utf8')) as Edition[];
    // Messages name files as this run shows them (the cache may have been written from elsewhere).
    return cached.map((e, i) => ({ ...e, file: shownAs(files[i]!) }));
  }
  const editions = files.map((f) => loadEdition(f, shownAs(f), false));
  mkdirSync(cacheDir, { recursive: true });
  // One entry per year: the year's older entries go.
  for (const name of readdirSync(cacheDir)) if (name.startsWith(`${year}-`)) rmSync(path.join(cacheDir, name), { force: true });
  const partial = `${entry}.partial-${process.pid}`;
  writeFileSync(partial, JSON.stringify(editions));
  renameSync(partial, entry);
  return editions;
}

/** The catalogue of `contentDir`: every year's front-matter (cached), grouped; background pages and sources as the shell shows them. */
export function readCatalogue(contentDir: string, repoRoot = process.cwd(), cacheDir: string | null = path.join(cacheRoot(), 'catalogue')): Archive {
  return loadArchive(contentDir, repoRoot, {
    bodies: false,
    readYear: (year, files, shownAs) => readYearCached(cacheDir, year, files, shownAs),
  });
}

/** The budget years of the catalogue, in order. */
export function catalogueYears(catalogue: Archive): string[] {
  return catalogue.years.map((y) => y.year);
}

/**
 * What a year's unit needs from the catalogue: who each of its replies' members
 * is across the archive (the member's page and names in every language). It is
 * part of the unit's key: a member's English name learnt from another year
 * changes this year's pages, and only then.
 */
export interface CatalogueSlice {
  year: string;
  identity: MemberIdentity;
}

export function catalogueSlice(catalogue: Archive, year: string): CatalogueSlice {
  return { year, identity: memberIdentity(catalogue.members, new Set([year])) };
}
