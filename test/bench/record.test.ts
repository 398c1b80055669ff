/**
 * `npm run bench -- --json FILE` is what the figures come from, so the
 * file must describe the corpus it measured: one run per size, as many year
 * units as the corpus has years, unit sizes that add up to the site, every
 * step measured (CPU of the build's child processes included), the load the
 * machine had — and no scratch folder left behind. Timings themselves are not
 * asserted: they depend on the machine.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordRun } from '../../src/bench/record.ts';
import { FIRST_SEARCH_QUERIES } from '../../src/bench/first-search.ts';
import { DEFAULT_SEARCH_PATH } from '../../src/search/measure-browser.ts';

const REPLIES = 40;
const PER_YEAR = 15;
const dir = mkdtempSync(join(tmpdir(), 'bench-record-'));
const scratch = mkdtempSync(join(tmpdir(), 'bench-record-scratch-'));
test.after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

interface BenchJson {
  command: string;
  machine: { cores: number; memoryGB: number; coreSeconds: { start: number; end?: number } };
  load: { start: number[]; end: number[] };
  runs: RecordRun[];
}

let json: BenchJson;

test('the benchmark of a tiny record writes its figures as JSON and removes its scratch folder', () => {
  const file = join(dir, 'bench.json');
  const args = ['scripts/bench.ts', '--replies', String(REPLIES), '--per-year', String(PER_YEAR), '--runs', '1', '--skip-seed', '--english', '0.5', '--scratch', scratch, '--json', file, '--logs', join(dir, 'logs')];
  const r = spawnSync('node_modules/.bin/tsx', args, { encoding: 'utf8' });
  assert.is(r.status, 0, `bench failed:\n${r.stderr}`);
  json = JSON.parse(readFileSync(file, 'utf8')) as BenchJson;
  assert.equal(readdirSync(scratch), [], 'the run left its scratch folder behind');
  assert.match(r.stdout, /KB per reply/);
  assert.match(r.stdout, /load average/);
});

test("--logs keeps what each step's build said: its stages, and an edit builds its one year again", () => {
  const logs = join(dir, 'logs');
  assert.equal(readdirSync(logs).sort(), [`${REPLIES}-0-addYear.log`, `${REPLIES}-0-cold.log`, `${REPLIES}-0-editOne.log`]);
  const said = (step: string) => readFileSync(join(logs, `${REPLIES}-0-${step}.log`), 'utf8');
  for (const step of ['cold', 'editOne', 'addYear']) assert.match(said(step), /^Stages: catalogue and plan .*, units .*, shell /m, `${step} printed no stages`);
  const years = Math.ceil(REPLIES / PER_YEAR);
  assert.match(said('cold'), new RegExp(`\\(${years} built, 0 reused\\)`));
  assert.match(said('editOne'), new RegExp(`\\(1 built, ${years - 1} reused\\)`));
  // The added year is built, and each other year built again or reused, by its key (which holds the slice of the
  // catalogue it shows, and that can change with a new year). This tiny corpus built all four; a synthetic record
  // at 5,500 a year, the new one alone (1 built, 5 reused; ingest + build by hand, 2026-12-04).
  const added = /\((\d+) built, (\d+) reused\)/.exec(said('addYear'));
  assert.ok(added && Number(added[1]) >= 1 && Number(added[1]) + Number(added[2]) === years + 1, `addYear: ${added?.[0]}`);
});

test('one run per size, with as many year units as the corpus has years, and the shell', () => {
  assert.is(json.runs.length, 1);
  const run = json.runs[0]!;
  assert.is(run.replies, REPLIES);
  assert.is(run.english, 0.5);
  assert.is(run.years, Math.ceil(REPLIES / PER_YEAR));
  const names = run.units.map((u) => u.name);
  assert.is(names.filter((n) => /^\d{4}-\d{2}$/.test(n)).length, run.years, `units: ${names.join(', ')}`);
  assert.is(names.filter((n) => n === 'shell').length, 1, `units: ${names.join(', ')}`);
  assert.is(new Set(names).size, names.length, 'a unit is listed twice');
});

test('the units add up to the site, and the bytes per reply are the site over the replies', () => {
  const run = json.runs[0]!;
  assert.is(run.units.reduce((sum, u) => sum + u.bytes, 0), run.siteBytes);
  for (const u of run.units) assert.ok(u.bytes > 0 && u.files > 0, `${u.name}: ${u.bytes} bytes in ${u.files} files`);
  assert.is(run.bytesPerReply, Math.round(run.siteBytes / run.replies));
});

test('every step is measured: wall, CPU (child processes included) and peak memory, with the load', () => {
  const run = json.runs[0]!;
  for (const step of ['cold', 'addYear', 'editOne'] as const) {
    const s = run[step];
    assert.ok(s.wallS > 0 && s.cpuS > 0 && s.peakGB > 0, `${step}: ${JSON.stringify(s)}`);
  }
  // The build runs Eleventy, Pagefind and sharp in processes below the measured shell: their CPU must be counted.
  assert.ok(run.cold.cpuS > 1, `cold CPU ${run.cold.cpuS} s is only the shell's own`);
  for (const l of [json.load.start, json.load.end, run.load.start, run.load.end]) {
    assert.is(l.length, 3);
    assert.ok(l.every((n) => n >= 0));
  }
  assert.match(json.command, '--per-year 15');
  // How fast one core was at the start and the end: the figures of two runs compare only when these agree.
  const speed = json.machine.coreSeconds;
  assert.ok(speed.start > 0 && speed.end! > 0, `core speed ${JSON.stringify(speed)}`);
});

test("the record's first searches: every query of first-search.ts typed into the built record, its bytes counted", () => {
  const run = json.runs[0]!;
  assert.equal(
    run.firstSearch.map((r) => [r.query, r.path]),
    FIRST_SEARCH_QUERIES.map((q) => [q.q, q.path ?? DEFAULT_SEARCH_PATH]),
  );
  // Each loads at least the search page and Pagefind's runtime, whether this tiny corpus holds the query or not.
  for (const r of run.firstSearch) assert.ok(r.bytes > 50 * 1024, `${r.query}: ${r.bytes} bytes`);
  assert.ok(run.firstSearch.some((r) => r.found), 'no query found anything in the record');
  assert.is(run.firstSearchError, undefined);
});

test.run();
