/**
 * Page templates rendered directly (no Eleventy) on the fixture corpus: the
 * facts a reader sees, language marking both ways, and an English reply
 * needing no template change.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadArchive, replyOf } from '../../src/site/data/load.ts';
import { groupArchive } from '../../src/site/data/group.ts';
import type { Reply } from '../../src/model/reply.ts';
import { routeTable, type TemplateData } from '../../src/site/data/routes.ts';
import { settingsFromEnv, type InterfaceLang } from '../../_data/site.ts';
import { renderBody } from '../../src/site/markdown/index.ts';
import { renderReplyPage as renderReply } from '../../src/site/pages/reply.11ty.ts';
import { render as renderHead } from '../../src/site/pages/head.11ty.ts';

const archive = loadArchive('test/fixtures/site');
const settings = settingsFromEnv({});
const routes = routeTable(archive, settings);
const find = (no: string) => archive.replies.find((r) => r.replyNo === no)!;
const renderReplyPage = (r: Reply, lang: InterfaceLang) => renderReply(r, lang, settings);
/** The template data of the route at `path` (zh path) in `lang`. */
function page(path: string, lang: InterfaceLang): TemplateData {
  const route = routes.all.find((r) => r.path === path && r.lang === lang)!;
  return { archive, routes, settings, route };
}

test('reply page: one h1 with number and title, the facts, sections, neighbours and a citation', () => {
  const out = renderReplyPage(find('ITIB002'), 'zh-Hant-HK');
  assert.is(out.match(/<h1[ >]/g)?.length, 1);
  assert.match(out, '<h1><span class="no">ITIB002</span> 科學園和數碼港初創培育計劃的資金及成效</h1>');
  assert.match(out, '<dt>提問議員</dt><dd><a href="/members/陳克勤/">陳克勤</a>');
  assert.match(out, '<a href="/2023-24/heads/135/programmes/2/">(2) 創新及科技</a>、<a href="/2023-24/heads/135/programmes/3/">(3) 效率促進辦公室</a>');
  assert.match(out, '<section id="annex-1"');
  assert.match(out, 'rel="prev"');
  assert.match(out, 'rel="next"');
  assert.match(out, '<html lang="zh-Hant-HK">');
  assert.match(out, '<article class="reply" data-pagefind-body>');
  assert.match(out, 'hreflang="en" href="/2023-24/en/');
});

test('reply page: a reply without programme links to the "not specified" group; unsafe title is escaped', () => {
  const out = renderReplyPage(find('ITIB007'), 'zh-Hant-HK');
  assert.match(out, '<a href="/2023-24/heads/135/programmes/none/">沒有指定</a>');
  assert.not.match(out, '<script>alert');
  assert.match(out, '數據中心用地 &lt;script&gt;alert(1)&lt;/script&gt;');
});

test('English interface on a Chinese reply: Chinese text is marked lang="zh-Hant-HK", not indexed twice', () => {
  const out = renderReplyPage(find('ITIB002'), 'en');
  assert.match(out, '<html lang="en">');
  assert.match(out, '<div class="body" lang="zh-Hant-HK">');
  assert.match(out, '<dd><a href="/en/members/陳克勤/"><span lang="zh-Hant-HK">陳克勤</span></a>');
  assert.match(out, '<dt>Asked by</dt>');
  assert.not.match(out, 'data-pagefind-body');
});

test('the facts name the official document and the page: printed, or between the neighbours\' footers; a #page link only with an address from the metadata', () => {
  const base = find('ITIB002');
  const facts = (source: Partial<Reply['source']>, lang: 'zh-Hant-HK' | 'en') =>
    /<div><dt>(?:原文件|Official document)<\/dt><dd>(.*?)<\/dd><\/div>/.exec(renderReplyPage({ ...base, source: { ...base.source, title: '開支預算答覆', ...source } }, lang))?.[1];
  assert.is(facts({ pages: [48, 48], pagesExact: true }, 'zh-Hant-HK'), '<cite>開支預算答覆</cite>，第 48 頁', 'no address in the metadata: no link');
  assert.is(facts({ pages: [48, 48], pagesExact: true }, 'en'), '<cite><span lang="zh-Hant-HK">開支預算答覆</span></cite>, page 48');
  assert.is(facts({ pages: [139, 142], pagesExact: true }, 'en'), '<cite><span lang="zh-Hant-HK">開支預算答覆</span></cite>, pages 139–142');
  assert.is(facts({ pages: [47, 49], pagesExact: false }, 'zh-Hant-HK'), '<cite>開支預算答覆</cite>，第 47–49 頁之間');
  assert.is(facts({ pages: [47, 49], pagesExact: false }, 'en'), '<cite><span lang="zh-Hant-HK">開支預算答覆</span></cite>, between pages 47 and 49');
  assert.is(facts({}, 'zh-Hant-HK'), '<cite>開支預算答覆</cite>', 'no footer after the reply: no page claimed');
  const url = 'https://example.org/replies.pdf';
  assert.is(facts({ url, pages: [48, 48], pagesExact: true }, 'zh-Hant-HK'), `<cite>開支預算答覆</cite>，<a href="${url}#page=48">第 48 頁</a>`);
  assert.is(facts({ url }, 'zh-Hant-HK'), `<a href="${url}"><cite>開支預算答覆</cite></a>`);
});

test('an English reply needs no template change: its text is marked lang="en" on the Chinese interface', () => {
  const zh = find('ITIB001');
  const markdown = '## Question\n\nPlease provide the manpower.\n\n## Reply\n\nThe Government will announce details in due course.\n';
  // A reply whose only edition is English, made the way the reader and the grouping make one.
  const [en] = groupArchive([replyOf([{
    ...zh,
    id: '2023-24/ITIB901',
    replyNo: 'ITIB901',
    lang: 'en',
    member: 'CHAN Chun-ying',
    title: 'International Green Tech Week',
    markdown,
    bodyHtml: renderBody(markdown, 'en', 'reply'),
  }])]).replies as [Reply];
  const onZh = renderReplyPage(en, 'zh-Hant-HK');
  assert.match(onZh, '<div class="body" lang="en">');
  assert.match(onZh, '<section id="answer" aria-labelledby="answer-h">');
  assert.match(onZh, '<span lang="en">International Green Tech Week</span>');
  const onEn = renderReplyPage(en, 'en');
  assert.match(onEn, '<div class="body">');
  assert.match(onEn, 'data-pagefind-body');
});

test('head page: programmes with counts, a two-programme reply under both, "not specified" last', () => {
  const head = archive.heads.find((h) => h.code === '135')!;
  const out = renderHead(page(head.path, 'zh-Hant-HK'));
  const sections = [...out.matchAll(/<h2 id="(programme-[^"]+)"/g)].map((m) => m[1]);
  assert.equal(sections, ['programme-2', 'programme-3', 'programme-none']);
  assert.is(out.match(/<span class="no">ITIB002<\/span>/g)?.length, 2);
  assert.match(out, '<a href="#programme-2">(2) 創新及科技</a> <span class="count">2 則答覆</span>');
});

test.run();
