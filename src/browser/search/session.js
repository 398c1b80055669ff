// @ts-check
// One reader's searches on the page: the state searched, the results listed so far, and
// the search in flight (a newer search makes an older one's answers stale: `id`). All
// of it lives in one object passed to these functions, not in closure variables.
import { el } from './dom.js';
import { FILTERS } from './url-state.js';
import { segmentQuery, replyJumps } from './query.js';
import { needsConverting } from './convert.js';
import { suggestions } from './suggest.js';
import { unsearchedYears } from './shards.js';
import { parseQuery } from './terms.js';
import { searchQuery } from './ranked.js';
import { fill, resultsText, searchedNotes } from './status-text.js';
import { resultItem } from './result-item.js';
import { expandText } from './fragment-text.js';
import { offers } from './controls.js';

const PAGE_SIZE = 10;

/**
 * @typedef {{
 *   t: Record<string, string>, lang: string, isEnglish: boolean, edition: any,
 *   index: ReturnType<typeof import('./index-loader.js').openIndex>,
 *   ui: import('./controls.js').Controls & { input: HTMLInputElement },
 *   urlOf: (state: any) => string, pageUrl: (path: string) => string, href: (url: string) => string,
 * }} Page
 * @typedef {{ id: number, state: any, items: import('./ranked.js').RankedItem[], exact: number, shown: number, several: boolean, marks: string, notes: string }} Session
 */

/** @returns {Session} */
export function newSession(state) {
  return { id: 0, state, items: [], exact: 0, shown: 0, several: false, marks: '', notes: '' };
}

/** The state with every filter value that no option offers removed. */
function knownFilters(page, state) {
  const out = { ...state };
  for (const f of FILTERS) if (out[f] && !offers(page.ui, f, out[f])) out[f] = '';
  return out;
}

function showJumps(page, q) {
  const { jump } = page.ui;
  const { t, index, lang } = page;
  const jumps = replyJumps(q, index.manifest.replies, index.manifest.replyPath?.[lang] ?? '');
  jump.replaceChildren();
  jump.hidden = jumps.length === 0;
  if (!jumps.length) return;
  jump.append(`${t.jump}: `);
  jumps.slice(0, 5).forEach((j, i) => {
    if (i) jump.append(t.listSeparator ?? ', ');
    jump.append(el('a', { href: page.pageUrl(j.path), text: fill(t.jumpItem, j) }));
  });
}

/**
 * The data of one page's hits (one per word), each with its own hit locations. Pagefind keeps
 * one object per page and sets the locations of the search asking on it, so the hits are read
 * one after the other and each copied at once (read together, every word showed the last
 * word's hits: "registered users" marked only users).
 */
async function hitData(hits) {
  const out = [];
  for (const h of hits) {
    const d = await h.data();
    out.push({ ...d, content: d.han_runs ? expandText(d.content ?? '') : d.content, locations: [...(d.locations ?? [])] });
  }
  return out;
}

/** The next results of the session, appended to the list. */
export async function renderMore(page, s) {
  const { list, more, status } = page.ui;
  const batch = s.items.slice(s.shown, s.shown + PAGE_SIZE);
  const data = await Promise.all(batch.map((item) => hitData(item.hits)));
  // A newer search has started meanwhile: these results are stale.
  if (s !== page.session) return;
  data.forEach((datas, i) => {
    const k = s.shown + i;
    list.append(resultItem(datas, { partial: k >= s.exact, lacking: batch[i].lacking }, s.marks, page));
  });
  s.shown += batch.length;
  more.hidden = s.shown >= s.items.length;
  if (s.items.length > PAGE_SIZE) status.textContent = `${resultsText(page.t, s.items.length, s.exact, s.several)} ${fill(page.t.showing, { shown: s.shown, total: s.items.length })}${s.notes}`;
}

/**
 * No reply holds the whole query: the closest terms the archive holds, as links that
 * search them (partial results stay listed, labelled); a Latin word in no reply of the
 * Chinese edition (and no glossary name) says that its replies are written in Chinese.
 */
async function offerTerms(page, s, state, converted) {
  const { t, index, isEnglish, edition } = page;
  const { note } = page.ui;
  const vocabulary = await index.vocabulary().catch(() => []);
  if (s.id !== page.session.id) return;
  const terms = suggestions(converted, vocabulary);
  const link = (q) => el('a', { href: page.urlOf({ ...state, q }), lang: isEnglish && !/^[\x00-\x7f]+$/.test(q) ? 'zh-Hant-HK' : null, text: q });
  note.replaceChildren();
  if (edition.lang === 'zh-Hant-HK' && /^[\p{Script=Latin}\s'’-]+$/u.test(state.q) && !s.items.length) {
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

/** Runs a search for `state` and shows its results; a newer run makes this one's answers stale. */
export async function run(page, state) {
  const s = newSession(state);
  s.id = page.session.id + 1;
  page.session = s;
  const { t, index, edition } = page;
  const { list, more, status, note, allYearsButton } = page.ui;
  await index.ready.catch(() => null);
  if (s.id !== page.session.id) return;
  // A shared link may carry a filter value this index does not have (a typo, a year not
  // published here): drop it from the search and the URL, rather than filter by something no control shows.
  const known = knownFilters(page, state);
  if (page.urlOf(known) !== page.urlOf(state)) {
    history.replaceState(null, '', page.urlOf(known));
    state = s.state = known;
  }
  showJumps(page, state.q);
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
  if (s.id !== page.session.id) return;
  /** @type {{ filters: Record<string, string>, sort?: Record<string, string> }} */
  const options = { filters };
  if (state.sort === 'replyNo') options.sort = { replyNo: 'asc' };
  // Simplified input is searched in Hong Kong Traditional (the archive's script). Only a query
  // with a character no reply holds is converted, so as typed it can match no reply in full:
  // the converted form alone is searched (the typed one stays in the box and the URL).
  let converted = state.q;
  if (needsConverting(state.q, index.manifest.convertible)) {
    try {
      converted = (await index.converter())(state.q);
    } catch (e) {
      console.error(e);
    }
    if (s.id !== page.session.id) return;
  }
  // Several words, synonyms and English names (terms.js); the English edition's index is stemmed by Pagefind.
  const parsed = parseQuery(converted, index.manifest.terms, { bridge: edition.lang === 'zh-Hant-HK' });
  const r = await searchQuery(pf, q ? parsed : { words: [], synonyms: [], glossary: null }, options, { stemmed: edition.lang === 'en', sorted: Boolean(options.sort) });
  if (s.id !== page.session.id) return;
  s.items = r.items;
  s.exact = q ? r.exact : r.items.length;
  s.several = parsed.words.length > 1;
  s.marks = parsed.words.flatMap((w) => w.forms).join(' ');
  list.replaceChildren();
  // Results from the newest year only say so, in the announced status, with a button for the rest.
  const missing = unsearchedYears(state, index.manifest, index.merged);
  const sep = t.listSeparator ?? ', ';
  const searched = (index.manifest.shards ?? []).map((x) => x.name).filter((n) => index.merged.has(n));
  const partial = missing.length ? ` ${fill(t.partial, { year: searched.join(sep), years: missing.join(sep) })}` : '';
  s.notes = partial + searchedNotes(t, { converted: converted !== state.q ? converted : null, parsed });
  allYearsButton.hidden = !missing.length;
  status.textContent = (s.items.length ? resultsText(t, s.items.length, s.exact, s.several) : t.none) + s.notes;
  if (s.items.length) await renderMore(page, s);
  else more.hidden = true;
  if (q && !s.exact && parsed.words.length === 1) await offerTerms(page, s, state, converted);
}
