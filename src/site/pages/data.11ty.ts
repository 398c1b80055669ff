/**
 * Open data: each year's files (src/open-data writes them), where a reply's
 * full data is, each form with a two-line example of its use, every table and
 * column as src/open-data/schema.ts describes them, reply.json's fields, and
 * the terms of reuse.
 */
import { pagesOf, type TemplateData } from '../data/routes.ts';
import { html } from '../../lib/html.ts';
import { format, formatHtml, strings } from '../lib/i18n.ts';
import { layout } from '../lib/layout.ts';
import { DATA_INDEX_PATH, publicUrl, replyJsonPath, yearDataPath } from '../../model/urls.ts';
import { csvFileName } from '../../open-data/datapackage.ts';
import { ftsPhrase } from '../../open-data/sqlite.ts';
import { SCHEMA } from '../../open-data/schema.ts';

export const data = pagesOf('data');

/** A command or query, as one block a reader copies. */
const code = (lines: string[]) => html`<pre class="example"><code>${lines.join('\n')}</code></pre>`;

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const t = strings(lang).data;
  const { archive } = d;
  const at = (path: string) => publicUrl(path, d.settings.siteUrl);
  const years = archive.years.map((y) => y.year);
  const year = years.at(-1);
  // The example reply: the first with a table (its reply.json shows the cells), else the first.
  const sample = archive.replies.find((r) => r.tables.length > 0) ?? archive.replies[0];
  const files = (y: string) => [
    ['replies.db', t.files.db, 'application/vnd.sqlite3'],
    ['metadata.json', t.files.metadata, 'application/json'],
    ['replies.csv', t.files.csv, 'text/csv'],
    ['tables.json', t.files.tablesJson, 'application/json'],
    ['datapackage.json', t.files.datapackage, 'application/json'],
  ].map(([name, what, type]) => html`<li><a href="${yearDataPath(y)}${name}" type="${type}">${name}</a> — ${what}</li>`);
  const otherCsvs = (y: string) => SCHEMA.filter((s) => s.name !== 'replies').map((s, i) => html`${i ? ', ' : ''}<a href="${yearDataPath(y)}${csvFileName(s)}" type="text/csv">${csvFileName(s)}</a>`);
  // Inside the shell's double quotes the phrase's own quotes are escaped.
  const phrase = ftsPhrase('數碼港').replace(/"/g, '\\"');
  const main = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<h2 id="years">${t.yearsTitle}</h2>
<p>${format(t.yearsIntro, { index: DATA_INDEX_PATH })} <a href="${DATA_INDEX_PATH}" type="application/json">index.json</a></p>
${years.map((y) => html`<h3 id="year-${y}">${format(t.yearFolder, { year: y })}</h3>
<ul class="downloads">${files(y)}<li>${otherCsvs(y)} — ${t.files.tableCsvs}</li></ul>`)}
<p>${t.tableCsvBeside}</p>
<p id="full-data">${formatHtml(t.fullData, { replyJson: html`<a href="#reply-json"><code>reply.json</code></a>`, replies: html`<a href="#table-replies"><code>replies</code></a>` })}</p>
${year === undefined ? '' : html`<h2 id="sql">${t.sqlTitle}</h2>
<p>${t.sqlIntro}</p>
${code([`curl -O ${at(`${yearDataPath(year)}replies.db`)}`, `sqlite3 replies.db "SELECT replyNo, lang, title FROM replies JOIN replies_fts ON replies_fts.rowid = replies.rowid WHERE replies_fts MATCH '${phrase}'"`])}
<p>${t.ftsNote}</p>
<p>${t.datasette}</p>
${code([`curl -O ${at(`${yearDataPath(year)}metadata.json`)}`, 'datasette replies.db --metadata metadata.json'])}`}
${sample === undefined ? '' : html`<h2 id="reply-json">${t.replyJsonTitle}</h2>
<p>${t.replyJsonIntro}</p>
${code([`curl ${at(replyJsonPath(sample))}`, `curl -s ${at(replyJsonPath(sample))} | jq '.editions[].tables[] | {caption, header}'`])}
<dl class="fields">${Object.entries(t.replyJsonFields).map(([k, v]) => html`<div><dt><code>${k}</code></dt><dd>${v}</dd></div>`)}</dl>
<p>${t.replyJsonOther}</p>`}
${year === undefined ? '' : html`<h2 id="datapackage">${t.packageTitle}</h2>
<p>${t.packageIntro}</p>
${code([`frictionless validate ${at(`${yearDataPath(year)}datapackage.json`)}`, `python -c "import frictionless; print(frictionless.Package('${at(`${yearDataPath(year)}datapackage.json`)}').get_resource('replies').to_pandas())"`])}
<p>${t.packageArchive}</p>`}
<h2 id="archive">${t.archiveTitle}</h2>
<p>${t.archiveIntro}</p>
${code(['npm run data:archive -- replies-all.db', `sqlite3 replies-all.db "SELECT year, headCode, count(*) FROM replies GROUP BY year, headCode"`])}
<h2 id="tables">${t.tablesTitle}</h2>
<p>${t.tablesIntro}</p>
${SCHEMA.map((s) => html`<table class="data-columns" id="table-${s.name}">
<caption><code>${s.name}</code>: ${s.description[lang]} ${format(t.key, { key: s.primaryKey.join(', ') })}</caption>
<thead><tr><th scope="col">${t.column}</th><th scope="col">${t.type}</th><th scope="col">${t.description}</th></tr></thead>
<tbody>${s.columns.map((c) => html`<tr><th scope="row"><code>${c.name}</code></th><td>${c.type}</td><td>${c.description[lang]}</td></tr>`)}</tbody>
</table>`)}
<p>${t.csvNote}</p>
<h2 id="terms">${t.termsTitle}</h2>
${t.terms.map((p) => html`<p>${p}</p>`)}`;
  return layout({ siteUrl: d.settings.siteUrl, lang, path: '/data/', title: t.title, description: t.intro, main });
}
