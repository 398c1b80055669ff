import { pagesOf, type TemplateData } from '../data/routes.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const data = pagesOf('robots');

export function render(d: TemplateData): string {
  return `User-agent: *\nAllow: /\nSitemap: ${absoluteUrl('/sitemap.xml', d.settings.siteUrl)}\n`;
}
