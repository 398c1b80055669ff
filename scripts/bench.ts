/**
 * `npm run bench -- --replies 1500,4500 [--per-year 5500] [--english 1] [--runs 1] [--json FILE]
 *                   [--skip-seed] [--stages all|ingest,open data] [--warm-cards] [--scratch DIR] [--first-search-only]
 *                   [--logs DIR]`
 * First the seed (the real content, `npm run build` cold and warm); then for
 * each size a synthetic corpus in budget years of --per-year replies, built
 * cold, after editing one reply and after adding a year (src/bench/record.ts),
 * with its deploy units and, last, its first searches in chromium; `--stages all` (or a list of steps) also runs each step of the pipeline as its
 * own process (src/bench/run-bench.ts). `--logs DIR` keeps what each step of the record printed
 * (`DIR/<replies>-<run>-cold.log`, …: each unit's steps and the stages' seconds). See README "Benchmark".
 */
import { parseArgs } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { coreSeconds } from '../src/bench/core-speed.ts';
import { firstSearchOnly, REAL_SOURCE, runBench } from '../src/bench/run-bench.ts';
import { formatFirstSearch, formatRecord, formatSeed, formatTable } from '../src/bench/report.ts';
import { benchSeed } from '../src/bench/seed.ts';
import { replyPageWeight } from '../src/bench/page-weight.ts';
import { firstSearches } from '../src/bench/first-search.ts';
import { benchRecord, loadNow, medianRun, type RecordRun } from '../src/bench/record.ts';

const { values } = parseArgs({
  options: {
    replies: { type: 'string', default: '263,2000' },
    'per-year': { type: 'string', default: '5500' },
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
    scratch: { type: 'string', default: tmpdir() },
    'warm-cards': { type: 'boolean', default: false },
    'skip-seed': { type: 'boolean', default: false },
    english: { type: 'string', default: '0' },
    stages: { type: 'string' },
    'first-search-only': { type: 'boolean', default: false },
    logs: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

const english = Number(values.english);
if (!(english >= 0 && english <= 1)) fail(`--english must be a share of the replies between 0 and 1 (e.g. 0.1), got "${values.english}"`);
const sizes = values.replies.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--replies must be a comma-separated list of positive integers, got "${values.replies}"`);
const perYear = Number(values['per-year']);
if (!Number.isInteger(perYear) || perYear < 1) fail(`--per-year must be a positive integer (replies in one budget year), got "${values['per-year']}"`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, got "${values.runs}"`);

const logs = values.logs === undefined ? undefined : resolve(values.logs);
if (logs) mkdirSync(logs, { recursive: true });

// Everything goes into one fresh folder of this run's own, removed at the end (also when a step fails).
mkdirSync(values.scratch, { recursive: true });
const scratch = mkdtempSync(join(values.scratch, 'archive-bench-'));
const load = { start: loadNow() };
// One core's speed at the start and the end (src/bench/core-speed.ts): the load average does not show how fast the machine was.
const yardstick = readFileSync(REAL_SOURCE, 'utf8');
const coreSpeed: { start: number; end?: number } = { start: coreSeconds(yardstick) };
console.log(`machine: ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB; load average (1, 5, 15 min) ${load.start.join(', ')}; one core's fixed work ${coreSpeed.start} s (src/bench/core-speed.ts; lower is faster); scratch ${scratch}`);

const records: RecordRun[] = [];
function writeJson(): void {
  if (!values.json) return;
  const json = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
    machine: { cores: cpus().length, memoryGB: Math.round(totalmem() / 1024 ** 3), coreSeconds: coreSpeed },
    load: { ...load, end: loadNow() },
    runs: records,
  };
  writeFileSync(resolve(values.json), JSON.stringify(json, null, 2) + '\n');
}

try {
  if (values['first-search-only']) {
    for (const replies of sizes) {
      const rows = await firstSearchOnly(replies, join(scratch, String(replies)), english, perYear);
      console.log(`\n${replies} replies, first search alone (uptime: ${loadavg().map((l) => l.toFixed(2)).join(' ')})\n${formatFirstSearch(rows)}`);
    }
  } else if (!values['skip-seed']) {
    const seed = await benchSeed(scratch, runs);
    console.log(formatSeed(seed, replyPageWeight(seed.siteDir), await firstSearches(seed.siteDir)));
  }

  for (const replies of values['first-search-only'] ? [] : sizes) {
    const each: RecordRun[] = [];
    for (let run = 0; run < runs; run++) {
      const dir = join(scratch, `record-${replies}-${run}`);
      mkdirSync(dir);
      each.push(await benchRecord({ replies, perYear, english, scratch: dir, logPrefix: logs && join(logs, `${replies}-${run}-`), firstSearch: run === 0 }));
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    }
    const record = medianRun(each);
    records.push(record);
    console.log(formatRecord(record));
    // After each size, so a long run stopped part-way keeps the sizes it finished.
    writeJson();
  }
  if (records.length > 1) {
    const first = records[0]!;
    for (const r of records.slice(1)) {
      console.log(`peak memory at ${r.years} year(s) / at ${first.years}: ${(r.cold.peakGB / first.cold.peakGB).toFixed(2)}× (cold build)`);
    }
  }

  if (values.stages) {
    const perReply = new Map<number, number>();
    for (const replies of sizes) {
      const only = values.stages === 'all' ? undefined : values.stages.split(',').map((s) => s.trim());
      const result = await runBench({ replies, runs, scratch: join(scratch, `stages-${replies}`), warmCards: values['warm-cards'], english, perYear, stages: only });
      const { text, pipelineMsPerReply } = formatTable(replies, result);
      perReply.set(replies, pipelineMsPerReply);
      console.log(text);
    }
    const smallest = Math.min(...sizes);
    for (const n of sizes.filter((n) => n !== smallest)) {
      console.log(`per-reply cost at ${n} / at ${smallest}: ${(perReply.get(n)! / perReply.get(smallest)!).toFixed(2)}×`);
    }
  }

  coreSpeed.end = coreSeconds(yardstick);
  console.log(`load average (1, 5, 15 min) at the end: ${loadavg().map((n) => n.toFixed(2)).join(', ')}; one core's fixed work ${coreSpeed.end} s`);
  writeJson();
  if (values.json) console.log(`figures written to ${values.json}`);
  // A record whose first searches failed has its timed figures printed and written; the run still fails, naming why.
  for (const r of records) {
    if (!r.firstSearchError) continue;
    console.error(r.firstSearchError);
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
}
