/**
 * Frictionless Data Packages describing the CSV and JSON files (schema.ts:
 * field names, types, primary and foreign keys), with the licence and the
 * sources. Each year's folder has its own (/2023-24/data/datapackage.json,
 * paths relative to it, so `frictionless validate` checks the data beside
 * it); /data/datapackage.json describes every year's files by their absolute
 * URLs, so it is written only when the build knows the site's address (the
 * standard allows neither "../" nor a path from the site's root).
 */
import type { SourceDocument } from '../model/reply.ts';
import { absoluteUrl, yearDataPath } from '../model/urls.ts';
import { csvColumns, SCHEMA, type TableSpec } from './schema.ts';

/** The licence of what the archive adds (structure, tables, corrections), as on /about/ and /data/. */
export const DATA_LICENSE = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' };
/** The publisher of the original documents (the only address the archive vouches for, as on /about/). */
const LEGCO = { title: 'Legislative Council of the Hong Kong SAR: Examination of Estimates of Expenditure, replies to initial written questions', path: 'https://www.legco.gov.hk/' };
const ATTRIBUTION = 'LegCo budget replies archive (立法會開支預算答覆檔案庫). The text of the replies is an official document of the Government of the HKSAR published by the Legislative Council: follow the Legislative Council\'s copyright notice to reproduce it; the official documents prevail. What the archive adds (structure, tables, corrections) is CC BY 4.0.';

/** A resource's name: Data Package 1 allows lower-case letters, digits, "-", ".", "/" and no "_", so reply_programmes is reply-programmes. */
export function resourceName(table: string, year?: string): string {
  return `${year === undefined ? '' : `${year}-`}${table.replace(/_/g, '-')}`;
}

/** The CSV file of a table in its year's folder. */
export function csvFileName(t: TableSpec): string {
  return `${t.name}.csv`;
}

function tableResource(t: TableSpec, path: string, year: string | undefined) {
  return {
    name: resourceName(t.name, year),
    path,
    profile: 'tabular-data-resource',
    title: t.title.en,
    description: `${t.description.en} ${t.description['zh-Hant-HK']}`,
    format: 'csv',
    mediatype: 'text/csv',
    // UTF-8 with a byte-order mark, so Excel shows the Chinese (csv.ts).
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
    schema: {
      fields: csvColumns(t).map((c) => ({
        name: c.name,
        type: c.type,
        description: `${c.description.en} / ${c.description['zh-Hant-HK']}`,
        ...(c.required ? { constraints: { required: true } } : {}),
      })),
      missingValues: [''],
      primaryKey: t.primaryKey,
      // The profile wants at least one foreign key where the property is given.
      ...(t.foreignKeys.length ? { foreignKeys: t.foreignKeys.map((fk) => ({ fields: fk.fields, reference: { resource: resourceName(fk.reference.table, year), fields: fk.reference.fields } })) } : {}),
    },
  };
}

/** The JSON of the year's folder (a reply's full data, Markdown included, is its reply.json and the replies table of replies.db). */
function jsonResources(at: (file: string) => string, year: string | undefined) {
  return [
    { name: resourceName('tables-json', year), path: at('tables.json'), format: 'json', mediatype: 'application/json', title: 'Tables as JSON', description: 'Every table of every edition: reply, language, number, caption, header and rows. 每個表格的答覆、語文、序號、標題、表頭及各行。' },
  ];
}

function sourcesOf(docs: readonly SourceDocument[]) {
  return [LEGCO, ...docs.filter((s) => s.replies > 0).map((s) => ({ title: s.originalFile ? `${s.title} (${s.originalFile})` : s.title }))];
}

function packageOf(name: string, title: string, resources: object[], docs: readonly SourceDocument[]) {
  return {
    profile: 'data-package',
    name,
    title,
    description: `Controlling Officers' replies to Members' initial written questions in the Examination of Estimates of Expenditure, as tables: one row per edition of each reply, the members, heads, programmes, and the tables in the replies cell by cell. Each edition's full text (Markdown) is not in the CSV: it is in replies.db (replies.markdown) and in each reply's reply.json beside its page. ${ATTRIBUTION}`,
    homepage: undefined as string | undefined,
    licenses: [DATA_LICENSE],
    sources: sourcesOf(docs),
    resources,
  };
}

/** The year's Data Package, its paths relative to the year's data folder. */
export function yearPackage(year: string, docs: readonly SourceDocument[], siteUrl: string | null): string {
  const pkg = packageOf(
    `legco-budget-replies-${year}`,
    `LegCo budget replies ${year}`,
    [...SCHEMA.map((t) => tableResource(t, csvFileName(t), undefined)), ...jsonResources((f) => f, undefined)],
    docs,
  );
  if (siteUrl !== null) pkg.homepage = absoluteUrl(yearDataPath(year), siteUrl);
  return JSON.stringify(pkg, null, 1) + '\n';
}

/** The archive's Data Package: every year's files by absolute URL (null without the site's address). */
export function archivePackage(years: readonly string[], docs: readonly SourceDocument[], siteUrl: string | null): string | null {
  if (siteUrl === null) return null;
  const at = (year: string) => (file: string) => absoluteUrl(`${yearDataPath(year)}${file}`, siteUrl);
  const resources = years.flatMap((y) => [...SCHEMA.map((t) => tableResource(t, at(y)(csvFileName(t)), y)), ...jsonResources(at(y), y)]);
  const pkg = packageOf('legco-budget-replies', 'LegCo budget replies', resources, docs);
  pkg.homepage = absoluteUrl('/data/', siteUrl);
  return JSON.stringify(pkg, null, 1) + '\n';
}
