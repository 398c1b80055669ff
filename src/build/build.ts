/**
 * The build of the whole site (issue 16): the catalogue (front-matter of every
 * year, catalogue.ts), then each budget year's unit (unit.ts: its own child
 * process, reused from `.cache/units/` while its key is unchanged) put into
 * the output (its files linked; a rebuilt year's previous build brought up to
 * date, an unchanged one moved from the published site), then the shell (shell.ts) from the catalogue and the units'
 * search summaries. Written to `<outDir>.partial` and swapped in only when
 * every unit and the shell succeeded: a failed build leaves the previous site
 * as it was and no half-written output.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../_data/site.ts';
import { searchCacheKeys, type YearSearchSummary } from '../search/build-index.ts';
import { pruneShards, shardCacheDir } from '../search/shard-cache.ts';
import { removeLeftovers } from '../lib/leftovers.ts';
import { withOutputLock } from '../lib/output-lock.ts';
import { swapInto } from '../lib/swap-output.ts';
import { readCatalogueSummary } from './catalogue-summary.ts';
import { planUnits } from './plan.ts';
import { buildShell, type ShellStep } from './shell.ts';
import { buildShellCached } from './shell-cache.ts';
import { buildUnit, startUnitProcess, unitIsCached, type BuiltUnit, type UnitHint, type UnitStep } from './unit.ts';
import type { StartedChild } from '../lib/child-script.ts';
import type { UnitPlan } from './plan.ts';
import { linkTree, syncTree } from '../lib/link-tree.ts';
import { placeByManifest } from '../lib/tree-manifest.ts';
import { adoptYears, isLinkedFrom, linkPublishedYear, returnYears } from './adopt-years.ts';

/**
 * Every unit then the shell into `dir`; `steps` limits both to some steps (the benchmark's per-step runs, no unit cache).
 * A reused unit already published in `settings.outDir` is linked to, not copied, and noted in `adopt`
 * (target in `dir` → published folder) for buildLocked to move in at the swap (adopt-years.ts).
 */
