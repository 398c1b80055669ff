/**
 * /data/index.json: the small index of the exports, which are per budget year
 * (each year's unit writes `/<year>/data/replies.json`, `replies.csv`,
 * `tables.json`): for each year, its counts and the address of each file.
 */
import { pagesOf, YEAR_FILES, type TemplateData } from '../data/routes.ts';
import { publicUrl } from '../../model/urls.ts';

export const data = pagesOf('data-index');

export function render(d: TemplateData): string {
  const { siteUrl } = d.settings;
  const years = d.archive.years.map((y) => ({
    year: y.year,
    replies: y.replies.length,
    editions: y.replies.reduce((n, r) => n + Object.keys(r.editions).length, 0),
    files: {
      'replies.json': publicUrl(YEAR_FILES['replies-json'](y.year), siteUrl),
      'replies.csv': publicUrl(YEAR_FILES['replies-csv'](y.year), siteUrl),
      'tables.json': publicUrl(YEAR_FILES['tables-json'](y.year), siteUrl),
    },
  }));
  return JSON.stringify({ years }, null, 1) + '\n';
}
