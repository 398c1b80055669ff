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
 * - each budget year's index is a set of parts (year-search.ts, parts.ts),
 *   each a bundle of its own, built one after the other, so Pagefind's memory
 *   is bounded by a part; the parts are merged into one bundle of the year
 *   (merge-parts.ts), which the page merges with `mergeIndex` when it searches
 *   that year.
 *
 * The "plain" strategy (Pagefind's own indexing of the built pages) is kept so
 * the benchmark and the comparison can measure what it misses.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { build } from 'esbuild';
import { listIndexEntries, type IndexEntry } from './records.ts';
import { PreparePool, type PreparedDoc } from './prepare.ts';
import { INDEX_LANGUAGE } from './segment.ts';
import { site } from '../../_data/site.ts';
import { replyPathTemplate, searchIndexPath } from '../model/urls.ts';
import { cachedPartSummary, linkCachedPart, pruneShards, readStoredFiles, shardCacheDir, storeFiles, storePart } from './shard-cache.ts';
import { converterCandidates, converterDict, convertibleChars, type ConverterCandidates } from './converter-dict.ts';
import { clientTerms, readSearchTerms } from './search-terms.ts';
import { Lexicon, type LexiconPart } from './lexicon.ts';
import { inputHash, partKey } from './parts.ts';
import { metaFileOf, wasmFileOf, writePack } from './packs.ts';
import { check, chunkSizeOf, indexDocs, SHELL_INDEX_CHUNK_SIZE, withPagefind, writeBundle } from './pagefind-bundle.ts';
import { buildYearSearch, filterValues, searchCacheKeys, type YearSearchSummary } from './year-search.ts';

export { INDEX_LANGUAGE };
// The year's index is built in its unit (src/build/unit-process.ts), summed up for the shell (src/build).
export { buildYearSearch, indexYearSearch, planYearSearch, searchCacheKeys, type YearSearchSummary } from './year-search.ts';

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
   * INDEX_CHUNK_SIZE for the years' parts and SHELL_INDEX_CHUNK_SIZE for the shell's own index
   * (pagefind-bundle.ts); given, it is used for both. An environment variable of that name, when
   * set, wins (for experiments).
   */
  indexChunkSize?: number;
  /** Part cache folder; null: none. Default shardCacheDir() (.cache/search). */
  cacheDir?: string | null;
  /** Editions in a part of a year's index (parts.ts PART_SIZE). */
  partSize?: number;
  /** Parts of a year indexed at once (year-search.ts YearSearchOptions.lanes). */
  lanes?: number;
  /** Copy the search page's script and CSS into siteDir/search/ (default true). */
  installAssets?: boolean;
  log?: (line: string) => void;
}

