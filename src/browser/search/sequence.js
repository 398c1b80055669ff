// @ts-check
// A run of Han characters found from its bigrams' positions, and from four characters on
// from half of them (issue 16: a first search's bytes are mostly the index chunks of the
// query's bigrams, one chunk per bigram in each of a year's index parts).
//
// The index holds every overlapping bigram of a Han run, one position each, and the run's
// last character after it (query.js indexTokens: 網絡保安 → 網絡 絡保 保安 安). A term is in a
// text when its bigrams sit at consecutive positions. Every other bigram is enough to say
// so: if 網絡 is at position p and 保安 at p + 2, then p + 1 holds the bigram between them,
// 絡保 (網絡 is followed in its run by 絡 and one more character, or it ends the run, and
// then p + 1 holds the final 絡 and p + 2 the next token, which is not a Han bigram: two Han
// runs of a text always have a token between them). So a search loads 網絡 and 保安, not
// 絡保; for 再工業化 the chunks of 工業, a common bigram, are never fetched.
//
// The one place this reads a sequence the old phrase search would not: two blocks of a
// record (the heading and the question, say) are tokenised apart and meet without a token
// between them, so a heading ending in 網絡 and a question beginning with 保安 read as 網絡保安.
// test/search/sequence.test.ts counts how often that happens on the 263 replies.

/** Exactly one Han bigram: every pair of adjacent characters of the text is one index token. */
const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

/** @param {string} token */
export function isHanBigram(token) {
  return HAN_BIGRAM.test(token);
}

/**
 * The query tokens (query.js queryTokens) a search must load, as their indices: every token
 * but the bigrams between two loaded ones of the same run. A run of bigrams keeps its first,
 * every second one after it, and its last (網絡 絡保 保安 → 網絡 保安; 創新 新科 科技 技署 →
 * 創新 科技 技署). Any other token is kept.
 * @param {string[]} tokens
 * @returns {number[]}
 */
export function loadedTokens(tokens) {
  // Bigrams of one run overlap: each begins with the character the one before ends with.
  const continues = (/** @type {string} */ a, /** @type {string} */ b) => isHanBigram(a) && isHanBigram(b) && [...a][1] === [...b][0];
  const out = [];
  for (let i = 0; i < tokens.length; ) {
    let end = i;
    while (end + 1 < tokens.length && continues(tokens[end] ?? '', tokens[end + 1] ?? '')) end++;
    for (let k = i; k <= end; k += 2) out.push(k);
    if ((end - i) % 2 === 1) out.push(end);
    i = end + 1;
  }
  return out;
}

/**
 * The pages holding the tokens in sequence, each with the positions where the sequence begins:
 * p, where each loaded token (index `offsets[j]` in the query) is at p + offsets[j] − offsets[0].
 * @param {number[]} offsets the loaded tokens' indices in the query, ascending (loadedTokens)
 * @param {Map<string, Iterable<number>>[]} located for each loaded token, its pages (by id) and its positions in each
 * @returns {Map<string, number[]>}
 */
export function pagesInSequence(offsets, located) {
  /** @type {Map<string, number[]>} */
  const out = new Map();
  const [first, ...rest] = located;
  if (!first) return out;
  const base = offsets[0] ?? 0;
  for (const [id, positions] of first) {
    const others = rest.map((pages) => pages.get(id));
    if (others.some((x) => !x)) continue;
    const sets = others.map((x) => new Set(x));
    const starts = [...positions].filter((p) => sets.every((s, j) => s.has(p + (offsets[j + 1] ?? 0) - base))).map((p) => p - base);
    if (starts.length) out.set(id, starts.sort((a, b) => a - b));
  }
  return out;
}
