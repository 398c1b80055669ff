// @ts-check
// Tokenisation shared by the index (src/search/segment.ts imports this file) and the
// search page: one implementation, so index-time and query-time splitting cannot disagree.
//
// Chinese is indexed as overlapping character bigrams (數碼港 → 數碼 碼港 港), not as
// dictionary words. Measured on the 263 replies (see the search issue's note): any
// word segmenter — Pagefind's own, or Intl.Segmenter at build time — splits a term
// differently depending on its neighbours (善用 in 善用科技, 創新 in 科技創新), so a
// page containing the exact term can be missed; with bigrams every substring of the
// text is findable, and a phrase search over the query's bigrams is exactly
// "contains this term". Pagefind sees the bigrams as ordinary space-separated words
// (the index language is INDEX_LANGUAGE, which it neither segments nor stems).

import { isHanBigram, loadedTokens, pagesInSequence } from './sequence.js';

/**
 * The source prints a head's colon two ways (政府總部︰ U+FE30 and 政府總部： U+FF1A).
 * The one rule, used by the index (filter values) and the search page (filters
 * read from a URL): the second spelling, so a head is one filter entry.
 * @param {string} name
 * @returns {string}
 */
export function sameColon(name) {
  return name.replace(/\uFE30/g, '\uFF1A');
}

/** Language code of the index (Pagefind segments only zh/ja/th; this one it leaves alone). */
export const INDEX_LANGUAGE = 'yue';

const PUNCT_CLASS = '\\u3000-\\u303f\\uff00-\\uffef';
/** Whitespace between Han characters or CJK punctuation is a PDF artefact (justification 創 科 生 態, cells wrapped 無\n人機). */
const HAN_GAP = new RegExp(`([\\p{Script=Han}${PUNCT_CLASS}])\\s+(?=[\\p{Script=Han}${PUNCT_CLASS}])`, 'gu');
/** Letter-spaced digits (1 8 2 3, 2 0 2 2年) lose their spaces; digit groups (3 300) keep theirs. */
const SPACED_DIGITS = /(?<=(?:^|\D)\d) (?=\d(?!\d))/gu;
/**
 * A Han run, a number with its decimal point or thousands separators (45.7, 1,000:
 * one token, so a phrase search for 45.7億元 finds the text), a run of
 * letters/digits, or one other visible character (punctuation, symbols).
 */
const TOKEN = /\p{Script=Han}+|\d+(?:[.,]\d+)+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+|[^\s\p{L}\p{N}]/gu;
const IS_HAN = /^\p{Script=Han}+$/u;
const IS_WORD = /[\p{L}\p{N}]/u;

const CN_DIGITS = '〇零一二三四五六七八九';
const CN_YEAR = `二[〇零][${CN_DIGITS}]{2}`;
/**
 * A budget year as the text prints it: 2022-23, 2022/23, 2022–23, 2022至23, 2022-2023,
 * 二零二二至二三 (the two years must follow each other, so a range like 2019-2023 is
 * left alone). Index and query write it as one token, `2022y23`: letters and digits
 * only, so Pagefind keeps it one word, and a prefix of it is the first year (2022 still
 * finds 2022-23).
 */
const YEAR = new RegExp(`(?<!\\d)((?:19|20)\\d{2})\\s*[-–/至]\\s*((?:19|20)\\d{2}|\\d{2})(?!\\d)|(${CN_YEAR})至((?:${CN_YEAR})|[${CN_DIGITS}]{2})(?![${CN_DIGITS}])`, 'gu');
/** A number with digit groups, 1 300 or 1,300 (after closeGaps): one token without the separators, 1300. */
const GROUPED = /(?<![\d.,])\d{1,3}(?:[ ,]\d{3})+(?![\d]|[.,]\d)/gu;

/** The year token of a budget year's start and end (2022, "23" or "2023"), or null when they do not follow each other. */
function yearToken(start, end) {
  const next = (Number(start) + 1) % 100;
  return Number(end.slice(-2)) === next && (end.length === 2 || Number(end) === Number(start) + 1) ? `${start}y${end.slice(-2)}` : null;
}

/** Years and grouped numbers as whole tokens (see YEAR, GROUPED), set apart by spaces. */
export function wholeUnits(text) {
  return text
    .replace(YEAR, (m, a, b, ca, cb) => {
      const token = a ? yearToken(a, b) : yearToken(cnYear(ca), cnYear(cb));
      return token ? ` ${token} ` : m;
    })
    .replace(GROUPED, joinGroup);
}

