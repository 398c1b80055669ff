/**
 * Build the Pagefind search index for a built site (`_site`).
 *
 * Default strategy ("bigram", chosen by measurement — see the search issue's
 * closing note and test/search/query-set.json):
 * - records come from the reply Markdown (src/search/records.ts), not from
 *   scraping HTML, and reach Pagefind as small HTML documents whose h1 (reply
 *   number + title) carries a heading's weight (record-html.ts);
 * - Chinese is indexed as overlapping character bigrams, produced by the same
 *   code that splits the query in the browser (src/browser/search/query.js), under
 *   a language code Pagefind neither segments nor stems. Measured on the 263
 *   replies: plain Pagefind (pages marked zh, its own segmenter) misses pages
 *   that contain the exact term (99.0 % recall on the query set, 99.1 % on 901
 *   title words and substrings); Intl.Segmenter words at build time 100 % on the
 *   query set but 90 % on the 901; bigrams 100 % on both. Pagefind's costly
 *   Chinese segmentation (~10 ms, ~1.2 MB a page) is skipped entirely;
 * - one index per budget year ("shard"), built one after the other, so memory
 *   is bounded by the largest year; the page merges them with `mergeIndex`
 *   (filters and sort work across shards).
 *
 * The "plain" strategy (Pagefind's own indexing of the built pages) is kept so
 * the benchmark and the comparison can measure what it misses.
 */
