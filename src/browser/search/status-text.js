// @ts-check
// The status line, announced to screen readers (role=status): how many results, how many
// hold the whole query, and what was searched besides what was typed (converted script,
// synonyms, the Chinese name of an English one). Strings come from the page (the site's
// _data/i18n search.ui); pure functions, tested in Node.

/** Fills {name} placeholders of an interface string (the same syntax as the site's format()). */
export function fill(template, values) {
  return String(template ?? '').replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
}

/**
 * "n results" and, when some are partial, how many are full matches.
 * @param {Record<string, string>} t
 * @param {number} n
 * @param {number} exact
 * @param {boolean} [several] the query has several words (full = every word)
 */
export function resultsText(t, n, exact, several = false) {
  if (exact < n) return fill(several && t.resultsAll ? t.resultsAll : t.resultsExact, { n, exact });
  return n === 1 ? t.resultsOne : fill(t.results, { n });
}

/**
 * What was searched beyond the typed words, as sentences for the status.
 * @param {Record<string, string>} t
 * @param {{ converted?: string | null, parsed?: import('./terms.js').ParsedQuery | null }} searched
 */
export function searchedNotes(t, { converted = null, parsed = null }) {
  const sep = t.listSeparator ?? ', ';
  const notes = [];
  if (converted) notes.push(fill(t.converted, { q: converted }));
  if (parsed?.glossary) notes.push(fill(t.glossary, { en: parsed.glossary.en, zh: parsed.glossary.zh.join(sep) }));
  for (const forms of parsed?.synonyms ?? []) notes.push(fill(t.synonyms, { forms: forms.join(sep) }));
  return notes.map((n) => ` ${n}`).join('');
}

/**
 * The label of a partial match: the words it lacks (several words) or the whole term (one word).
 * @param {Record<string, string>} t
 * @param {string[] | null} lacking
 */
export function partialLabel(t, lacking) {
  if (!lacking?.length || !t.partialLacking) return t.partialMatch;
  return fill(t.partialLacking, { words: lacking.map((w) => `「${w}」`).join(t.listSeparator ?? ', ') });
}
