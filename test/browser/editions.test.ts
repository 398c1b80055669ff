/**
 * Both language editions, as a reader meets them: the real Chinese 2023-24
 * document paired with the English sample layout (a test fixture, never
 * published) for ITIB001, ITIB259 and ITIB263, ingested and built by the real
 * commands. The English page of a paired reply shows the English text, the
 * Chinese page the Chinese text and a link to the English one; a reply with no
 * English edition keeps its Chinese text, marked, with a notice; members, heads
 * and programmes are named in English on English pages; the exports carry both
 * editions; each interface searches its own edition first (English stemmed) and
 * can search the other; axe finds nothing on the paired pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserSuite } from '../support/browser.ts';
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { en } from '../../_data/i18n/en.ts';
import { zhHantHK } from '../../_data/i18n/zh-Hant-HK.ts';
import { describeViolations, runAxe } from '../support/axe.ts';
import { pairedSite } from '../support/builds.ts';
import { BrowserAndServer } from '../support/harness.ts';
import { loadArchive } from '../../src/site/data/load.ts';
import { routeTable } from '../../src/site/data/routes.ts';
import { cardList } from '../../src/site/images/card-list.ts';
import { CONTENT_DIR, readReply } from '../support/site.ts';
import { escapeHtml } from '../../src/lib/html.ts';

/** A reply's Chinese title as the ingest wrote it (titles are derived, issue 18: never copied into a test). */
const zhTitle = (replyNo: string) => escapeHtml(readReply(join(CONTENT_DIR, 'replies/2023-24', `${replyNo}.md`)).frontMatter.title);

const test = browserSuite('language editions');
const env = new BrowserAndServer(() => pairedSite().site);
test.before.each(env.ready);
test.after(env.close);

const page = (path: string) => readFileSync(join(pairedSite().site, path, 'index.html'), 'utf8');
const main = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)![1]!;

test('ITIB259: the English page carries the English text; the Chinese page the Chinese text and a link to the English one', () => {
  const enPage = page('2023-24/en/itib259');
  assert.match(enPage, '<html lang="en">');
  assert.match(main(enPage), '<h1><span class="no">ITIB259</span> Regarding the enhancement of &quot;iAM Smart&quot;</h1>');
  assert.match(main(enPage), '<div class="body">\n<section id="question"');
  assert.match(main(enPage), 'the number of registered users of &quot;iAM Smart&quot; in the past 3 years.');
  assert.not.match(main(enPage), '智方便');
  assert.not.match(main(enPage), 'edition-note');
  assert.match(main(enPage), `<a href="../../itib259/" hreflang="zh-Hant-HK">${en.reply.editionLink.replace('{replyNo}', 'ITIB259')}</a>`);

  const zhPage = page('2023-24/itib259');
  assert.match(main(zhPage), `<h1><span class="no">ITIB259</span> ${zhTitle('itib259')}</h1>`);
  assert.not.match(main(zhPage), 'iAM Smart');
  assert.match(main(zhPage), `<a href="../en/itib259/" hreflang="en">${zhHantHK.reply.editionLink.replace('{replyNo}', 'ITIB259')}</a>`);
  // hreflang alternates: the Chinese page and the English one, each where it is.
  for (const html of [enPage, zhPage]) {
    assert.match(html, /<link rel="alternate" hreflang="zh-Hant-HK" href="[^"]*\bitib259\/">/);
    assert.match(html, /<link rel="alternate" hreflang="en" href="[^"]*\ben\/itib259\/">/);
  }
});

test('ITIB002 has no English edition: its English page keeps the Chinese text, marked lang="zh-Hant-HK", and says so in English', () => {
  const enPage = main(page('2023-24/en/itib002'));
  assert.match(enPage, `<p class="edition-note" role="note">${en.reply.editionMissing}</p>`);
  assert.match(enPage, `<span lang="zh-Hant-HK">${zhTitle('itib002')}</span></h1>`);
  assert.match(enPage, '<div class="body" lang="zh-Hant-HK">');
  assert.not.match(enPage, 'edition-link');
  // The head and programme still have English names, from the English edition of ITIB001 (head 135, programme 2).
  assert.match(enPage, '(135) Government Secretariat: Innovation, Technology and Industry Bureau</a>');
  // The Chinese page: as without any English edition, no notice, no link.
  const zhPage = main(page('2023-24/itib002'));
  assert.not.match(zhPage, 'edition-note');
  assert.not.match(zhPage, 'edition-link');
});

