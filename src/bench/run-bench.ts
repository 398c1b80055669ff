/**
 * The benchmark: synthesise N replies, run the real pipeline stage by stage in
 * a scratch directory, and report per stage wall seconds, CPU seconds, peak
 * memory of the process tree and output bytes; then the same corpus through
 * the no-framework floor, and the ratio.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectEnglishPieces, collectPieces, englishEdition, synthesize, synthesizeYear, type SyntheticDocument } from './synthesize.ts';
import { sourceTexts } from '../model/content-files.ts';
import { PRIMARY_LANG } from '../model/languages.ts';
import { readSourceMeta } from '../model/source-meta.ts';
import { searchIndexPath, yearSearchPath } from '../model/urls.ts';
import { site as siteConfig } from '../../_data/site.ts';
import { directoryBytes, measureStage, runTs, type StageResult } from './measure.ts';
import { replyPageWeight, type PageWeight } from './page-weight.ts';
import { firstSearches } from './first-search.ts';
import { openDataBytes } from './open-data-bytes.ts';
import type { FirstSearchMeasure } from '../search/measure-browser.ts';

export interface BenchOptions {
  replies: number;
  runs: number;
  scratch: string;
  /** Reuse the share-card cache of an earlier run (the warm figure). */
  warmCards: boolean;
  /** Share of the replies (0–1) that also get a synthetic English edition (`--english 0.1`); default none. */
  english?: number;
  /** Replies per budget year (`--per-year`); without it, spread over ten years. */
  perYear?: number;
  /** Only these stages (`--stages ingest,eleventy,open data`); without the whole build there is no edit, page weight or first search. */
  stages?: string[];
}

export interface BenchRow extends StageResult {
  outputBytes: number;
}

const ROOT = resolve(import.meta.dirname, '../..');
/** The real document the synthetic corpus is recombined from (and the benchmark's core-speed yardstick: core-speed.ts). */
export const REAL_SOURCE = join(ROOT, 'content/sources/2023-24/zh-2023-24-ITIB.txt');
const BACKGROUND = join(ROOT, 'content/sources/background');
/** The reviewed synonyms and glossary (src/search/search-terms.ts): the synthetic text is recombined from the real replies, so they apply to it. */
const SEARCH_TERMS = join(ROOT, 'content/search');
/** The English layout sample (a test fixture, not official text): its questions and answers make the synthetic English editions. */
const EN_SAMPLE = join(ROOT, 'test/fixtures/ingest/sample-en-2023-24-ITIB.txt');

/** Writes synthetic documents (and their English editions, `english` of the replies) under `<scratch>/content/sources/<year>/`. */
function writeDocuments(zh: SyntheticDocument[], scratch: string, english: number): void {
  const enPieces = english > 0 ? collectEnglishPieces(readFileSync(EN_SAMPLE, 'utf8')) : null;
  const en = enPieces ? zh.flatMap((doc) => englishEdition(doc, enPieces, english) ?? []) : [];
  for (const doc of [...zh, ...en]) {
    const dir = join(scratch, 'content', 'sources', doc.year);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, doc.fileName), doc.text);
    writeFileSync(join(dir, doc.fileName.replace(/\.txt$/, '.meta.json')), JSON.stringify(doc.meta, null, 2) + '\n');
  }
}

/**
 * Write the synthetic sources (and the real background paper) under
 * `<scratch>/content/sources`; with `english` > 0, that share of the replies
 * also gets a synthetic English edition beside its Chinese document; with
 * `perYear`, each budget year holds that many replies (`--per-year`).
 */
export function prepareCorpus(replies: number, scratch: string, english = 0, perYear?: number): void {
  rmSync(join(scratch, 'content'), { recursive: true, force: true });
  writeDocuments(synthesize(collectPieces(readFileSync(REAL_SOURCE, 'utf8')), replies, { perYear }), scratch, english);
  cpSync(BACKGROUND, join(scratch, 'content', 'sources', 'background'), { recursive: true });
  if (existsSync(SEARCH_TERMS)) cpSync(SEARCH_TERMS, join(scratch, 'content', 'search'), { recursive: true });
}

/**
 * Adds one more budget year of `perYear` replies to a corpus that prepareCorpus
 * wrote with `replies` and `perYear`: the year after its last (older) one,
 * replies numbered on from the corpus, every existing source untouched.
 * Returns the new year.
 */
export function addYear(scratch: string, replies: number, perYear: number, english = 0): string {
  const docs = synthesizeYear(collectPieces(readFileSync(REAL_SOURCE, 'utf8')), Math.ceil(replies / perYear), replies, perYear);
  const year = docs[0]!.year;
  if (existsSync(join(scratch, 'content', 'sources', year))) throw new Error(`bench: the corpus already has a year ${year}`);
  writeDocuments(docs, scratch, english);
  return year;
}

