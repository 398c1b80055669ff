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
import type { CatalogueSlice } from './catalogue.ts';
import type { CatalogueSummary } from './catalogue-summary.ts';

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

/** Every unit of the catalogue, in year order, with its key: its base and the hash of its year's content files (names and bytes, year-hashes.ts). */
export function planUnits(summary: Pick<CatalogueSummary, 'years' | 'slices' | 'contentHashes'>, settings: Settings): UnitPlan[] {
  return summary.years.map((year) => {
    const slice = summary.slices.get(year);
    const content = summary.contentHashes.get(year);
    if (slice === undefined || content === undefined) throw new Error(`plan: the catalogue has no slice or content hash for ${year}`);
    const base = unitBase(settings, slice);
    return { year, key: createHash('sha256').update(base).update('\u0000').update(content).digest('hex').slice(0, 40), base, slice };
  });
}
