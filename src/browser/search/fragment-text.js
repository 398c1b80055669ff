// @ts-check
// A Chinese result's text as its fragment carries it: each Han run written once (數碼港),
// not as the index's words (數碼 碼港 港, query.js indexTokens), which repeat every character
// but a run's first. The build compacts the fragments of the Chinese bundles
// (src/search/fragment-text.ts; compactText writes only what expandText gives back exactly)
// and marks them `han_runs`; the page expands a fragment's text before reading it by the
// positions Pagefind gives (session.js). Issue 16: a first search loads ten fragments;
// compacted, the 100 first fragments of a synthetic year's part were 1,900 bytes gzipped on
// average against 2,575 (throwaway script over the benchmark's record, 2026-12-06).
//
// Pagefind's own excerpt, which this site does not show, is taken from the compacted text.

import { runTokens } from './query.js';
import { isHanBigram } from './sequence.js';

/** A word of a run, as the index's words end one: Han characters, then what Pagefind may add to a heading's last word (算.). */
const RUN_WORD = /^(\p{Script=Han}+)(\P{Script=Han}*)$/u;

/**
 * The index's words of a text written in runs (compactText): each Han run as its bigrams and
 * its last character (with what followed the run in its word); every other word as it is.
 * @param {string} text
 * @returns {string}
 */
export function expandText(text) {
  return String(text)
    .split(' ')
    .flatMap((w) => {
      // Below U+2E80 no character is Han: most words are passed on without the regular expression.
      const m = w.charCodeAt(0) < 0x2e80 ? null : RUN_WORD.exec(w);
      if (!m) return [w];
      const words = runTokens(m[1] ?? '');
      words[words.length - 1] += m[2] ?? '';
      return words;
    })
    .join(' ');
}

/**
 * The index's words (space-separated) with each Han run written once: bigrams that each begin
 * with the character the one before ends with, then the run's last character as a word of its
 * own (Pagefind puts a full stop after a heading's: 算.), become the run (人手 手. → 人手.). Any
 * other word is kept as it is. Null when expandText would not give the words back: a run of
 * bigrams that does not end with its last character, or a Han word of several characters that
 * is no bigram (智方便, as an English index holds it).
 * @param {string} words
 * @returns {string | null}
 */
export function compactText(words) {
  const tokens = String(words).split(' ');
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    // Two characters are two to four UTF-16 units: a longer or shorter word is not a bigram.
    if (t.length < 2 || t.length > 4 || !isHanBigram(t)) {
      // Kept as it is, it must expand to itself: a Han word of one character (港, 港.), or no Han word.
      const m = t.charCodeAt(0) < 0x2e80 ? null : RUN_WORD.exec(t);
      if (m && (m[1] ?? '').length !== lastChar(m[1] ?? '').length) return null;
      out.push(t);
      continue;
    }
    let run = t;
    let last = lastChar(t);
    // The next bigram of the run begins with its last character (code points: a Han character may be two UTF-16 units).
    for (let next = tokens[i + 1] ?? ''; next.length >= 2 && next.length <= 4 && next.startsWith(last) && isHanBigram(next); next = tokens[i + 1] ?? '') {
      last = next.slice(last.length);
      run += last;
      i++;
    }
    const end = RUN_WORD.exec(tokens[i + 1] ?? '');
    if (!end || end[1] !== last) return null;
    i++;
    out.push(run + (end[2] ?? ''));
  }
  return out.join(' ');
}

/** The last character (code point) of a word. */
function lastChar(/** @type {string} */ word) {
  const code = word.codePointAt(word.length - 1) ?? 0;
  return word.slice(code >= 0xdc00 && code <= 0xdfff ? -2 : -1);
}
