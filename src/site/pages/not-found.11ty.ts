/**
 * 404.html: served by GitHub Pages at any missing URL, so it shows both
 * languages, links absolutely (to the site URL) and carries its stylesheet inline
 * (a linked one would not load where SITE_URL is not the serving origin).
 * Its one script, assets/moved.js, sends an address that moved (issue 16:
 * `/en/<year>/…` is now `/<year>/en/…`) to where the page is now; it is loaded
 * only when the build knows the site's address (SITE_URL).
 */
import { readFileSync } from 'node:fs';
import { site } from '../../../_data/site.ts';
import { pagesOf, type TemplateData } from '../data/routes.ts';
import { html } from '../../lib/html.ts';
import { MOVED_SCRIPT } from '../../model/urls.ts';
import { strings } from '../lib/i18n.ts';
import { layout } from '../lib/layout.ts';
import { localize } from '../../model/urls.ts';

export const data = pagesOf('not-found');

export function render(d: TemplateData): string {
  const lang = site.defaultLang;
  const s = strings(lang);
  const others = site.languages.filter((l) => l !== lang);
  const main = html`<h1>${s.notFound.title}</h1>
<p>${s.notFound.body}</p>
<p><a href="${localize('/', lang)}">${s.notFound.home}</a></p>
${others.map(
    (l) => html`<div lang="${l}"><h2>${strings(l).notFound.title}</h2>
<p>${strings(l).notFound.body}</p>
<p><a href="${localize('/', l)}">${strings(l).notFound.home}</a></p></div>`,
  )}`;
  const css = readFileSync(new URL('../assets/site.css', import.meta.url), 'utf8');
  return layout({ siteUrl: d.settings.siteUrl, lang, path: '/404.html', title: s.notFound.title, description: s.notFound.body, main, notFound: true, inlineStyle: css, head: movedScript(d.settings.siteUrl) });
}

/**
 * The moved-address script, only where the page knows where the site's files are: a 404 page
 * built without the site's address may be served under a path prefix, so (like its icons,
 * src/site/lib/layout.ts) it loads nothing from the domain's root.
 */
function movedScript(siteUrl: string | null) {
  return siteUrl === null ? undefined : html`<script src="${MOVED_SCRIPT}" defer></script>`;
}
