// @ts-check
// What a query asks for (issue 17), before any index is read: its words (several words
// mean all of them), quoted phrases, and each word's forms — the word as typed, its
// reviewed synonyms (content/search/synonyms.json) and, for an English name typed into
// the Chinese edition, the Chinese names of the glossary (content/search/glossary.json).
// Pure functions, tested in Node. Years and numbers are whole tokens already in query.js.
import { closeGaps, joinDigitGroups } from './query.js';

/**
 * @typedef {{ typed: string, forms: string[], phrase: boolean }} QueryWord
 * @typedef {{ synonyms: string[][], glossary: { en: string[], zh: string[] }[] }} Terms
 * @typedef {{ words: QueryWord[], synonyms: string[][], glossary: { en: string, zh: string[] } | null }} ParsedQuery
 */

const QUOTED = /"([^"]+)"|「([^」]+)」|“([^”]+)”/gu;
const ONE_HAN = /^\p{Script=Han}$/u;
const LATIN = /^[\p{Script=Latin}\p{N}\s'’&.,-]+$/u;

/** An English name as compared with the glossary: case, spacing and punctuation aside. */
export function nameKey(s) {
  return String(s).toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The query's words: a quoted stretch is one word (a phrase), the rest is split at
 * spaces — except spaces between single Han characters, the extraction's
 * letter-spacing (創 科 生 態 is one word, 創科生態).
 * @param {string} query
 * @returns {{ text: string, phrase: boolean }[]}
 */
export function splitWords(query) {
  const out = [];
  let rest = String(query);
  for (const m of String(query).matchAll(QUOTED)) {
    const text = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (text) out.push({ text, phrase: true });
    rest = rest.replace(m[0], ' ');
  }
  // A number's digit groups (1 300) are not words of their own.
  const parts = joinDigitGroups(rest.normalize('NFC')).split(/\s+/u).filter(Boolean);
  /** @type {string[]} */
  const joined = [];
  for (let i = 0; i < parts.length; ) {
    let j = i;
    while (j < parts.length && ONE_HAN.test(parts[j])) j++;
    // Two or more single Han characters in a row are one letter-spaced word.
    if (j - i >= 2) {
      joined.push(parts.slice(i, j).join(''));
      i = j;
    } else joined.push(parts[i++]);
  }
  return [...joined.map((text) => ({ text: closeGaps(text), phrase: false })), ...out];
}

/**
 * The parsed query: each word with its forms. `bridge`: the Chinese edition is searched
 * from a query in Latin letters (an English name is looked up in the glossary).
 * @param {string} query
 * @param {Terms | null | undefined} terms
 * @param {{ bridge?: boolean }} [opts]
 * @returns {ParsedQuery}
 */
export function parseQuery(query, terms, opts = {}) {
  const synonyms = terms?.synonyms ?? [];
  const glossary = terms?.glossary ?? [];
  const q = String(query).trim();
  // An English name, the whole query: searched as its Chinese names (any one of them is a full match).
  if (opts.bridge && LATIN.test(q)) {
    const key = nameKey(q);
    const entry = glossary.find((g) => g.en.some((e) => nameKey(e) === key));
    if (entry) return { words: [{ typed: q, forms: [...entry.zh], phrase: false }], synonyms: [], glossary: { en: q, zh: [...entry.zh] } };
  }
  const used = [];
  const words = splitWords(q).map(({ text, phrase }) => {
    const entry = synonyms.find((forms) => forms.includes(text));
    const forms = entry ? [text, ...entry.filter((f) => f !== text)] : [text];
    if (entry) used.push(forms);
    return { typed: text, forms, phrase };
  });
  return { words, synonyms: used, glossary: null };
}
