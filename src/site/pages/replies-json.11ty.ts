import type { TemplateData } from '../data/pages.ts';
import { repliesJson } from '../data/exports.ts';

export const data = { permalink: '/data/replies.json', eleventyExcludeFromCollections: true };

export function render(d: TemplateData<null>): string {
  return repliesJson(d.archive.replies);
}
