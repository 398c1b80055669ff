// Query handling shared by the search page and the tests (plain browser ES module).
//
// The index holds Chinese text split into words by Intl.Segmenter('zh-Hant-HK')
// at build time (src/search/segment.ts). The query is split here by the same
// segmenter before it reaches Pagefind, on every page language: Pagefind only
// splits queries itself when the page's <html lang> is zh/ja/th, so without
// this the English search page would look for 智方便 as one word and miss.

export const SEARCH_LOCALE = 'zh-Hant-HK';

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(SEARCH_LOCALE, { granularity: 'word' })
    : null;

/** Collapse the whitespace inside Chinese (people paste 創 科 from PDFs) and split into index words (letters and digits only). */
export function segmentQuery(query) {
  const text = String(query)
    .normalize('NFC')
    .replace(/([\p{Script=Han}\u3000-\u303f\uff00-\uffef])\s+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '$1')
    .trim();
  if (!segmenter) return text;
  const words = [];
  for (const { segment } of segmenter.segment(text)) {
    // Symbols and punctuation (「 + 、) are not words in the index: Pagefind drops them when indexing,
    // and a query word that can never match would empty an all-words search.
    if (/[\p{L}\p{N}]/u.test(segment)) words.push(segment.trim());
  }
  return words.join(' ');
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
 * Jump targets for a reply number, from the manifest's { year: { bureau: count } }.
 * Returns [{ year, replyNo, path }] with path relative to the site root.
 */
export function replyJumps(query, replies) {
  const parsed = parseReplyNumber(query);
  if (!parsed || !replies) return [];
  const out = [];
  for (const year of Object.keys(replies).sort().reverse()) {
    const bureaus = replies[year] || {};
    for (const bureau of Object.keys(bureaus).sort()) {
      if (parsed.bureau && parsed.bureau !== bureau) continue;
      if (parsed.n > bureaus[bureau]) continue;
      const replyNo = bureau + String(parsed.n).padStart(3, '0');
      out.push({ year, replyNo, path: `${year}/${replyNo.toLowerCase()}/` });
    }
  }
  return out;
}

/**
 * Search with exact matches first. A multi-word query is run twice on the same
 * loaded index chunks: as a phrase ("智 方便": the words adjacent, i.e. the
 * exact term) and as all-words (智 AND 方便, which also finds a page whose text
 * was split differently around the term, so no exact match is lost). Pagefind
 * scores every phrase hit alike (1.0), so the phrase search only decides which
 * pages are exact; the order inside each group is the all-words ranking.
 * Returns { results, exact }.
 */
export async function rankedSearch(pagefind, query, options = {}) {
  const words = segmentQuery(query);
  if (!words) return { results: (await pagefind.search(null, options)).results, exact: 0 };
  if (!words.includes(' ')) {
    const r = await pagefind.search(words, options);
    return { results: r.results, exact: r.results.length };
  }
  const [phrase, all] = await Promise.all([pagefind.search(`"${words}"`, options), pagefind.search(words, options)]);
  const isExact = new Set(phrase.results.map((r) => r.id));
  const ranked = all.results.filter((r) => isExact.has(r.id));
  const seen = new Set(ranked.map((r) => r.id));
  const onlyPhrase = phrase.results.filter((r) => !seen.has(r.id));
  const rest = all.results.filter((r) => !isExact.has(r.id));
  return { results: [...ranked, ...onlyPhrase, ...rest], exact: isExact.size };
}
