// @ts-check
// The search page (/search/, /en/search/): Pagefind behind an accessible form. Plain browser
// ES module, no framework, no inline script (CSP script-src 'self'). This file only wires
// the parts, each a module with one job (issue 17), the page's state passed explicitly:
// terms.js (what a query asks for) → ranked.js (full matches, then partial) → session.js
// (one search and its results) → result-item.js (a result at its paragraph); index-loader.js
// loads the bundles, controls.js and events.js make the form, url-state.js keeps the state
// in the URL (the back button restores it), status-text.js says what was searched.
// Interface strings come from the page: the site renders its _data/i18n dictionary's
// search.ui section into <script type="application/json" id="search-strings">.
import { searchEdition, localizedResult } from './edition.js'; // issue 12: the language edition searched
import { openIndex } from './index-loader.js';
import { packReader } from './packs.js';
import { buildControls, fillFilters, offers } from './controls.js';
import { bindEvents } from './events.js';
import { FILTERS, readState, stateUrl } from './url-state.js';
import { newSession, renderMore, run } from './session.js';

const siteRoot = new URL('../', import.meta.url);

/**
 * How the page reads its files: online, ES modules and fetch(), and Pagefind's files from
 * packs where the manifest has them (packs.js); in the offline mirror opened from disk,
 * where both are blocked, the classic scripts of offline-files.js (no packs).
 */
const importModule = (path) => import(new URL(path, siteRoot).href);
const files = /** @type {any} */ (globalThis).legcoOfflineSearch ?? {
  module: importModule,
  json: (path) => fetch(new URL(path, siteRoot)).then((r) => (r.ok ? r.json() : null)),
  unpack: packReader(siteRoot, importModule),
  directoryIndex: '',
};

function readStrings() {
  try {
    return JSON.parse(document.getElementById('search-strings')?.textContent ?? '{}');
  } catch {
    return {};
  }
}

function setup() {
  const form = /** @type {HTMLFormElement | null} */ (document.querySelector('form[data-search-form]') ?? document.querySelector('main form'));
  /** @type {HTMLInputElement | null | undefined} */
  const input = form?.querySelector('input[name="q"]');
  if (!form || !input) return;
  const lang = document.documentElement.lang || 'zh-Hant-HK';
  const isEnglish = lang.toLowerCase().startsWith('en');
  const t = readStrings();
  const edition = searchEdition(document, location.search, lang);
  const ui = { ...buildControls(form, t, edition), input };
  /** A page's URL from its path under the site root (offline: a folder's index.html). */
  const pageUrl = (path) => new URL(path.replace(/\/$/, `/${files.directoryIndex}`), siteRoot).href;
  // Pagefind URLs are site-root paths (/2023-24/itib001/); the English interface links to its own copy under /en/.
  const href = (rawUrl) => {
    const path = new URL(rawUrl, location.href).pathname;
    const rel = path.startsWith(siteRoot.pathname) ? path.slice(siteRoot.pathname.length) : path.replace(/^\//, '');
    return pageUrl(localizedResult(rel, edition.resultPrefix ?? (isEnglish ? 'en/' : '')));
  };
  const urlOf = (state) => stateUrl(state, location.pathname, edition.param);
  const initial = readState(location.search);
  const page = { t, lang, isEnglish, edition, ui, urlOf, pageUrl, href, session: newSession(initial), index: openIndex(files, edition, siteRoot, (m) => fillFilters(ui, m, page.session.state)) };
  const applyState = (state) => {
    input.value = state.q;
    for (const f of FILTERS) if (!state[f] || offers(ui, f, state[f])) ui.controls[f].value = state[f];
    ui.sortSelect.value = state.sort;
  };
  bindEvents({ form, ...ui }, {
    run: (state) => run(page, state),
    renderMore: () => renderMore(page, page.session),
    applyState,
    searchAllYears: () => (page.index.allYears = true),
    urlOf,
  });
  applyState(initial);
  if (initial.q || FILTERS.some((f) => initial[f])) run(page, initial);
  else ui.status.textContent = t.prompt;
  // Start fetching the index while the reader types.
  input.addEventListener('focus', () => page.index.load().catch(() => {}), { once: true });
}

setup();