const joinGroup = (m) => m.replace(/[ ,]/g, '');

/** Grouped numbers joined (1 300 → 1300), nothing else changed: before a query is split into words at its spaces. */
export function joinDigitGroups(text) {
  return String(text).replace(GROUPED, joinGroup);
}

/** 二零二二 → "2022"; a two-digit 二三 → "23". */
function cnYear(s) {
  return [...s].map((c) => (c === '〇' || c === '零' ? '0' : String(CN_DIGITS.indexOf(c) - 1))).join('');
}

/** How an index token reads in an excerpt: a year token as the text's usual form (2022y23 → 2022-23). */
export function tokenText(token) {
  return String(token).replace(/^(\d{4})y(\d{2})$/, '$1-$2');
}

export function closeGaps(text) {
  return String(text).normalize('NFC').replace(HAN_GAP, '$1').replace(SPACED_DIGITS, '');
}

/** Bigrams of a Han run, plus its last character when the run ends there (so single characters and run ends are findable). */
function grams(run, runEnds) {
  const chars = [...run];
  const out = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  if (runEnds || chars.length === 1) out.push(chars[chars.length - 1]);
  return out;
}

/**
 * The index tokens of a whole Han run (a text's run, which ends there): its bigrams and its last character.
 * @param {string} run
 * @returns {string[]}
 */
export function runTokens(run) {
  return grams(run, true);
}

/** Text → index tokens: Han runs as bigrams (+ final character), other words and punctuation as they are. */
export function indexTokens(text) {
  const out = [];
  for (const [tok] of wholeUnits(closeGaps(text)).matchAll(TOKEN)) {
    if (IS_HAN.test(tok)) out.push(...runTokens(tok));
    else out.push(tok);
  }
  return out;
}

/**
 * Query → tokens in the index's terms, punctuation dropped (Pagefind does not
 * index it). The last Han run gets no final character: the text may go on
 * after the typed term (數碼港 also matches 數碼港公司).
 */
export function queryTokens(query) {
  const toks = [...wholeUnits(closeGaps(query)).matchAll(TOKEN)].map((m) => m[0]).filter((t) => IS_WORD.test(t));
  const out = [];
  toks.forEach((tok, i) => {
    if (IS_HAN.test(tok)) out.push(...grams(tok, i < toks.length - 1));
    else out.push(tok);
  });
  return out;
}

/** The query as Pagefind should receive it (space-separated index tokens). */
export function segmentQuery(query) {
  return queryTokens(query).join(' ');
}

/**
 * Initialise Pagefind as the index language. Pagefind reads <html lang> once,
 * synchronously inside init(), to choose the index and to decide whether to
 * re-split the query with Intl.Segmenter (it does for zh), which would break
 * the bigrams. The attribute is restored in the same task, so assistive
 * technology never sees the change.
 */
/**
 * Pagefind's ranking (its defaults: termFrequency 1, pageLength 0.75, termSaturation 1.4).
 * The blocks are weighted at index time (src/search/record-html.ts); a lower pageLength
 * keeps a long reply that names the term in its question from sinking below a short one
 * that mentions it in passing. Measured on the 263 replies (scores of the first two for
 * 5G): defaults ITIB187 10.48, ITIB150 9.96; these 9.64, 9.12 — and 公務員 ranks
 * ITIB074 (公務員 in its question) third instead of fourth.
 */
export const RANKING = { termFrequency: 1.0, pageLength: 0.3, termSaturation: 1.2 };

