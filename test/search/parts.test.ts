/**
 * A year's index in parts (src/search/parts.ts), merged (src/search/merge-parts.ts), is one
 * index: the built site's index made again with parts of 50 replies (the 263 replies of 2023-24
 * in six parts), read word by word against the site's own, and searched in chromium. Every reply containing a term of the query set is found, and the search
 * page sorted by reply number lists what the site's own index lists, in the same order,
 * ascending (Pagefind merges indexes by score; sorted, a result's score is its place in
 * its own part, so parts dealt round-robin by number merge into the year's order).
 */
import { browserSuite } from '../support/browser.ts';
const test = browserSuite('search page: a year in parts');
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { SIGNATURE } from '../../src/search/pagefind-files.ts';
import type { Browser } from 'playwright-core';
import { linkTree } from '../../src/lib/link-tree.ts';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { runPagefindQueries } from '../../src/search/measure-browser.ts';
import { launchChromium } from '../../src/serve/chromium.ts';
import { serveDirectory, type StaticServer } from '../../src/serve/static-server.ts';
import { tempDir } from '../support/builds.ts';
import { once } from '../support/once.ts';
import { CONTENT_DIR, requireSite, SITE_DIR } from '../support/site.ts';
import { expectedFor, loadQuerySet, loadReplyTexts } from './expected.ts';
import { listed, search } from './harness.ts';

const PART_SIZE = 50;
let browser: Browser;
let whole: StaticServer;
let parted: StaticServer;
let partedDir = '';

// Set-up runs in before.each (see test/support/once.ts): a failure there fails the test.
const ready = once(async () => {
  requireSite();
  // The built site's files, linked (never written: the search folders are removed and written anew), with its index in parts.
  partedDir = tempDir('parts');
  linkTree(SITE_DIR, partedDir);
  await buildSearchIndex(partedDir, { contentDir: CONTENT_DIR, cacheDir: null, installAssets: false, partSize: PART_SIZE });
  browser = await launchChromium();
  whole = await serveDirectory(SITE_DIR, '/legco-archive/');
  parted = await serveDirectory(partedDir, '/legco-archive/');
});
test.before.each(() => ready());
test.after(async () => {
  await browser?.close();
  await whole?.close();
  await parted?.close();
});

test('the year is in six parts, merged into one bundle, which the manifest lists', () => {
  const manifest = JSON.parse(readFileSync(join(partedDir, 'pagefind', 'shards.json'), 'utf8')) as { shards: { name: string; parts: string[] }[] };
  const year = manifest.shards.find((s) => s.name === '2023-24');
  assert.ok(year, 'the manifest lists 2023-24');
  assert.equal(year.parts, ['2023-24/pagefind/']);
  const pageNames = bundleIndex(join(partedDir, '2023-24', 'pagefind')).pageNames;
  assert.is(new Set(pageNames.map((n) => n.slice(0, 11))).size, 6, 'its pages come from six parts (named by them)');
});

test('the merged bundle holds what one Pagefind index of the year holds: every word on the same pages at the same positions, the filters, the order', () => {
  const one = bundleIndex(join(SITE_DIR, '2023-24', 'pagefind'));
  const merged = bundleIndex(join(partedDir, '2023-24', 'pagefind'));
  assert.ok(one.words.size > 10000, `${one.words.size} words`);
  assert.equal(merged.urls, one.urls, 'the pages in the same order');
  assert.equal([...merged.words.keys()], [...one.words.keys()], 'the same words, in the same order');
  const differ = [...one.words].filter(([w, postings]) => JSON.stringify(merged.words.get(w)) !== JSON.stringify(postings)).map(([w]) => w);
  assert.equal(differ.slice(0, 10), [], `${differ.length} words with other pages or positions`);
  assert.equal(merged.filters, one.filters);
  assert.equal(merged.sorts, one.sorts);
  // Pagefind's lookup of a word searched alone finds it in the chunk holding it.
  for (const b of [one, merged]) {
    const lost = [...b.chunkOf].filter(([w, hash]) => chunkFor(b.chunks, w) !== hash).map(([w]) => w);
    assert.equal(lost.slice(0, 10), [], `${lost.length} words Pagefind would look up in another chunk`);
  }
});

test('every reply containing a term of the query set is found across the parts', async () => {
  const replies = loadReplyTexts(CONTENT_DIR);
  const specs = loadQuerySet().filter((s) => s.kind !== 'fuzzy');
  const page = await browser.newPage();
  const runs = await runPagefindQueries(page, parted.baseUrl, specs.map((s) => s.q), { segment: true });
  await page.close();
  const misses = specs.flatMap((s, i) => {
    const found = new Set(runs[i]?.urls ?? []);
    const missing = expectedFor(s.q, replies).filter((url) => !found.has(url));
    return missing.length ? [`${s.q}: missing ${missing.join(' ')}`] : [];
  });
  assert.equal(misses, []);
});

