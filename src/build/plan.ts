/**
 * Which units a build has and their keys (issue 16). A unit is one budget
 * year; its key is a hash of everything its output is made from:
 *
 * - the year's content files (names and bytes of content/replies/<year>/);
 * - its slice of the catalogue (catalogue.ts catalogueSlice);
 * - the code and templates: every file under src/ and _data/, and package-lock.json
 *   (so the versions of Eleventy, Pagefind, sharp, markdown-it…);
 * - the tool versions the lock file does not name (Node's) and the build's settings.
 *
 * Same key, same bytes: the unit is reused from the cache (unit.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../_data/site.ts';
import type { Archive } from '../model/reply.ts';
import { filesByYear } from '../site/data/load.ts';
import { catalogueSlice, catalogueYears, type CatalogueSlice } from './catalogue.ts';
import { codeHash } from '../lib/code-hash.ts';

export interface UnitPlan {
  year: string;
  key: string;
  slice: CatalogueSlice;
}

/** The build's code, templates and locked dependencies: what a unit's bytes are made by. */
const UNIT_CODE = ['src', '_data', 'package-lock.json'];

/** The hash of a year's content files (names and bytes). */
export function contentHash(contentDir: string, year: string): string {
  const hash = createHash('sha256');
  for (const f of filesByYear(contentDir).get(year) ?? []) hash.update(path.basename(f)).update('\u0000').update(readFileSync(f)).update('\u0000');
  return hash.digest('hex');
}

/** What of the settings a unit's bytes depend on (not where it is written). */
function settingsKey(settings: Settings): string {
  return JSON.stringify({ siteUrl: settings.siteUrl, offline: settings.offline, issuesUrl: settings.issuesUrl });
}

export function unitKey(settings: Settings, slice: CatalogueSlice): string {
  return createHash('sha256')
    .update(JSON.stringify({ unit: 1, year: slice.year, node: process.version, settings: settingsKey(settings), code: codeHash(UNIT_CODE) }))
    .update('\u0000')
    .update(contentHash(settings.contentDir, slice.year))
    .update('\u0000')
    .update(JSON.stringify(slice.identity))
    .digest('hex')
    .slice(0, 40);
}

/** Every unit of the catalogue, in year order, with its key. */
export function planUnits(catalogue: Archive, settings: Settings): UnitPlan[] {
  return catalogueYears(catalogue).map((year) => {
    const slice = catalogueSlice(catalogue, year);
    return { year, key: unitKey(settings, slice), slice };
  });
}