async function buildInto(settings: Settings, dir: string, steps?: { unit: readonly UnitStep[]; shell: readonly ShellStep[] }, adopt = new Map<string, string>()): Promise<void> {
  const seconds: string[] = [];
  let started = performance.now();
  // The first unit's process loads its modules while the catalogue's files are read (released if no unit is built).
  const firstChild = startUnitProcess();
  let plans: UnitPlan[];
  let summary: Awaited<ReturnType<typeof readCatalogueSummary>>;
  try {
    // The catalogue's summary: the catalogue itself is read only when some front-matter changed, and not held while the years are built.
    // The first year found edited is named to the first unit's process, which reads its editions while the other years are checked;
    // forgotten before the catalogue is read whole, whose process is not to run beside a year held in memory.
    let hinted = false;
    const hint = (value: UnitHint) => firstChild.hint(value);
    summary = await readCatalogueSummary(settings, undefined, undefined, {
      edited: (year) => {
        if (hinted) return;
        hinted = true;
        hint({ year, contentDir: settings.contentDir });
      },
      readingCatalogue: () => hint(null),
    });
    plans = planUnits(summary, settings);
  } catch (err) {
    void firstChild.release();
    throw err;
  }
  seconds.push(`catalogue and plan ${((performance.now() - started) / 1000).toFixed(1)} s (${summary.made ? 'catalogue read' : 'front-matter unchanged: catalogue summary reused'})`);
  started = performance.now();
  const search: YearSearchSummary[] = [];
  let reused = 0;
  // One unit at a time: the build's peak memory is that of its largest year.
  for await (const { plan, unit } of unitsInTurn(plans, settings, dir, steps?.unit, firstChild)) {
    const target = path.join(dir, plan.year);
    if (unit.reused) reused++;
    const published = path.join(settings.outDir, plan.year);
    // The offline copy's search rewrites files in the years' folders (search/offline-bundle.ts): never adopted.
    if (unit.reused && !settings.offline && dir !== settings.outDir && isLinkedFrom(unit.dir, published)) {
      linkPublishedYear(published, target);
      adopt.set(target, published);
    } else if (unit.spare !== null) {
      const t = performance.now();
      // By the two entries' manifests when they describe the folders (tree-manifest.ts), else by reading both.
      const listed = unit.manifests && placeByManifest(unit.dir, unit.spare, unit.manifests.spare, unit.manifests.dir);
      const changed = listed ?? syncTree(unit.dir, unit.spare);
      console.log(`Unit ${plan.year}: placed from its previous build in ${((performance.now() - t) / 1000).toFixed(1)} s (${changed} files linked or removed${listed === null ? '' : ', by its manifests'})`);
    } else linkTree(unit.dir, target);
    search.push(...unit.result.search);
  }
  seconds.push(`units ${((performance.now() - started) / 1000).toFixed(1)} s (${plans.length - reused} built, ${reused} reused)`);
  started = performance.now();
  // The benchmark's per-step runs build the shell's steps without the cache; so does the offline copy,
  // whose search rewrites files in the years' folders too (search/offline-bundle.ts), which an entry of the shell does not hold.
  const shell = steps || settings.offline ? await buildShell(settings, summary, search, dir, steps?.shell) : await buildShellCached(settings, summary, search, dir);
  // The search-part cache keeps the parts the years and the shell now use (a unit rebuilt for a template change or an edit reuses its year's unchanged parts).
  const shards = shardCacheDir();
  if (!steps && shards) pruneShards(shards, new Set([...searchCacheKeys(search), ...shell.searchCacheKeys]));
  seconds.push(`shell ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Where the time went, so a slow build points at its part.
  console.log(`Stages: ${seconds.join(', ')}`);
}

/**
 * Each plan's unit (buildUnit), one after another. A unit that is built gets a process started ahead
 * (unit.ts startUnitProcess): `first` for the first one, then, as soon as one is built, a process for the
 * next to build, which loads while the caller places the one just built. One left unused is released.
 * The reused units after one that is built are read while it builds (readReusedAhead).
 */
async function* unitsInTurn(plans: readonly UnitPlan[], settings: Settings, dir: string, steps: readonly UnitStep[] | undefined, first: StartedChild): AsyncGenerator<{ plan: UnitPlan; unit: BuiltUnit }> {
  let child: StartedChild | null = first;
  // Reused units read while a unit is built in its process (readReusedAhead), by their plan's index, with their log lines.
  const ahead = new Map<number, { unit: Promise<BuiltUnit>; lines: string[] }>();
  try {
    for (const [i, plan] of plans.entries()) {
      // A rebuilt year's previous build comes to `target` (the new site's, never the published one), to be brought up to date.
      const target = path.join(dir, plan.year);
      const early = ahead.get(i);
      ahead.delete(i);
      for (const line of early?.lines ?? []) console.log(line);
      const building = early?.unit ?? buildUnit(plan, settings, steps, { spareAt: dir !== settings.outDir ? target : undefined, child: child ?? undefined });
      if (!early && steps === undefined && !unitIsCached(plan)) readReusedAhead(plans, i, settings, ahead);
      const unit = await building;
      if (!unit.reused) child = null;
      if (child === null && plans.slice(i + 1).some((p) => steps !== undefined || !unitIsCached(p))) child = startUnitProcess();
      yield { plan, unit };
    }
  } finally {
    void child?.release();
  }
}

/**
 * While the unit of `plans[building]` is built in its own process, the reused units after it, up to the
 * next one to build, are read here (buildUnit: their unit.json, each 1.6 MB with its year's search
 * lexicons in the benchmark's record) while that process works, instead of one after another once it
 * is done. In the 19-year record, reading the 19 years' unit.json took 1.06–1.12 s (throwaway script,
 * load about 3); in an edit's build, buildUnit took 0.94 s of the build process's CPU, most of it after
 * the edited year's unit (node --cpu-prof of the build, 2026-12-05). Their log lines wait for their turn.
 */
function readReusedAhead(plans: readonly UnitPlan[], building: number, settings: Settings, ahead: Map<number, { unit: Promise<BuiltUnit>; lines: string[] }>): void {
  for (let j = building + 1; j < plans.length && unitIsCached(plans[j]!); j++) {
    const lines: string[] = [];
    const unit = buildUnit(plans[j]!, settings, undefined, { log: (line) => lines.push(line) });
    unit.catch(() => {}); // awaited in its turn, which a failure before it never reaches: not an unhandled rejection
    ahead.set(j, { unit, lines });
  }
}

/**
 * The output folder's parent can be made and written, checked before the lock
 * and any work: an unwritable ARCHIVE_OUT is one line naming it, not an error
 * about a lock or a stack trace from deep in Eleventy (or, on a read-only file
 * system such as /proc, no answer at all). The probe has this process's own name.
 */
function assertWritable(out: string): void {
  const probe = `${out}.write-test-${process.pid}`;
  try {
    // One folder at a time: Node 20's recursive mkdir never returns on some read-only file systems (/proc).
    const missing: string[] = [];
    for (let dir = path.dirname(path.resolve(out)); !existsSync(dir); dir = path.dirname(dir)) missing.unshift(dir);
    for (const dir of missing) mkdirSync(dir);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    throw new Error(`cannot write the site to ${out} (ARCHIVE_OUT): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** One build per output folder at a time (a second waits, naming the holder); an interrupted build's leftovers are removed first. */
export const build = async (settings: Settings): Promise<string> => {
  assertWritable(settings.outDir);
  return withOutputLock(settings.outDir, () => buildLocked(settings));
};

async function buildLocked(settings: Settings): Promise<string> {
  const out = settings.outDir;
  const work = `${out}.partial`;
  removeLeftovers(out);
  const adopt = new Map<string, string>();
  try {
    await buildInto(settings, work, undefined, adopt);
    // The unchanged years move from the published site into the new one, then the swap: no page of a
    // previous build or corpus survives; the previous site is deleted in the background.
    adoptYears(adopt);
    try {
      swapInto(work, out);
    } catch (err) {
      returnYears(adopt);
      throw err;
    }
    return out;
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

/** The benchmark's per-step runs (`--stage`): one step of every unit and of the shell, in place, no unit cache. Not for publishing. */
export const STAGES = {
  eleventy: { unit: ['pages'], shell: ['pages'] },
  data: { unit: ['exports'], shell: ['exports'] },
  search: { unit: ['search'], shell: ['search'] },
  images: { unit: ['cards'], shell: ['cards'] },
} as const satisfies Record<string, { unit: readonly UnitStep[]; shell: readonly ShellStep[] }>;

export async function buildStage(stage: string, settings: Settings): Promise<string> {
  const steps = STAGES[stage as keyof typeof STAGES];
  if (!steps) throw new Error(`--stage must be one of ${Object.keys(STAGES).join(', ')}, got "${stage}"`);
  await withOutputLock(settings.outDir, () => buildInto(settings, settings.outDir, steps));
  return settings.outDir;
}
