import { pagesOf, type TemplateData } from '../data/routes.ts';
import { repliesJson } from '../../open-data/exports.ts';

export const data = pagesOf('replies-json');

export function render(d: TemplateData): string {
  return repliesJson(d.archive.replies, d.settings.siteUrl);
}
