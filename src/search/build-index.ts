/**
 * Build the Pagefind search index for a built site (`_site`).
 *
 * Default strategy ("segmented", chosen by measurement — see
 * test/search/README.md and the search issue's closing note):
 * - records come from the reply Markdown (src/search/records.ts), not from
 *   scraping HTML;
 * - Chinese text is split into words once, here, by `Intl.Segmenter` — the
 *   segmenter Pagefind runs on the query in the browser — and handed to
 *   Pagefind space-separated under the language code INDEX_LANGUAGE, which
 *   Pagefind does not segment again. Index and query splitting agree, and the
 *   indexer does no dictionary segmentation (it was ~10 ms and ~1.2 MB per
 *   page, the memory wall at 20,000 pages);
 * - one index per budget year ("shard"), each built and dropped in turn, so
 *   memory is bounded by the largest year; the page merges them with
 *   `mergeIndex` (filters and sort work across shards).
 *
 * The "plain" strategy (Pagefind's own HTML indexing of `data-pagefind-body`
 * pages marked zh) is kept only so the benchmark and the tests can measure
 * what it misses.
 */
import { mkdirSync, readdirSync, copyFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { readRecords, type SearchRecord } from './records.ts';
import { SEGMENT_LOCALE } from './segment.ts';
import { recordHtml } from './record-html.ts';

/**
 * Pagefind only segments zh/ja/th; any other code indexes whitespace-separated
 * words as they are. `yue` (Cantonese, ISO 639-3) is honest about the content
 * and has no stemmer. The browser is told to search as SEGMENT_LOCALE, so its
 * query is split by Intl.Segmenter; with a single index language Pagefind
 * falls back to it.
 */
export const INDEX_LANGUAGE = 'yue';
/** Where the shard manifest lives, relative to the site root. */
export const SHARD_MANIFEST = 'pagefind/shards.json';
export const SHARD_DIR = 'pagefind-shards';

export type SearchStrategy = 'segmented' | 'plain';

export interface BuildSearchOptions {
  /** Directory holding replies/ and pages/background/ (default: env ARCHIVE_CONTENT or ./content). */
  contentDir?: string;
  strategy?: SearchStrategy;
  /** 'year' (default): one index per budget year merged in the browser; 'none': a single index. */
  shard?: 'year' | 'none';
  /** Copy the search page's script and CSS into siteDir/search/ (default true). */
  installAssets?: boolean;
  log?: (line: string) => void;
}

export interface BuildSearchResult {
  pages: number;
  shards: { name: string; pages: number; dir: string }[];
  strategy: SearchStrategy;
}

const here = dirname(fileURLToPath(import.meta.url));
const CLIENT_DIR = join(here, '..', 'site', 'search');

async function check<T extends { errors: string[] }>(p: Promise<T>, what: string): Promise<T> {
  const r = await p;
  if (r.errors.length) throw new Error(`pagefind ${what}: ${r.errors.join('; ')}`);
  return r;
}

/** Group records by year, newest year first (it becomes the primary index); background pages join the primary. */
export function shardRecords(records: SearchRecord[], shard: 'year' | 'none'): [string, SearchRecord[]][] {
  if (shard === 'none') return [['all', records]];
  const years = [...new Set(records.filter((r) => r.year !== 'background').map((r) => r.year))].sort().reverse();
  const groups: [string, SearchRecord[]][] = years.map((y) => [y, records.filter((r) => r.year === y)]);
  const extra = records.filter((r) => r.year === 'background');
  if (groups[0]) groups[0][1].push(...extra);
  else groups.push(['background', extra]);
  return groups;
}

async function indexShard(records: SearchRecord[], outDir: string): Promise<void> {
  const { index } = await check(pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE }), 'createIndex');
  if (!index) throw new Error('pagefind createIndex returned no index');
  // Segment in this process while the Pagefind binary indexes the previous
  // batch: the two halves of the work use both cores.
  const BATCH = 64;
  for (let i = 0; i < records.length; i += BATCH) {
    await Promise.all(
      records.slice(i, i + BATCH).map((r) =>
        check(index.addHTMLFile({ url: r.url, content: recordHtml(r, INDEX_LANGUAGE) }), `addHTMLFile ${r.url}`),
      ),
    );
  }
  await check(index.writeFiles({ outputPath: outDir }), `writeFiles ${outDir}`);
  await index.deleteIndex();
}

