/**
 * The benchmark of the record (issue 16 item 6): for one size, a synthetic
 * corpus of `replies` replies in budget years of `perYear`, measured as a user
 * meets it —
 * - cold: `npm run ingest` + `npm run build` from empty caches (cards and search included);
 * - editOne: one reply's source edited (in the largest year: editOneReply), then ingest + build with every cache warm;
 * - addYear: one more year of `perYear` replies added to the built archive, then ingest + build;
 * and the deploy units of the cold build (each year's folder and the shell) with their bytes and files,
 * and, last (so that it slows no timed step), the first search of each query of first-search.ts on the
 * built record in chromium: what a reader's first search loads, the newest year's index (addYear adds an
 * earlier year, so the newest is the same before and after it).
 * Each step runs as one shell command under measure.ts: CPU of every process
 * the build starts (RUSAGE_CHILDREN, the unit builds in their child processes
 * included) and the peak of the process tree's summed resident memory.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { measureStage, runTs, type StageResult } from './measure.ts';
import { addYear, editOneReply, prepareCorpus } from './run-bench.ts';
import { firstSearches } from './first-search.ts';
import { deployUnits } from '../publish/deploy-units.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GB = 1024 ** 3;

export interface StepFigures {
  wallS: number;
  cpuS: number;
  peakGB: number;
}

export interface UnitFigures {
  name: string;
  bytes: number;
  files: number;
}

/** One size's figures, as `--json` writes them (field names are the issue's). */
export interface RecordRun {
  replies: number;
  years: number;
  perYear: number;
  english: number;
  cold: StepFigures;
  addYear: StepFigures;
  editOne: StepFigures;
  units: UnitFigures[];
  siteBytes: number;
  /** siteBytes / replies: the issue's bar is 50 KB a bilingual reply. */
  bytesPerReply: number;
  /** os.loadavg() (1, 5, 15 min) when this size started and ended: figures mean little without it. */
  load: { start: number[]; end: number[] };
  /** Each query's first search on a cold cache of the built record (after addYear): gzipped bytes loaded, and the page it was typed into. */
  firstSearch: { query: string; path: string; bytes: number; found: boolean }[];
  /** Why the first searches were not measured, when they failed (the bench then exits non-zero, its figures written). */
  firstSearchError?: string;
}

export interface RecordOptions {
  replies: number;
  perYear: number;
  english: number;
  /** A fresh folder of its own (the caller makes and removes it). */
  scratch: string;
  /** Where each step's output is kept (`<logPrefix>cold.log`, …), when given (`--logs`). */
  logPrefix?: string;
  /** Measure the first searches (default true); a size's later runs skip them: their bytes are the same build's. */
  firstSearch?: boolean;
}

function figures(r: StageResult): StepFigures {
  return { wallS: round(r.wallSeconds, 2), cpuS: round(r.cpuSeconds, 2), peakGB: round(r.peakBytes / GB, 3) };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export const loadNow = () => loadavg().map((n) => round(n, 2));

/** ingest + npm run build on the scratch corpus, as one measured command; throws naming the step when it fails. */
async function ingestAndBuild(step: string, options: RecordOptions, env: Record<string, string>): Promise<StepFigures> {
  const command = `cd '${ROOT}' && ${runTs('scripts/ingest.ts')} --root '${options.scratch}' --quiet && ${runTs('scripts/build.ts')}`;
  const log = options.logPrefix === undefined ? undefined : `${options.logPrefix}${step}.log`;
  const result = await measureStage(step, command, env, true, log);
  if (result.exitCode !== 0) {
    // The end of what the step said, in the error itself: a caller (a test) may remove the log folder.
    const said = log && existsSync(log) ? `\n--- the end of ${log}:\n${readFileSync(log, 'utf8').trimEnd().split('\n').slice(-40).join('\n')}` : '';
    throw new Error(`bench: ${step} (ingest + build) failed with exit ${result.exitCode} (${options.replies} replies, ${options.perYear} a year, scratch ${options.scratch}${log ? `; its output: ${log}` : ''})${said}`);
  }
  return figures(result);
}

export async function benchRecord(options: RecordOptions): Promise<RecordRun> {
  const { replies, perYear, english, scratch } = options;
  const start = loadNow();
  const env = { ARCHIVE_CONTENT: join(scratch, 'content'), ARCHIVE_OUT: join(scratch, '_site'), ARCHIVE_CACHE: join(scratch, '.cache') };
  for (const dir of Object.values(env)) rmSync(dir, { recursive: true, force: true });
  prepareCorpus(replies, scratch, english, perYear);

  const cold = await ingestAndBuild('cold', options, env);
  // The units of the cold build: what `replies` replies publish as.
  const units = deployUnits(env.ARCHIVE_OUT).map((u) => ({ name: u.name, bytes: u.bytes, files: u.files.length }));
  const siteBytes = units.reduce((sum, u) => sum + u.bytes, 0);

  editOneReply(scratch);
  const editOne = await ingestAndBuild('editOne', options, env);

  addYear(scratch, replies, perYear, english);
  const added = await ingestAndBuild('addYear', options, env);
  const end = loadNow();

  // After the timed steps: a browser that fails here is named, and the steps' figures are kept (firstSearchError).
  let firstSearch: RecordRun['firstSearch'] = [];
  let firstSearchError: string | undefined;
  if (options.firstSearch !== false) {
    try {
      firstSearch = (await firstSearches(env.ARCHIVE_OUT)).map((m) => ({ query: m.query, path: m.path, bytes: m.bytesGzip, found: m.found }));
    } catch (err) {
      firstSearchError = `bench: the record's first search failed (${replies} replies, site ${env.ARCHIVE_OUT}): ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  return {
    replies,
    years: Math.ceil(replies / perYear),
    perYear,
    english,
    cold,
    addYear: added,
    editOne,
    units,
    siteBytes,
    bytesPerReply: Math.round(siteBytes / replies),
    load: { start, end },
    firstSearch,
    ...(firstSearchError === undefined ? {} : { firstSearchError }),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Several runs of one size as one: each step's figures are medians, field by field; units, bytes and first searches (deterministic; measured in the first run only) from the first, load over all. */
export function medianRun(runs: RecordRun[]): RecordRun {
  const step = (key: 'cold' | 'addYear' | 'editOne'): StepFigures => ({
    wallS: median(runs.map((r) => r[key].wallS)),
    cpuS: median(runs.map((r) => r[key].cpuS)),
    peakGB: median(runs.map((r) => r[key].peakGB)),
  });
  return { ...runs[0]!, cold: step('cold'), addYear: step('addYear'), editOne: step('editOne'), load: { start: runs[0]!.load.start, end: runs.at(-1)!.load.end } };
}
