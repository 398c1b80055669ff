// @ts-check
// The search page (/search/, /en/search/): Pagefind behind an accessible form.
// Plain browser ES module, no framework, no inline script (CSP script-src 'self').
//
// - The page shell (Eleventy) provides <form data-search-form> with <input name="q">;
//   everything else is built here with DOM APIs — nothing from the index is ever
//   inserted as HTML (excerpts are built from the indexed text and set as text nodes).
// - State lives in the URL (?q=…&year=…&head=…&programme=…&member=…&sort=replyNo):
//   typing replaces the entry, submitting or changing a filter pushes one, the back
//   button restores it (popstate).
// - The index is one Pagefind bundle per budget year (/<year>/pagefind/), listed in
//   /pagefind/shards.json beside Pagefind's runtime. The newest year is merged (mergeIndex)
//   at the first search, earlier ones only when a year filter selects one or the reader asks for all years (shards.js);
//   until then the status says which years the results cover, and a button offers the rest.
// - Interface strings come from the page: the site renders its _data/i18n dictionary's
//   search.ui section into <script type="application/json" id="search-strings">.
import { segmentQuery, replyJumps, rankedSearch, initPagefind, sameColon } from './query.js';
import { converterOf, needsConverting } from './convert.js';
import { suggestions } from './suggest.js';
import { excerptTokens, excerptSegments } from './excerpt.js';
import { shardsToLoad, unsearchedYears } from './shards.js';
import { searchEdition, editionSwitch, localizedResult } from './edition.js'; // issue 12: the language edition searched

const FILTERS = ['year', 'head', 'programme', 'member'];
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 180;

const siteRoot = new URL('../', import.meta.url);

/**
 * How the page reads its files: online, ES modules and fetch(); in the offline mirror
 * opened from disk, where both are blocked, the classic scripts of offline-files.js.
 */
const files = /** @type {any} */ (globalThis).legcoOfflineSearch ?? {
  module: (path) => import(new URL(path, siteRoot).href),
  json: (path) => fetch(new URL(path, siteRoot)).then((r) => (r.ok ? r.json() : null)),
  directoryIndex: '',
};

/** A page's URL from its path under the site root (offline: a folder's index.html). */
function pageUrl(path) {
  return new URL(path.replace(/\/$/, `/${files.directoryIndex}`), siteRoot).href;
}
const lang = document.documentElement.lang || 'zh-Hant-HK';
const isEnglish = lang.toLowerCase().startsWith('en');
const t = readStrings();
const edition = searchEdition(document, location.search, lang);

function readStrings() {
  try {
    return JSON.parse(document.getElementById('search-strings')?.textContent ?? '{}');
  } catch {
    return {};
  }
}

/** Fills {name} placeholders of an interface string (the same syntax as the site's format()). */
function fill(template, values) {
  return String(template ?? '').replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
}

function resultsText(n, exact) {
  if (exact < n) return fill(t.resultsExact, { n, exact });
  return n === 1 ? t.resultsOne : fill(t.results, { n });
}

/**
 * An element with attributes (`text` sets its text) and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

/** Excerpt segments as text nodes and <mark> elements: nothing from the index is parsed as HTML. */
function excerptNodes(segments) {
  return segments.map((seg) => (seg.marked ? el('mark', { text: seg.text }) : document.createTextNode(seg.text)));
}

function readState() {
  const p = new URLSearchParams(location.search);
  const state = { q: p.get('q') ?? '', sort: p.get('sort') === 'replyNo' ? 'replyNo' : '' };
  // Heads are printed with two colons; the filters use one (sameColon, as the index does).
  for (const f of FILTERS) state[f] = sameColon(p.get(f) ?? '');
  return state;
}

function stateUrl(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FILTERS) if (state[f]) p.set(f, state[f]);
  if (state.sort) p.set('sort', state.sort);
  if (edition.param) p.set('edition', edition.param);
  const qs = p.toString();
  return location.pathname + (qs ? `?${qs}` : '');
}

