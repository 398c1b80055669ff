/**
 * The build of the whole site (issue 16): the catalogue (front-matter of every
 * year, catalogue.ts), then each budget year's unit (unit.ts: its own child
 * process, reused from `.cache/units/` while its key is unchanged) linked into
 * the output, then the shell (shell.ts) from the catalogue and the units'
 * search summaries. Written to `<outDir>.partial` and swapped in only when
 * every unit and the shell succeeded: a failed build leaves the previous site
 * as it was and no half-written output.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../_data/site.ts';
import type { YearSearchSummary } from '../search/build-index.ts';
import { readCatalogue } from './catalogue.ts';
import { planUnits } from './plan.ts';
import { buildShell, type ShellStep } from './shell.ts';
import { buildUnit, linkTree, type UnitStep } from './unit.ts';

/** Removes `dir` in a process of its own that outlives this one (stdout/stderr closed). */
function deleteInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}

/** Every unit then the shell into `dir`; `steps` limits both to some steps (the benchmark's per-step runs, no unit cache). */
async function buildInto(settings: Settings, dir: string, steps?: { unit: readonly UnitStep[]; shell: readonly ShellStep[] }): Promise<void> {
  const seconds: string[] = [];
  let started = performance.now();
  const catalogue = readCatalogue(settings.contentDir);
  const plans = planUnits(catalogue, settings);
  seconds.push(`catalogue and plan ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const search: YearSearchSummary[] = [];
  let reused = 0;
  // One unit at a time: the build's peak memory is that of its largest year.
  for (const plan of plans) {
    const unit = await buildUnit(plan, settings, steps?.unit);
    if (unit.reused) reused++;
    linkTree(unit.dir, path.join(dir, plan.year));
    search.push(...unit.result.search);
  }
  seconds.push(`units ${((performance.now() - started) / 1000).toFixed(1)} s (${plans.length - reused} built, ${reused} reused)`);
  started = performance.now();
  await buildShell(settings, catalogue, search, dir, steps?.shell);
  seconds.push(`shell ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Where the time went, so a slow build points at its part.
  console.log(`Stages: ${seconds.join(', ')}`);
}

export async function build(settings: Settings): Promise<string> {
  const out = settings.outDir;
  const work = `${out}.partial`;
  rmSync(work, { recursive: true, force: true });
  try {
    await buildInto(settings, work);
    // Swap: no page of a previous build or corpus survives. The previous site is
    // renamed away at once and deleted by a detached process: at 20,000 replies
    // deleting its 60,000 files took 15–19 s, which the new site need not wait for.
    if (existsSync(out)) {
      const old = `${out}.old-${process.pid}-${Date.now()}`;
      renameSync(out, old);
      try {
        renameSync(work, out);
      } catch (err) {
        renameSync(old, out); // the previous site stays in place
        throw err;
      }
      deleteInBackground(old);
    } else {
      renameSync(work, out);
    }
    return out;
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

/** The benchmark's per-step runs (`--stage`): one step of every unit and of the shell, in place, no unit cache. Not for publishing. */
export const STAGES = {
  eleventy: { unit: ['pages', 'exports'], shell: ['pages'] },
  search: { unit: ['search'], shell: ['search'] },
  images: { unit: ['cards'], shell: ['cards'] },
} as const satisfies Record<string, { unit: readonly UnitStep[]; shell: readonly ShellStep[] }>;

export async function buildStage(stage: string, settings: Settings): Promise<string> {
  const steps = STAGES[stage as keyof typeof STAGES];
  if (!steps) throw new Error(`--stage must be one of ${Object.keys(STAGES).join(', ')}, got "${stage}"`);
  await buildInto(settings, settings.outDir, steps);
  return settings.outDir;
}