export function initPagefind(pagefind) {
  // Before init, Pagefind keeps the options for the instance init creates. On the page's own thread (as the
  // offline mirror always has: offline-files.js), not in Pagefind's worker, whose script was 12,435 of the
  // 288,809 bytes gzipped a first search for 數碼港 loaded (a synthetic year of 5,500 bilingual replies, the
  // benchmark's counting proxy, 2026-12-04).
  pagefind.options?.({ ranking: RANKING, noWorker: true });
  const root = document.documentElement;
  const lang = root.getAttribute('lang');
  root.setAttribute('lang', INDEX_LANGUAGE);
  try {
    pagefind.init();
  } finally {
    if (lang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', lang);
  }
}

/**
 * A reply number typed into the box: ITIB259, itib 259, 259 → { bureau, n }.
 * bureau is null when only digits were typed.
 */
export function parseReplyNumber(query) {
  const m = /^\s*([A-Za-z]{2,6})?\s*0*(\d{1,4})\s*$/.exec(String(query));
  if (!m) return null;
  const n = Number(m[2]);
  if (!n) return null;
  return { bureau: m[1] ? m[1].toUpperCase() : null, n };
}

/**
 * Jump targets for a reply number, from the manifest's { year: { bureau: count } }
 * and the manifest's reply path for the page's language (made by the site's URL
 * module, src/site/lib/urls.ts: e.g. "/en/{year}/{replyno}/").
 * Returns [{ year, replyNo, path }] with path relative to the site root.
 * @param {string} query
 * @param {Record<string, Record<string, number>> | null | undefined} replies
 * @param {string} pathTemplate
 * @returns {{ year: string, replyNo: string, path: string }[]}
 */
export function replyJumps(query, replies, pathTemplate) {
  const parsed = parseReplyNumber(query);
  if (!parsed || !replies) return [];
  const out = [];
  for (const year of Object.keys(replies).sort().reverse()) {
    const bureaus = replies[year] || {};
    for (const bureau of Object.keys(bureaus).sort()) {
      if (parsed.bureau && parsed.bureau !== bureau) continue;
      if (parsed.n > (bureaus[bureau] ?? 0)) continue;
      const replyNo = bureau + String(parsed.n).padStart(3, '0');
      const path = pathTemplate.replace('{year}', year).replace('{replyno}', replyNo.toLowerCase()).replace(/^\//, '');
      out.push({ year, replyNo, path });
    }
  }
  return out;
}

/** Whether a result's indexed content has a word beginning with `word` (case aside). */
async function hasPrefix(result, word) {
  const d = await result.data();
  const w = word.toLowerCase();
  return String(d.content ?? '').toLowerCase().split(/\s+/).some((t) => t.startsWith(w));
}

/**
 * Search with exact matches first. A query of several tokens is searched on the
 * same loaded index chunks for the pages holding them in a run (exact: the page
 * contains 智方便) and as all-tokens (智方 AND 方便, which also finds a term typed
 * with a space, or across punctuation); the order inside each group is the
 * all-tokens ranking (BM25, with the title weighted as a heading). A run of Han
 * characters is found from its bigrams' positions, half of them loaded from four
 * characters on (searchInSequence); any other run as a phrase ("智方 方便"), which
 * Pagefind scores alike (1.0) for every hit. `stemmed`: the index stems words
 * (Pagefind's English), so a result need not contain the word as typed.
 * Returns { results, exact }.
 */
export async function rankedSearch(pagefind, query, options = {}, stemmed = false) {
  const words = segmentQuery(query);
  if (!words) return { results: (await pagefind.search(null, options)).results, exact: 0 };
  if (!words.includes(' ')) {
    // One Han bigram is searched as a phrase: unquoted, Pagefind falls back to the
    // longest prefix it knows when the bigram is not indexed, and 於主 (in no reply)
    // would list every reply containing 於. Quoted, it matches that token only.
    // A word of one or two letters or digits is matched as a whole word (never the c of
    // a list marker (c)); longer words and single Han characters keep prefix matching
    // (Innov → Innovation; 於 → 於是, 於2022) — but Pagefind, finding no word with that
    // prefix, retries with ever shorter ones down to one letter (Cyberport listed every
    // reply with a (c)): its results then do not contain the word, and are dropped.
    // An index with stemming (`stemmed`: the English edition's) matches a word by its
    // stem (enhancements → enhancement), so there the results are kept as Pagefind gives them.
    const whole = isHanBigram(words) || (!IS_HAN.test(words) && [...words].length < 3);
    if (whole) {
      // Quoted, every hit scores alike (1.0) and the order is the index's (5G listed ITIB150, a
      // table, before ITIB187, whose question is about 5G): the quoted search says which pages
      // match, the unquoted one (ranked, and a superset) in which order.
      const [exact, ranked] = await Promise.all([pagefind.search(`"${words}"`, options), pagefind.search(words, options)]);
      const ids = new Set(exact.results.map((x) => x.id));
      const ordered = ranked.results.filter((x) => ids.has(x.id));
      const seen = new Set(ordered.map((x) => x.id));
      const results = [...ordered, ...exact.results.filter((x) => !seen.has(x.id))];
      return { results, exact: results.length };
    }
    const r = await pagefind.search(words, options);
    if (!stemmed && r.results.length && !IS_HAN.test(words) && !(await hasPrefix(r.results[0], words))) return { results: [], exact: 0 };
    return { results: r.results, exact: r.results.length };
  }
  // A run of Han characters (the usual query) is found from its bigrams' positions, half of them
  // from four characters on; a word, a number or punctuation in it (5G網絡) makes it a phrase:
  // such a word searched on its own matches longer words it begins (2018 of 2018y19).
  const tokens = queryTokens(query);
  if (tokens.every(isHanBigram)) return searchInSequence(pagefind, tokens, loadedTokens(tokens), options);
  const [phrase, all] = await Promise.all([pagefind.search(`"${words}"`, options), pagefind.search(words, options)]);
  // A phrase result's hits are the term's first occurrence (Pagefind gives no other).
  const termAt = new Map(phrase.results.map((r) => [r.id, r.words ?? []]));
  return exactFirst(phrase.results, all.results, termAt);
}

/**
 * The results of a term: the exact ones (`termAt`: their pages, with the positions of the
 * term's words in each) in the all-tokens ranking, then any exact one it did not list, then
 * the rest. An exact result's hits are the term's words, not each bigram wherever it is, so
 * its excerpt and the paragraph its link opens at hold the term (page-context.js takes the
 * first hit in the prose: a stray 網絡 of 服務網絡 came before 網絡保安).
 * @param {any[]} exactResults results of the exact pages, for those the all-tokens search does not list
 * @param {any[]} allResults the all-tokens search's results, ranked
 * @param {Map<string, number[]>} termAt
 */
function exactFirst(exactResults, allResults, termAt) {
  const hitsAt = (/** @type {any} */ r) => {
    const locations = termAt.get(r.id) ?? [];
    return { ...r, words: locations, data: async () => ({ ...(await r.data()), locations }) };
  };
  const ranked = allResults.filter((r) => termAt.has(r.id));
  const seen = new Set(ranked.map((r) => r.id));
  const unranked = exactResults.filter((r) => termAt.has(r.id) && !seen.has(r.id));
  const rest = allResults.filter((r) => !termAt.has(r.id));
  return { results: [...ranked.map(hitsAt), ...unranked.map(hitsAt), ...rest], exact: termAt.size };
}

/**
 * rankedSearch for a run of Han characters, from its bigrams (half of them from four characters
 * on: sequence.js): the pages holding the loaded ones in sequence are exact, with every place
 * the term is; the order is the all-tokens ranking of the loaded bigrams, as above. A bigram's
 * positions in a page come from its search unquoted: quoted, Pagefind gives a one-word phrase's
 * first position only. Its pages are those of its quoted search: unquoted, an index without
 * the bigram answers with the pages of its first character (see rankedSearch).
 * @param {any} pagefind
 * @param {string[]} tokens the query's tokens
 * @param {number[]} loaded the indices of those to load
 * @param {object} options
 */
async function searchInSequence(pagefind, tokens, loaded, options) {
  const words = loaded.map((i) => tokens[i]);
  const each = (/** @type {(w: string) => string} */ how) => Promise.all(words.map((w) => pagefind.search(how(w ?? ''), options)));
  const [holding, positioned, all] = await Promise.all([each((w) => `"${w}"`), each((w) => w), pagefind.search(words.join(' '), options)]);
  /** @type {Map<string, number[]>[]} */
  const located = positioned.map((r, j) => {
    const pages = new Set(holding[j]?.results.map((/** @type {{ id: string }} */ x) => x.id));
    return new Map(r.results.filter((/** @type {{ id: string }} */ x) => pages.has(x.id)).map((/** @type {{ id: string, words?: number[] }} */ x) => [x.id, x.words ?? []]));
  });
  const starts = pagesInSequence(loaded, located);
  const termAt = new Map([...starts].map(([id, at]) => [id, at.flatMap((p) => tokens.map((_, k) => p + k))]));
  return exactFirst(positioned[0]?.results ?? [], all.results, termAt);
}
