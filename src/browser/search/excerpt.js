// @ts-check
// Excerpts for the search page, built from a result's indexed content (index tokens,
// space-separated; Chinese as overlapping bigrams, see query.js) and the positions
// Pagefind reports as matched. Pure functions (no DOM), so they are tested in Node;
// search.js turns the segments into text nodes and <mark> elements.
import { closeGaps, queryTokens, tokenText } from './query.js';

const HAN2 = /^\p{Script=Han}{2}$/u;
const HAN_START = /^\p{Script=Han}/u;
const LATIN = /[A-Za-z0-9]/;
const EXCERPT_TOKENS = 70;

/** Tokens that end a sentence: an excerpt opens after one. */
const SENTENCE_END = /^[。；！？!?;]$/u;
/** How far back (tokens) an excerpt looks for the start of the hit's sentence. */
const SENTENCE_BACK = 30;

/**
 * The window of tokens to show: it opens at the start of the sentence holding the hit
 * `at` (or a little before it), never before `floor`; without `at`, at the first match
 * in the body (bodyStart = index of the first body token), or at the start of the body —
 * Pagefind's own excerpt centres on the best-weighted match, usually the title.
 * `floor`: where the hit's paragraph begins, when known (page-context.js). Returns [{ t, marked }].
 */
export function excerptTokens(content, locations, bodyStart, at = null, floor = null) {
  const words = String(content).split(/\s+/).filter(Boolean);
  const start0 = Math.min(Number(bodyStart) || 0, words.length);
  const hits = new Set(locations);
  const first = at ?? [...hits].filter((l) => l >= start0).sort((a, b) => a - b)[0];
  let start = start0;
  if (first !== undefined && first !== null) {
    const low = Math.max(start0, floor ?? 0, first - SENTENCE_BACK);
    start = Math.max(low, first - 12);
    for (let i = first - 1; i >= low; i--) {
      if (SENTENCE_END.test(words[i] ?? '')) {
        start = i + 1;
        break;
      }
      if (i === low) start = low;
    }
  }
  return words.slice(start, start + EXCERPT_TOKENS).map((t, i) => ({ t, marked: hits.has(start + i) }));
}

/** What the reader typed, as the strings a highlight may cover: each Han run and word, and each index token. */
function queryTerms(query) {
  const typed = closeGaps(query).split(/[^\p{L}\p{N}]+/u);
  return [...new Set([...typed, ...queryTokens(query).map(tokenText)].filter(Boolean).map((t) => [...t.toLowerCase()]))];
}

/**
 * Narrow a marked stretch of text to the characters a query term covers. Pagefind
 * marks whole index tokens, and the last character of a query matches a bigram as a
 * prefix: 2018年 marks the token 年時, so without this the highlight ran one
 * character past the term. Returns one flag per character.
 */
function narrow(chars, terms) {
  const lower = chars.map((c) => c.toLowerCase());
  const out = chars.map(() => false);
  for (const term of terms) {
    for (let i = 0; i + term.length <= lower.length; i++) {
      if (term.every((c, k) => lower[i + k] === c)) for (let k = 0; k < term.length; k++) out[i + k] = true;
    }
  }
  // A stretch no term covers (should not happen) keeps Pagefind's marking.
  return out.some(Boolean) ? out : chars.map(() => true);
}

/**
 * Index tokens back into text segments [{ text, marked }]: a chain of overlapping
 * bigrams (數碼 碼港 港) reads 數碼港; a character is marked when a marked token
 * covers it and a term of `query` covers it; the spaces between tokens go, except
 * between two Latin words or numbers. `spaced`: the text is in a language written
 * with spaces (an English edition, indexed as its own words): every space stays.
 */
export function excerptSegments(tokens, query = '', spaced = false) {
  const chars = []; // { ch, m, joins }
  tokens.forEach((tok, i) => {
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const coveredByPrev = Boolean(prev && prev.marked && HAN2.test(prev.t) && [...prev.t][1] === [...tok.t][0]);
    const m = tok.marked || coveredByPrev;
    const overlapsNext = HAN2.test(tok.t) && next && [...next.t][0] === [...tok.t][1] && HAN_START.test(next.t);
    const shown = overlapsNext ? [...tok.t][0] : tokenText(tok.t);
    const joinsPrev = !spaced && !(prev && LATIN.test(prev.t.slice(-1)) && LATIN.test(tok.t[0]));
    [...shown].forEach((ch, k) => chars.push({ ch, m, joins: k > 0 || joinsPrev || i === 0 }));
  });
  const terms = queryTerms(query);
  if (terms.length) {
    // Each stretch of marked characters (spaces between Latin words excluded) is narrowed on its own.
    for (let i = 0; i < chars.length; ) {
      if (!chars[i].m) { i++; continue; }
      let j = i + 1;
      while (j < chars.length && chars[j].m && chars[j].joins) j++;
      narrow(chars.slice(i, j).map((c) => c.ch), terms).forEach((m, k) => (chars[i + k].m = m));
      i = j;
    }
  }
  const segments = [];
  let buf = '';
  let state = false;
  const flush = () => {
    if (buf) segments.push({ text: buf, marked: state });
    buf = '';
  };
  for (const { ch, m, joins } of chars) {
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
  return segments;
}
