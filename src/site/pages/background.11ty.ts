/** A background paper (e.g. the 2015 paper on the bureau's nine priority areas), as a readable page. */
import type { BackgroundPage } from '../../model/reply.ts';
import { itemOf, pagesOf, type TemplateData } from '../data/routes.ts';
import { html, raw } from '../../lib/html.ts';
import { formatDate, strings } from '../lib/i18n.ts';
import { inLang, layout } from '../lib/layout.ts';
import { renderBody } from '../markdown/index.ts';

export const data = pagesOf('background');

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const b = itemOf(d.archive, d.route, 'background');
  const s = strings(lang).background;
  const same = lang === b.lang;
  const main = html`<article class="paper"${same ? html` data-pagefind-body` : ''}>
<p class="kicker">${s.label}</p>
<h1>${inLang(b.title, b.lang, lang)}</h1>
<dl class="facts">
<div><dt>${s.committee}</dt><dd>${inLang(b.committee, b.lang, lang)}</dd></div>
<div><dt>${s.date}</dt><dd><time datetime="${b.date}">${formatDate(b.date, lang)}</time></dd></div>
</dl>
<div class="body"${same ? '' : html` lang="${b.lang}"`}>
${raw(same ? b.bodyHtml : renderBody(b.markdown, b.lang, 'page', lang)) /* src/site/markdown, html:false; labels in the interface language */}
</div>
</article>`;
  return layout({ siteUrl: d.settings.siteUrl, lang, path: b.path, title: b.title, description: `${s.label}: ${b.committee}, ${b.date}`, main, crumbLabel: s.label, ogType: 'article' });
}