function resultHref(rawUrl) {
  // Pagefind URLs are site-root paths (/2023-24/itib001/) under the bundle's base;
  // the English interface links to its own copy of each page under /en/.
  const path = new URL(rawUrl, location.href).pathname;
  const rel = path.startsWith(siteRoot.pathname) ? path.slice(siteRoot.pathname.length) : path.replace(/^\//, '');
  return pageUrl(localizedResult(rel, edition.resultPrefix ?? (isEnglish ? 'en/' : '')));
}

/**
 * The search page's controls, added after the form: a filter per facet and a
 * sort, the status line (announced), the "all years" button, the reply-number
 * jump, the result list and the "more" button.
 * @param {Element} form
 */
function buildControls(form) {
  // The online site opened from disk never gets here (module scripts are blocked there): offline.js
  // explains instead. The offline mirror runs this file as part of a classic script (offline-files.js).
  const status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite', 'data-search-status': true });

  /** @type {Record<string, HTMLSelectElement>} */
  const controls = {};
  const fieldset = el('fieldset', { class: 'search-filters' }, el('legend', { class: 'search-filters-legend', text: t.filters }));
  for (const f of FILTERS) {
    const id = `search-filter-${f}`;
    const select = el('select', { id, name: f }, el('option', { value: '', text: t.any }));
    controls[f] = select;
    fieldset.append(el('div', { class: 'search-filter' }, el('label', { for: id, text: t[f] }), select));
  }
  const sortSelect = el(
    'select',
    { id: 'search-sort', name: 'sort' },
    el('option', { value: '', text: t.sortRelevance }),
    el('option', { value: 'replyNo', text: t.sortReplyNo }),
  );
  fieldset.append(el('div', { class: 'search-filter' }, el('label', { for: 'search-sort', text: t.sort }), sortSelect));

  const jump = el('p', { class: 'search-jump', 'data-search-jump': true, hidden: true });
  const note = el('p', { class: 'search-note', 'data-search-note': true, hidden: true });
  const list = el('ol', { class: 'search-results', 'data-search-results': true, 'aria-label': t.resultsLabel });
  const more = el('button', { type: 'button', class: 'search-more', hidden: true, text: t.more });
  const allYearsButton = el('button', { type: 'button', class: 'search-all-years', hidden: true, text: t.searchAll });
  // On a narrow screen the filters fold behind one control, so the first result is on the first screen.
  const box = el('details', { class: 'search-filter-box', open: matchMedia('(min-width: 48em)').matches }, el('summary', { text: t.filters }), fieldset);
  const region = el('section', { class: 'search-ui', 'aria-label': t.resultsLabel }, editionSwitch(edition, () => String(new FormData(/** @type {HTMLFormElement} */ (form)).get('q') ?? '').trim()), box, status, note, allYearsButton, jump, list, more);
  const host = document.getElementById('search-results');
  if (host) host.append(region);
  else form.after(region);
  return { controls, sortSelect, status, note, jump, list, more, allYearsButton };
}

/**
 * The index: the shard manifest (fetched at once: it is small, and the filters
 * can then be used before any typing), Pagefind's primary index (the newest
 * year) on first need, and earlier years merged in only when a search needs them.
 * @param {(manifest: any) => void} onManifest
 */
function openIndex(onManifest) {
  const index = {
    /** @type {any} */
    manifest: { shards: [], replies: {}, filters: {} },
    /** Names of the shards merged so far. */
    merged: new Set(),
    /** The reader asked for every year. */
    allYears: false,
    /** @type {Promise<any>} */
    ready: Promise.resolve(),
    /** @type {Promise<any> | null} */
    loading: null,
    /** @type {Map<string, Promise<unknown>>} */
    merging: new Map(),
    /** The primary (newest year) index; earlier years are merged by loadShards. */
    load() {
      index.loading ??= files.module(`${edition.base}pagefind.js`).then((pf) => {
        initPagefind(pf);
        return pf;
      });
      return index.loading;
    },
    /** @type {Promise<(s: string) => string> | null} */
    converting: null,
    /** The Simplified → Traditional converter (convert.js), loaded the first time a query needs it. */
    converter() {
      index.converting ??= Promise.all([
        files.module('search/opencc-core.js'),
        files.json(`${edition.base}s2hk.json`),
      ]).then(([core, dict]) => converterOf(core, dict));
      return index.converting;
    },
    /** @type {Promise<[string, number][]> | null} */
    naming: null,
    /** The names "did you mean" chooses from, loaded the first time no reply contains a query. */
    vocabulary() {
      index.naming ??= files.json(`${edition.base}vocabulary.json`).then((v) => v ?? []);
      return index.naming;
    },
    /** Merges the shards the state needs (shards.js) into the loaded index. */
    loadShards(pf, state) {
      return Promise.all(
        shardsToLoad(state, index.manifest, index.merged, index.allYears).map((s) => {
          if (!index.merging.has(s.name)) {
            index.merging.set(
              s.name,
              pf.mergeIndex(new URL(s.path, siteRoot).href).then(() => index.merged.add(s.name)),
            );
          }
          return index.merging.get(s.name);
        }),
      );
    },
  };
  index.ready = files
    .json(`${edition.base}shards.json`)
    .then((m) => m ?? index.manifest)
    .then((m) => {
      index.manifest = m;
      onManifest(m);
      return m;
    });
  return index;
}

/**
 * One result as a list item: a link with its reply number and title, its facts, its excerpt.
 * Text only: nothing from the index is parsed as HTML.
 * @param {any} d the result's data from Pagefind
 * @param {string} query the query the excerpt marks
 */
function resultItem(d, query, partial) {
  const m = d.meta ?? {};
  const link = el('a', { href: resultHref(d.url) });
  if (m.replyNo) link.append(el('span', { class: 'search-replyno', text: m.replyNo }), ' ');
  // Titles, names and heads are in the edition's language; mark them for screen readers on a page in another.
  const zh = edition.lang !== lang ? edition.lang : null;
  link.append(el('span', { lang: zh, text: m.title ?? d.url }));
  const facts = el('p', { class: 'search-meta' });
  if (m.kind === 'background') facts.append(t.background);
  else {
    if (m.year) facts.append(m.year, ' · ');
    if (m.member) facts.append(`${t.memberLabel}: `, el('span', { lang: zh, text: m.member }), ' · ');
    if (m.head) facts.append(`${t.headLabel}: `, el('span', { lang: zh, text: m.head }));
  }
  const tokens = excerptTokens(d.content ?? '', d.locations ?? [], m.bodyStart);
  const excerpt = el('p', { class: 'search-excerpt', lang: edition.lang }, ...excerptNodes(excerptSegments(tokens, query, !edition.lang.startsWith('zh'))));
  const label = partial ? el('p', { class: 'search-partial', text: t.partialMatch }) : null;
  return el('li', { 'data-match': partial ? 'partial' : 'exact' }, el('h2', { class: 'search-title' }, link), label, facts, excerpt);
}

/**
 * The page's events and its history: typing replaces the history entry (after a
 * pause), submitting or changing a control pushes one, the back button restores
 * the state it recorded.
 * @param {{ form: Element, input: HTMLInputElement, controls: Record<string, HTMLSelectElement>, sortSelect: HTMLSelectElement, more: HTMLElement, allYearsButton: HTMLElement }} ui
 * @param {{ run: (state: any) => unknown, renderMore: () => unknown, applyStateToControls: (state: any) => void, searchAllYears: () => void }} actions
 */
function bindEvents({ form, input, controls, sortSelect, more, allYearsButton }, actions) {
  function stateFromControls() {
    const s = { q: input.value.trim(), sort: sortSelect.value };
    for (const f of FILTERS) s[f] = controls[f].value;
    return s;
  }

  // One history entry per control the reader changes, not per value passed on the way:
  // arrow keys on a focused select fire 'change' for every option they cross.
  let lastPushedBy = null;
  let timer = 0;
  input.addEventListener('input', () => {
    lastPushedBy = null;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const s = stateFromControls();
      history.replaceState(null, '', stateUrl(s));
      actions.run(s);
    }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    lastPushedBy = null;
    clearTimeout(timer);
    const s = stateFromControls();
    if (stateUrl(s) !== location.pathname + location.search) history.pushState(null, '', stateUrl(s));
    actions.run(s);
  });
  for (const select of [...Object.values(controls), sortSelect]) {
    select.addEventListener('change', () => {
      const s = stateFromControls();
      if (lastPushedBy === select) history.replaceState(null, '', stateUrl(s));
      else history.pushState(null, '', stateUrl(s));
      lastPushedBy = select;
      actions.run(s);
    });
  }
  more.addEventListener('click', () => actions.renderMore());
  allYearsButton.addEventListener('click', () => {
    actions.searchAllYears();
    allYearsButton.hidden = true;
    input.focus(); // the button goes away; keep focus in the form, the status announces the new count
    actions.run(stateFromControls());
  });
  window.addEventListener('popstate', () => {
    lastPushedBy = null;
    const s = readState();
    actions.applyStateToControls(s);
    actions.run(s);
  });
}

