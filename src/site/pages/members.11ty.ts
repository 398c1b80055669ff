/** Every member who asked a question, with their number of questions. */
import { pagesOf, type TemplateData } from '../data/routes.ts';
import { scopeNote } from '../lib/scope.ts';
import { html } from '../../lib/html.ts';
import { strings } from '../lib/i18n.ts';
import { layout, localName } from '../lib/layout.ts';
import { replyCount } from '../lib/parts.ts';
import { localize, membersPath } from '../../model/urls.ts';

export const data = pagesOf('members');

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const s = strings(lang);
  const main = html`<h1>${s.lists.allMembers}</h1>
<p>${s.lists.membersIntro}</p>
${scopeNote(d.archive.sources, lang)}
<ul class="members">${d.archive.members.map(
    (m) => html`<li><a href="${localize(m.path, lang)}">${localName(m.name, m.lang, m.names, lang)}</a> <span class="count">${replyCount(m.replies.length, lang)}</span></li>`,
  )}</ul>`;
  return layout({ siteUrl: d.settings.siteUrl, lang, path: membersPath(), title: s.lists.allMembers, description: s.lists.membersIntro, main, crumbLabel: s.site.members });
}
