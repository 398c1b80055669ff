/** /sitemap.xml: the sitemap index of the shell's part and every year's part (sitemap.11ty.ts), on the site URL. */
import { pagesOf, type TemplateData } from '../data/routes.ts';
import { escapeHtml } from '../../lib/html.ts';
import { absoluteUrl, SHELL_SITEMAP_PATH, yearSitemapPath } from '../../model/urls.ts';

export const data = pagesOf('sitemap-index');

export function render(d: TemplateData): string {
  const { siteUrl } = d.settings;
  if (siteUrl === null) throw new Error('sitemap.xml needs the site address (SITE_URL)');
  const parts = [SHELL_SITEMAP_PATH, ...d.archive.years.map((y) => yearSitemapPath(y.year))];
  const entries = parts.map((p) => `<sitemap><loc>${escapeHtml(absoluteUrl(p, siteUrl))}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}