/**
 * The first search alone (`npm run bench -- --first-search-only`): the synthetic corpus
 * through ingest, Eleventy and the search index (no images, no repeated runs), then the
 * first-search measurement on that site. For checking a search change against the byte
 * budget at scale without the whole benchmark's hour.
 */
export async function firstSearchOnly(replies: number, scratch: string, english = 0, perYear?: number): Promise<FirstSearchMeasure[]> {
  mkdirSync(scratch, { recursive: true });
  prepareCorpus(replies, scratch, english, perYear);
  const env = { ARCHIVE_CONTENT: join(scratch, 'content'), ARCHIVE_OUT: join(scratch, '_site'), ARCHIVE_CACHE: join(scratch, '.cache') };
  rmSync(env.ARCHIVE_OUT, { recursive: true, force: true });
  await runStages(scratch, env, replies, { full: true, names: ['ingest', 'eleventy', 'search index'] });
  return firstSearches(env.ARCHIVE_OUT);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of several runs of the same stage, field by field. */
function medianRow(rows: BenchRow[]): BenchRow {
  return {
    stage: rows[0]!.stage,
    wallSeconds: median(rows.map((r) => r.wallSeconds)),
    cpuSeconds: median(rows.map((r) => r.cpuSeconds)),
    peakBytes: median(rows.map((r) => r.peakBytes)),
    outputBytes: median(rows.map((r) => r.outputBytes)),
    exitCode: Math.max(...rows.map((r) => r.exitCode)),
  };
}

interface Stage {
  name: string;
  command: string;
  /** Directories whose total size is this stage's output (a list, or a function asked after the stage ran), or a function counting its bytes. */
  output: string[] | (() => string[]) | (() => number);
}

/** The budget years' unit folders of a built site. */
function yearsIn(site: string): string[] {
  return existsSync(site) ? readdirSync(site).filter((d) => /^\d{4}-\d{2}$/.test(d)).sort() : [];
}

/** The stage that is `npm run build` itself: every step in one process, built and swapped into `_site_whole`. */
export const WHOLE_BUILD = 'npm run build (one process)';

export function stages(scratch: string): Stage[] {
  const content = join(scratch, 'content');
  const site = join(scratch, '_site');
  const build = (stage: string) => `cd '${ROOT}' && ${runTs('scripts/build.ts')} --stage ${stage}`;
  return [
    { name: 'ingest', command: `cd '${ROOT}' && ${runTs('scripts/ingest.ts')} --root '${scratch}' --quiet`, output: [join(content, 'replies')] },
    { name: 'eleventy', command: build('eleventy'), output: [site] },
    { name: 'open data', command: build('data'), output: () => openDataBytes(site) },
    { name: 'search index', command: build('search'), output: () => siteConfig.languages.flatMap((l) => [join(site, searchIndexPath(l)), ...yearsIn(site).map((y) => join(site, yearSearchPath(y, l)))]) },
    { name: 'images', command: build('images'), output: () => [join(site, 'og'), ...yearsIn(site).map((y) => join(site, y, 'og'))] },
    {
      name: 'floor (markdown-it + write)',
      command: `cd '${ROOT}' && '${process.execPath}' --import tsx -e "import('./src/bench/floor.ts').then((m) => m.buildFloor(process.argv[1], process.argv[2]))" '${content}' '${join(scratch, '_floor')}'`,
      output: [join(scratch, '_floor')],
    },
    // The per-step processes above each pay Node's and tsx's start-up; the
    // user's build is one process. It runs with the card cache the images step
    // left (warm), and no search-shard cache on a full build (see runStages).
    { name: WHOLE_BUILD, command: `cd '${ROOT}' && ARCHIVE_OUT='${join(scratch, '_site_whole')}' ${runTs('scripts/build.ts')}`, output: [join(scratch, '_site_whole')] },
  ];
}

/**
 * Edits one reply in the synthetic sources: a clause inserted into a sentence
 * of the answer text of the first Chinese document of the largest year (the
 * year with the most documents, the oldest of those), found with the one
 * walker of content/ and the one reader of `.meta.json`, so that one reply
 * (and its year) changes and nothing else. The largest year, because an edit
 * rebuilds its year: at `--replies 100000 --per-year 5500` the oldest year
 * holds the 1,000 left over, and its edit measured a small year's. Returns the file.
 */
export function editOneReply(scratch: string): string {
  const contentDir = join(scratch, 'content');
  // The Chinese documents of replies (an English edition beside one, `--english`, has no 。 to edit), by year.
  const documents = sourceTexts(contentDir)
    .map((file) => ({ file, meta: readSourceMeta(file) }))
    .filter(({ meta }) => meta.kind === 'replies' && meta.lang === PRIMARY_LANG && meta.year)
    .sort((a, b) => (a.meta.year! < b.meta.year! ? -1 : a.meta.year! > b.meta.year! ? 1 : a.file < b.file ? -1 : 1));
  const perYear = new Map<string, number>();
  for (const { meta } of documents) perYear.set(meta.year!, (perYear.get(meta.year!) ?? 0) + 1);
  const largest = [...perYear].reduce<[string, number] | null>((best, y) => (best === null || y[1] > best[1] ? y : best), null)?.[0];
  const file = documents.find(({ meta }) => meta.year === largest)?.file;
  if (!file) throw new Error(`bench: no Chinese document of replies under ${join(contentDir, 'sources')}`);
  const lines = readFileSync(file, 'utf8').split('\n');
  // Past the index table at the top, well inside the replies.
  const at = lines.findIndex((line, i) => i > lines.length * 0.6 && line.includes('。') && line.trim().length > 10);
  if (at < 0) throw new Error(`bench: no sentence to edit in ${file}`);
  lines[at] = lines[at]!.replace('。', '，並經基準測試修訂。');
  writeFileSync(file, lines.join('\n'));
  return file;
}

/**
 * Runs `names` (all stages by default) in order. A full build indexes every
 * year: the search-shard cache is emptied before each search step.
 */
async function runStages(scratch: string, env: Record<string, string>, replies: number, options: { full: boolean; names?: string[] }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const stage of stages(scratch).filter((s) => !options.names || options.names.includes(s.name))) {
    if (options.full && (stage.name === 'search index' || stage.name === WHOLE_BUILD)) {
      rmSync(join(env.ARCHIVE_CACHE!, 'search'), { recursive: true, force: true });
    }
    // Share cards are cached across builds: the first images run on an empty
    // cache is the cold figure, every later one the warm figure.
    const name = stage.name === 'images' && !existsSync(join(env.ARCHIVE_CACHE!, 'og')) ? 'images (cold cache)' : stage.name;
    const result = await measureStage(name, stage.command, env);
    if (result.exitCode !== 0) {
      throw new Error(`bench: stage "${name}" failed with exit ${result.exitCode} (${replies} replies, scratch ${scratch})`);
    }
    const output = typeof stage.output === 'function' ? stage.output() : stage.output;
    const outputBytes = typeof output === 'number' ? output : output.filter((dir) => existsSync(dir)).reduce((sum, dir) => sum + directoryBytes(dir), 0);
    rows.push({ ...result, outputBytes });
  }
  return rows;
}

