/**
 * Search as citizens type, through the search page in chromium: Simplified input
 * finds what its Traditional form finds; a Latin word in no reply lists nothing and
 * says the replies are Chinese; a typo offers the archive's term as a link; excerpts
 * read as the text does; on a phone the filters fold away and the first result is on
 * the first screen. Expected replies come from the reply files (expected.ts), never
 * from search output. The precision check: every result shown as an exact match
 * contains the query (as typed or as converted; its words, as punctuation is not indexed).
 */
import { browserSuite } from '../support/browser.ts';
const test = browserSuite('search page: forgiving');
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { CONTENT_DIR } from '../support/site.ts';
import { expectedFor, loadQuerySet, loadReplyTexts } from './expected.ts';
import { readSearchTerms } from '../../src/search/search-terms.ts';
import { join } from 'node:path';
import { searchHarness, closeHarness, search, listed, exactPaths } from './harness.ts';

test.after(() => closeHarness());

const replies = loadReplyTexts(CONTENT_DIR);
const terms = readSearchTerms(join(CONTENT_DIR, 'search'));

async function open(path: string, viewport = { width: 1000, height: 800 }): Promise<Page & { errors: string[] }> {
  const { browser, server } = await searchHarness();
  const page = (await browser.newPage({ viewport })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(new URL(path, server.baseUrl).href);
  return page;
}

test('Simplified queries list the replies that contain their Traditional form, and say what was searched', async () => {
  const page = await open('search/');
  for (const [simplified, traditional] of [['数码港', '數碼港'], ['再工业化', '再工業化'], ['香港生产力促进局', '香港生產力促進局']] as const) {
    const expected = expectedFor(traditional, replies).sort();
    assert.ok(expected.length > 0, `${traditional} is in no reply`);
    await search(page, traditional);
    const asTraditional = await listed(page);
    const status = await search(page, simplified);
    assert.ok(status.includes(traditional), `status names the converted term: ${status}`);
    const asSimplified = await listed(page);
    assert.equal(asSimplified, asTraditional, `${simplified} lists what ${traditional} lists`);
    assert.equal(exactPaths(asSimplified).filter((p) => !p.startsWith('background/')), expected, simplified);
    console.log(`  ${simplified} → ${traditional}: ${exactPaths(asSimplified).length} exact results (${expected.length} replies contain ${traditional})`);
  }
  // A Traditional query is searched as typed, and the converter is never loaded for it.
  const status = await search(page, '數碼港');
  assert.not.match(status, /轉為繁體/);
  assert.equal(page.errors, []);
  await page.close();
});

test('a Traditional query never loads the converter (first search bytes stay as they were)', async () => {
  const page = await open('search/');
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  await search(page, '再工業化');
  assert.not.ok(urls.some((u) => /s2hk|opencc/.test(u)), urls.filter((u) => /s2hk|opencc/.test(u)).join(' '));
  await page.close();
});

test('a Latin word that no reply contains (and no glossary entry names) lists nothing and says the replies are Chinese', async () => {
  // Cyberport is in the glossary now (content/search/glossary.json): journalist.test.ts searches it.
  assert.equal(expectedFor('Zebra', replies), [], 'Zebra is in a reply: pick another absent word');
  assert.not.ok(terms.glossary.some((g) => g.en.some((e) => e.toLowerCase() === 'zebra')), 'Zebra is in the glossary');
  const page = await open('en/search/');
  const status = await search(page, 'Zebra');
  assert.match(status, /No results/);
  assert.is(await page.locator('[data-search-results] > li').count(), 0);
  const note = page.locator('[data-search-note]');
  assert.match((await note.textContent()) ?? '', /Chinese/);
  assert.match((await note.locator('a').first().getAttribute('href')) ?? '', /\?q=ITIB001$/);
  // A word that is in the replies, or a prefix of three letters or more, still finds them.
  for (const q of ['Innov', 'HK']) {
    await search(page, q);
    const rows = await listed(page);
    assert.ok(rows.length > 0, `${q} finds replies`);
  }
  await page.close();
});

test('a typo offers the term the archive holds, as a link that searches it; partial matches stay, labelled', async () => {
  const page = await open('search/');
  for (const [typo, term] of [['數碼巷', '數碼港'], ['智放便', '智方便']] as const) {
    assert.equal(expectedFor(typo, replies), [], `${typo} is in a reply`);
    await search(page, typo);
    const offer = page.locator('[data-search-suggest] a', { hasText: term });
    await offer.waitFor();
    const rows = await listed(page);
    assert.ok(rows.every((r) => r.partial), 'every listed result is labelled partial');
    if (rows.length) assert.is(await page.locator('.search-partial').first().isVisible(), true);
  }
  await page.locator('[data-search-suggest] a', { hasText: '智方便' }).click();
  await page.waitForURL(/q=%E6%99%BA%E6%96%B9%E4%BE%BF/);
  await page.waitForFunction(() => /找到 \d+ 則結果/.test(document.querySelector('[data-search-status]')?.textContent ?? '') && document.querySelector('[data-search-results] > li'));
  await page.waitForLoadState('networkidle');
  const rows = await listed(page);
  assert.equal(exactPaths(rows), expectedFor('智方便', replies).sort());
  await page.close();
});

test('precision: no result that lacks the query is shown as an exact match', async () => {
  const page = await open('search/');
  const queries = [...loadQuerySet().map((s) => s.q), '数码港', '再工业化', '數碼巷', '智放便', 'Cyberport', '(c)', '於'];
  const wrong: string[] = [];
  for (const q of queries) {
    const status = await search(page, q);
    const converted = /「(.+?)」。$/.exec(status)?.[1];
    // Punctuation is not indexed (Pagefind drops it), so 智方便+ is matched as 智方便: the query's words are the term.
    const words = (x: string) => x.replace(/[^\p{L}\p{N}]+/gu, '');
    // What else the status says was searched, from the reviewed lists: a synonym entry's forms, an English name's Chinese names.
    const also = [...terms.synonyms.filter((e) => e.forms.includes(q)).flatMap((e) => e.forms), ...terms.glossary.filter((g) => g.en.some((e) => e.toLowerCase() === q.toLowerCase())).flatMap((g) => g.zh)];
    for (const f of also) assert.ok(status.includes(f), `${q}: the status does not say it searched ${f}: ${status}`);
    const allowed = new Set([q, converted ?? q, ...also].flatMap((x) => [...expectedFor(x, replies), ...expectedFor(words(x), replies)]));
    for (const r of await listed(page)) if (!r.partial && !allowed.has(r.path) && !r.path.startsWith('background/')) wrong.push(`${q}: ${r.path}`);
  }
  assert.equal(wrong, []);
  await page.close();
});

test('excerpts read as the text does: ITIB132 shows 「R&D100」, no Markdown escape', async () => {
  const page = await open('search/');
  await search(page, 'D100');
  const item = page.locator('[data-search-results] > li', { has: page.locator('a[href*="/itib132/"]') });
  const text = (await item.locator('.search-excerpt').textContent()) ?? '';
  assert.ok(text.includes('「R&D100」'), text);
  assert.not.match(text, /\\/);
  await page.close();
});

test('on a phone (320 and 360 px) the page fits, the filters fold behind one control, the first result is on the first screen', async () => {
  for (const width of [320, 360]) {
    const page = await open('search/?q=%E6%99%BA%E6%96%B9%E4%BE%BF', { width, height: 640 });
    await page.locator('[data-search-results] > li').first().waitFor();
    assert.is(await page.evaluate(() => document.documentElement.scrollWidth), width, `page width at ${width} px`);
    assert.is(await page.locator('.search-filter-box').getAttribute('open'), null, 'filters folded');
    const top = await page.locator('[data-search-results] > li').first().evaluate((li) => li.getBoundingClientRect().top);
    assert.ok(top < 640, `first result starts at ${top} px`);
    await page.locator('.search-filter-box > summary').click();
    assert.ok(await page.locator('#search-filter-head').isVisible());
    assert.is(await page.evaluate(() => document.documentElement.scrollWidth), width, `page width with the filters open at ${width} px`);
    await page.close();
  }
});

test.run();
