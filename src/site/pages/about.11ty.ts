/** About: the sources (document, session, language), the extraction/correction method, reporting errors. */
import { pagesOf, type TemplateData } from '../data/routes.ts';
import { html } from '../../lib/html.ts';
import { format, formatHtml, formatNumber, strings } from '../lib/i18n.ts';
import { inLang, layout } from '../lib/layout.ts';

export const data = pagesOf('about');

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const s = strings(lang);
  const a = s.about;
  const main = html`<h1>${a.title}</h1>
<p class="lead">${s.site.tagline}</p>
<section aria-labelledby="sources">
<h2 id="sources">${a.sourcesTitle}</h2>
<p>${a.sourcesIntro}</p>
<section class="table-scroll" tabindex="0" aria-labelledby="sources-c"><table>
<caption id="sources-c">${a.sourcesCaption}</caption>
<thead><tr><th scope="col">${a.colDocument}</th><th scope="col">${a.colSession}</th><th scope="col">${a.colLanguage}</th><th scope="col" class="al-r">${a.colReplies}</th></tr></thead>
<tbody>${d.archive.sources.map(
    (src) => html`<tr><td>${src.lang ? inLang(src.title, src.lang, lang) : src.title}${src.originalFile ? html` (<code>${src.originalFile}</code>)` : ''}</td><td>${
      src.session === null ? '—' : format(s.reply.sessionValue, { n: formatNumber(src.session, lang) })
    }</td><td>${src.lang ? s.languageNames[src.lang] : '—'}</td><td class="al-r">${src.replies ? formatNumber(src.replies, lang) : '—'}</td></tr>`,
  )}</tbody>
</table></section>
<h3 id="original">${a.originalTitle}</h3>
<p>${formatHtml(a.original, { legco: html`<a href="https://www.legco.gov.hk/">www.legco.gov.hk</a>` })}</p>
<p>${a.originalPages}</p>
</section>
<section aria-labelledby="method">
<h2 id="method">${a.methodTitle}</h2>
${a.method.map((p) => html`<p>${p}</p>`)}
</section>
<section aria-labelledby="errors">
<h2 id="errors">${a.errorsTitle}</h2>
<p>${a.errors} <a href="${d.settings.issuesUrl}">${a.errorsLink}</a></p>
</section>`;
  return layout({ siteUrl: d.settings.siteUrl, lang, path: '/about/', title: a.title, description: a.sourcesIntro, main });
}
