/** Home: what the archive is, search, and the ways in (years, heads, members, background). */
import { pagesOf, type TemplateData } from '../data/routes.ts';
import { html } from '../../lib/html.ts';
import { format, formatCount, formatYear, strings } from '../lib/i18n.ts';
import { inLang, layout, localName, searchForm } from '../lib/layout.ts';
import { feedLink, replyCount } from '../lib/parts.ts';
import { localize, membersPath } from '../../model/urls.ts';
import { scopeNote } from '../lib/scope.ts';

export const data = pagesOf('home');

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const s = strings(lang);
  const a = d.archive;
  // "By head" shows the newest year's heads: across a decade of all bureaus the
  // full list would be hundreds of links; older years are one click away.
  const main = html`<h1>${s.home.title}</h1>
<p class="lead">${s.home.intro}</p>
${scopeNote(a.sources, lang)}
${feedLink('/', lang)}
<section aria-labelledby="home-search">
<h2 id="home-search">${s.site.search}</h2>
<p>${s.home.searchIntro}</p>
${searchForm(lang, 'home-q')}
</section>
<section aria-labelledby="home-years">
<h2 id="home-years">${s.home.byYear}</h2>
<ul class="groups">${a.years.map(
    (y) => html`<li><a href="${localize(y.path, lang)}">${format(s.lists.yearTitle, { year: formatYear(y.year, lang) })}</a> <span class="count">${replyCount(y.replies.length, lang)}</span></li>`,
  )}</ul>
</section>
<section aria-labelledby="home-heads">
<h2 id="home-heads">${s.home.byHead}</h2>
<ul class="groups">${(a.years.at(-1)?.heads ?? []).map(
    (h) => html`<li><a href="${localize(h.path, lang)}">${format(s.lists.headTitle, { code: h.code, name: '' })}${localName(h.name, h.lang, h.names, lang)}</a> <span class="count">${formatYear(h.year, lang)} · ${replyCount(h.replies.length, lang)}</span></li>`,
  )}</ul>
</section>
<section aria-labelledby="home-members">
<h2 id="home-members">${s.home.byMember}</h2>
<p><a href="${localize(membersPath(), lang)}">${s.lists.allMembers}</a> <span class="count">${formatCount(s.lists.memberCount, a.members.length, lang)}</span></p>
</section>
${a.background.length
    ? html`<section aria-labelledby="home-background">
<h2 id="home-background">${s.home.background}</h2>
<ul>${a.background.map((b) => html`<li><a href="${localize(b.path, lang)}">${inLang(b.title, b.lang, lang)}</a></li>`)}</ul>
</section>`
    : ''}`;
  return layout({ siteUrl: d.settings.siteUrl, lang, path: '/', title: s.home.title, description: s.site.tagline, main, headerSearch: false, feed: true });
}
