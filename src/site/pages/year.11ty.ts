/** A budget year at a glance: its heads and programmes with counts, then every reply. */
import { itemOf, pagesOf, type TemplateData } from '../data/routes.ts';
import type { YearGroup } from '../../model/reply.ts';
import { html } from '../../lib/html.ts';
import { format, formatYear, strings } from '../lib/i18n.ts';
import { layout, localName } from '../lib/layout.ts';
import { feedLink, listTitle, replyCount, replyList } from '../lib/parts.ts';
import { localize } from '../../model/urls.ts';
import { chartStylesheetLink } from '../charts/plugin.ts';
import { yearCharts } from '../charts/page-charts.ts';
import { scopeNote } from '../lib/scope.ts';

export const data = pagesOf('year');

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const y = itemOf(d.archive, d.route, 'year');
  const l = strings(lang).lists;
  const year = formatYear(y.year, lang);
  const title = listTitle(d.archive, 'year', d.route.key, lang);
  const main = html`<h1>${title}</h1>
<p>${format(l.yearIntro, { year })}</p>
<p class="count">${replyCount(y.replies.length, lang)}</p>
${scopeNote(d.archive.sources, lang)}
${feedLink(y.path, lang)}
${yearCharts(y, lang, strings(lang).charts)}
<h2 id="heads">${l.heads}</h2>
<ul class="groups">${y.heads.map(
    (h) => html`<li><a href="${localize(h.path, lang)}">${format(l.headTitle, { code: h.code, name: '' })}${localName(h.name, h.lang, h.names, lang)}</a> <span class="count">${replyCount(h.replies.length, lang)}</span>
<ul>${h.programmes.map(
      (p) => html`<li><a href="${localize(p.path, lang)}">${p.code === null ? l.programmeNoneTitle : html`(${p.code}) ${localName(p.name ?? '', p.lang, p.names, lang)}`}</a> <span class="count">${replyCount(p.replies.length, lang)}</span></li>`,
    )}</ul></li>`,
  )}</ul>
<h2 id="replies">${l.replyList}</h2>
${replyList(y.replies, lang)}`;
  return layout({ siteUrl: d.settings.siteUrl, lang, path: y.path, title, description: title, main, crumbLabel: year, head: chartStylesheetLink(), feed: true });
}
