import { pagesOf, type TemplateData } from '../data/routes.ts';
import { tablesJson } from '../data/table-exports.ts';
import { site } from '../../../_data/site.ts';
import { strings } from '../lib/i18n.ts';

export const data = pagesOf('tables-json');

export function render(d: TemplateData): string {
  // The terms of reuse travel with the data, in every interface language.
  const terms = Object.fromEntries(site.languages.map((lang) => [lang, strings(lang).data.terms.join(' ')]));
  return tablesJson(d.archive.tables.filter((t) => t.reply.year === d.route.key), d.settings.siteUrl, terms);
}
