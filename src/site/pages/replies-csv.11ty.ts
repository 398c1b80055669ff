import { pagesOf, yearReplies, type TemplateData } from '../data/routes.ts';
import { repliesCsv } from '../data/exports.ts';

export const data = pagesOf('replies-csv');

export function render(d: TemplateData): string {
  return repliesCsv(yearReplies(d.archive, d.route.key), d.settings.siteUrl);
}
