/**
 * Atom feeds, as a feed reader meets them in the built site: the home page, a
 * member page and a head page (both interface languages) advertise a feed with
 * <link rel="alternate" type="application/atom+xml"> and link it visibly; the
 * feed is well-formed XML (fast-xml-parser's validator), is Atom, and its
 * entries are the latest replies the page lists (at most FEED_ENTRIES), each
 * with a title, an author (the member), a category (the head), a summary (the
 * question) and a link that resolves to the reply's page. A second build gives
 * the same bytes (ids and dates never come from the build time).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDocument, DomUtils } from 'htmlparser2';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileOf, readReplies, trySite } from '../support/site.ts';
import { FEED_ENTRIES } from '../../src/site/data/routes.ts';

const test = suite('Atom feeds');
const site = trySite();

interface Entry {
  title: string;
  id: string;
  updated: string;
  link: string;
  author: string;
  category: string;
  summary: string;
}

/** The page's feed as advertised in <head>, its visible link, and the reply pages its lists link to (paths from the site root). */
function readPage(siteDir: string, pagePath: string) {
  const doc = parseDocument(readFileSync(path.join(siteDir, fileOf(pagePath)), 'utf8'));
  const base = new URL(pagePath, 'https://site.test/');
  const resolve = (href: string) => decodeURI(new URL(href, base).pathname.slice(1));
  const atom = (e: { attribs: Record<string, string> }) => e.attribs.type === 'application/atom+xml';
  const alternates = DomUtils.getElementsByTagName('link', doc, true).filter((l) => l.attribs.rel === 'alternate' && atom(l));
  const main = DomUtils.findOne((e) => e.name === 'main', doc.children, true);
  assert.ok(main, `${pagePath} has no <main>`);
  const visible = DomUtils.getElementsByTagName('a', main, true).filter((a) => atom(a) && DomUtils.getText(a).trim() !== '');
  // The reply lists (lib/parts.ts replyList: <ol class="replies"><li><a>); the first link of each item is the reply.
  const replies = DomUtils.getElementsByTagName('ol', main, true)
    .filter((ol) => /\breplies\b/.test(ol.attribs.class ?? ''))
    .flatMap((ol) => DomUtils.getElementsByTagName('li', ol.children, false).map((li) => DomUtils.getElementsByTagName('a', li, true)[0]!))
    .map((a) => resolve(a.attribs.href!));
  return {
    feeds: alternates.map((l) => ({ path: resolve(l.attribs.href!), title: l.attribs.title ?? '' })),
    visible: visible.map((a) => resolve(a.attribs.href!)),
    replies,
  };
}

function readFeed(siteDir: string, feedPath: string): { title: string; entries: Entry[]; selfPath: string } {
  const file = path.join(siteDir, feedPath);
  assert.ok(existsSync(file), `${feedPath} is advertised but not built`);
  const xml = readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(xml);
  assert.ok(valid === true, `${feedPath} is not well-formed XML: ${JSON.stringify(valid)}`);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' })
    .parse(xml) as { feed?: Record<string, unknown> };
  const feed = parsed.feed;
  assert.ok(feed, `${feedPath} has no <feed> root`);
  assert.is(feed['@xmlns'], 'http://www.w3.org/2005/Atom', `${feedPath} is not in the Atom namespace`);
  const base = new URL(feedPath, 'https://site.test/');
  const text = (v: unknown) => (typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text'] ?? '') : String(v ?? ''));
  type Link = { '@rel'?: string; '@href': string };
  const href = (links: Link[], rel: string) => links.find((l) => (l['@rel'] ?? 'alternate') === rel)?.['@href'];
  const entries = ((feed.entry as Record<string, unknown>[] | undefined) ?? []).map((e) => ({
    title: text(e.title),
    id: text(e.id),
    updated: text(e.updated),
    link: decodeURI(new URL(href(e.link as Link[], 'alternate') ?? '', base).pathname.slice(1)),
    author: text((e.author as Record<string, unknown> | undefined)?.name),
    category: String((e.category as Record<string, unknown> | undefined)?.['@label'] ?? ''),
    summary: text(e.summary),
  }));
  const self = decodeURI(new URL(href(feed.link as Link[], 'self') ?? '', base).pathname.slice(1));
  return { title: text(feed.title), entries, selfPath: self };
}

if (site instanceof Error) {
  test('the built site is there', () => {
    throw site;
  });
} else {
  const { siteDir, pages } = site;
  const replies = readReplies();
  const byPath = new Map(replies.map((r) => [`${r.frontMatter.year}/${r.frontMatter.replyNo.toLowerCase()}/`, r.frontMatter]));
  for (const page of pages.filter((p) => ['home', 'member', 'head'].includes(p.type))) {
    test(`${page.type} (${page.lang}) ${page.path || '/'}: advertises an Atom feed that parses and lists exactly its replies`, () => {
      const { feeds, visible, replies: listed } = readPage(siteDir, page.path);
      assert.is(feeds.length, 1, 'one Atom feed advertised in <head>');
      const feed = feeds[0]!;
      assert.ok(feed.title.length > 0, 'the advertised feed has a title');
      assert.equal(visible, [feed.path], 'the page links its feed visibly');
      const { entries, selfPath, title } = readFeed(siteDir, feed.path);
      assert.is(selfPath, feed.path, 'the feed names itself (rel="self")');
      assert.ok(title.length > 0, 'the feed has a title');
      // An English reply page is inside its year's folder: 2023-24/en/itib001/.
      const localized = (p: string) => (page.lang === 'en' ? p.replace(/^(\d{4}-\d{2})\//, '$1/en/') : p);
      const unlocalized = (p: string) => p.replace(/^(\d{4}-\d{2})\/en\//, '$1/');
      const pageLists = page.type === 'home' ? [...byPath.keys()].map(localized) : [...new Set(listed)];
      assert.ok(pageLists.length > 0, 'the page lists replies');
      // A feed carries the latest FEED_ENTRIES of the page's replies (newest year, highest numbers).
      const order = [...byPath.keys()].map(localized);
      const expected = pageLists.sort((a, b) => order.indexOf(a) - order.indexOf(b)).slice(-FEED_ENTRIES);
      assert.equal(entries.map((e) => e.link).sort(), [...expected].sort(), 'feed entries = the latest replies the page lists');
      assert.is(new Set(entries.map((e) => e.id)).size, entries.length, 'entry ids are unique');
      for (const e of entries) {
        const fm = byPath.get(unlocalized(e.link));
        assert.ok(fm, `${e.link} is not a reply page`);
        assert.ok(existsSync(path.join(siteDir, fileOf(e.link))), `${e.link} is not built`);
        assert.ok(e.title.startsWith(`${fm.replyNo} `) && e.title.includes(fm.title), `${e.link}: entry title "${e.title}"`);
        assert.ok(e.id.endsWith(fm.id), `${e.link}: entry id "${e.id}" is not made from the reply id ${fm.id}`);
        assert.is(e.updated, `${fm.year.slice(0, 4)}-04-01T00:00:00Z`, `${e.link}: entry date is the budget year's`);
        assert.is(e.author, fm.member, `${e.link}: author is the member`);
        assert.ok(e.category.includes(`(${fm.head.code})`), `${e.link}: category "${e.category}" names the head`);
        assert.ok(e.summary.length > 10, `${e.link}: the question as summary`);
      }
      console.log(`  ${page.lang} ${page.type}: ${feed.path}, ${entries.length} entries`);
    });
  }
}

test.run();
