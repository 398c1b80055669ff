/**
 * One budget year as a unit of build (issue 16): its reply pages in both
 * interfaces, head, programme and year pages, their feeds, the table CSVs,
 * its data exports, its sitemap part, share cards and search bundles — every
 * file under `/<year>/`, and nothing else.
 *
 * A unit is built in a child process of its own (memory is given back when it
 * ends, so the build's peak is that of the largest year), into
 * `.cache/units/<year>/<key>.partial-<pid>/`, renamed to
 * `.cache/units/<year>/<key>/` when complete (an entry is whole or absent),
 * and reused while its key (plan.ts) is unchanged. The entry holds `site/<year>/`
 * and `unit.json` (what the shell needs: the search bundles' summaries), and `tree.v8`, the
 * year's files by inode (tree-manifest.ts), from which its next build places the year.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../../_data/site.ts';
import type { YearSearchSummary } from '../search/build-index.ts';
import { cacheRoot, type CatalogueSlice } from './catalogue.ts';
import type { UnitPlan } from './plan.ts';
import { linkTree } from '../lib/link-tree.ts';
import { deleteAside } from '../lib/delete-later.ts';
import { startChildScript, type StartedChild } from '../lib/child-script.ts';
import { running } from '../lib/processes.ts';
import { readTreeManifest, TREE_MANIFEST, type TreeManifest } from '../lib/tree-manifest.ts';

/** The steps of a unit, in order (unit-process.ts runs them; the search index reads the pages, and the steps after it may run beside it); `exports`: the year's open data (src/open-data writeYearExports). */
export const UNIT_STEPS = ['pages', 'search', 'cards', 'exports'] as const;
export type UnitStep = (typeof UNIT_STEPS)[number];

/** What the child process is handed (as a JSON file). */
export interface UnitInput {
  year: string;
  key: string;
  settings: Settings;
  slice: CatalogueSlice;
  /** The site folder it builds into; only `<siteDir>/<year>/` is kept. */
  siteDir: string;
  /** Where it writes unit.json. */
  resultFile: string;
  steps: readonly UnitStep[];
  /** What every page is made with besides the year's content (plan.ts UnitPlan.base): part of each page's input hash. */
  base: string;
  /** The year's previous cache entry, whose unchanged pages are linked instead of rendered (page-reuse.ts); null: render every page. */
  previous: string | null;
  /** The entry folder being written (its pages.json goes there). */
  entryDir: string;
}

/** What a built unit tells the shell (unit.json). */
export interface UnitResult {
  year: string;
  key: string;
  search: YearSearchSummary[];
  /** Files under `/<year>/`. */
  files: number;
  seconds: number;
}

export interface BuiltUnit {
  result: UnitResult;
  /** The unit's folder in the cache entry: `…/site/<year>/`. */
  dir: string;
  /** Reused from the cache, not built. */
  reused: boolean;
  /**
   * The year's previous build (`site/<year>` of the entry this one replaced), moved to the caller's
   * `spareAt` instead of being deleted, or null. Its files are mostly this unit's very files (the
   * unchanged pages were linked from it), so the caller brings it up to date (tree-manifest.ts placeByManifest, else link-tree.ts syncTree)
   * instead of making every folder and link of the year again.
   */
  spare: string | null;
  /** The manifests of `spare` (the previous entry's) and of `dir` (this entry's), when both entries have one: `spare` is brought up to date from them (tree-manifest.ts). */
  manifests: { spare: TreeManifest; dir: TreeManifest } | null;
}

const CHILD = fileURLToPath(new URL('./unit-process.ts', import.meta.url));

/**
 * What the build may tell a unit's process started ahead, before its input (StartedChild.hint): a year
 * found edited while the catalogue's other years are still checked, whose editions the process reads
 * while it waits (unit-process.ts); null: forget it (the catalogue is about to be read whole, and its
 * memory is not to be added to a year's).
 */
export type UnitHint = { year: string; contentDir: string } | null;

/**
 * A unit's process collects its garbage in its own threads (`--single-threaded-gc`): V8's parallel and
 * concurrent collection adds helper threads, and a unit already keeps the machine's cores busy with its
 * own worker threads and processes. Paired edits of a built copy of the benchmark's 19-year record, each
 * setting in turn, ingest and build (load 2.0-3.1, 2026-12-05, a noisy machine: single edits of 19.2-26.6 s):
 * the edit took -2.4, -0.4, +4.5, -1.9, -3.5 and -0.7 s with it, and less CPU in five of the six pairs.
 */
const UNIT_NODE_OPTIONS = ['--single-threaded-gc'];

/**
 * A unit's child process, started before the unit it will build is known (child-script.ts): it loads
 * its modules while the build reads the years' files (catalogue and plan: 2.2 s of an edit in the
 * 19-year record) or places the unit before, and is handed to buildUnit.
 */
export function startUnitProcess(): StartedChild {
  return startChildScript(CHILD, UNIT_NODE_OPTIONS);
}

