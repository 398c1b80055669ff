import { absoluteUrl } from '../lib/urls.ts';

export const data = { permalink: '/robots.txt', eleventyExcludeFromCollections: true };

export function render(): string {
  return `User-agent: *\nAllow: /\nSitemap: ${absoluteUrl('/sitemap.xml')}\n`;
}
