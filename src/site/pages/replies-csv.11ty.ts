import type { TemplateData } from '../data/pages.ts';
import { repliesCsv } from '../data/exports.ts';

export const data = { permalink: '/data/replies.csv', eleventyExcludeFromCollections: true };

export function render(d: TemplateData<null>): string {
  return repliesCsv(d.archive.replies);
}