test('sorted by reply number, the parts list what one index lists, in number order', async () => {
  for (const q of ['數碼港', '智方便', '公務員 編制']) {
    const lists = [];
    for (const server of [whole, parted]) {
      const page = await browser.newPage();
      await page.goto(new URL(`search/?q=${encodeURIComponent(q)}&sort=replyNo`, server.baseUrl).href);
      await search(page, q);
      lists.push(await listed(page));
      await page.close();
    }
    const [one, parts] = lists;
    assert.ok(one!.length > 5, `${q}: enough results to show an order`);
    assert.equal(parts, one, `${q}: the same list in the same order`);
    // Replies (the shell's background papers are an index of their own, merged first).
    const exact = parts!.filter((r) => !r.partial && /^\d{4}-\d{2}\//.test(r.path)).map((r) => r.path);
    assert.equal(exact, [...exact].sort(), `${q}: full matches in reply-number order`);
  }
});

test('by relevance, the merged year lists what one index lists, in the same order', async () => {
  for (const q of ['數碼港', '5G', '公務員 編制']) {
    const lists = [];
    for (const server of [whole, parted]) {
      const page = await browser.newPage();
      await page.goto(new URL(`search/?q=${encodeURIComponent(q)}`, server.baseUrl).href);
      await search(page, q);
      lists.push(await listed(page));
      await page.close();
    }
    assert.ok(lists[0]!.length > 5, `${q}: enough results to show an order`);
    assert.equal(lists[1], lists[0], `${q}: the same list in the same order`);
  }
});

/**
 * The chunk Pagefind loads for a query of one word (pagefind_web lib.rs try_request_indexes): the first
 * whose first and last word (shortened to what tells neighbours apart) hold it, byte for byte; when none
 * does, the first whose words, cut to the word's length, do (a prefix of the last word can sort before it).
 */
function chunkFor(chunks: [string, string, string][], word: string): string | undefined {
  const w = Buffer.from(word);
  const strict = chunks.find(([from, to]) => Buffer.compare(Buffer.from(from), w) <= 0 && Buffer.compare(w, Buffer.from(to)) <= 0);
  if (strict) return strict[2];
  // Rust's str::get: None when the cut is inside a character (a continuation byte follows it).
  const cut = (b: Buffer, n: number) => (n < b.length && (b[n]! & 0xc0) === 0x80 ? null : b.subarray(0, n));
  return chunks.find(([from, to]) => {
    const [f, t] = [Buffer.from(from), Buffer.from(to)];
    const [wf, ff, wt, tt] = [cut(w, Math.min(w.length, f.length)), cut(f, Math.min(w.length, f.length)), cut(w, Math.min(w.length, t.length)), cut(t, Math.min(w.length, t.length))];
    return wf && ff && wt && tt && Buffer.compare(wf, ff) >= 0 && Buffer.compare(wt, tt) <= 0;
  })?.[2];
}

/** A bundle's index read whole: its pages' addresses, each word's pages (by address) with their positions and other fields, its filters and sorts by address. */
function bundleIndex(bundle: string) {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const hash = Object.values(entry.languages)[0]!.hash;
  const unzip = (file: string) => decode(gunzipSync(readFileSync(file)).subarray(SIGNATURE.length), { useMaps: false }) as any;
  const meta = unzip(join(bundle, `pagefind.${hash}.pf_meta`)) as [string, [string, number, string][], [string, string, string][], [string, string][], [string, number[]][], string[]];
  const pageNames = meta[1].map((p) => p[0]);
  const urls = pageNames.map((name) => (JSON.parse(gunzipSync(readFileSync(join(bundle, 'fragment', `${name}.pf_fragment`))).subarray(SIGNATURE.length).toString('utf8')) as { url: string }).url);
  const words = new Map<string, unknown[]>();
  const chunkOf = new Map<string, string>();
  for (const [, , name] of meta[2]) {
    for (const [word, pages, ...rest] of unzip(join(bundle, 'index', `${name}.pf_index`))[0] as [string, [number, ...unknown[]][], ...unknown[]][]) {
      // Pagefind writes a word's pages as differences from the page before.
      let page = 0;
      words.set(word, [pages.map(([delta, ...fields]) => [urls[(page += delta)], ...fields]), ...rest]);
      chunkOf.set(word, name);
    }
  }
  const filters = Object.fromEntries(meta[3].map(([filter, name]) => [filter, (unzip(join(bundle, 'filter', `${name}.pf_filter`))[1] as [string, number[]][]).map(([v, pages]) => [v, pages.map((p) => urls[p])])]));
  const sorts = meta[4].map(([sort, pages]) => [sort, pages.map((p) => urls[p])]);
  return { urls, pageNames, words, chunkOf, chunks: meta[2], filters, sorts };
}

test.run();
