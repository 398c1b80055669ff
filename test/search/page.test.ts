/**
 * The search page as a reader uses it, in chromium against the built site under
 * a path prefix: results with reply number, title, member, head and a
 * highlighted excerpt; the reply-number jump; query and filters in the URL and
 * the back button; the English interface searching the same Chinese replies.
 * Also prints (does not assert) first-search bytes and typing-to-results time.
 */
import { browserSuite } from '../support/browser.ts';
const test = browserSuite('search page: page');
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { measureFirstSearch } from '../../src/search/measure-browser.ts';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SITE_DIR } from '../support/site.ts';
import { searchHarness, closeHarness, search } from './harness.ts';
import { en } from '../../_data/i18n/en.ts';
import { zhHantHK } from '../../_data/i18n/zh-Hant-HK.ts';

test.after(() => closeHarness());

async function openSearch(path: string): Promise<Page> {
  const { browser, server } = await searchHarness();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(new URL(path, server.baseUrl).href);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

const results = (page: Page) => page.locator('[data-search-results] > li');
const status = (page: Page) => page.locator('[data-search-status]');

test('typing 智方便 lists replies as links with number, title, member, head and a marked excerpt', async () => {
  const page = await openSearch('search/');
  await page.locator('main input[name="q"]').fill('智方便');
  await results(page).first().waitFor();
  const first = results(page).first();
  assert.match((await first.locator('a').getAttribute('href')) ?? '', /\/legco-archive\/2023-24\/itib\d{3}\/(#[\w-]+)?$/);
  assert.match((await first.locator('a').textContent()) ?? '', /^ITIB\d{3} \S/);
  const facts = (await first.locator('.search-meta').textContent()) ?? '';
  assert.match(facts, /提問議員: \S+/);
  assert.match(facts, /總目: \d+ /);
  const marks = await first.locator('.search-excerpt mark').allTextContents();
  assert.ok(marks.some((m) => m.includes('智') || m.includes('方便')), `marked words: ${marks.join('|')}`);
  assert.match((await status(page).textContent()) ?? '', /找到 \d+ 則結果/);
  assert.is(await page.locator('.search-filters legend').textContent(), zhHantHK.search.ui.filters);
  assert.is((await status(page).getAttribute('aria-live')) ?? '', 'polite');
  assert.equal((page as Page & { errors: string[] }).errors, []);
  assert.is(new URL(page.url()).searchParams.get('q'), '智方便', 'query in the URL');
  await page.close();
});

test('each exact result’s excerpt shows the term where Pagefind found it, and marks only the term’s characters', async () => {
  // The page reads the fragment's text by Pagefind's positions: a fragment whose text is not the index's
  // words (the build writes Chinese ones in runs, src/search/fragment-text.ts) gave excerpts without the term.
  for (const [q, forms] of [['數碼港', ['數碼港']], ['智方便', ['智方便']], ['網絡保安', ['網絡保安', '網絡安全']]] as const) {
    const page = await openSearch(`search/?q=${encodeURIComponent(q)}`);
    await results(page).first().waitFor();
    const rows = await page.$$eval('[data-search-results] > li[data-match="exact"] .search-excerpt', (els) =>
      els.map((e) => ({ text: e.textContent ?? '', marks: [...e.querySelectorAll('mark')].map((m) => m.textContent ?? '') })),
    );
    assert.ok(rows.length >= 3, `${q}: ${rows.length} exact results shown`);
    for (const { text, marks } of rows) {
      assert.ok(forms.some((f) => text.includes(f)), `${q}: excerpt without the term: ${text}`);
      for (const m of marks) assert.ok(forms.some((f) => f.includes(m)), `${q}: marked 「${m}」 in ${text}`);
    }
    await page.close();
  }
});

test('excerpts are text: no element but <mark> comes from the index', async () => {
  const page = await openSearch('search/?q=%E6%95%B8%E7%A2%BC%E6%B8%AF');
  await results(page).first().waitFor();
  const tags = await page.$$eval('.search-excerpt *', (els) => [...new Set(els.map((e) => e.tagName))]);
  assert.equal(tags.filter((t) => t !== 'MARK'), []);
  await page.close();
});

test('a reply number offers a direct jump: ITIB259, itib259 and 259', async () => {
  const page = await openSearch('search/');
  for (const q of ['ITIB259', 'itib259', '259']) {
    await page.locator('main input[name="q"]').fill(q);
    const jump = page.locator('[data-search-jump] a');
    await jump.first().waitFor();
    assert.match((await jump.first().getAttribute('href')) ?? '', /\/legco-archive\/2023-24\/itib259\/$/, q);
    assert.match((await jump.first().textContent()) ?? '', /ITIB259/);
  }
  await page.locator('[data-search-jump] a').first().click();
  await page.waitForURL(/\/2023-24\/itib259\/$/);
  await page.close();
});

test('filters and sort live in the URL; the back button restores the previous search', async () => {
  const page = await openSearch('search/?q=%E6%99%BA%E6%96%B9%E4%BE%BF');
  await results(page).first().waitFor();
  const before = (await status(page).textContent()) ?? '';
  const head = page.locator('#search-filter-head');
  const option = await head.locator('option').nth(1).getAttribute('value');
  assert.ok(option, 'head filter has options');
  await head.selectOption(option!);
  await page.waitForFunction((o) => new URL(location.href).searchParams.get('head') === o, option);
  // The status reads "searching" before the filtered results replace the others (session.js): wait for the results
  // themselves (a wait on the status alone once read the previous results, in CI).
  await page.waitForFunction((o) => {
    const metas = [...document.querySelectorAll('[data-search-results] .search-meta')].map((e) => e.textContent ?? '');
    return metas.length > 0 && metas.every((m) => m.includes(o));
  }, option);
  const heads = await page.locator('[data-search-results] .search-meta').allTextContents();
  assert.ok(heads.length > 0 && heads.every((h) => h.includes(option!)), 'every result is in the chosen head');
  await page.locator('#search-sort').selectOption('replyNo');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'replyNo');
  await page.waitForFunction(() => {
    const nos = [...document.querySelectorAll('.search-replyno')].map((e) => e.textContent ?? '');
    return nos.length > 1 && nos.every((n, i) => i === 0 || nos[i - 1]! <= n);
  });
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('sort'));
  assert.is(await page.locator('#search-sort').inputValue(), '');
  assert.is(await head.inputValue(), option);
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('head'));
  await page.waitForFunction((b) => document.querySelector('[data-search-status]')?.textContent === b, before);
  assert.is(await head.inputValue(), '');
  await page.close();
});

