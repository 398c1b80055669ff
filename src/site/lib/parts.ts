/** Small pieces of markup shared by several page types. */
import type { InterfaceLang } from '../../../_data/site.ts';
import { editionFor, type Edition, type Reply } from '../data/model.ts';
import { html, type SafeHtml } from './html.ts';
import { format, formatNumber, strings } from './i18n.ts';
import { inLang, localName } from './layout.ts';
import { localize } from './urls.ts';

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
  return format(strings(lang).lists.replyCount, { n: formatNumber(n, lang) });
}

/** "Programme (2) 創新及科技" or "not specified", as plain text for titles. */
export function programmeLabel(code: string | null, name: string | null, lang: InterfaceLang): string {
  const l = strings(lang).lists;
  return code === null ? l.programmeNoneTitle : format(l.programmeTitle, { code, name: name ?? '' });
}
