// The search page (/search/, /en/search/): Pagefind behind an accessible form.
// Plain browser ES module, no framework, no inline script (CSP script-src 'self').
//
// - The page shell (Eleventy) provides <form data-search-form> with <input name="q">;
//   everything else is built here with DOM APIs — nothing from the index is ever
//   inserted as HTML (excerpts are built from the indexed text and set as text nodes).
// - State lives in the URL (?q=…&year=…&head=…&programme=…&member=…&sort=replyNo):
//   typing replaces the entry, submitting or changing a filter pushes one, the back
//   button restores it (popstate).
// - The index is one Pagefind bundle per budget year: /pagefind/ (newest year) plus
//   the shards listed in /pagefind/shards.json, merged with mergeIndex.
import { segmentQuery, replyJumps, rankedSearch, initPagefind } from './query.js';
import { stringsFor } from './strings.js';

const FILTERS = ['year', 'head', 'programme', 'member'];
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 180;

const siteRoot = new URL('../', import.meta.url);
const lang = document.documentElement.lang || 'zh-Hant-HK';
const isEnglish = lang.toLowerCase().startsWith('en');
const t = stringsFor(lang);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

const HAN2 = /^\p{Script=Han}{2}$/u;
const LATIN = /[A-Za-z0-9]/;

const EXCERPT_TOKENS = 70;

/**
 * The excerpt, built here from the result's indexed content (index tokens,
 * space-separated) and the positions of the matched tokens — Pagefind's own
 * excerpt centres on the best-weighted match, which is usually the title. The
 * window starts a little before the first match in the body (meta.bodyStart),
 * or at the start of the body. Returns [{ t, marked }].
 */
export function excerptTokens(content, locations, bodyStart) {
  const words = String(content).split(/\s+/).filter(Boolean);
  const start0 = Math.min(Number(bodyStart) || 0, words.length);
  const hits = new Set(locations);
  const first = [...hits].filter((l) => l >= start0).sort((a, b) => a - b)[0];
  const start = first === undefined ? start0 : Math.max(start0, first - 12);
  return words.slice(start, start + EXCERPT_TOKENS).map((t, i) => ({ t, marked: hits.has(start + i) }));
}

/**
 * Index tokens back into text, as DOM text nodes and <mark> elements (never
 * parsed as HTML): a chain of overlapping bigrams (數碼 碼港 港) shows as
 * 數碼港, a character marked when a marked bigram covers it; the spaces between
 * tokens go, except between two Latin words or numbers.
 */
export function excerptNodes(tokens) {
  const chars = []; // [char, marked, joinsPrevious]
  tokens.forEach((tok, i) => {
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const coveredByPrev = Boolean(prev && prev.marked && HAN2.test(prev.t) && [...prev.t][1] === [...tok.t][0]);
    const m = tok.marked || coveredByPrev;
    const overlapsNext = HAN2.test(tok.t) && next && [...next.t][0] === [...tok.t][1] && /^\p{Script=Han}/u.test(next.t);
    const shown = overlapsNext ? [...tok.t][0] : tok.t;
    const joinsPrev = !(prev && LATIN.test(prev.t.slice(-1)) && LATIN.test(tok.t[0]));
    [...shown].forEach((ch, k) => chars.push([ch, m, k > 0 || joinsPrev || i === 0]));
  });
  const nodes = [];
  let buf = '';
  let state = false;
  const flush = () => {
    if (buf) nodes.push(state ? el('mark', { text: buf }) : document.createTextNode(buf));
    buf = '';
  };
  for (const [ch, m, joins] of chars) {
    if (!joins) {
      if (state) flush();
      state = false;
      buf += ' ';
    }
    if (m !== state) {
      flush();
      state = m;
    }
    buf += ch;
  }
  flush();
  return nodes;
}

function readState() {
  const p = new URLSearchParams(location.search);
  const state = { q: p.get('q') ?? '', sort: p.get('sort') === 'replyNo' ? 'replyNo' : '' };
  for (const f of FILTERS) state[f] = p.get(f) ?? '';
  return state;
}

function stateUrl(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FILTERS) if (state[f]) p.set(f, state[f]);
  if (state.sort) p.set('sort', state.sort);
  const qs = p.toString();
  return location.pathname + (qs ? `?${qs}` : '');
}