test('arrow keys through a filter add one history entry, not one per option crossed', async () => {
  const page = await openSearch('search/?q=%E6%95%B8%E7%A2%BC%E6%B8%AF');
  await results(page).first().waitFor();
  const before = await page.evaluate(() => history.length);
  const member = page.locator('#search-filter-member');
  await member.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('member'));
  assert.is(await page.evaluate(() => history.length), before + 1);
  assert.is(new URL(page.url()).searchParams.get('member'), await member.inputValue(), 'the URL has the value shown');
  await page.close();
});

test('a filter value the index does not have is dropped from the URL, not applied unseen', async () => {
  const page = await openSearch('search/?q=%E6%99%BA%E6%96%B9%E4%BE%BF&head=bogus');
  await results(page).first().waitFor();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('head'));
  assert.is(await page.locator('#search-filter-head').inputValue(), '');
  // 49 replies hold the whole term (a background paper, in the shell's own index, may follow as a partial match).
  assert.match((await status(page).textContent()) ?? '', /找到 49 則結果|其中 49 則包含完整字詞/);
  await page.close();
});

test('the English search page finds Chinese terms and links to the English pages', async () => {
  const page = await openSearch('en/search/?q=%E6%95%B8%E7%A2%BC%E6%B8%AF');
  await results(page).first().waitFor();
  assert.match((await status(page).textContent()) ?? '', /\d+ results? found/);
  assert.match((await results(page).first().locator('a').getAttribute('href')) ?? '', /\/legco-archive\/2023-24\/en\/itib\d{3}\/(#[\w-]+)?$/);
  assert.is(await results(page).first().locator('.search-excerpt').getAttribute('lang'), 'zh-Hant-HK');
  // The script's interface strings are the site dictionary's (rendered into the page), per language.
  assert.is(await page.locator('.search-filters legend').textContent(), en.search.ui.filters);
  assert.is(await page.locator('label[for="search-sort"]').textContent(), en.search.ui.sort);
  await page.locator('main input[name="q"]').fill('itib1');
  await page.locator('[data-search-jump] a').first().waitFor();
  assert.match((await page.locator('[data-search-jump] a').first().getAttribute('href')) ?? '', /\/2023-24\/en\/itib001\/$/);
  await page.close();
});

test('results from the newest year only say which years are not searched; the button searches them', async () => {
  const page = await openSearch('search/?q=%E6%99%BA%E6%96%B9%E4%BE%BF');
  await results(page).first().waitFor();
  const manifest = (await page.evaluate(async () => (await fetch('../pagefind/shards.json')).json())) as { primary: string; shards: { name: string }[] };
  // Every year's bundle is listed; the newest (primary) is searched first.
  const others = manifest.shards.filter((s) => s.name !== manifest.primary);
  const button = page.locator('.search-all-years');
  const before = (await status(page).textContent()) ?? '';
  if (others.length === 0) {
    // One budget year: the first results are complete, nothing to offer.
    assert.not.match(before, /尚未搜尋/);
    assert.ok(await button.isHidden());
  } else {
    for (const s of others) assert.ok(before.includes(s.name), `status names ${s.name}: ${before}`);
    await button.click();
    await page.waitForFunction(() => !/尚未搜尋/.test(document.querySelector('[data-search-status]')?.textContent ?? '') && /找到/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    assert.ok(await button.isHidden());
    const n = (s: string) => Number(/找到 (\d+)/.exec(s)?.[1]);
    assert.ok(n((await status(page).textContent()) ?? '') >= n(before), 'all years find at least as many');
  }
  await page.close();
});

test('a first search reads the year’s entry files and metadata and Pagefind’s WebAssembly from their packs; without the packs it finds the same', async () => {
  const { browser, server } = await searchHarness();
  const prefix = new URL(server.baseUrl).pathname;
  const found: string[][] = [];
  for (const packs of [true, false]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // What went to the network: a file answered from a pack (src/browser/search/packs.js) is never asked for.
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname.slice(prefix.length)));
    if (!packs) await page.route(/\.pf_pack$/, (route) => route.abort());
    await page.goto(new URL('search/', server.baseUrl).href);
    await search(page, '數碼港');
    found.push(await page.$$eval('[data-search-results] > li a', (as) => as.map((a) => a.getAttribute('href') ?? '')));
    const metas = asked.filter((p) => p.endsWith('.pf_meta'));
    const yearMetas = metas.filter((p) => /^\d{4}-\d{2}\//.test(p));
    if (packs) {
      assert.ok(asked.some((p) => /^\d{4}-\d{2}\/pagefind\/metadata\.\w+\.pf_pack$/.test(p)), `the year's metadata pack: ${asked.join(' ')}`);
      assert.ok(asked.some((p) => /^pagefind\/wasm\.\w+\.pf_pack$/.test(p)), `the WebAssembly's pack: ${asked.join(' ')}`);
      assert.ok(asked.includes('search/lzma.js'), 'the decoder');
      assert.equal(yearMetas, [], 'no part’s metadata fetched on its own');
      assert.equal(asked.filter((p) => p.includes('pagefind-entry.json') || p.endsWith('.pf_meta')), [], 'no entry file or metadata fetched on its own, the shell’s or a part’s');
      assert.not.ok(asked.some((p) => p.endsWith('.pagefind')), 'no WebAssembly fetched on its own');
    } else {
      assert.ok(yearMetas.length >= 1, `without packs, Pagefind's own files: ${metas.join(' ')}`);
      assert.ok(asked.some((p) => p.endsWith('.pagefind')));
    }
    assert.equal(errors, []);
    await context.close();
  }
  assert.ok(found[0]!.length > 0, '數碼港 is found');
  assert.equal(found[0], found[1], 'the same results, in the same order');
});

test('opened from disk (file://) the page says plainly how to search offline', async () => {
  const { browser } = await searchHarness();
  for (const [path, pattern] of [['search/index.html', /python3 -m http\.server/], ['en/search/index.html', /To search offline/]] as const) {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(SITE_DIR, path)).href);
    const note = page.locator('[data-search-offline]');
    await note.waitFor();
    assert.match((await note.textContent()) ?? '', pattern);
    await page.close();
  }
});

test('first search on a cold cache: each finds a result; bytes and typing-to-results time printed', async () => {
  const { browser, server } = await searchHarness();
  for (const [path, q] of [['search/', '數碼港'], ['search/', '智方便'], ['en/search/', '再工業化']] as const) {
    const m = await measureFirstSearch(browser, server.baseUrl, q, path);
    console.log(
      `  first search ${path} ${q}: ${(m.bytesGzip / 1024).toFixed(1)} KB gzipped (${(m.bytesServed / 1024).toFixed(1)} KB as served,` +
        ` Pagefind ${(m.bytesPagefindGzip / 1024).toFixed(1)} KB, ${m.requests} requests), typing → results ${m.typingToResultsMs} ms`,
    );
    assert.ok(m.bytesGzip > 0);
    assert.ok(m.found, `${path} ${q}: no result shown (${m.status})`);
  }
});

test.run();
