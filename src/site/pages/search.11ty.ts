/**
 * Search page shell: the form the header search box submits to. The search
 * helper (issue 4, src/browser/search/) adds the Pagefind UI into #search-results
 * and its script via the layout's `head` option.
 */
import { pagesOf, type TemplateData } from '../data/routes.ts';
import { html, raw } from '../../lib/html.ts';
import { strings } from '../lib/i18n.ts';
import { layout, searchForm } from '../lib/layout.ts';
import { OFFLINE_SEARCH_SCRIPT, searchIndexPath } from '../../model/urls.ts';
import { site, type InterfaceLang } from '../../../_data/site.ts';

export const data = pagesOf('search');

/**
 * The search script's interface strings as a JSON data block (not executable, so
 * CSP script-src 'self' allows it). `<` is escaped so no text can close the element.
 */
function jsonData(value: unknown) {
  return raw(JSON.stringify(value).replace(/</g, '\\u003c'));
}

/**
 * Where each language edition's index is and how the page names the editions
 * (src/browser/search/edition.js): written only when some reply has an edition in
 * a language other than its primary one, so an archive of one language keeps
 * its search page as it was.
 */
function editionsData(d: TemplateData, lang: InterfaceLang) {
  const langs = site.languages.filter((l) => d.archive.replies.some((r) => r.editions[l] !== undefined));
  if (langs.length < 2) return '';
  const bundles = Object.fromEntries(langs.map((l) => [l, searchIndexPath(l).replace(/^\//, '')]));
  return html`\n<script type="application/json" id="search-editions">${jsonData({ bundles, strings: strings(lang).search.edition })}</script>`;
}

export function render(d: TemplateData): string {
  const { lang } = d.route;
  const s = strings(lang);
  const main = html`<h1>${s.search.title}</h1>
<p>${s.search.intro}</p>
${searchForm(lang, 'search-q', true)}
<div id="search-results"></div>
<noscript><p>${s.search.noScript}</p></noscript>
<script type="application/json" id="search-strings">${jsonData(s.search.ui)}</script>${editionsData(d, lang)}`;
  // The search UI (src/browser/search/, installed into /search/ by buildSearchIndex). Online: ES modules, and
  // offline.js, a classic script, which says what to do when the online site is opened from disk (file://
  // blocks module scripts). The offline mirror searches from disk: one classic script (src/search/offline-bundle.ts).
  const head = d.settings.offline
    ? html`<link rel="stylesheet" href="/search/search.css">
<script src="/${OFFLINE_SEARCH_SCRIPT}" defer></script>`
    : html`<link rel="stylesheet" href="/search/search.css">
<script src="/search/offline.js" defer></script>
<script type="module" src="/search/search.js"></script>`;
  return layout({ siteUrl: d.settings.siteUrl, lang, path: '/search/', title: s.search.title, description: s.search.intro, main, headerSearch: false, head });
}
