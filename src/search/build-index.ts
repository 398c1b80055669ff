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
import { localize, replyPath, searchIndexPath, searchShardsPath } from '../model/urls.ts';
import { pruneShards, restoreShard, shardCacheDir, shardKey, storeShard } from './shard-cache.ts';
import { converterDict, convertibleChars } from './converter-dict.ts';
import type { Lexicon } from './lexicon.ts';
import { clientTerms, readSearchTerms } from './search-terms.ts';

export { INDEX_LANGUAGE };

/** Where the shard manifest lives, relative to the site root. */
export const SHARD_MANIFEST = 'pagefind/shards.json';
export const SHARD_DIR = 'pagefind-shards';
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
  /** 'year' (default): one index per budget year merged in the browser; 'none': a single index. */
  shard?: 'year' | 'none';
  /** Shards indexed at the same time (default 1: measured at 20,000 replies, 2 was slower — 78 s against 56 s — and doubles memory). */
  parallelShards?: number;
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

/** Group source files by year, newest year first (it becomes the primary index); background pages join the primary. */
export function shardEntries(entries: IndexEntry[], shard: 'year' | 'none'): [string, IndexEntry[]][] {
  if (shard === 'none') return [['all', entries]];
  const years = [...new Set(entries.filter((s) => s.kind === 'reply').map((s) => s.shard))].sort().reverse();
  const groups: [string, IndexEntry[]][] = years.map((y) => [y, entries.filter((s) => s.kind === 'reply' && s.shard === y)]);
  const extra = entries.filter((s) => s.kind !== 'reply');
  if (groups[0]) groups[0][1].push(...extra);
  else groups.push(['background', extra]);
  return groups;
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

/**
 * The index of one language's editions: its newest year at searchIndexPath(lang)
 * (`pagefind/`, `pagefind-en/`), earlier years under searchShardsPath(lang), and
 * its shard manifest (`shards.json`, filters in that language).
 */
async function indexEdition(
  siteDir: string,
  entries: IndexEntry[],
  lang: InterfaceLang,
  opts: BuildSearchOptions,
  cacheDir: string | null,
  used: Set<string>,
  log: (line: string) => void,
): Promise<Omit<BuildSearchResult, 'strategy'>> {
  const language = lang === site.defaultLang ? INDEX_LANGUAGE : lang;
  const base = searchIndexPath(lang).replace(/^\/|\/$/g, '');
  const shardBase = searchShardsPath(lang).replace(/^\/|\/$/g, '');
  const groups = shardEntries(entries, opts.shard ?? 'year');
  const pool = new PreparePool(language, siteDir);
  const shards: BuildSearchResult['shards'] = [];
  const summary: Pick<PreparedDoc, 'year' | 'meta' | 'filters'>[] = [];
  const ms = (t: number) => `${(t / 1000).toFixed(1)} s`;
  // Shards are indexed `parallel` at a time (one by default: memory is bounded by one shard),
  // while the workers prepare the text of the next ones.
  const parallel = Math.max(1, opts.parallelShards ?? 1);
  const results: { name: string; docs: PreparedDoc[]; dir: string }[] = [];
  let reused = 0;
  let lexicon: Lexicon;
  try {
    const prepared = groups.map(() => null as Promise<PreparedDoc[]> | null);
    const prepare = (k: number) => {
      const g = groups[k];
      if (g && !prepared[k]) {
        const p = pool.prepare(g[1]);
        p.catch(() => {}); // awaited (and thrown) in its turn; no unhandled rejection meanwhile
        prepared[k] = p;
      }
    };
    for (let i = 0; i < groups.length; i += parallel) {
      const batch = groups.slice(i, i + parallel).map((_, j) => i + j);
      batch.forEach(prepare);
      const started = performance.now();
      const docsList = await Promise.all(batch.map((k) => prepared[k]!));
      const ready = performance.now();
      for (let k = i + parallel; k < i + 2 * parallel; k++) prepare(k);
      await Promise.all(
        batch.map(async (k, j) => {
          const dir = k === 0 ? base : `${shardBase}/${groups[k]![0]}`;
          results[k] = { name: groups[k]![0], docs: docsList[j]!, dir };
          const { key, cached } = await indexShardCached(docsList[j]!, join(siteDir, dir), k === 0, cacheDir, language);
          used.add(key);
          if (cached) reused++;
        }),
      );
      for (const k of batch) {
        const r = results[k]!;
        log(`search: shard ${r.name}: ${r.docs.length} pages → ${r.dir}/`);
      }
      log(`search: waited ${ms(ready - started)} for text, indexed in ${ms(performance.now() - ready)}`);
      for (const k of batch) {
        const r = results[k]!;
        for (const d of r.docs) summary.push({ year: d.year, meta: d.meta, filters: d.filters });
        shards.push({ name: r.name, pages: r.docs.length, dir: r.dir });
        r.docs = []; // let the text of indexed shards be collected
      }
    }
    lexicon = pool.lexicon;
  } finally {
    await pool.close();
  }
  // The converter and the names of this edition's text (an English index holds no Han text, so nothing converts into it).
  const converter = converterDict(lexicon.findable);
  writeFileSync(join(siteDir, base, CONVERTER_FILE), JSON.stringify(converter) + '\n');
  writeFileSync(join(siteDir, base, VOCABULARY_FILE), JSON.stringify(lexicon.vocabulary()) + '\n');
  log(`search: ${lang}: ${groups.length - reused} shard(s) indexed, ${reused} unchanged and reused from the cache`);
  const missing = summary.filter((d) => d.meta.kind === 'reply' && !existsSync(join(siteDir, replyPath({ year: d.year, replyNo: d.meta.replyNo ?? '' }), 'index.html')));
  if (missing.length && existsSync(join(siteDir, 'index.html'))) {
    log(`search: warning: ${missing.length} replies have no page in ${siteDir} (first: ${missing[0]?.year}/${missing[0]?.meta.replyNo})`);
  }
  // The page reads this to merge the other shards into the primary index when they are needed.
  const manifest = {
    primary: shards[0]?.name,
    shards: shards.slice(1).map((s) => ({ name: s.name, path: s.dir + '/' })),
    replies: replyCounts(summary),
    // Where a reply number leads, per interface language, from the site's URL scheme (filled in by query.js replyJumps).
    replyPath: Object.fromEntries(site.languages.map((l) => [l, localize(replyPath({ year: '{year}', replyNo: '{replyno}' }), l)])),
    filters: filterValues(summary),
    // A query with one of these characters (Simplified, absent from this index) is converted to Traditional first.
    convertible: convertibleChars(converter, (c) => lexicon.holds(c)),
    // The reviewed synonyms and the English glossary (content/search/, search-terms.ts): a few KB, wanted by every query.
    terms: clientTerms(readSearchTerms(join(opts.contentDir, 'search'))),
  };
  writeFileSync(join(siteDir, base, 'shards.json'), JSON.stringify(manifest) + '\n');
  return { pages: summary.length, shards, reused };
}

/**
 * Index the site in `siteDir`: writes siteDir/pagefind/ (primary), and
 * siteDir/pagefind-shards/<year>/ for further years, plus the shard manifest.
 */
export async function buildSearchIndex(siteDir: string, opts: BuildSearchOptions): Promise<BuildSearchResult> {
  const strategy = opts.strategy ?? 'bigram';
  const log = opts.log ?? (() => {});
  const primary = join(siteDir, 'pagefind');
  // Read by the Pagefind binary, which the Node API spawns (inheriting the environment) at the first createIndex.
  const chunkEnv = process.env[CHUNK_ENV];
  process.env[CHUNK_ENV] = chunkEnv ?? String(opts.indexChunkSize ?? INDEX_CHUNK_SIZE);
  for (const lang of site.languages) {
    rmSync(join(siteDir, searchIndexPath(lang)), { recursive: true, force: true });
    rmSync(join(siteDir, searchShardsPath(lang)), { recursive: true, force: true });
  }
  try {
    if (opts.installAssets !== false) await installClient(siteDir);
    if (strategy === 'plain') {
      const pages = await indexPlain(siteDir, primary);
      writeFileSync(join(siteDir, SHARD_MANIFEST), JSON.stringify({ shards: [] }) + '\n');
      log(`search: plain Pagefind index of ${pages} pages`);
      return { pages, shards: [{ name: 'all', pages, dir: 'pagefind' }], strategy, reused: 0 };
    }
    const contentDir = opts.contentDir;
    const entries = opts.entries ?? listIndexEntries(contentDir);
    if (!entries.some((s) => s.kind === 'reply')) throw new Error(`search: no replies found under ${join(contentDir, 'replies')}`);
    const cacheDir = opts.cacheDir === undefined ? shardCacheDir() : opts.cacheDir;
    const used = new Set<string>();
    const result: BuildSearchResult = { pages: 0, shards: [], strategy, reused: 0 };
    // One index per language of the editions: each indexed as its language (Chinese as bigrams, English by Pagefind's English stemming).
    for (const lang of site.languages) {
      const mine = entries.filter((s) => s.lang === lang);
      if (!mine.some((s) => s.kind === 'reply')) continue;
      const r = await indexEdition(siteDir, mine, lang, opts, cacheDir, used, log);
      result.pages += r.pages;
      result.shards.push(...r.shards);
      result.reused += r.reused;
    }
    if (cacheDir) pruneShards(cacheDir, used);
    return result;
  } finally {
    await pagefind.close();
    if (chunkEnv === undefined) delete process.env[CHUNK_ENV];
    else process.env[CHUNK_ENV] = chunkEnv;
  }
}
