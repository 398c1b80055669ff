/**
 * Issue 17, as a journalist searches: through the search page in chromium, against the
 * built site. Every expected set is derived from the reply files (the text a reply page
 * shows: its body and its facts), never from search output.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { readReplies, CONTENT_DIR } from '../support/site.ts';
import { searchHarness, closeHarness, search, listed, exactPaths } from './harness.ts';

test.after(() => closeHarness());

/** A reply's text as its page shows it, flattened (escapes undone, no whitespace): body, title, facts. */
const replies = readReplies(CONTENT_DIR).map(({ frontMatter: fm, body }) => {
  const facts = [fm.title, fm.member, fm.head.name, fm.subhead, ...fm.programmes.map((p) => p.name), fm.controllingOfficer, fm.director].join(' ');
  const flat = (s: string) => s.replace(/\\(.)/g, '$1').replace(/\s+/gu, '');
  const question = /^## 問題\s*$([\s\S]*?)(?=^## )/m.exec(body)?.[1] ?? '';
  return { path: `${fm.year}/${fm.replyNo.toLowerCase()}/`, text: flat(`${body} ${facts}`), question: flat(question) };
});
const holding = (...words: string[]) => replies.filter((r) => words.every((w) => r.text.includes(w))).map((r) => r.path).sort();
const replyPaths = (rows: { path: string; partial: boolean }[]) => exactPaths(rows).filter((p) => !p.startsWith('background/'));

async function open(path: string): Promise<Page & { errors: string[] }> {
  const { browser, server } = await searchHarness();
  const page = (await browser.newPage({ viewport: { width: 1000, height: 800 } })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(new URL(path, server.baseUrl).href);
  return page;
}

test('several words: 「數碼港 開支」 and 「公務員 編制」 list as full matches exactly the replies holding both', async () => {
  const page = await open('search/');
  for (const [a, b] of [['數碼港', '開支'], ['公務員', '編制'], ['智方便', '投訴']] as const) {
    const expected = holding(a, b);
    assert.ok(expected.length > 0, `${a} ${b}: no reply holds both`);
    const status = await search(page, `${a} ${b}`);
    const rows = await listed(page);
    assert.equal(replyPaths(rows), expected, `${a} ${b}: ${status}`);
    // A partial match names the word it lacks.
    const labels = await page.locator('[data-match="partial"] .search-partial').allTextContents();
    for (const l of labels) assert.match(l, new RegExp(`「(${a}|${b})」`));
    console.log(`  ${a} ${b}: ${expected.length} full matches, ${rows.length - expected.length} partial`);
  }
  // The issue counted 7 replies holding both (ITIB007, 010, 030, 074, 095, 164, 204): the derivation agrees.
  assert.is(holding('公務員', '編制').length, 7);
  assert.equal(page.errors, []);
  await page.close();
});

test('a budget year is a word: 「2022-23」 lists every reply printing it as a full match, and only replies printing that year', async () => {
  const page = await open('search/');
  await search(page, '2022-23');
  const full = replyPaths(await listed(page));
  const printing = holding('2022-23');
  assert.equal(printing.filter((p) => !full.includes(p)), [], 'replies printing 2022-23 not listed as full matches');
  const sameYear = /2022-23|2022\/23|2022–23|2022至23|2022-2023|2022至2023|二零二二至二三/;
  for (const p of full) assert.ok(sameYear.test(replies.find((r) => r.path === p)!.text), `${p} does not print the year 2022-23`);
  // The year as printed another way finds the same replies.
  await search(page, '2022/23');
  assert.equal(replyPaths(await listed(page)), full);
  await page.close();
});

test('ranking by where the term is: 「5G」 lists first a reply whose question names 5G (ITIB187)', async () => {
  const page = await open('search/');
  await search(page, '5G');
  const first = (await listed(page))[0]!.path;
  const asking = replies.filter((r) => r.question.toLowerCase().includes('5g')).map((r) => r.path);
  assert.ok(asking.includes(first), `first result ${first}; replies asking about 5G: ${asking.join(' ')}`);
  assert.is(first, '2023-24/itib187/');
  await page.close();
});

test('a result for 「數碼港」 opens its reply at a paragraph holding 數碼港, highlighted, with a sentence for excerpt', async () => {
  const page = await open('search/');
  await search(page, '數碼港');
  const first = page.locator('[data-search-results] > li').first();
  const excerpt = (await first.locator('.search-excerpt').textContent()) ?? '';
  assert.ok(excerpt.includes('數碼港'), excerpt);
  assert.not.match(excerpt, /^(署長|局長)|；創新科技及工業局局長/, 'excerpt from the facts');
  assert.match((await first.locator('a').getAttribute('href')) ?? '', /#[\w-]+$/, 'the link names the paragraph');
  await first.locator('a').click();
  await page.waitForLoadState('load');
  const target = await page.evaluate(() => {
    const el = document.querySelector(':target');
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return { text: el.textContent ?? '', top: box.top, height: innerHeight, bg: getComputedStyle(el).backgroundColor, page: getComputedStyle(document.body).backgroundColor };
  });
  assert.ok(target, 'the reply opened at an element (its id in the address)');
  assert.ok(target!.text.replace(/\s+/g, '').includes('數碼港'), target!.text.slice(0, 80));
  // Scrolled to the anchor, the paragraph sits at the top edge (sub-pixel rounding: -0.48 px measured).
  assert.ok(target!.top > -2 && target!.top < target!.height, `the paragraph is on screen (top ${target!.top})`);
  assert.is.not(target!.bg, target!.page, 'the paragraph is highlighted');
  await page.close();
});

test('synonyms: 「網絡保安」 also finds the 網絡安全 replies, and the status says it searched both', async () => {
  const page = await open('search/');
  const status = await search(page, '網絡保安');
  const full = replyPaths(await listed(page));
  const expected = [...new Set([...holding('網絡保安'), ...holding('網絡安全')])].sort();
  assert.equal(full, expected);
  assert.match(status, /網絡安全/);
  await page.close();
});

test('a typo of an ordinary word offers the word: 「科技卷」 offers 科技券', async () => {
  assert.equal(holding('科技卷'), [], '科技卷 is in a reply');
  assert.ok(holding('科技券').length > 0);
  const page = await open('search/');
  await search(page, '科技卷');
  await page.locator('[data-search-suggest] a', { hasText: '科技券' }).first().waitFor();
  const offered = await page.locator('[data-search-suggest] a').allTextContents();
  assert.is(offered[0], '科技券', offered.join(' '));
  await page.close();
});

test('the English bridge: 「Cyberport」 on /en/search/ finds the 數碼港 replies and says it searched 數碼港', async () => {
  assert.equal(holding('Cyberport'), [], 'Cyberport is in a reply: the bridge is not needed');
  const page = await open('en/search/');
  for (const [q, zh] of [['Cyberport', '數碼港'], ['technology voucher', '科技券']] as const) {
    const status = await search(page, q);
    assert.equal(replyPaths(await listed(page)), holding(zh), q);
    assert.ok(status.includes(zh), `${q}: ${status}`);
  }
  // A word with no glossary entry still lists nothing.
  await search(page, 'Zebra');
  assert.is(await page.locator('[data-search-results] > li').count(), 0);
  await page.close();
});

test.run();
