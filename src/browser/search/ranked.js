// @ts-check
// A parsed query (terms.js) run on the index: each form of each word is searched on its
// own (query.js rankedSearch: exact matches first), a word's pages are the union of its
// forms', and the query's full matches are the pages every word holds (issue 17:
// 「公務員 編制」 found nothing, as the words were searched as one term). Pages holding
// some of the words follow, each saying which words it lacks. One word of one form is
// exactly rankedSearch (its partial matches: pages with the word's characters apart).

import { rankedSearch } from './query.js';

/**
 * @typedef {{ id: string, score?: number, data: () => Promise<any> }} PagefindResult
 * @typedef {{ id: string, hits: PagefindResult[], lacking: string[] | null }} RankedItem
 *   hits: the page's result in each word's search (their locations are the words' hits);
 *   lacking: for a partial match, the words it lacks (null: it lacks the whole term of a one-word query)
 * @typedef {import('./terms.js').ParsedQuery} ParsedQuery
 */

/** Each result's score as a share of the best in its search, so words of different frequency weigh alike. */
function shares(results) {
  const best = Math.max(0, ...results.map((r) => r.score ?? 0));
  return results.map((r, i) => (best > 0 ? (r.score ?? 0) / best : 1 / (1 + i)));
}

/**
 * One word: the pages holding one of its forms whole, best first (the best share of any form).
 * @returns {Promise<{ full: Map<string, { hit: PagefindResult, share: number }>, partial: PagefindResult[], exactOnly: { results: PagefindResult[], exact: number } | null }>}
 */
async function wordPages(pf, word, options, stemmed) {
  const runs = await Promise.all(word.forms.map((f) => rankedSearch(pf, f, options, stemmed)));
  /** @type {Map<string, { hit: PagefindResult, share: number }>} */
  const full = new Map();
  const partial = [];
  for (const run of runs) {
    const s = shares(run.results.slice(0, run.exact));
    run.results.forEach((r, i) => {
      if (i >= run.exact) return void partial.push(r);
      const seen = full.get(r.id);
      if (!seen || seen.share < s[i]) full.set(r.id, { hit: r, share: s[i] });
    });
  }
  return { full, partial: partial.filter((r) => !full.has(r.id)), exactOnly: runs.length === 1 ? runs[0] : null };
}

/**
 * The query's results: full matches (every word) first, then partial ones.
 * `sorted`: the reader chose an order (reply number): Pagefind's order is kept.
 * @param {any} pf
 * @param {ParsedQuery} parsed
 * @param {object} options Pagefind search options (filters, sort)
 * @param {{ stemmed?: boolean, sorted?: boolean }} [how]
 * @returns {Promise<{ items: RankedItem[], exact: number }>}
 */
export async function searchQuery(pf, parsed, options, how = {}) {
  const { words } = parsed;
  if (!words.length) {
    const r = await pf.search(null, options);
    return { items: r.results.map((x) => ({ id: x.id, hits: [x], lacking: null })), exact: r.results.length };
  }
  const pages = await Promise.all(words.map((w) => wordPages(pf, w, options, how.stemmed)));
  if (words.length === 1) {
    const [only] = pages;
    // One word of one form: rankedSearch as it is, partial matches included.
    if (only.exactOnly) return { items: only.exactOnly.results.map((x) => ({ id: x.id, hits: [x], lacking: null })), exact: only.exactOnly.exact };
    const full = order([...only.full].map(([id, f]) => ({ id, hits: [f.hit], lacking: null, score: f.share })), how.sorted);
    return { items: [...full, ...only.partial.map((x) => ({ id: x.id, hits: [x], lacking: null }))], exact: full.length };
  }
  /** @type {Map<string, { id: string, hits: PagefindResult[], lacking: string[], score: number, first: number }>} */
  const byPage = new Map();
  pages.forEach((p, w) => {
    let rank = 0;
    for (const [id, { hit, share }] of p.full) {
      const item = byPage.get(id) ?? { id, hits: [], lacking: words.map((x) => x.typed), score: 0, first: Infinity };
      item.hits.push(hit);
      item.lacking = item.lacking.filter((t) => t !== words[w].typed);
      item.score += share;
      item.first = Math.min(item.first, w * 1e6 + rank++);
      byPage.set(id, item);
    }
  });
  const all = [...byPage.values()];
  const full = order(all.filter((i) => !i.lacking.length), how.sorted);
  // Partial: the more words held the better, then the score.
  const partial = order(all.filter((i) => i.lacking.length), how.sorted).sort((a, b) => a.lacking.length - b.lacking.length);
  return { items: [...full, ...partial].map(({ id, hits, lacking }) => ({ id, hits, lacking: lacking.length ? lacking : null })), exact: full.length };
}

/** Best score first, or (a chosen sort) in the order Pagefind gave the first word's pages. */
function order(items, sorted) {
  return sorted ? items.sort((a, b) => (a.first ?? 0) - (b.first ?? 0)) : items.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
}