test('names in the reader\'s language: the English member page of 容海恩 names her YUNG Hoi-yan, Judy, at the Chinese name\'s address', () => {
  const enMember = main(page('en/members/容海恩'));
  assert.match(enMember, '<h1>Questions asked by YUNG Hoi-yan, Judy</h1>');
  assert.match(enMember, 'Head 47: Government Secretariat: Office of the Government Chief Information Officer</a>');
  // All her replies, Chinese-only ones included, are one member.
  const zhMember = main(page('members/容海恩'));
  assert.is(enMember.match(/<li><a /g)?.length, zhMember.match(/<li><a /g)?.length);
  assert.match(zhMember, '<h1>容海恩議員的問題</h1>');
  // Reply page, head page, programme page, year page, members index: English names.
  assert.match(main(page('2023-24/en/itib259')), '>YUNG Hoi-yan, Judy</a>');
  assert.match(main(page('2023-24/en/heads/47')), '<h1>Head 47: Government Secretariat: Office of the Government Chief Information Officer</h1>');
  assert.match(main(page('2023-24/en/heads/47/programmes/2')), '<h1>Programme (2) IT Infrastructure and Standards</h1>');
  assert.match(main(page('2023-24/en')), '<span class="by">YUNG Hoi-yan, Judy</span>');
  assert.match(main(page('en/members')), /<a href="\.\/%E5%AE%B9%E6%B5%B7%E6%81%A9\/">YUNG Hoi-yan, Judy<\/a>/);
  // No second member page under the English name.
  assert.throws(() => page('en/members/YUNG-Hoi-yan,-Judy'));
});

