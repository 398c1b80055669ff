/** sitemap.xml with absolute URLs on the configured site URL, both languages, stable order. */
import { site } from '../../../_data/site.ts';
import type { TemplateData } from '../data/pages.ts';
import { escapeHtml } from '../lib/html.ts';
import { absoluteUrl, localize, membersPath } from '../lib/urls.ts';

export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true };

export function render(d: TemplateData<null>): string {
  const a = d.archive;
  const paths = [
    '/', '/about/', '/data/', '/search/', membersPath(),
    ...a.years.map((y) => y.path), ...a.heads.map((h) => h.path), ...a.programmes.map((p) => p.path),
    ...a.members.map((m) => m.path), ...a.background.map((b) => b.path), ...a.replies.map((r) => r.path),
  ];
  const urls = site.languages.flatMap((lang) => paths.map((p) => `<url><loc>${escapeHtml(absoluteUrl(localize(p, lang)))}</loc></url>`));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