function resultHref(rawUrl) {
  // Pagefind URLs are site-root paths (/2023-24/itib001/) under the bundle's base;
  // the English interface links to its own copy of each page under /en/.
  const path = new URL(rawUrl, location.href).pathname;
  const rel = path.startsWith(siteRoot.pathname) ? path.slice(siteRoot.pathname.length) : path.replace(/^\//, '');
  return new URL((isEnglish ? 'en/' : '') + rel, siteRoot).href;
}

function setup() {
  const form = document.querySelector('form[data-search-form]') ?? document.querySelector('main form');
  const input = form?.querySelector('input[name="q"]');
  if (!form || !input) return;

  // file:// never gets here (module scripts are blocked there); offline.js explains instead.
  const status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite', 'data-search-status': true });

  const controls = {};
  const fieldset = el('fieldset', { class: 'search-filters' }, el('legend', { text: t.filters }));
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
  const list = el('ol', { class: 'search-results', 'data-search-results': true, 'aria-label': t.resultsLabel });
  const more = el('button', { type: 'button', class: 'search-more', hidden: true, text: t.more });
  const region = el('section', { class: 'search-ui', 'aria-label': t.resultsLabel }, fieldset, status, jump, list, more);
  const host = document.getElementById('search-results');
  if (host) host.append(region);
  else form.after(region);

  let manifest = { shards: [], replies: {}, filters: {} };
  // The manifest is small: fetch it at once so the filters can be used before any typing.
  const manifestReady = fetch(new URL('pagefind/shards.json', siteRoot))
    .then((r) => (r.ok ? r.json() : manifest))
    .then((m) => {
      manifest = m;
      fillFilters();
      return m;
    });
  let loading = null;
  async function load() {
    loading ??= (async () => {
      const pf = await import(new URL('pagefind/pagefind.js', siteRoot).href);
      initPagefind(pf);
      await manifestReady;
      for (const s of manifest.shards ?? []) await pf.mergeIndex(new URL(s.path, siteRoot).href);
      return pf;
    })();
    return loading;
  }

  // Filter values come from the manifest (written by the build, already sorted), not from
  // pagefind.filters(), which would fetch every filter chunk of every shard up front.
  function fillFilters() {
    for (const f of FILTERS) {
      const select = controls[f];
      for (const v of manifest.filters?.[f] ?? []) select.append(el('option', { value: v, text: v }));
      select.value = current[f];
    }
  }

  let current = readState();
  let searchId = 0;
  let shown = 0;
  let results = [];
  let exact = 0;

  function applyStateToControls(state) {
    input.value = state.q;
    for (const f of FILTERS) if (controls[f].querySelector(`option[value="${CSS.escape(state[f])}"]`) || !state[f]) controls[f].value = state[f];
    sortSelect.value = state.sort;
  }

  function showJumps(q) {
    const jumps = replyJumps(q, manifest.replies);
    jump.replaceChildren();
    jump.hidden = jumps.length === 0;
    if (!jumps.length) return;
    jump.append(`${t.jump}: `);
    jumps.slice(0, 5).forEach((j, i) => {
      if (i) jump.append('、');
      jump.append(el('a', { href: new URL((isEnglish ? 'en/' : '') + j.path, siteRoot).href, text: `${j.replyNo}（${j.year}）` }));
    });
  }

  async function renderMore() {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const id = searchId;
    const data = await Promise.all(batch.map((r) => r.data()));
    if (id !== searchId) return;
    for (const d of data) {
      const m = d.meta ?? {};
      const link = el('a', { href: resultHref(d.url) });
      if (m.replyNo) link.append(el('span', { class: 'search-replyno', text: m.replyNo }), ' ');
      // Titles, names and heads are Chinese text; mark them for screen readers on the English page.
      const zh = isEnglish ? 'zh-Hant-HK' : null;
      link.append(el('span', { lang: zh, text: m.title ?? d.url }));
      const facts = el('p', { class: 'search-meta' });
      if (m.kind === 'background') facts.append(t.background);
      else {
        if (m.year) facts.append(m.year, ' · ');
        if (m.member) facts.append(`${t.memberLabel}: `, el('span', { lang: zh, text: m.member }), ' · ');
        if (m.head) facts.append(`${t.headLabel}: `, el('span', { lang: zh, text: m.head }));
      }
      const tokens = excerptTokens(d.content ?? '', d.locations ?? [], m.bodyStart);
      const excerpt = el('p', { class: 'search-excerpt', lang: 'zh-Hant-HK' }, ...excerptNodes(tokens));
      list.append(el('li', {}, el('h2', { class: 'search-title' }, link), facts, excerpt));
    }
    shown += batch.length;
    more.hidden = shown >= results.length;
    if (results.length > PAGE_SIZE) status.textContent = `${t.results(results.length, exact)} ${t.showing(shown, results.length)}`;
  }

  async function run(state) {
    const id = ++searchId;
    current = state;
    await manifestReady.catch(() => null);
    if (id !== searchId) return;
    showJumps(state.q);
    const filters = {};
    for (const f of FILTERS) if (state[f]) filters[f] = state[f];
    const q = segmentQuery(state.q);
    if (!q && !Object.keys(filters).length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = t.prompt;
      return;
    }
    status.textContent = t.searching;
    let pf;
    try {
      pf = await load();
    } catch (e) {
      status.textContent = t.failed;
      console.error(e);
      return;
    }
    if (id !== searchId) return;
    const options = { filters };
    if (state.sort === 'replyNo') options.sort = { replyNo: 'asc' };
    const r = await rankedSearch(pf, state.q, options);
    if (id !== searchId) return;
    results = r.results;
    exact = q ? r.exact : results.length;
    shown = 0;
    list.replaceChildren();
    status.textContent = results.length ? t.results(results.length, exact) : t.none;
    if (results.length) await renderMore();
    else more.hidden = true;
  }

  function stateFromControls() {
    const s = { q: input.value.trim(), sort: sortSelect.value };
    for (const f of FILTERS) s[f] = controls[f].value;
    return s;
  }

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const s = stateFromControls();
      history.replaceState(null, '', stateUrl(s));
      run(s);
    }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    const s = stateFromControls();
    if (stateUrl(s) !== location.pathname + location.search) history.pushState(null, '', stateUrl(s));
    run(s);
  });
  for (const select of [...Object.values(controls), sortSelect]) {
    select.addEventListener('change', () => {
      const s = stateFromControls();
      history.pushState(null, '', stateUrl(s));
      run(s);
    });
  }
  more.addEventListener('click', () => renderMore());
  window.addEventListener('popstate', () => {
    const s = readState();
    applyStateToControls(s);
    run(s);
  });

  applyStateToControls(current);
  if (current.q || FILTERS.some((f) => current[f])) run(current);
  else status.textContent = t.prompt;
  // Start fetching the index while the reader types.
  input.addEventListener('focus', () => load().catch(() => {}), { once: true });
}

setup();
