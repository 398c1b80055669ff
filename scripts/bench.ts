/**
 * `npm run bench -- --replies 263,2000 [--runs 3] [--scratch DIR] [--warm-cards] [--skip-seed] [--english 0.1] [--stages ingest,open data] [--first-search-only]`
 * (without --scratch: a new temporary folder, removed at the end)
 * First the seed (the real content, `npm run build` cold and warm); then for
 * each size a synthetic corpus through the real pipeline, a table per size
 * (medians of --runs runs). See README "Benchmark".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { firstSearchOnly, runBench } from '../src/bench/run-bench.ts';
import { formatFirstSearch, formatSeed, formatTable } from '../src/bench/report.ts';
import { benchSeed } from '../src/bench/seed.ts';
import { replyPageWeight } from '../src/bench/page-weight.ts';
import { firstSearches } from '../src/bench/first-search.ts';

const { values } = parseArgs({
  options: {
    replies: { type: 'string', default: '263,2000' },
    runs: { type: 'string', default: '3' },
    scratch: { type: 'string' },
    'warm-cards': { type: 'boolean', default: false },
    'skip-seed': { type: 'boolean', default: false },
    english: { type: 'string', default: '0' },
    stages: { type: 'string' },
    'first-search-only': { type: 'boolean', default: false },
  },
});

// A scratch folder of this run's own, removed at the end (72 MB at 263,2000 replies once stayed in
// /tmp/archive-bench); --scratch DIR is kept, for --warm-cards to reuse its share cards.
const ownScratch = values.scratch === undefined;
const scratch = values.scratch ?? mkdtempSync(join(tmpdir(), 'archive-bench-'));
process.on('exit', () => {
  if (ownScratch) rmSync(scratch, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

const english = Number(values.english);
if (!(english >= 0 && english <= 1)) {
  console.error(`bench: --english must be a share of the replies between 0 and 1 (e.g. 0.1), got "${values.english}"`);
  process.exit(2);
}

const sizes = values.replies.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`bench: --replies must be a comma-separated list of positive integers, got "${values.replies}"`);
  process.exit(2);
}

if (values['first-search-only']) {
  for (const replies of sizes) {
    const rows = await firstSearchOnly(replies, join(scratch, String(replies)), english);
    console.log(`\n${replies} replies, first search alone (uptime: ${loadavg().map((l) => l.toFixed(2)).join(' ')})\n${formatFirstSearch(rows)}`);
  }
  process.exit(0);
}

if (!values['skip-seed']) {
  const seed = await benchSeed(scratch, Number(values.runs));
  console.log(formatSeed(seed, replyPageWeight(seed.siteDir), await firstSearches(seed.siteDir)));
}

const perReply = new Map<number, number>();
for (const replies of sizes) {
  const result = await runBench({
    replies,
    runs: Number(values.runs),
    scratch: join(scratch, String(replies)),
    warmCards: values['warm-cards'],
    english,
    stages: values.stages?.split(',').map((s) => s.trim()),
  });
  const { text, pipelineMsPerReply } = formatTable(replies, result);
  perReply.set(replies, pipelineMsPerReply);
  console.log(text);
}
if (sizes.length > 1) {
  const smallest = Math.min(...sizes);
  for (const n of sizes) {
    if (n === smallest) continue;
    console.log(`per-reply cost at ${n} / at ${smallest}: ${(perReply.get(n)! / perReply.get(smallest)!).toFixed(2)}×`);
  }
}