/**
 * Wires the page: the controls and the URL hold the state; typing replaces the
 * history entry, submitting or changing a control pushes one, the back button
 * restores it; each search runs on the index and shows its results.
 */
function setup() {
  const form = document.querySelector('form[data-search-form]') ?? document.querySelector('main form');
  /** @type {HTMLInputElement | null | undefined} */
  const input = form?.querySelector('input[name="q"]');
  if (!form || !input) return;
  const { controls, sortSelect, status, note, jump, list, more, allYearsButton } = buildControls(form);

  // Filter values come from the manifest (written by the build, already sorted), not from
  // pagefind.filters(), which would fetch every filter chunk of every shard up front.
  const index = openIndex((manifest) => {
    for (const f of FILTERS) {
      const select = controls[f];
      for (const v of manifest.filters?.[f] ?? []) select.append(el('option', { value: v, text: v }));
      select.value = current[f];
    }
  });

  let current = readState();
  let searchId = 0;
  let shown = 0;
  /** @type {any[]} */
  let results = [];
  let exact = 0;
  let partialNote = '';
  let convertedNote = '';
  let lastQuery = '';

  const offers = (f, value) => controls[f].querySelector(`option[value="${CSS.escape(value)}"]`) !== null;

  /** The state with every filter value that no option offers removed. */
  function knownFilters(state) {
    const out = { ...state };
    for (const f of FILTERS) if (out[f] && !offers(f, out[f])) out[f] = '';
    return out;
  }

  function applyStateToControls(state) {
    input.value = state.q;
    for (const f of FILTERS) if (!state[f] || offers(f, state[f])) controls[f].value = state[f];
    sortSelect.value = state.sort;
  }

  function showJumps(q) {
    const jumps = replyJumps(q, index.manifest.replies, index.manifest.replyPath?.[lang] ?? '');
    jump.replaceChildren();
    jump.hidden = jumps.length === 0;
    if (!jumps.length) return;
    jump.append(`${t.jump}: `);
    jumps.slice(0, 5).forEach((j, i) => {
      if (i) jump.append(t.listSeparator ?? ', ');
      jump.append(el('a', { href: pageUrl(j.path), text: fill(t.jumpItem, j) }));
    });
  }

  async function renderMore() {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const id = searchId;
    const data = await Promise.all(batch.map((r) => r.data()));
    if (id !== searchId) return;
    data.forEach((d, i) => list.append(resultItem(d, lastQuery, shown + i >= exact)));
    shown += batch.length;
    more.hidden = shown >= results.length;
    if (results.length > PAGE_SIZE) status.textContent = `${resultsText(results.length, exact)} ${fill(t.showing, { shown, total: results.length })}${partialNote}${convertedNote}`;
  }

  /**
   * No reply contains the whole query: offer the closest terms the archive holds, as
   * links that search them (partial results stay listed, labelled); a Latin word in
   * no reply of the Chinese edition says that its replies are written in Chinese.
   */
  async function offerTerms(id, state, converted) {
    const vocabulary = await index.vocabulary().catch(() => []);
    if (id !== searchId) return;
    const terms = suggestions(converted, vocabulary);
    const link = (q) => el('a', { href: stateUrl({ ...state, q }), lang: isEnglish && !/^[\x00-\x7f]+$/.test(q) ? 'zh-Hant-HK' : null, text: q });
    note.replaceChildren();
    // (Not in the English edition's index, whose text is English.)
    if (edition.lang === 'zh-Hant-HK' && /^[\p{Script=Latin}\s'’-]+$/u.test(state.q) && !results.length) {
      note.append(fill(t.latinNone, { q: state.q }), link('ITIB001'));
      note.lastChild.textContent = t.latinReplyNo;
    }
    if (terms.length) {
      const offer = el('span', { 'data-search-suggest': true }, t.suggest);
      terms.forEach((term, i) => {
        if (i) offer.append(t.listSeparator ?? ', ');
        offer.append(link(term));
      });
      if (note.childNodes.length) note.append(' ');
      note.append(offer);
    }
    note.hidden = !note.childNodes.length;
  }

  async function run(state) {
    const id = ++searchId;
    current = state;
    await index.ready.catch(() => null);
    if (id !== searchId) return;
    // A shared link may carry a filter value this index does not have (a typo, a year
    // not published here): drop it from the search and the URL, rather than filter by
    // something no control shows.
    const known = knownFilters(state);
    if (stateUrl(known) !== stateUrl(state)) {
      history.replaceState(null, '', stateUrl(known));
      state = current = known;
    }
    showJumps(state.q);
    const filters = {};
    for (const f of FILTERS) if (state[f]) filters[f] = state[f];
    const q = segmentQuery(state.q);
    note.hidden = true;
    note.replaceChildren();
    if (!q && !Object.keys(filters).length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = t.prompt;
      allYearsButton.hidden = true;
      return;
    }
    status.textContent = t.searching;
    let pf;
    try {
      pf = await index.load();
      await index.loadShards(pf, state);
    } catch (e) {
      status.textContent = t.failed;
      console.error(e);
      return;
    }
    if (id !== searchId) return;
    /** @type {{ filters: Record<string, string>, sort?: Record<string, string> }} */
    const options = { filters };
    if (state.sort === 'replyNo') options.sort = { replyNo: 'asc' };
    // Simplified input is searched in Hong Kong Traditional (the archive's script).
    let converted = state.q;
    if (needsConverting(state.q, index.manifest.convertible)) {
      try {
        converted = (await index.converter())(state.q);
      } catch (e) {
        console.error(e);
      }
      if (id !== searchId) return;
    }
    // Only a query with a character no reply holds is converted, so as typed it can match no
    // reply in full: the converted form alone is searched (the typed one stays in the box and the URL).
    // The English edition's index is stemmed by Pagefind (src/search/build-index.ts indexEdition); the Chinese one is bigrams.
    const r = await rankedSearch(pf, converted, options, edition.lang === 'en');
    if (id !== searchId) return;
    convertedNote = converted !== state.q ? ` ${fill(t.converted, { q: converted })}` : '';
    results = r.results;
    exact = q ? r.exact : results.length;
    shown = 0;
    lastQuery = state.q;
    list.replaceChildren();
    // Results from the newest year only say so, in the announced status, with a button for the rest.
    const missing = unsearchedYears(state, index.manifest, index.merged);
    const sep = t.listSeparator ?? ', ';
    const searched = (index.manifest.shards ?? []).map((s) => s.name).filter((n) => index.merged.has(n));
    partialNote = missing.length ? ` ${fill(t.partial, { year: searched.join(sep), years: missing.join(sep) })}` : '';
    allYearsButton.hidden = !missing.length;
    status.textContent = (results.length ? resultsText(results.length, exact) : t.none) + partialNote + convertedNote;
    if (results.length) await renderMore();
    else more.hidden = true;
    if (q && !exact) await offerTerms(id, state, converted);
  }

  bindEvents({ form, input, controls, sortSelect, more, allYearsButton }, {
    run,
    renderMore,
    applyStateToControls,
    searchAllYears() {
      index.allYears = true;
    },
  });
  applyStateToControls(current);
  if (current.q || FILTERS.some((f) => current[f])) run(current);
  else status.textContent = t.prompt;
  // Start fetching the index while the reader types.
  input.addEventListener('focus', () => index.load().catch(() => {}), { once: true });
}

setup();
