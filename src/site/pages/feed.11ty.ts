/**
 * Atom feeds (RFC 4287): one beside every page that lists replies — the home
 * page, each year, head, programme and member — in each interface language
 * (data/routes.ts, kind `feed`), with the latest FEED_ENTRIES replies of the
 * page (the last in its order: newest year, highest reply numbers), not every
 * one: a feed reader wants what is new, and the home feed of 100,000 replies
 * would be tens of megabytes. An entry is a reply: its
 * number and title, the member who asked (author), the head (category), the
 * reply page's address and its question as the summary.
 *
 * Feeds are byte-stable across rebuilds: an entry's id comes from the reply's
 * id, its date from the budget year (the 1st of April its financial year
 * starts, when the replies are published; the source documents carry no
 * date), and the feed's date is its newest entry's; never the build time.
 * Links are absolute on the site's address (SITE_URL) or, without one,
 * relative to the feed, which a feed reader resolves against the feed's own
 * address (RFC 4287 §7; never a placeholder domain).
 */
import { resolve } from 'node:path';
import { dateToRfc3339 } from '@11ty/eleventy-plugin-rss';
import { site } from '../../../_data/site.ts';
import { markdownToText } from '../../model/text.ts';
import { readEditionFile } from '../../model/content-files.ts';
import type { Reply } from '../../model/reply.ts';
import { feedReplies, pagesOf, type TemplateData } from '../data/routes.ts';
import { escapeHtml } from '../../lib/html.ts';
import { formatYear, strings } from '../lib/i18n.ts';
import { listTitle } from '../lib/parts.ts';
import { relativeUrl } from '../lib/relative-url.ts';
import { absoluteUrl, localize } from '../../model/urls.ts';
import { sectionMarkdown } from '../markdown/sections.ts';

export const data = pagesOf('feed');


/**
 * The reply's Markdown: in memory in a year's unit; the shell's catalogue
 * keeps none (front-matter only), so its feeds read the few files they list.
 */
function markdownOf(r: Reply): string {
  return r.markdown || readEditionFile(resolve(r.file), r.file).body;
}

/** Text as XML character data: escaped, and without the control characters XML 1.0 forbids. */
function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

/** When a budget year's replies appear: 1 April of its first year ("2023-24" → 2023-04-01T00:00:00Z). */
export function yearDate(year: string): string {
  const from = /^(\d{4})/.exec(year)?.[1];
  if (!from) throw new Error(`feed: cannot date the budget year "${year}"`);
  return dateToRfc3339(new Date(Date.UTC(Number(from), 3, 1)));
}

export function render(d: TemplateData): string {
  const { route, archive, settings } = d;
  const { lang } = route;
  const kind = route.feedOf;
  if (!kind) throw new Error(`feed: ${route.url} has no feedOf`);
  const s = strings(lang);
  const pagePath = route.path.replace(/feed\.xml$/, '');
  const replies = feedReplies(archive, route);
  // Absolute on the site's address; else relative to this feed.
  const link = (path: string) => (settings.siteUrl === null ? relativeUrl(path, route.url) : absoluteUrl(path, settings.siteUrl));
  const idOf = (key: string) => `${site.feedIdPrefix}${lang === site.defaultLang ? '' : `${lang}/`}${key}`;
  const newest = replies.reduce((latest, r) => (r.year > latest ? r.year : latest), replies[0]?.year ?? '');
  const entry = (r: Reply) => {
    const question = markdownToText(sectionMarkdown(markdownOf(r), 'question')).replace(/\s*\n\s*/g, ' ');
    const head = `(${r.head.code}) ${r.head.name}`;
    return `<entry>
<title xml:lang="${r.lang}">${xml(`${r.replyNo} ${r.title}`)}</title>
<id>${xml(idOf(r.id))}</id>
<updated>${yearDate(r.year)}</updated>
<link rel="alternate" type="text/html" href="${xml(link(localize(r.path, lang)))}"/>
<author><name xml:lang="${r.lang}">${xml(r.member)}</name></author>
<category term="${xml(`${r.year}/${r.head.code}`)}" label="${xml(`${s.reply.head} ${head} · ${formatYear(r.year, lang)}`)}"/>
<summary xml:lang="${r.lang}">${xml(question)}</summary>
</entry>`;
  };
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
<title>${xml(kind === 'home' ? s.site.name : `${listTitle(archive, kind, route.key, lang)} | ${s.site.name}`)}</title>
<subtitle>${xml(s.site.tagline)}</subtitle>
<id>${xml(idOf(pagePath))}</id>
<updated>${newest ? yearDate(newest) : yearDate('1970')}</updated>
<link rel="self" type="application/atom+xml" href="${xml(link(route.url))}"/>
<link rel="alternate" type="text/html" href="${xml(link(localize(pagePath, lang)))}"/>
<author><name>${xml(s.site.name)}</name></author>
${replies.map(entry).join('\n')}
</feed>
`;
}