export interface BuildSearchResult {
  pages: number;
  /** Each year's index of each language: its pages and parts. */
  shards: { name: string; pages: number; parts: string[] }[];
  strategy: SearchStrategy;
  /** Parts linked from the part cache instead of indexed (their inputs did not change). */
  reused: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const CLIENT_DIR = join(here, '..', 'browser', 'search');

async function indexPlain(siteDir: string, outDir: string): Promise<number> {
  const { index } = await check(pagefind.createIndex({}), 'createIndex');
  if (!index) throw new Error('pagefind createIndex returned no index');
  const r = await check(index.addDirectory({ path: siteDir }), 'addDirectory');
  await writeBundle(index, outDir, true);
  await index.deleteIndex();
  return r.page_count;
}

/** opencc-js's core (ES module, ~4 KB gzipped), which convert.js loads as search/opencc-core.js. */
export const OPENCC_CORE = fileURLToPath(import.meta.resolve('opencc-js/core'));

/**
 * The files of the search page's folder besides its script: the style, the note for a copy
 * opened from disk (offline.js, a classic script), the tokeniser (query.js, with sequence.js,
 * which it imports: the search measurements, src/search/measure-browser.ts, run the page's own
 * query code from the site).
 */
const CLIENT_FILES = ['search.css', 'offline.js', 'query.js', 'sequence.js'];

/**
 * The decoder of the packs (packs.ts), search/lzma.js: lzma1's decoder alone, as an ES module
 * exporting `decompress`. The package exports only its whole (encoder and decoder: 13.8 KB
 * gzipped, minified); its decoder's own files, taken by path, are 3.2 KB.
 */
const LZMA_DECODER = `import { Decoder } from './lib/decoder.js';
import { InputBuffer, OutputBuffer } from './lib/streams.js';
export function decompress(bytes) {
  const out = new OutputBuffer(Math.max(32, bytes.length * 4));
  new Decoder().decompress(new InputBuffer(bytes), out);
  return out.toArray();
}
`;
const LZMA_DIR = dirname(fileURLToPath(import.meta.resolve('lzma1/package.json')));
/** Its licence's notice, which its files do not carry themselves (MIT: the notice goes with every copy). */
const LZMA_NOTICE = `/*! lzma1 ${(JSON.parse(readFileSync(join(LZMA_DIR, 'package.json'), 'utf8')) as { version: string }).version}, its decoder: MIT License, Copyright (c) 2023 Filip Seman, https://github.com/xseman/lzma1 */`;

/** The files esbuild makes for the search page's folder: name → how. */
const CLIENT_BUNDLES: Record<string, Parameters<typeof build>[0]> = {
  /**
   * The search page's script: the entry and its modules (src/browser/search) as one minified
   * ES module. The modules are small files with one job and comments that say why; shipped as
   * they are they cost a first search 16.5 KB gzipped in twelve requests (measured at 263
   * replies), bundled and minified about a third of that in one.
   */
  'search.js': { entryPoints: [join(CLIENT_DIR, 'search.js')] },
  'lzma.js': { stdin: { contents: LZMA_DECODER, resolveDir: LZMA_DIR, sourcefile: 'lzma-decoder.js' }, banner: { js: LZMA_NOTICE } },
};

/** The search page's scripts made by esbuild (CLIENT_BUNDLES), kept in the part cache under a key of the search code. */
async function installClient(siteDir: string, cacheDir: string | null): Promise<string | null> {
  const dest = join(siteDir, 'search');
  mkdirSync(dest, { recursive: true });
  for (const f of CLIENT_FILES) copyFileSync(join(CLIENT_DIR, f), join(dest, f));
  copyFileSync(OPENCC_CORE, join(dest, 'opencc-core.js'));
  const names = Object.keys(CLIENT_BUNDLES);
  const key = cacheDir ? partKey([], { client: names.join(' ') }) : null;
  const stored = cacheDir && key ? readStoredFiles(cacheDir, key, names) : null;
  if (stored) {
    for (const [name, bytes] of Object.entries(stored)) writeFileSync(join(dest, name), bytes);
    return key;
  }
  const made: Record<string, string> = {};
  for (const name of names) {
    const r = await build({ ...CLIENT_BUNDLES[name], bundle: true, minify: true, format: 'esm', target: 'es2022', charset: 'utf8', legalComments: 'none', logLevel: 'error', write: false });
    const out = r.outputFiles[0];
    if (!out) throw new Error(`search: esbuild wrote nothing for search/${name}`);
    writeFileSync(join(dest, name), out.text);
    made[name] = out.text;
  }
  if (cacheDir && key) storeFiles(cacheDir, key, made);
  return key;
}

/** The converter's candidates (converter-dict.ts): from the part cache when stored there, else made and stored. */
function converterCandidatesCached(cacheDir: string | null): { candidates: ConverterCandidates; key: string | null } {
  const file = 'converter-candidates.json';
  const key = cacheDir ? partKey([], { converter: file }) : null;
  const stored = cacheDir && key ? readStoredFiles(cacheDir, key, [file]) : null;
  if (stored) return { candidates: JSON.parse(stored[file]!.toString('utf8')) as ConverterCandidates, key };
  const candidates = converterCandidates();
  if (cacheDir && key) storeFiles(cacheDir, key, { [file]: JSON.stringify(candidates) });
  return { candidates, key };
}

/** What the shell's own pages of one language tell its manifest: each page's filters, and their lexicon. */
interface ShellPagesSummary {
  docs: { filters: PreparedDoc['filters'] }[];
  lexicon: LexiconPart;
}

/**
 * The shell's own pages of one language (the background papers) as the primary
 * bundle at `siteDir/dir`, with Pagefind's runtime: the index the search page
 * starts from. Returns the prepared documents' data and their lexicon, and the
 * key it is kept under in the part cache, whence it is linked when its pages
 * and the search code are unchanged: every build made it again, a worker
 * thread and Pagefind for a handful of pages per language (with the search
 * page's bundle, 0.7–1.0 s of an edit's shell; `npm run build` logs, 2026-12-05).
 */
async function indexShellPages(siteDir: string, dir: string, sources: IndexEntry[], lang: string, cacheDir: string | null, chunkSize: number): Promise<ShellPagesSummary & { key: string }> {
  const language = lang === site.defaultLang ? INDEX_LANGUAGE : lang;
  const outDir = join(siteDir, dir);
  const key = partKey(sources.map((e) => inputHash(e, siteDir)), { shell: dir, language, chunkSize: chunkSizeOf(chunkSize), primary: true });
  const cached = cacheDir ? cachedPartSummary<ShellPagesSummary>(cacheDir, key) : null;
  // Indexed after all when its entry has gone since it was found.
  if (cacheDir && cached && linkCachedPart(cacheDir, key, outDir)) return { ...cached, key };
  const pool = new PreparePool(language, siteDir);
  try {
    const { docs, lexicon } = await pool.prepare(sources);
    await indexDocs(docs, outDir, true, language);
    const summary: ShellPagesSummary = { docs: docs.map((d) => ({ filters: d.filters })), lexicon: lexicon.part() };
    if (cacheDir) storePart(cacheDir, key, outDir, summary);
    return { ...summary, key };
  } finally {
    await pool.close();
  }
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
export async function buildShellSearch(siteDir: string, shellSources: IndexEntry[], summaries: YearSearchSummary[], opts: Pick<BuildSearchOptions, 'contentDir' | 'indexChunkSize' | 'log' | 'installAssets' | 'cacheDir'>): Promise<{ pages: number; cacheKeys: string[] }> {
  const log = opts.log ?? (() => {});
  const cacheDir = opts.cacheDir === undefined ? shardCacheDir() : opts.cacheDir;
  const cacheKeys: string[] = [];
  for (const lang of site.languages) rmSync(join(siteDir, searchIndexPath(lang)), { recursive: true, force: true });
  if (opts.installAssets !== false) {
    const key = await installClient(siteDir, cacheDir);
    if (key) cacheKeys.push(key);
  }
  let pages = 0;
  const chunkSize = opts.indexChunkSize ?? SHELL_INDEX_CHUNK_SIZE;
  const { candidates, key: converterKey } = converterCandidatesCached(cacheDir);
  if (converterKey) cacheKeys.push(converterKey);
  await withPagefind(chunkSize, async () => {
    for (const lang of site.languages) {
      const years = summaries.filter((s) => s.lang === lang).sort((a, b) => (a.year < b.year ? 1 : a.year > b.year ? -1 : 0));
      if (!years.length) continue;
      const base = searchIndexPath(lang).replace(/^\/|\/$/g, '');
      // Pagefind's runtime needs an index of at least one page to start from: a language with no shell
      // page of its own (English: the background papers are Chinese) takes the primary language's.
      const mine = shellSources.filter((s) => s.lang === lang && s.kind !== 'reply');
      const own = mine.length ? mine : shellSources.filter((s) => s.kind !== 'reply');
      const r = await indexShellPages(siteDir, base, own, lang, cacheDir, chunkSize);
      // Pagefind's WebAssembly, which every first search loads, in a pack of its own (packs.ts: LZMA, 17 % smaller than gzip),
      // with the shell index's entry file and metadata, which Pagefind fetches first: the page answers every request under
      // /pagefind/ from the pack once it has asked for it (packs.js), and these two would otherwise wait for it, then go to the network.
      const wasm = writePack(siteDir, base, 'wasm', [`${base}/pagefind-entry.json`, metaFileOf(siteDir, base), wasmFileOf(siteDir, base)], cacheDir);
      cacheKeys.push(r.key, wasm.key);
      pages += r.docs.length;
      const lexicon = new Lexicon();
      lexicon.add(r.lexicon);
      for (const y of years) lexicon.add(y.lexicon);
      const replies = Object.assign({}, ...years.map((y) => y.replies)) as Record<string, Record<string, number>>;
      const filterRecords = [...r.docs, ...years.map((y) => ({ filters: y.filters }))];
      const converter = converterDict(lexicon.findable, candidates);
      writeFileSync(join(siteDir, base, CONVERTER_FILE), JSON.stringify(converter) + '\n');
      writeFileSync(join(siteDir, base, VOCABULARY_FILE), JSON.stringify(lexicon.vocabulary()) + '\n');
      const manifest = {
        primary: years[0]!.year,
        // Every year's index, newest first: its parts merged into one bundle (merge-parts.ts), which the page merges when it searches the year, and its metadata in a pack.
        shards: years.map((y) => ({ name: y.year, parts: [y.bundle.path], metadata: y.metadata.pack })),
        wasm: wasm.pack,
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
  return { pages, cacheKeys };
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
    return withPagefind(opts.indexChunkSize, async () => {
      const primary = join(siteDir, 'pagefind');
      rmSync(primary, { recursive: true, force: true });
      if (opts.installAssets !== false) await installClient(siteDir, null);
      const pages = await indexPlain(siteDir, primary);
      writeFileSync(join(siteDir, SHARD_MANIFEST), JSON.stringify({ shards: [] }) + '\n');
      log(`search: plain Pagefind index of ${pages} pages`);
      return { pages, shards: [{ name: 'all', pages, parts: ['pagefind/'] }], strategy, reused: 0 };
    });
  }
  const sources = opts.entries ?? listIndexEntries(opts.contentDir);
  if (!sources.some((s) => s.kind === 'reply')) throw new Error(`search: no replies found under ${join(opts.contentDir, 'replies')}`);
  const years = [...new Set(sources.filter((s) => s.kind === 'reply').map((s) => s.shard))].sort().reverse();
  const summaries: YearSearchSummary[] = [];
  for (const year of years) summaries.push(...(await buildYearSearch(siteDir, year, sources, opts)));
  const shell = await buildShellSearch(siteDir, sources.filter((s) => s.kind !== 'reply'), summaries, opts);
  const cacheDir = opts.cacheDir === undefined ? shardCacheDir() : opts.cacheDir;
  const parts = summaries.flatMap((s) => s.parts);
  if (cacheDir) pruneShards(cacheDir, new Set([...searchCacheKeys(summaries), ...shell.cacheKeys]));
  return {
    pages: shell.pages + summaries.reduce((n, s) => n + s.pages, 0),
    shards: summaries.map((s) => ({ name: s.year, pages: s.pages, parts: [s.bundle.path] })),
    strategy,
    reused: parts.filter((p) => p.cached).length,
  };
}