export interface BenchResult {
  /** Medians of the full builds (no search-shard cache; cards as the options say). */
  rows: BenchRow[];
  /** After editing one reply's source: ingest, then `npm run build` with every cache warm. */
  incremental: BenchRow[];
  /** Reply pages of the whole build: HTML + linked CSS, gzipped (none when the whole build was not among the stages run). */
  weight: PageWeight | null;
  /** First search on a cold cache in chromium, on the whole build. */
  firstSearch: FirstSearchMeasure[];
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { replies, runs, scratch } = options;
  mkdirSync(scratch, { recursive: true });
  prepareCorpus(replies, scratch, options.english ?? 0, options.perYear);
  const env = {
    ARCHIVE_CONTENT: join(scratch, 'content'),
    ARCHIVE_OUT: join(scratch, '_site'),
    ARCHIVE_CACHE: join(scratch, '.cache'),
  };
  if (!options.warmCards) rmSync(env.ARCHIVE_CACHE, { recursive: true, force: true });
  const perStage = new Map<string, BenchRow[]>();
  for (let run = 0; run < runs; run++) {
    for (const dir of [env.ARCHIVE_OUT, join(scratch, '_floor'), join(scratch, '_site_whole')]) rmSync(dir, { recursive: true, force: true });
    for (const row of await runStages(scratch, env, replies, { full: true, names: options.stages })) perStage.set(row.stage, [...(perStage.get(row.stage) ?? []), row]);
  }
  const order = stages(scratch).flatMap((s) => (s.name === 'images' ? ['images (cold cache)', 'images'] : [s.name]));
  const rows = [...perStage.values()].map(medianRow).sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
  if (options.stages && !options.stages.includes(WHOLE_BUILD)) return { rows, incremental: [], weight: null, firstSearch: [] };
  // The search-shard cache now holds every year (the whole build stored them): the edit re-indexes one.
  editOneReply(scratch);
  const incremental = await runStages(scratch, env, replies, { full: false, names: ['ingest', WHOLE_BUILD] });
  const site = join(scratch, '_site_whole');
  return { rows, incremental, weight: replyPageWeight(site), firstSearch: await firstSearches(site) };
}