import { mkdirSync, copyFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { build } from 'esbuild';
import { listIndexEntries, type SearchRecord, type IndexEntry } from './records.ts';
import { PreparePool, type PreparedDoc } from './prepare.ts';
import { INDEX_LANGUAGE } from './segment.ts';
import { site, type InterfaceLang } from '../../_data/site.ts';
import { replyPath, replyPathTemplate, searchIndexPath, yearSearchPath } from '../model/urls.ts';
import { pruneShards, restoreShard, shardCacheDir, shardKey, storeShard } from './shard-cache.ts';
import { converterDict, convertibleChars } from './converter-dict.ts';
import { clientTerms, readSearchTerms } from './search-terms.ts';
import { Lexicon, type LexiconPart } from './lexicon.ts';

export { INDEX_LANGUAGE };

/** Where the shard manifest lives, relative to the site root. */
export const SHARD_MANIFEST = 'pagefind/shards.json';
/** The query converter's dictionaries (converter-dict.ts), in each language's index folder, loaded only for a query with a character that index lacks. */
export const CONVERTER_FILE = 's2hk.json';
/** The names "did you mean" chooses from (lexicon.ts), in each language's index folder, loaded only when no reply contains a query. */
export const VOCABULARY_FILE = 'vocabulary.json';

export type SearchStrategy = 'bigram' | 'plain';

export interface BuildSearchOptions {
  /** Directory holding replies/ and pages/background/. */
  contentDir: string;
  /** The files to index (the build passes those of the route table, indexEntries); default: every file of contentDir. */
  entries?: IndexEntry[];
  strategy?: SearchStrategy;
  /**
   * Target size of Pagefind's index chunks (its PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; Pagefind's
   * default, 20000, gives ~30 KB gzipped chunks). A Chinese query of n characters needs up to
   * n-1 bigram chunks, so the chunk size sets most of a first search's bytes. Default
   * INDEX_CHUNK_SIZE. An environment variable of that name, when set, wins (for experiments).
   */
  indexChunkSize?: number;
  /** Shard cache folder; null: none. Default shardCacheDir() (.cache/search). */
  cacheDir?: string | null;
  /** Copy the search page's script and CSS into siteDir/search/ (default true). */
  installAssets?: boolean;
  log?: (line: string) => void;
}

export interface BuildSearchResult {
  pages: number;
  shards: { name: string; pages: number; dir: string }[];
  strategy: SearchStrategy;
  /** Shards linked from the shard cache instead of indexed (their year did not change). */
  reused: number;
}

/**
 * Measured on the seed (first search, gzipped, tests' query set): at 20000 (Pagefind's default)
 * 再工業化 transferred 211 KB, 89 KB of it three index chunks; at 10000, 168 KB; at 5000,
 * 146 KB (chunks ~8 KB, metadata +1.2 KB). Smaller chunks mean more files and a larger
 * metadata file, which every search loads once.
 */
export const INDEX_CHUNK_SIZE = 5000;
const CHUNK_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

const here = dirname(fileURLToPath(import.meta.url));
const CLIENT_DIR = join(here, '..', 'browser', 'search');

async function check<T extends { errors: string[] }>(p: Promise<T>, what: string): Promise<T> {
  const r = await p;
  if (r.errors.length) throw new Error(`pagefind ${what}: ${r.errors.join('; ')}`);
  return r;
}

/**
 * The files of a bundle the search page uses. Pagefind's default UIs (pagefind-ui.js/css,
 * the modular and component UIs, pagefind-highlight.js — about 400 KB) are never loaded by
 * this site, so they are not published. A merged shard needs only its entry, metadata and
 * chunks: mergeIndex reuses the primary bundle's script, worker and WebAssembly.
 */
export function bundleFileWanted(path: string, primary: boolean): boolean {
  if (/^(index|fragment|filter)\//.test(path) || path === 'pagefind-entry.json' || path.endsWith('.pf_meta')) return true;
  return primary && (path === 'pagefind.js' || path === 'pagefind-worker.js' || /^wasm\.[\w-]+\.pagefind$/.test(path));
}

/** Write the wanted files of a Pagefind index (getFiles instead of writeFiles, which writes every UI too). */
async function writeBundle(index: pagefind.PagefindIndex, outDir: string, primary: boolean): Promise<void> {
  const { files } = await check(index.getFiles(), `getFiles ${outDir}`);
  const wanted = files.filter((f) => bundleFileWanted(f.path, primary));
  if (!wanted.some((f) => f.path === 'pagefind-entry.json')) throw new Error(`pagefind getFiles ${outDir}: no pagefind-entry.json`);
  for (const f of wanted.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const dest = join(outDir, f.path);
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, f.content);
  }
}

async function indexShard(docs: PreparedDoc[], outDir: string, primary: boolean, language: string): Promise<void> {
  const { index } = await check(pagefind.createIndex({ forceLanguage: language }), 'createIndex');
  if (!index) throw new Error('pagefind createIndex returned no index');
  // Requests in flight are bounded so the binary's input queue (and memory) stays small.
  const BATCH = 64;
  for (let i = 0; i < docs.length; i += BATCH) {
    await Promise.all(
      docs.slice(i, i + BATCH).map((d) => check(index.addHTMLFile({ url: d.url, content: d.html }), `addHTMLFile ${d.url}`)),
    );
  }
  await writeBundle(index, outDir, primary);
  await index.deleteIndex();
}

/**
 * indexShard through the shard cache (shard-cache.ts): a year whose documents
 * did not change is linked from the cache instead of re-indexed. Returns the key used.
 */
async function indexShardCached(docs: PreparedDoc[], outDir: string, primary: boolean, cacheDir: string | null, language: string): Promise<{ key: string; cached: boolean }> {
  const key = shardKey(docs, { primary, language, chunkSize: process.env[CHUNK_ENV] ?? '' });
  if (cacheDir && restoreShard(cacheDir, key, outDir)) return { key, cached: true };
  await indexShard(docs, outDir, primary, language);
  if (cacheDir) storeShard(cacheDir, key, outDir);
  return { key, cached: false };
}

async function indexPlain(siteDir: string, outDir: string): Promise<number> {
  const { index } = await check(pagefind.createIndex({}), 'createIndex');
  if (!index) throw new Error('pagefind createIndex returned no index');
  const r = await check(index.addDirectory({ path: siteDir }), 'addDirectory');
  await writeBundle(index, outDir, true);
  await index.deleteIndex();
  return r.page_count;
}

/** { year: { bureau: highest reply number } }: lets the page offer a jump for "259" without a lookup table. */
export function replyCounts(records: Pick<SearchRecord, 'year' | 'meta'>[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of records) {
    const m = /^([A-Z]+)(\d+)$/.exec(r.meta.replyNo ?? '');
    if (!m || !m[1] || !m[2]) continue;
    const year = (out[r.year] ??= {});
    year[m[1]] = Math.max(year[m[1]] ?? 0, Number(m[2]));
  }
  return out;
}

/**
 * Every value of each filter, for the page's filter controls. Shipping them in
 * the manifest (a few KB) spares the page Pagefind's `filters()`, which loads
 * every filter chunk of every shard — 166 KB of the first search at 20,000 replies.
 */
export function filterValues(records: Pick<SearchRecord, 'filters'>[]): Record<string, string[]> {
  const collator = new Intl.Collator(site.collation, { numeric: true });
  const out: Record<string, Set<string>> = {};
  for (const r of records) for (const [k, vs] of Object.entries(r.filters)) for (const v of vs) (out[k] ??= new Set()).add(v);
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((k) => {
        const values = [...(out[k] ?? [])].sort(collator.compare);
        return [k, k === 'year' ? values.reverse() : values];
      }),
  );
}