/** Whether buildUnit would reuse `plan`'s unit from the cache (every step). */
export function unitIsCached(plan: UnitPlan): boolean {
  return existsSync(path.join(unitsCacheDir(), plan.year, plan.key, 'unit.json'));
}

export function unitsCacheDir(): string {
  return path.join(cacheRoot(), 'units');
}

/** Whether `name` is a partial entry of a process that still runs (unit.ts writes `<key>.partial-<pid>`). */
function writtenByLiveBuild(name: string): boolean {
  const pid = /\.partial-(\d+)$/.exec(name)?.[1];
  return pid !== undefined && Number(pid) !== process.pid && running(Number(pid));
}

/** Moves `from` to `to` (the previous build's year folder to where the caller wants it); null where it cannot be renamed there (another file system, a folder in the way). */
function moveSpare(from: string, to: string): string | null {
  try {
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(from, to);
    return to;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EXDEV' || code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * The unit of `plan`: from the cache when its key is there, else built in a
 * child process and stored. `steps` other than every step (the benchmark's
 * per-step runs) build without the cache. `spareAt`: where the year's previous
 * build may be moved for the caller rather than deleted (BuiltUnit.spare).
 * `child`: a process started for it (startUnitProcess), used when the unit is
 * built, not reused; else one is started here.
 */
export async function buildUnit(
  plan: UnitPlan,
  settings: Settings,
  steps: readonly UnitStep[] = UNIT_STEPS,
  { log = console.log, spareAt, child }: { log?: (line: string) => void; spareAt?: string; child?: StartedChild } = {},
): Promise<BuiltUnit> {
  const yearDir = path.join(unitsCacheDir(), plan.year);
  const entry = path.join(yearDir, plan.key);
  const whole = steps.length === UNIT_STEPS.length;
  const resultOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'unit.json'), 'utf8')) as UnitResult;
  if (whole && unitIsCached(plan)) {
    log(`Unit ${plan.year}: reused (key ${plan.key.slice(0, 12)})`);
    return { result: resultOf(entry), dir: path.join(entry, 'site', plan.year), reused: true, spare: null, manifests: null };
  }
  const partial = `${entry}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  // The year's last complete build, if any: its unchanged pages are linked, not rendered (page-reuse.ts).
  const previous = whole ? (readdirSync(yearDir).find((name) => !name.includes('.partial-') && existsSync(path.join(yearDir, name, 'unit.json'))) ?? null) : null;
  const input: UnitInput = {
    year: plan.year,
    key: plan.key,
    settings,
    slice: plan.slice,
    siteDir: path.join(partial, 'site'),
    resultFile: path.join(partial, 'unit.json'),
    steps,
    base: plan.base,
    previous: previous === null ? null : path.join(yearDir, previous),
    entryDir: partial,
  };
  const started = performance.now();
  let exited = started;
  let spare: string | null = null;
  let spareManifest: TreeManifest | null = null;
  try {
    await (child ?? startUnitProcess()).run(input, path.join(partial, 'input.json'), `unit ${input.year}`);
    exited = performance.now();
    // Only the year's folder is the unit's (Eleventy's passthrough copies, icons: the shell's).
    for (const name of readdirSync(input.siteDir)) if (name !== plan.year) rmSync(path.join(input.siteDir, name), { recursive: true, force: true });
    if (!whole) return { result: resultOf(partial), dir: path.join(input.siteDir, plan.year), reused: false, spare: null, manifests: null };
    // This entry appears whole, then the year's older ones go (one entry per year; its pages were linked from the
    // previous one), deleted in the background (delete-later.ts); the previous one's year folder goes to the caller.
    const trash = path.join(unitsCacheDir(), '.trash');
    deleteAside(entry, trash);
    renameSync(partial, entry);
    // Another build's entry being written (`<key>.partial-<pid>`) stays while that build runs.
    for (const name of readdirSync(yearDir)) {
      if (name === plan.key || writtenByLiveBuild(name)) continue;
      const old = path.join(yearDir, name);
      if (spareAt !== undefined && spare === null && old === input.previous) {
        spareManifest = readTreeManifest(path.join(old, TREE_MANIFEST));
        spare = moveSpare(path.join(old, 'site', plan.year), spareAt);
      }
      deleteAside(old, trash);
    }
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
  const result = resultOf(entry);
  // The process's own time, then what surrounds it (starting and ending the process, storing the entry): a slow build points at its part.
  const s = (ms: number) => (ms / 1000).toFixed(1);
  log(`Unit ${plan.year}: built, ${result.files} files in ${result.seconds.toFixed(1)} s (process ${s(exited - started)} s, stored in ${s(performance.now() - exited)} s; key ${plan.key.slice(0, 12)})`);
  const manifest = spare !== null && spareManifest !== null ? readTreeManifest(path.join(entry, TREE_MANIFEST)) : null;
  return { result, dir: path.join(entry, 'site', plan.year), reused: false, spare, manifests: spareManifest && manifest && { spare: spareManifest, dir: manifest } };
}
