/**
 * A year's index in parts (src/search/parts.ts) searches as one index: the built site's
 * index made again with parts of 50 replies (the 263 replies of 2023-24 in six parts),
 * in chromium. Every reply containing a term of the query set is found, and the search
 * page sorted by reply number lists what the site's own index lists, in the same order,
 * ascending (Pagefind merges indexes by score; sorted, a result's score is its place in
 * its own part, so parts dealt round-robin by number merge into the year's order).
 */
import { browserSuite } from '../support/browser.ts';
const test = browserSuite('search page: a year in parts');
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

test('the year is in parts, each listed in the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(partedDir, 'pagefind', 'shards.json'), 'utf8')) as { shards: { name: string; parts: string[] }[] };
  const year = manifest.shards.find((s) => s.name === '2023-24');
  assert.ok(year, 'the manifest lists 2023-24');
  assert.equal(year.parts, ['1', '2', '3', '4', '5', '6'].map((n) => `2023-24/pagefind/${n}/`));
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

test.run();
