import { pagesOf, type TemplateData } from '../data/routes.ts';
import { repliesCsv } from '../../open-data/exports.ts';

export const data = pagesOf('replies-csv');

export function render(d: TemplateData): string {
  return repliesCsv(d.archive.replies, d.settings.siteUrl);
}
