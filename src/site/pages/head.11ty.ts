/** A head in a year: its programmes with counts and, under each, its replies. */
import type { HeadGroup } from '../../model/reply.ts';
import { itemOf, pagesOf, type TemplateData } from '../data/routes.ts';
import { html } from '../../lib/html.ts';
import { format, formatYear, strings } from '../lib/i18n.ts';
import { layout, localName, localText } from '../lib/layout.ts';
import { feedLink, listTitle, replyCount, replyList } from '../lib/parts.ts';
import { localize, yearPath } from '../../model/urls.ts';
import { chartStylesheetLink } from '../charts/plugin.ts';
import { headCharts } from '../charts/page-charts.ts';

export const data = pagesOf('head');

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const h = itemOf(d.archive, d.route, 'head');
  const l = strings(lang).lists;
  const year = formatYear(h.year, lang);
  const title = format(l.headTitle, { code: h.code, name: localText(h.name, h.lang, h.names, lang).text });
  const main = html`<h1>${format(l.headTitle, { code: h.code, name: '' })}${localName(h.name, h.lang, h.names, lang)}</h1>
<p>${format(l.headIntro, { year })}</p>
<p class="count">${replyCount(h.replies.length, lang)}</p>
${feedLink(h.path, lang)}
${headCharts(h, lang, strings(lang).charts)}
<h2 id="programmes">${l.programmes}</h2>
<ul class="groups">${h.programmes.map(
    (p) => html`<li><a href="#${p.code === null ? 'programme-none' : `programme-${p.code}`}">${p.code === null ? l.programmeNoneTitle : html`(${p.code}) ${localName(p.name ?? '', p.lang, p.names, lang)}`}</a> <span class="count">${replyCount(p.replies.length, lang)}</span></li>`,
  )}</ul>
${h.programmes.map(
    (p) => html`<section aria-labelledby="${p.code === null ? 'programme-none' : `programme-${p.code}`}">
<h2 id="${p.code === null ? 'programme-none' : `programme-${p.code}`}"><a href="${localize(p.path, lang)}">${p.code === null ? l.programmeNoneTitle : html`${format(l.programmeTitle, { code: p.code, name: '' })}${localName(p.name ?? '', p.lang, p.names, lang)}`}</a></h2>
${replyList(p.replies, lang)}
</section>`,
  )}`;
  return layout({
    siteUrl: d.settings.siteUrl,
    lang,
    cardLang: d.route.cardLang,
    path: h.path,
    title: listTitle(d.archive, 'head', d.route.key, lang),
    description: `${title} · ${year} · ${replyCount(h.replies.length, lang)}`,
    crumbs: [{ label: year, path: yearPath(h.year) }],
    crumbLabel: html`${strings(lang).reply.head} ${h.code}`,
    main,
    head: chartStylesheetLink(),
    feed: true,
  });
}
