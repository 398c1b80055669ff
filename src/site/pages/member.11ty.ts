/** A member: every question they asked, grouped by year and head. */
import type { MemberGroup } from '../../model/reply.ts';
import { itemOf, pagesOf, type TemplateData } from '../data/routes.ts';
import { html } from '../../lib/html.ts';
import { format, formatHtml, formatNumber, formatYear, strings } from '../lib/i18n.ts';
import { layout, localName } from '../lib/layout.ts';
import { feedLink, listTitle, replyList } from '../lib/parts.ts';
import { scopeNote } from '../lib/scope.ts';
import { localize, membersPath } from '../../model/urls.ts';

export const data = pagesOf('member');

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const m = itemOf(d.archive, d.route, 'member');
  const l = strings(lang).lists;
  const title = listTitle(d.archive, 'member', d.route.key, lang);
  const name = localName(m.name, m.lang, m.names, lang);
  const main = html`<h1>${formatHtml(l.memberTitle, { name })}</h1>
<p>${formatHtml(l.memberIntro, { name, n: formatNumber(m.replies.length, lang) })}</p>
${scopeNote(d.archive.sources, lang)}
${feedLink(m.path, lang)}
${m.years.map(
    (y) => html`<section aria-labelledby="y-${y.year}">
<h2 id="y-${y.year}">${formatYear(y.year, lang)}</h2>
${y.heads.map(
      (h) => html`<h3><a href="${localize(h.path, lang)}">${format(l.headTitle, { code: h.code, name: '' })}${localName(h.name, m.lang, h.names, lang)}</a></h3>
${replyList(h.replies, lang, false)}`,
    )}
</section>`,
  )}`;
  return layout({
    siteUrl: d.settings.siteUrl,
    lang,
    cardLang: d.route.cardLang,
    path: m.path,
    title,
    description: title,
    crumbs: [{ label: strings(lang).site.members, path: membersPath() }],
    crumbLabel: name,
    main,
    feed: true,
  });
}
