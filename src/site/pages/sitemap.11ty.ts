/** sitemap.xml: every route marked for the sitemap (data/routes.ts), as absolute URLs on the site URL, in the route table's order. */
import { pagesOf, type TemplateData } from '../data/routes.ts';
import { escapeHtml } from '../../lib/html.ts';
import { absoluteUrl } from '../../model/urls.ts';

export const data = pagesOf('sitemap');

export function render(d: TemplateData): string {
  const { siteUrl } = d.settings;
  // The route table has a sitemap route only when the site has an address.
  if (siteUrl === null) throw new Error('sitemap.xml needs the site address (SITE_URL)');
  const urls = d.routes.all
    .filter((r) => r.sitemap)
    .map((r) => `<url><loc>${escapeHtml(absoluteUrl(r.url, siteUrl))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
