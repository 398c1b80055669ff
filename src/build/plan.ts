/**
 * Which units a build has and their keys (issue 16). A unit is one budget
 * year; its key is a hash of everything its output is made from:
 *
 * - the year's content files (names and bytes of content/replies/<year>/);
 * - its slice of the catalogue (catalogue.ts catalogueSlice);
 * - the code and templates, the tool versions (src/lib/code-hash.ts) and the build's settings.
 *
 * Same key, same bytes: the unit is reused from the cache (unit.ts).
 */
import { createHash } from 'node:crypto';
import type { Settings } from '../../_data/site.ts';
import { buildCodeHash } from '../lib/code-hash.ts';
import { catalogueSlice, catalogueYears, type Catalogue, type CatalogueSlice } from './catalogue.ts';

export interface UnitPlan {
  year: string;
  key: string;
  /** The key without the year's content: what every page of the unit is made with (its code, tools, settings, catalogue slice). */
  base: string;
  slice: CatalogueSlice;
}

/** What of the settings a unit's bytes depend on (not where it is written). */
export function settingsKey(settings: Settings): string {
  return JSON.stringify({ siteUrl: settings.siteUrl, offline: settings.offline, issuesUrl: settings.issuesUrl });
}

/** Everything a unit is made of but the year's content files. */
export function unitBase(settings: Settings, slice: CatalogueSlice): string {
  return createHash('sha256')
    .update(JSON.stringify({ unit: 1, year: slice.year, node: process.version, settings: settingsKey(settings), code: buildCodeHash() }))
    .update('\u0000')
    .update(JSON.stringify(slice.identity))
    .digest('hex')
    .slice(0, 40);
}

/** Every unit of the catalogue, in year order, with its key: its base and the hash of its year's content files (names and bytes, catalogue.ts). */
export function planUnits(catalogue: Catalogue, settings: Settings): UnitPlan[] {
  return catalogueYears(catalogue).map((year) => {
    const slice = catalogueSlice(catalogue, year);
    const base = unitBase(settings, slice);
    const content = catalogue.contentHashes.get(year);
    if (content === undefined) throw new Error(`plan: the catalogue has no content hash for ${year}`);
    return { year, key: createHash('sha256').update(base).update('\u0000').update(content).digest('hex').slice(0, 40), base, slice };
  });
}
