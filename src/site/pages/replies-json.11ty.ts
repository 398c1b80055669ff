import { pagesOf, yearReplies, type TemplateData } from '../data/routes.ts';
import { repliesJson } from '../data/exports.ts';

export const data = pagesOf('replies-json');

export function render(d: TemplateData): string {
  return repliesJson(yearReplies(d.archive, d.route.key), d.settings.siteUrl);
}
