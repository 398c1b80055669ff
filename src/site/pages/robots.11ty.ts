import { pagesOf, type TemplateData } from '../data/routes.ts';
import { absoluteUrl } from '../../model/urls.ts';

export const data = pagesOf('robots');

export function render(d: TemplateData): string {
  // The Sitemap line needs the site's address; without one there is no sitemap (data/routes.ts).
  const { siteUrl } = d.settings;
  return `User-agent: *\nAllow: /\n${siteUrl === null ? '' : `Sitemap: ${absoluteUrl('/sitemap.xml', siteUrl)}\n`}`;
}
