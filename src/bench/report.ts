/** Format benchmark results as the tables the README and the issue notes carry. */
import { WHOLE_BUILD, type BenchResult, type BenchRow } from './run-bench.ts';
import type { PageWeight } from './page-weight.ts';
import { DEFAULT_SEARCH_PATH, type FirstSearchMeasure } from '../search/measure-browser.ts';
import type { SeedResult } from './seed.ts';
import { median, type RecordRun, type StepFigures } from './record.ts';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

function stageLine(row: BenchRow): string {
  return `| ${row.stage} | ${row.wallSeconds.toFixed(2)} | ${row.cpuSeconds.toFixed(2)} | ${(row.peakBytes / GB).toFixed(2)} | ${(row.outputBytes / MB).toFixed(1)} |`;
}

/** What a user runs after changing sources: `npm run ingest`, then `npm run build`. */
function buildTotal(rows: BenchRow[]): { line: string; wall: number } {
  const counted = rows.filter((row) => row.stage === 'ingest' || row.stage === WHOLE_BUILD);
  const wall = counted.reduce((sum, row) => sum + row.wallSeconds, 0);
  const cpu = counted.reduce((sum, row) => sum + row.cpuSeconds, 0);
  const peak = Math.max(...counted.map((row) => row.peakBytes));
  return { wall, line: `| **total: ingest + npm run build** | **${wall.toFixed(2)}** | ${cpu.toFixed(2)} | ${(peak / GB).toFixed(2)} (max) | |` };
}

const KB = 1024;

export function formatWeight(weight: PageWeight): string {
  return `reply pages (HTML + CSS, gzipped): median ${(weight.medianBytes / KB).toFixed(1)} KB, largest ${(weight.maxBytes / KB).toFixed(1)} KB (${weight.maxPage}), ${weight.pages} pages`;
}

export function formatFirstSearch(runs: FirstSearchMeasure[]): string {
  return `first search, cold cache (gzipped bytes, typing → results): ${runs
    .map((r) => `${r.query} ${(r.bytesGzip / KB).toFixed(1)} KB ${r.typingToResultsMs} ms`)
    .join('; ')}`;
}

export function formatSeed(seed: SeedResult, weight: PageWeight, search: FirstSearchMeasure[]): string {
  const line = (r: SeedResult['cold']) => `| ${r.stage} | ${r.wallSeconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${(r.peakBytes / GB).toFixed(2)} |`;
  return [
    '\nseed: the real 263 replies, `npm run build` (cold: no .cache, as a clean checkout; warm: median)',
    '| build | wall s | CPU s | peak GB |',
    '|---|---:|---:|---:|',
    line(seed.cold),
    line(seed.warm),
    formatWeight(weight),
    formatFirstSearch(search),
  ].join('\n');
}

const HEADER = ['| stage | wall s | CPU s | peak GB | output MB |', '|---|---:|---:|---:|---:|'];

export function formatTable(replies: number, result: BenchResult): { text: string; pipelineMsPerReply: number } {
  const { rows, incremental } = result;
  const total = buildTotal(rows);
  const floor = rows.find((row) => row.stage.startsWith('floor'));
  const eleventy = rows.find((row) => row.stage === 'eleventy');
  const lines = [
    `\n${replies} replies, full build (medians; each step also measured alone, as its own process)`,
    ...HEADER,
    ...rows.map(stageLine),
    total.line,
    '',
    `per reply: ${((total.wall * 1000) / replies).toFixed(2)} ms (ingest + npm run build)`,
  ];
  if (floor && eleventy) {
    lines.push(`Eleventy vs floor (markdown-it + write): ${eleventy.wallSeconds.toFixed(2)} s / ${floor.wallSeconds.toFixed(2)} s = ${(eleventy.wallSeconds / floor.wallSeconds).toFixed(1)}×`);
  }
  const data = rows.find((row) => row.stage === 'open data');
  // The open data's share of the per-reply budget of the year as the unit (50 KB per bilingual reply, everything included).
  if (data) lines.push(`open data (SQLite, CSV, JSON, Data Package, reply.json): ${(data.outputBytes / replies / KB).toFixed(1)} KB per reply (${(data.outputBytes / MB).toFixed(1)} MB)`);
  if (result.weight) lines.push(formatWeight(result.weight), formatFirstSearch(result.firstSearch));
  if (incremental.length) {
    lines.push('', `${replies} replies, after editing one reply's source (card and search-shard caches warm)`, ...HEADER, ...incremental.map(stageLine), buildTotal(incremental).line);
  }
  return { text: lines.join('\n'), pipelineMsPerReply: (total.wall * 1000) / replies };
}

/** One size of the record benchmark (record.ts) as a table, with the output per reply and the load it ran under. */
export function formatRecord(run: RecordRun): string {
  const step = (name: string, s: StepFigures) => `| ${name} | ${s.wallS.toFixed(1)} | ${s.cpuS.toFixed(1)} | ${s.peakGB.toFixed(2)} |`;
  const largest = [...run.units].sort((a, b) => b.bytes - a.bytes)[0];
  return [
    `\n${run.replies} replies in ${run.years} year(s) of ${run.perYear}, English editions for ${run.english * 100} % (ingest + npm run build, each as one command)`,
    '| step | wall s | CPU s (with children) | peak GB (process tree) |',
    '|---|---:|---:|---:|',
    step('cold: empty caches', run.cold),
    step('editOne: one reply\'s source edited', run.editOne),
    step(`addYear: one more year of ${run.perYear}`, run.addYear),
    '',
    `output ${(run.siteBytes / MB).toFixed(1)} MB, ${(run.bytesPerReply / KB).toFixed(1)} KB per reply; units: ${run.units.map((u) => `${u.name} ${(u.bytes / MB).toFixed(1)} MB (${u.files} files)`).join(', ')}`,
    largest ? `largest unit: ${largest.name}, ${(largest.bytes / GB).toFixed(3)} GB of the 1 GB a Pages site may publish` : '',
    `load average (1, 5, 15 min): ${run.load.start.join(', ')} at the start, ${run.load.end.join(', ')} at the end`,
    formatRecordSearch(run),
  ].join('\n');
}

/** The record's first searches: each query's bytes, and the median and the most against the 200 KB budget for one year. */
function formatRecordSearch(run: RecordRun): string {
  if (run.firstSearchError) return run.firstSearchError;
  const rows = run.firstSearch;
  if (!rows.length) return '';
  const kb = (b: number) => (b / KB).toFixed(1);
  const bytes = rows.map((r) => r.bytes);
  return `first search on a cold cache (the newest year; gzipped, KB = 1,024 bytes): median ${kb(median(bytes))} KB, most ${kb(Math.max(...bytes))} KB (budget 200 KB for one year); ${rows.map((r) => `${r.query}${r.path === DEFAULT_SEARCH_PATH ? '' : ` (${r.path})`} ${kb(r.bytes)}${r.found ? '' : ' (no result)'}`).join(', ')}`;
}
