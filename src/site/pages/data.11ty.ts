/** Open data: the JSON and CSV exports, documented field by field. */
import { pagesOf, YEAR_FILES, type TemplateData } from '../data/routes.ts';
import { html } from '../../lib/html.ts';
import { formatYear, strings } from '../lib/i18n.ts';
import { layout } from '../lib/layout.ts';
import { CSV_COLUMNS } from '../data/exports.ts';
import { DATA_INDEX_PATH } from '../../model/urls.ts';

export const data = pagesOf('data');

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const t = strings(lang).data;
  const main = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<ul class="downloads">
<li><a href="${DATA_INDEX_PATH}" type="application/json">index.json</a> — ${t.indexJson.replace(/^index\.json[:：]\s*/, '')}</li>
${d.archive.years.map(
    (y) => html`<li>${formatYear(y.year, lang)}: <a href="${YEAR_FILES['replies-json'](y.year)}" type="application/json">replies.json</a> · <a href="${YEAR_FILES['replies-csv'](y.year)}" type="text/csv" download>replies.csv</a> · <a href="${YEAR_FILES['tables-json'](y.year)}" type="application/json">tables.json</a></li>`,
  )}
</ul>
<ul>
<li>${t.json}</li>
<li>${t.csv}</li>
<li>${t.tablesJson}</li>
</ul>
<p>${t.tableCsvs}</p>
<h2 id="fields">${t.fieldsTitle}</h2>
<dl class="fields">${Object.entries(t.fields).map(([k, v]) => html`<div><dt><code>${k}</code></dt><dd>${v}</dd></div>`)}</dl>
<p>${t.csvColumns} ${CSV_COLUMNS.map((c, i) => html`${i > 0 ? ', ' : ''}<code>${c}</code>`)}</p>
<p>${t.csvNote}</p>
<h2 id="terms">${t.termsTitle}</h2>
${t.terms.map((p) => html`<p>${p}</p>`)}`;
  return layout({ siteUrl: d.settings.siteUrl, lang, path: '/data/', title: t.title, description: t.intro, main });
}