/** opencc-js's core (ES module, ~4 KB gzipped), which convert.js loads as search/opencc-core.js. */
export const OPENCC_CORE = fileURLToPath(import.meta.resolve('opencc-js/core'));

/**
 * The files of the search page's folder besides its script: the style, the note for a copy
 * opened from disk (offline.js, a classic script), the tokeniser (query.js: the search
 * measurements, src/search/measure-browser.ts, run the page's own query code from the site).
 */
const CLIENT_FILES = ['search.css', 'offline.js', 'query.js'];

/**
 * The search page's script, search/search.js: the entry and its modules (src/browser/search)
 * as one minified ES module. The modules are small files with one job and comments that say
 * why; shipped as they are they cost a first search 16.5 KB gzipped in twelve requests (measured
 * at 263 replies), bundled and minified about a third of that in one.
 */
async function installClient(siteDir: string): Promise<void> {
  const dest = join(siteDir, 'search');
  mkdirSync(dest, { recursive: true });
  for (const f of CLIENT_FILES) copyFileSync(join(CLIENT_DIR, f), join(dest, f));
  copyFileSync(OPENCC_CORE, join(dest, 'opencc-core.js'));
  const r = await build({
    entryPoints: [join(CLIENT_DIR, 'search.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'error',
    write: false,
  });
  const out = r.outputFiles[0];
  if (!out) throw new Error(`search: esbuild wrote nothing for ${join(CLIENT_DIR, 'search.js')}`);
  writeFileSync(join(dest, 'search.js'), out.text);
}

/** What a year's search bundle of one language tells the shell's manifest (search-shell): small, kept beside the unit. */
export interface YearSearchSummary {
  year: string;
  lang: InterfaceLang;
  pages: number;
  /** Where the bundle is, relative to the site root: `2023-24/pagefind/`. */
  path: string;
  replies: Record<string, Record<string, number>>;
  filters: Record<string, string[]>;
  lexicon: LexiconPart;
  /** The bundle's key in the shard cache (shard-cache.ts), and whether it came from there. */
  key: string;
  cached: boolean;
}

/** Chunk size for Pagefind's binary (read from the environment at its first createIndex). */
async function withChunkSize<T>(size: number | undefined, run: () => Promise<T>): Promise<T> {
  const chunkEnv = process.env[CHUNK_ENV];
  process.env[CHUNK_ENV] = chunkEnv ?? String(size ?? INDEX_CHUNK_SIZE);
  try {
    return await run();
  } finally {
    await pagefind.close();
    if (chunkEnv === undefined) delete process.env[CHUNK_ENV];
    else process.env[CHUNK_ENV] = chunkEnv;
  }
}

/**
 * Indexes `sources` (one language) as one bundle at `siteDir/dir`; returns the
 * prepared summary and lexicon. `base`: the folder the bundle's pages are in
 * (`/2023-24/` for a year's bundle): Pagefind gives a merged bundle's results
 * the address of the folder above its `pagefind/`, so the pages are indexed
 * relative to it (and a year's bundle works wherever the year is served).
 */
async function indexBundle(siteDir: string, dir: string, sources: IndexEntry[], lang: InterfaceLang, primary: boolean, cacheDir: string | null, used: Set<string>, base = '/') {
  const language = lang === site.defaultLang ? INDEX_LANGUAGE : lang;
  const pool = new PreparePool(language, siteDir);
  try {
    const docs = (await pool.prepare(sources)).map((d) => {
      if (!d.url.startsWith(base)) throw new Error(`search: ${d.url} is not under ${base}`);
      return { ...d, url: `/${d.url.slice(base.length)}` };
    });
    const { key, cached } = await indexShardCached(docs, join(siteDir, dir), primary, cacheDir, language);
    used.add(key);
    return { docs: docs.map((d) => ({ year: d.year, meta: d.meta, filters: d.filters })), lexicon: pool.lexicon, key, cached };
  } finally {
    await pool.close();
  }
}

/**
 * The search bundles of one budget year (a unit, issue 16): for each language
 * of its editions, one Pagefind bundle at yearSearchPath (`2023-24/pagefind/`,
 * `2023-24/pagefind-en/`), and a summary for the shell's manifest. The bundle
 * holds only the index (no Pagefind runtime): the search page loads the
 * runtime from the shell and merges the year with mergeIndex.
 */
export async function buildYearSearch(siteDir: string, year: string, sources: IndexEntry[], opts: Pick<BuildSearchOptions, 'indexChunkSize' | 'cacheDir' | 'log'> = {}): Promise<YearSearchSummary[]> {
  const log = opts.log ?? (() => {});
  const cacheDir = opts.cacheDir === undefined ? shardCacheDir() : opts.cacheDir;
  const used = new Set<string>();
  const out: YearSearchSummary[] = [];
  await withChunkSize(opts.indexChunkSize, async () => {
    for (const lang of site.languages) {
      const mine = sources.filter((s) => s.lang === lang && s.kind === 'reply' && s.shard === year);
      if (!mine.length) continue;
      const dir = yearSearchPath(year, lang).replace(/^\/|\/$/g, '');
      const started = performance.now();
      const r = await indexBundle(siteDir, dir, mine, lang, false, cacheDir, used, `/${year}/`);
      log(`search: ${year} ${lang}: ${mine.length} pages → ${dir}/ ${r.cached ? 'from the cache' : `in ${((performance.now() - started) / 1000).toFixed(1)} s`}`);
      const lexicon = r.lexicon.part();
      out.push({ year, lang, pages: r.docs.length, path: `${dir}/`, replies: replyCounts(r.docs), filters: filterValues(r.docs), lexicon, key: r.key, cached: r.cached });
    }
  });
  return out;
}

/**
 * The shell's search files for each language: `/pagefind/` (and `/pagefind-en/`)
 * holds Pagefind's runtime with the shell's own pages (the background papers)
 * as its index, and `shards.json`, the manifest of every year's bundle (the
 * newest year merged at the first search, the others when a reader searches
 * them: src/site/search/shards.js), with the filters, reply numbers, the
 * converter and the vocabulary merged from the years' summaries. Needs no
 * reply of any year: only the summaries.
 */
export async function buildShellSearch(siteDir: string, shellSources: IndexEntry[], summaries: YearSearchSummary[], opts: Pick<BuildSearchOptions, 'contentDir' | 'indexChunkSize' | 'log' | 'installAssets'>): Promise<{ pages: number }> {
  const log = opts.log ?? (() => {});
  for (const lang of site.languages) rmSync(join(siteDir, searchIndexPath(lang)), { recursive: true, force: true });
  if (opts.installAssets !== false) await installClient(siteDir);
  let pages = 0;
  await withChunkSize(opts.indexChunkSize, async () => {
    for (const lang of site.languages) {
      const years = summaries.filter((s) => s.lang === lang).sort((a, b) => (a.year < b.year ? 1 : a.year > b.year ? -1 : 0));
      if (!years.length) continue;
      const base = searchIndexPath(lang).replace(/^\/|\/$/g, '');
      // Pagefind's runtime needs an index of at least one page to start from: a language with no shell
      // page of its own (English: the background papers are Chinese) takes the primary language's.
      const mine = shellSources.filter((s) => s.lang === lang && s.kind !== 'reply');
      const own = mine.length ? mine : shellSources.filter((s) => s.kind !== 'reply');
      const r = await indexBundle(siteDir, base, own, lang, true, null, new Set());
      pages += r.docs.length;
      const lexicon = new Lexicon();
      lexicon.add(r.lexicon.part());
      for (const y of years) lexicon.add(y.lexicon);
      const replies = Object.assign({}, ...years.map((y) => y.replies)) as Record<string, Record<string, number>>;
      const filterRecords = [...r.docs, ...years.map((y) => ({ filters: y.filters }))];
      const converter = converterDict(lexicon.findable);
      writeFileSync(join(siteDir, base, CONVERTER_FILE), JSON.stringify(converter) + '\n');
      writeFileSync(join(siteDir, base, VOCABULARY_FILE), JSON.stringify(lexicon.vocabulary()) + '\n');
      const manifest = {
        primary: years[0]!.year,
        shards: years.map((y) => ({ name: y.year, path: y.path })),
        replies,
        // Where a reply number leads, per interface language, from the site's URL scheme (filled in by query.js replyJumps).
        replyPath: Object.fromEntries(site.languages.map((l) => [l, replyPathTemplate(l)])),
        filters: filterValues(filterRecords),
        // A query with one of these characters (Simplified, absent from this index) is converted to Traditional first.
        convertible: convertibleChars(converter, (c) => lexicon.holds(c)),
        // The reviewed synonyms and the English glossary (content/search/, search-terms.ts): a few KB, wanted by every query.
        terms: clientTerms(readSearchTerms(join(opts.contentDir, 'search'))),
      };
      writeFileSync(join(siteDir, base, 'shards.json'), JSON.stringify(manifest) + '\n');
      log(`search: ${lang}: manifest of ${years.length} year(s), ${r.docs.length} shell page(s)`);
    }
  });
  return { pages };
}

/**
 * The whole site's search in one call (tests, `scripts/build-search.ts`, the
 * strategy comparison): every year's bundles, then the shell's files. The
 * build (src/build) calls buildYearSearch in each year's unit and
 * buildShellSearch in the shell instead.
 */
export async function buildSearchIndex(siteDir: string, opts: BuildSearchOptions): Promise<BuildSearchResult> {
  const strategy = opts.strategy ?? 'bigram';
  const log = opts.log ?? (() => {});
  if (strategy === 'plain') {
    return withChunkSize(opts.indexChunkSize, async () => {
      const primary = join(siteDir, 'pagefind');
      rmSync(primary, { recursive: true, force: true });
      if (opts.installAssets !== false) await installClient(siteDir);
      const pages = await indexPlain(siteDir, primary);
      writeFileSync(join(siteDir, SHARD_MANIFEST), JSON.stringify({ shards: [] }) + '\n');
      log(`search: plain Pagefind index of ${pages} pages`);
      return { pages, shards: [{ name: 'all', pages, dir: 'pagefind' }], strategy, reused: 0 };
    });
  }
  const sources = opts.entries ?? listIndexEntries(opts.contentDir);
  if (!sources.some((s) => s.kind === 'reply')) throw new Error(`search: no replies found under ${join(opts.contentDir, 'replies')}`);
  const years = [...new Set(sources.filter((s) => s.kind === 'reply').map((s) => s.shard))].sort().reverse();
  const summaries: YearSearchSummary[] = [];
  for (const year of years) {
    for (const lang of site.languages) rmSync(join(siteDir, yearSearchPath(year, lang)), { recursive: true, force: true });
    summaries.push(...(await buildYearSearch(siteDir, year, sources, opts)));
  }
  const shell = await buildShellSearch(siteDir, sources.filter((s) => s.kind !== 'reply'), summaries, opts);
  const cacheDir = opts.cacheDir === undefined ? shardCacheDir() : opts.cacheDir;
  if (cacheDir) pruneShards(cacheDir, new Set(summaries.map((s) => s.key)));
  return {
    pages: shell.pages + summaries.reduce((n, s) => n + s.pages, 0),
    shards: summaries.map((s) => ({ name: s.year, pages: s.pages, dir: s.path.replace(/\/$/, '') })),
    strategy,
    reused: summaries.filter((s) => s.cached).length,
  };
}
