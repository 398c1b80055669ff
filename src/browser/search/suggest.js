// @ts-check
// "Did you mean": when no reply contains the typed term, the closest terms the archive
// holds, taken from the names the build collected (titles, members, heads, programmes,
// quoted terms: src/search/lexicon.ts → pagefind/vocabulary.json). A term is any stretch
// of a name of about the query's length, so 數碼巷 finds 數碼港 inside 「…為數碼港預留…」.
// Pure functions, tested in Node.

/** Edit distance (insert, delete, substitute one character), on code points. */
export function editDistance(a, b) {
  const x = [...a];
  const y = [...b];
  let prev = y.map((_, j) => j + 1);
  prev.unshift(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

const HAN = /^\p{Script=Han}+$/u;
const WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Up to `max` terms of the vocabulary closest to `query` (one edit for a term of up
 * to four characters, two for longer ones), closest first, then whole entries of the
 * vocabulary before stretches inside a longer one, and among whole entries the names
 * (`named`: quoted terms, members, heads) before the frequent words (科技卷: 「科技券」,
 * quoted, before 科技基 and 科技產), then those of the query's length (a typo usually
 * replaces a character), then the most frequent.
 * Only stretches of the query's kind (all Han, or all letters and digits) are offered,
 * never the query itself.
 * @param {string} query
 * @param {[string, number, number?][]} vocabulary [term, count, named (1: a name the text sets apart)]
 * @param {number} [max]
 * @returns {string[]}
 */
export function suggestions(query, vocabulary, max = 3) {
  const q = [...String(query).replace(/\s+/gu, '')];
  if (q.length < 2) return [];
  const qs = q.join('');
  const kind = HAN.test(qs) ? HAN : WORD.test(qs) ? WORD : null;
  if (!kind) return [];
  const limit = q.length <= 4 ? 1 : 2;
  const lower = qs.toLowerCase();
  /** @type {Map<string, { d: number, n: number, len: number, whole: number }>} */
  const found = new Map();
  for (const [name, n, named] of vocabulary) {
    const chars = [...name];
    for (let len = q.length - 1; len <= q.length + 1; len++) {
      if (len < 2) continue;
      for (let i = 0; i + len <= chars.length; i++) {
        const term = chars.slice(i, i + len).join('');
        if (!kind.test(term) || term.toLowerCase() === lower) continue;
        const d = editDistance(lower, term.toLowerCase());
        if (d > limit) continue;
        const whole = term === name ? (named ? 2 : 1) : 0;
        const seen = found.get(term);
        if (!seen) found.set(term, { d, n, len: Math.abs(len - q.length), whole });
        else {
          seen.n += n;
          seen.whole = Math.max(seen.whole, whole);
        }
      }
    }
  }
  return [...found]
    .sort((a, b) => a[1].d - b[1].d || b[1].whole - a[1].whole || a[1].len - b[1].len || b[1].n - a[1].n || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([term]) => term);
}
