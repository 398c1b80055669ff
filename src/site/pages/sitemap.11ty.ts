/**
 * A sitemap part: `/<year>/sitemap.xml` lists the pages of that year's unit,
 * `/sitemap-shell.xml` the shell's (data/routes.ts), as absolute URLs on the
 * site URL, in the route table's order. The sitemap index (sitemap-index.11ty.ts)
 * lists the parts: a year of 5,500 replies has 11,000 pages and more, and one
 * file may hold 50,000 URLs.
 */
import { pagesOf, type TemplateData } from '../data/routes.ts';
import { escapeHtml } from '../../lib/html.ts';
import { absoluteUrl } from '../../model/urls.ts';

export const data = pagesOf('sitemap');

/** The sitemap protocol's limit of URLs in one file. */
export const SITEMAP_MAX_URLS = 50_000;

export function render(d: TemplateData): string {
  const { siteUrl } = d.settings;
  // The route table has sitemap routes only when the site has an address.
  if (siteUrl === null) throw new Error('sitemap.xml needs the site address (SITE_URL)');
  const unit = d.route.unit;
  const urls = d.routes.all
    .filter((r) => r.sitemap && r.unit === unit)
    .map((r) => `<url><loc>${escapeHtml(absoluteUrl(r.url, siteUrl))}</loc></url>`);
  if (urls.length > SITEMAP_MAX_URLS) throw new Error(`${d.route.url}: ${urls.length} URLs, more than a sitemap may hold (${SITEMAP_MAX_URLS})`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
