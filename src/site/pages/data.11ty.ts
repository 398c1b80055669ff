/** Open data: the JSON and CSV exports, documented field by field. */
import { pagesOf, type TemplateData } from '../data/routes.ts';
import { html } from '../../lib/html.ts';
import { strings } from '../lib/i18n.ts';
import { layout } from '../lib/layout.ts';
import { CSV_COLUMNS } from '../data/exports.ts';
import { TABLES_JSON_PATH } from '../../model/urls.ts';

export const data = pagesOf('data');

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const t = strings(lang).data;
  const main = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<ul class="downloads">
<li><a href="/data/replies.json" type="application/json">replies.json</a> — ${t.json.replace(/^replies\.json[:：]\s*/, '')}</li>
<li><a href="/data/replies.csv" type="text/csv" download>replies.csv</a> — ${t.csv.replace(/^replies\.csv[:：]\s*/, '')}</li>
<li><a href="${TABLES_JSON_PATH}" type="application/json">tables.json</a> — ${t.tablesJson.replace(/^tables\.json[:：]\s*/, '')}</li>
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