async function indexPlain(siteDir: string, outDir: string): Promise<number> {
  const { index } = await check(pagefind.createIndex({}), 'createIndex');
  if (!index) throw new Error('pagefind createIndex returned no index');
  const r = await check(index.addDirectory({ path: siteDir }), 'addDirectory');
  await check(index.writeFiles({ outputPath: outDir }), `writeFiles ${outDir}`);
  await index.deleteIndex();
  return r.page_count;
}

/** { year: { bureau: highest reply number } }: lets the page offer a jump for "259" without a lookup table. */
export function replyCounts(records: SearchRecord[]): Record<string, Record<string, number>> {
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
export function filterValues(records: SearchRecord[]): Record<string, string[]> {
  const collator = new Intl.Collator('zh-Hant-HK', { numeric: true });
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

function installClient(siteDir: string): void {
  const dest = join(siteDir, 'search');
  mkdirSync(dest, { recursive: true });
  for (const f of readdirSync(CLIENT_DIR).sort()) {
    if (/\.(js|css)$/.test(f)) copyFileSync(join(CLIENT_DIR, f), join(dest, f));
  }
}

/**
 * Index the site in `siteDir`: writes siteDir/pagefind/ (primary), and
 * siteDir/pagefind-shards/<year>/ for further years, plus the shard manifest.
 */
export async function buildSearchIndex(siteDir: string, opts: BuildSearchOptions = {}): Promise<BuildSearchResult> {
  const strategy = opts.strategy ?? 'segmented';
  const log = opts.log ?? (() => {});
  const primary = join(siteDir, 'pagefind');
  rmSync(primary, { recursive: true, force: true });
  rmSync(join(siteDir, SHARD_DIR), { recursive: true, force: true });
  try {
    if (opts.installAssets !== false) installClient(siteDir);
    if (strategy === 'plain') {
      const pages = await indexPlain(siteDir, primary);
      writeFileSync(join(siteDir, SHARD_MANIFEST), JSON.stringify({ language: SEGMENT_LOCALE, shards: [] }) + '\n');
      log(`search: plain Pagefind index of ${pages} pages`);
      return { pages, shards: [{ name: 'all', pages, dir: 'pagefind' }], strategy };
    }
    const contentDir = opts.contentDir ?? process.env.ARCHIVE_CONTENT ?? 'content';
    const records = readRecords(contentDir);
    if (records.length === 0) throw new Error(`search: no replies found under ${join(contentDir, 'replies')}`);
    const missing = records.filter((r) => !existsSync(join(siteDir, r.url, 'index.html')));
    if (missing.length && existsSync(join(siteDir, 'index.html'))) {
      log(`search: warning: ${missing.length} records have no page in ${siteDir} (first: ${missing[0]?.url})`);
    }
    const shards: BuildSearchResult['shards'] = [];
    for (const [i, [name, recs]] of shardRecords(records, opts.shard ?? 'year').entries()) {
      const dir = i === 0 ? 'pagefind' : `${SHARD_DIR}/${name}`;
      await indexShard(recs, join(siteDir, dir));
      shards.push({ name, pages: recs.length, dir });
      log(`search: shard ${name}: ${recs.length} pages → ${dir}/`);
    }
    // The page reads this to merge the other shards into the primary index.
    const manifest = {
      language: SEGMENT_LOCALE,
      shards: shards.slice(1).map((s) => ({ name: s.name, path: s.dir + '/' })),
      replies: replyCounts(records),
      filters: filterValues(records),
    };
    writeFileSync(join(siteDir, SHARD_MANIFEST), JSON.stringify(manifest) + '\n');
    return { pages: records.length, shards, strategy };
  } finally {
    await pagefind.close();
  }
}
