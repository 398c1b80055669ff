/**
 * The catalogue: all that the years share, read from front-matter alone
 * (issue 16). Years, heads, programmes, members and their identity across
 * years and editions, counts, sources — the archive of every year with no
 * body rendered and no Markdown kept. The shell's pages are built from it,
 * and each year's unit is handed its slice (catalogueSlice: who its members
 * are across the archive), so no unit reads another year's replies.
 *
 * Front-matter is cached per file in `.cache/editions/` (ARCHIVE_CACHE;
 * edition-cache.ts): an unchanged file is read back from one JSON file per
 * year instead of parsing thousands of YAML headers, and an edit parses only
 * the edited file.
 */
import path from 'node:path';
import { loadArchive, loadEdition } from '../site/data/load.ts';
import { memberIdentity, type MemberIdentity } from '../site/data/group.ts';
import type { Archive } from '../model/reply.ts';
import { readYearEditions } from './edition-cache.ts';

/** The cache root (`.cache`, or ARCHIVE_CACHE). */
export function cacheRoot(): string {
  return process.env.ARCHIVE_CACHE ?? '.cache';
}

/** The catalogue: the archive without bodies (the years' hashes are year-hashes.ts's). */
export type Catalogue = Archive;

/** The catalogue of `contentDir`: every year's front-matter (cached per file), grouped; background pages and sources as the shell shows them. */
export function readCatalogue(contentDir: string, repoRoot = process.cwd(), cacheDir: string | null = path.join(cacheRoot(), 'editions')): Catalogue {
  return loadArchive(contentDir, repoRoot, {
    bodies: false,
    readYear: (year, files, shownAs) => readYearEditions(cacheDir, 'front-matter', year, files, shownAs, (f, shown) => loadEdition(f, shown, false)).editions,
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