test('exports carry both editions: reply.json editions.en, replies.csv a row per edition', () => {
  const { site } = pairedSite();
  const replyJson = (replyNo: string) => JSON.parse(readFileSync(join(site, '2023-24', replyNo, 'reply.json'), 'utf8')) as { editions: Record<string, Record<string, any>> };
  const r259 = replyJson('itib259');
  assert.equal(Object.keys(r259.editions), ['zh-Hant-HK', 'en']);
  assert.is(r259.editions['zh-Hant-HK']!.member, '容海恩');
  assert.is(r259.editions.en!.member, 'YUNG Hoi-yan, Judy');
  assert.is(r259.editions.en!.head.name, 'Government Secretariat: Office of the Government Chief Information Officer');
  assert.match(r259.editions.en!.url, /\/2023-24\/en\/itib259\/$/);
  assert.match(r259.editions.en!.markdown, /^## Question$/m);
  const replies = readdirSync(join(site, '2023-24')).filter((d) => /^itib\d+$/.test(d));
  assert.is(replies.length, 263);
  assert.equal(replies.filter((d) => replyJson(d).editions.en).sort(), ['itib001', 'itib259', 'itib263']);
  const csv = readFileSync(join(site, '2023-24/data/replies.csv'), 'utf8').split('\r\n').filter(Boolean);
  assert.is(csv.length, 1 + 263 + 3);
  assert.ok(csv.some((l) => l.startsWith('2023-24/ITIB259,2023-24,en,') && l.includes('"YUNG Hoi-yan, Judy"')), 'the English row of ITIB259');
});

test('share cards: an English card where the page has English words of its own, the Chinese card elsewhere', () => {
  const { site, content } = pairedSite();
  // A year's pages have their cards in the year's folder (/2023-24/og/…), the shell's under /og/.
  const og = (path: string) => /<meta property="og:image" content="[^"]*?((?:\d{4}-\d{2}\/)?og\/[^"]+)">/.exec(readFileSync(join(site, path, 'index.html'), 'utf8'))![1]!;
  assert.is(og('2023-24/en/itib259'), '2023-24/og/en/itib259.png');
  assert.is(og('2023-24/itib259'), '2023-24/og/itib259.png');
  assert.is(og('2023-24/en/itib002'), '2023-24/og/itib002.png');
  assert.is(decodeURI(og('en/members/容海恩')), 'og/en/members/容海恩.png');
  for (const png of ['2023-24/og/en/itib259.png', 'og/en/members/容海恩.png', '2023-24/og/en/heads/47.png']) assert.ok(existsSync(join(site, png)), png);
  const archive = loadArchive(content);
  const card = cardList(archive, routeTable(archive, { siteUrl: null })).cards.find((c) => c.out === '2023-24/og/en/itib259.png')!;
  assert.is(card.title, 'Regarding the enhancement of "iAM Smart"');
  assert.equal(card.meta, [
    'Asked by: YUNG Hoi-yan, Judy',
    'Head 47 Government Secretariat: Office of the Government Chief Information Officer',
    'Programme: (2) IT Infrastructure and Standards',
  ]);
});

async function openSearch(path: string): Promise<Page> {
  const tab = await env.browser.newPage();
  await tab.goto(env.server.baseUrl + path);
  return tab;
}

const resultLinks = (tab: Page) => tab.locator('[data-search-results] > li h2 a');

test('the English interface searches the English edition first (stemmed: "enhancements" finds "enhancement"), and can search the Chinese one', async () => {
  const tab = await openSearch('en/search/?q=enhancements');
  try {
    await resultLinks(tab).first().waitFor();
    const links = await resultLinks(tab).evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent, a.querySelector('span[lang]')?.getAttribute('lang') ?? null]));
    assert.equal(links.length, 1, JSON.stringify(links));
    assert.match(links[0]![0]!, /\/legco-archive\/2023-24\/en\/itib259\/(#[\w-]+)?$/);
    assert.match(links[0]![1]!, 'ITIB259 Regarding the enhancement');
    assert.is(links[0]![2], null, 'English title on the English page: no lang mark');
    // The filters list the English edition's names.
    assert.ok((await tab.locator('#search-filter-member option').allTextContents()).includes('YUNG Hoi-yan, Judy'));
    // The other edition, one link away, keeps the query.
    const other = tab.locator('.search-edition a');
    assert.is(await other.textContent(), en.search.edition.switchTo.replace('{edition}', en.search.edition.names['zh-Hant-HK']));
    await tab.locator('main input[name="q"]').fill('智方便');
    await other.click();
    await tab.waitForURL(/edition=zh-Hant-HK/);
    await resultLinks(tab).first().waitFor();
    assert.match((await resultLinks(tab).first().getAttribute('href')) ?? '', /\/legco-archive\/2023-24\/en\/itib\d{3}\/(#[\w-]+)?$/);
    assert.is(await resultLinks(tab).first().locator('span[lang]').getAttribute('lang'), 'zh-Hant-HK');
  } finally {
    await tab.close();
  }
});

test('the Chinese interface searches the Chinese edition and offers the English one', async () => {
  const tab = await openSearch('search/?q=智方便');
  try {
    await resultLinks(tab).first().waitFor();
    assert.match((await resultLinks(tab).first().getAttribute('href')) ?? '', /\/legco-archive\/2023-24\/itib\d{3}\/(#[\w-]+)?$/);
    assert.is(await tab.locator('.search-edition a').textContent(), zhHantHK.search.edition.switchTo.replace('{edition}', zhHantHK.search.edition.names.en));
    await tab.goto(env.server.baseUrl + 'search/?edition=en&q=registered+users');
    await resultLinks(tab).first().waitFor();
    const href = (await resultLinks(tab).first().getAttribute('href')) ?? '';
    assert.match(href, /\/legco-archive\/2023-24\/en\/itib259\/(#[\w-]+)?$/, 'an English hit opens the page with the English text');
    assert.is(await resultLinks(tab).first().locator('span[lang]').getAttribute('lang'), 'en');
    // The excerpt reads as English text: spaces kept, the typed words marked.
    const excerpt = tab.locator('[data-search-results] > li .search-excerpt').first();
    assert.match((await excerpt.textContent()) ?? '', 'the number of registered users of "iAM Smart" in the past 3 years.');
    assert.equal(await excerpt.locator('mark').allTextContents(), ['registered', 'users']);
  } finally {
    await tab.close();
  }
});

for (const path of ['2023-24/en/itib259/', '2023-24/itib259/', '2023-24/en/itib002/', 'en/members/容海恩/', '2023-24/en/heads/47/', 'en/search/?q=enhancements']) {
  test(`axe: no WCAG 2.2 AA violations on ${path}`, async () => {
    const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      const tab = await context.newPage();
      await tab.goto(env.server.baseUrl + path);
      if (path.includes('search')) await tab.locator('[data-search-results] > li').first().waitFor();
      const results = await runAxe(tab);
      console.log(`  axe ${path}: ${results.violations.length} violations, ${results.passes.length} passed rules`);
      assert.is(results.violations.length, 0, describeViolations(results.violations));
    } finally {
      await context.close();
    }
  });
}

test.run();
