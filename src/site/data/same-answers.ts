/**
 * Replies whose answers are near-identical: the bureau often gives several
 * members the same answer (ITIB103, 121, 122, 133, 140, 148 on the
 * microelectronics institute). Computed at build time within a year, from the
 * answer's text (the `## 答覆` section and what follows it, whitespace and
 * Markdown escapes removed), as the Jaccard similarity of the sets of
 * 5-character shingles (UTF-16 units); two answers are "the same" at SAME_ANSWER_THRESHOLD or
 * more, and a group is every answer linked to another by that relation.
 *
 * Candidate pairs come from prefix filtering (a set similarity join): with
 * shingles ordered rarest first, two sets with Jaccard ≥ t must share one of
 * the first |A| − ⌈t·|A|⌉ + 1 shingles of each, so the work grows with the
 * replies that share rare passages, not with the square of a year's replies.
 */

/** Jaccard similarity of the 5-character shingle sets at or above which two answers are the same. */
export const SAME_ANSWER_THRESHOLD = 0.8;
/** Shingle length, in characters (code points). */
export const SHINGLE = 5;

export interface AnswerText {
  id: string;
  year: string;
  /** The answer as Markdown (the whole body is fine: the part before `## 答覆` / `## Reply` is dropped). */
  markdown: string;
}

/** The answer's characters: from the reply heading on, whitespace, table pipes and Markdown escapes removed. */
export function answerInk(markdown: string): string {
  const at = markdown.search(/^## (?:答覆|Reply)\s*$/mu);
  const answer = at < 0 ? markdown : markdown.slice(at).replace(/^## .*$/mu, '');
  return answer.replace(/\\(.)/gu, '$1').replace(/[\s|]+/gu, '');
}

/** Shingles of k UTF-16 units (a Chinese character is one; the rare character outside the BMP counts twice, which only shifts where its shingles start). */
export function shingles(text: string, k = SHINGLE): Set<string> {
  const out = new Set<string>();
  if (text.length === 0) return out;
  if (text.length <= k) return out.add(text);
  for (let i = 0; i + k <= text.length; i++) out.add(text.slice(i, i + k));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const s of small) if (large.has(s)) both++;
  return both / (a.size + b.size - both);
}

/** Groups (each of two or more ids, in input order) of near-identical answers, per year. */
export function sameAnswerGroups(items: readonly AnswerText[], threshold = SAME_ANSWER_THRESHOLD): string[][] {
  const byYear = new Map<string, AnswerText[]>();
  for (const item of items) {
    const list = byYear.get(item.year);
    if (list) list.push(item);
    else byYear.set(item.year, [item]);
  }
  const groups: string[][] = [];
  for (const year of [...byYear.keys()].sort()) groups.push(...groupsOfYear(byYear.get(year)!, threshold));
  return groups;
}

function groupsOfYear(items: readonly AnswerText[], threshold: number): string[][] {
  // Word-for-word identical answers are the same answer: the join runs over the distinct texts, and each reply
  // joins its text's group. (A year repeats answers verbatim; the benchmark's synthetic years, recombined from
  // 263 real replies, repeat each about twenty times, which made the join most of a 5,500-reply year's loading.)
  // An empty answer is no answer: it is never the same as another.
  const distinct = new Map<string, number>();
  const texts: string[] = [];
  const textOf = items.map((item) => {
    const ink = answerInk(item.markdown);
    let d = ink === '' ? undefined : distinct.get(ink);
    if (d === undefined) {
      d = texts.push(ink) - 1;
      if (ink !== '') distinct.set(ink, d);
    }
    return d;
  });
  const sets = texts.map((t) => shingles(t));
  const frequency = new Map<string, number>();
  for (const s of sets) for (const g of s) frequency.set(g, (frequency.get(g) ?? 0) + 1);
  // Rarest first (ties by the shingle itself, so the order is the same on every build).
  const order = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const index = new Map<string, number[]>();
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  sets.forEach((set, i) => {
    if (set.size === 0) return;
    const sorted = [...set].sort(order);
    const prefix = sorted.slice(0, sorted.length - Math.ceil(threshold * sorted.length) + 1);
    const seen = new Set<number>();
    for (const g of prefix) {
      for (const j of index.get(g) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        const other = sets[j]!;
        // Jaccard ≥ t needs the smaller set to be at least t of the larger.
        if (Math.min(set.size, other.size) < threshold * Math.max(set.size, other.size)) continue;
        if (jaccard(set, other) >= threshold) parent[find(i)] = find(j);
      }
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  const members = new Map<number, string[]>();
  items.forEach((item, i) => {
    const root = find(textOf[i]!);
    const list = members.get(root);
    if (list) list.push(item.id);
    else members.set(root, [item.id]);
  });
  return [...members.values()].filter((g) => g.length > 1);
}

/** Each id in a group → the other ids of its group, in input order. */
export function sameAnswerIndex(items: readonly AnswerText[], threshold = SAME_ANSWER_THRESHOLD): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const group of sameAnswerGroups(items, threshold)) for (const id of group) out.set(id, group.filter((other) => other !== id));
  return out;
}
