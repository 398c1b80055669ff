/** A programme of a head (or the "not specified" group): its replies. */
import type { ProgrammeGroup } from '../../model/reply.ts';
import { itemOf, pagesOf, type TemplateData } from '../data/routes.ts';
import { html } from '../../lib/html.ts';
import { format, formatYear, strings } from '../lib/i18n.ts';
import { layout, localName, localText } from '../lib/layout.ts';
import { feedLink, listTitle, programmeLabel, replyCount, replyList } from '../lib/parts.ts';
import { headPath, localize, yearPath } from '../../model/urls.ts';

export const data = pagesOf('programme');

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const p = itemOf(d.archive, d.route, 'programme');
  const s = strings(lang);
  const year = formatYear(p.year, lang);
  const title = programmeLabel(p.code, p.name === null ? null : localText(p.name, p.lang, p.names, lang).text, lang);
  const headTitle = format(s.lists.headTitle, { code: p.head.code, name: localText(p.head.name, p.lang, p.head.names, lang).text });
  const heading =
    p.code === null ? html`${title}` : html`${format(s.lists.programmeTitle, { code: p.code, name: '' })}${localName(p.name ?? '', p.lang, p.names, lang)}`;
  const main = html`<h1>${heading}</h1>
<p><a href="${localize(headPath(p.year, p.head.code), lang)}">${format(s.lists.headTitle, { code: p.head.code, name: '' })}${localName(p.head.name, p.lang, p.head.names, lang)}</a> · ${year} · ${replyCount(p.replies.length, lang)}</p>
${feedLink(p.path, lang)}
${replyList(p.replies, lang)}`;
  return layout({
    siteUrl: d.settings.siteUrl,
    lang,
    cardLang: d.route.cardLang,
    path: p.path,
    title: listTitle(d.archive, 'programme', d.route.key, lang),
    description: `${title} · ${headTitle} · ${year}`,
    crumbs: [
      { label: year, path: yearPath(p.year) },
      { label: html`${s.reply.head} ${p.head.code}`, path: headPath(p.year, p.head.code) },
    ],
    crumbLabel: p.code === null ? s.reply.programmeNone : html`${s.reply.programme} ${p.code}`,
    main,
    feed: true,
  });
}
