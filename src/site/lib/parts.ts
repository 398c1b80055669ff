/** Small pieces of markup shared by several page types. */
import type { InterfaceLang } from '../../../_data/site.ts';
import { editionFor, type Archive, type Edition, type Reply } from '../../model/reply.ts';
import { groupOf, type FeedOf } from '../data/routes.ts';
import { html, type SafeHtml } from '../../lib/html.ts';
import { format, formatCount, formatYear, strings } from './i18n.ts';
import { inLang, localName, localText } from './layout.ts';
import { feedPath, localize } from '../../model/urls.ts';

/** A list of replies: number and title as the link, then the member. */
export function replyList(replies: readonly Reply[], lang: InterfaceLang, showMember = true): SafeHtml {
  return html`<ol class="replies">${replies.map(
    (r) =>
      replyItem(r, editionFor(r, lang), lang, showMember),
  )}</ol>`;
}

/** One reply of a list, in the edition the page's language shows; its member named in the page's language where the archive can. */
function replyItem(r: Reply, e: Edition, lang: InterfaceLang, showMember: boolean): SafeHtml {
  return html`<li><a href="${localize(r.path, lang)}"><span class="no">${r.replyNo}</span> ${inLang(e.title, e.lang, lang)}</a>${
    showMember ? html` <span class="by">${localName(e.member, e.lang, r.labels.member, lang)}</span>` : ''
  }</li>`;
}

export function replyCount(n: number, lang: InterfaceLang): string {
  return formatCount(strings(lang).lists.replyCount, n, lang);
}

/** "Programme (2) 創新及科技" or "not specified", as plain text for titles. */
export function programmeLabel(code: string | null, name: string | null, lang: InterfaceLang): string {
  const l = strings(lang).lists;
  return code === null ? l.programmeNoneTitle : format(l.programmeTitle, { code, name: name ?? '' });
}

/** The plain-text title of a page that lists replies (its <title>, and its feed's), names in the page's language where the archive has them. */
export function listTitle(archive: Archive, kind: FeedOf, key: string, lang: InterfaceLang): string {
  const s = strings(lang);
  const l = s.lists;
  const headTitle = (code: string, name: string) => format(l.headTitle, { code, name });
  switch (kind) {
    case 'home':
      return s.home.title;
    case 'year':
      return format(l.yearTitle, { year: formatYear(groupOf(archive, 'year', key).year, lang) });
    case 'head': {
      const h = groupOf(archive, 'head', key);
      return `${headTitle(h.code, localText(h.name, h.lang, h.names, lang).text)} (${formatYear(h.year, lang)})`;
    }
    case 'programme': {
      const p = groupOf(archive, 'programme', key);
      const name = p.name === null ? null : localText(p.name, p.lang, p.names, lang).text;
      return `${programmeLabel(p.code, name, lang)} · ${headTitle(p.head.code, localText(p.head.name, p.lang, p.head.names, lang).text)} (${formatYear(p.year, lang)})`;
    }
    case 'member': {
      const m = groupOf(archive, 'member', key);
      return format(l.memberTitle, { name: localText(m.name, m.lang, m.names, lang).text });
    }
  }
}

/** The visible link to the Atom feed of the page at `pagePath` (zh path); the layout advertises it in <head> too. */
export function feedLink(pagePath: string, lang: InterfaceLang): SafeHtml {
  return html`<p class="feed"><a href="${localize(feedPath(pagePath), lang)}" type="application/atom+xml">${strings(lang).feed.follow}</a></p>`;
}
