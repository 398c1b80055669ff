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
  // joins its text's group. An empty answer is no answer: it is never the same as another.
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
  const sets = rankedShingleSets(texts);
  // AllPairs (Bayardo et al., 2007): texts taken smallest first, each probes the index with its first
  // |x| − ⌈t·|x|⌉ + 1 shingles, and is indexed by its first |x| − ⌈2t/(1+t)·|x|⌉ + 1 only (every text
  // already indexed is no larger, so a pair at Jaccard ≥ t shares one of those). The bounds are rounded
  // down a hair, so a rounding error can only lengthen a prefix, never lose a pair.
  const prefix = (size: number, t: number) => size - Math.ceil(t * size - 1e-9) + 1;
  const order = [...sets.keys()].filter((i) => sets[i]!.length > 0).sort((x, y) => sets[x]!.length - sets[y]!.length || x - y);
  const index = new Map<number, number[]>();
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // The text that last looked at each other text (a stamp, not a set per text).
  const seenBy = new Int32Array(texts.length).fill(-1);
  for (const i of order) {
    const set = sets[i]!;
    const probe = prefix(set.length, threshold);
    const indexed = prefix(set.length, (2 * threshold) / (1 + threshold));
    for (let p = 0; p < probe; p++) {
      const g = set[p]!;
      const list = index.get(g);
      for (const j of list ?? []) {
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        const other = sets[j]!;
        // Jaccard ≥ t needs the smaller set to be at least t of the larger.
        if (other.length < threshold * set.length) continue;
        if (sortedJaccard(set, other, threshold) >= threshold) parent[find(i)] = find(j);
      }
      if (p >= indexed) continue;
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  }
  const members = new Map<number, string[]>();
  items.forEach((item, i) => {
    const root = find(textOf[i]!);
    const list = members.get(root);
    if (list) list.push(item.id);
    else members.set(root, [item.id]);
  });
  return [...members.values()].filter((g) => g.length > 1);
}

/**
 * Each text's shingle set as the ascending ranks of its shingles, rarest
 * first: a shingle's rank orders it by how many texts have it, then by where
 * it first appears (any one total order makes the prefix filter exact; this
 * one is the same on every build). Ranks make the prefix a slice and the
 * Jaccard a merge of two sorted arrays: sorting each set by a comparator that
 * looked its shingles' counts up in a map was most of a 5,500-reply year's
 * join (8.5 of 40 CPU s of the unit process after an edit, --cpu-prof, 2026-12-03).
 */
function rankedShingleSets(texts: readonly string[]): Int32Array[] {
  const ids = new ShingleIds();
  // Each text's distinct shingle ids (`lastText` stamps the id with the last text that had it) and each id's count.
  const lastText: number[] = [];
  const count: number[] = [];
  const byId = texts.map((t, ti) => {
    const mine: number[] = [];
    const note = (id: number) => {
      if (lastText[id] === ti) return;
      lastText[id] = ti;
      count[id] = (count[id] ?? 0) + 1;
      mine.push(id);
    };
    // An empty text has no shingle (shingles()): it is the same as nothing.
    if (t.length === 0) return mine;
    if (t.length <= SHINGLE) note(ids.ofWhole(t));
    else for (let i = 0; i + SHINGLE <= t.length; i++) note(ids.of(t, i));
    return mine;
  });
  const order = Int32Array.from(count.keys()).sort((a, b) => count[a]! - count[b]! || a - b);
  const rank = new Int32Array(count.length);
  order.forEach((id, r) => (rank[id] = r));
  return byId.map((mine) => {
    const ranks = new Int32Array(mine.length);
    for (let k = 0; k < mine.length; k++) ranks[k] = rank[mine[k]!]!;
    return ranks.sort();
  });
}

/**
 * A number for each distinct shingle, in the order first seen: an
 * open-addressing table over the shingle's SHINGLE UTF-16 units, so no
 * substring is made per position (a Map of substrings took 2.1 s of a
 * 5,500-reply year's 2.4 s join, timed in a throwaway script, 2026-12-03).
 * A text no longer than a shingle is one shingle of its own, kept apart.
 */
class ShingleIds {
  private units = new Uint16Array(SHINGLE << 16);
  private slots = new Int32Array(1 << 16).fill(-1);
  private size = 0;
  private readonly whole = new Map<string, number>();
  private readonly wholeIds = new Set<number>();

  /** The id of the shingle of `text` at `at`. */
  of(text: string, at: number): number {
    let h = 0;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ text.charCodeAt(at + k), 0x9e3779b1);
    for (let slot = (h ^ (h >>> 15)) & (this.slots.length - 1); ; slot = (slot + 1) & (this.slots.length - 1)) {
      const id = this.slots[slot]!;
      if (id < 0) return this.add(slot, text, at);
      if (this.sameAs(id, text, at)) return id;
    }
  }

  /** The id of a text no longer than a shingle, taken whole (never the same as a shingle of a longer text). */
  ofWhole(text: string): number {
    let id = this.whole.get(text);
    if (id === undefined) {
      id = this.size++;
      this.ensureRoom();
      this.whole.set(text, id);
      this.wholeIds.add(id);
    }
    return id;
  }

  private sameAs(id: number, text: string, at: number): boolean {
    for (let k = 0; k < SHINGLE; k++) if (this.units[id * SHINGLE + k] !== text.charCodeAt(at + k)) return false;
    return true;
  }

  private add(slot: number, text: string, at: number): number {
    const id = this.size++;
    this.ensureRoom();
    for (let k = 0; k < SHINGLE; k++) this.units[id * SHINGLE + k] = text.charCodeAt(at + k);
    this.slots[slot] = id;
    if (this.size * 2 > this.slots.length) this.grow();
    return id;
  }

  private ensureRoom(): void {
    if (this.size * SHINGLE <= this.units.length) return;
    const units = new Uint16Array(this.units.length * 2);
    units.set(this.units);
    this.units = units;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let id = 0; id < this.size; id++) {
      if (this.wholeIds.has(id)) continue;
      let h = 0;
      for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ this.units[id * SHINGLE + k]!, 0x9e3779b1);
      let slot = (h ^ (h >>> 15)) & (slots.length - 1);
      while (slots[slot]! >= 0) slot = (slot + 1) & (slots.length - 1);
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

/**
 * Jaccard similarity of two sets given as ascending arrays of distinct
 * numbers; 0 as soon as the shared part can no longer reach `atLeast`
 * (Jaccard ≥ t needs |A ∩ B| ≥ t/(1+t)·(|A| + |B|)).
 */
function sortedJaccard(a: Int32Array, b: Int32Array, atLeast = 0): number {
  if (a.length === 0 && b.length === 0) return 1;
  // A whole number of shared shingles, rounded down a hair: t/(1+t)·n in floating point can land just above
  // the exact bound (0.8/1.8·63 = 28.000000000000004), and the early stop must never drop a pair at exactly t.
  const need = Math.ceil((atLeast / (1 + atLeast)) * (a.length + b.length) - 1e-9);
  let both = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) {
      if (both + Math.min(a.length - ++i, b.length - j) < need) return 0;
    } else if (a[i]! > b[j]!) {
      if (both + Math.min(a.length - i, b.length - ++j) < need) return 0;
    } else {
      both++;
      i++;
      j++;
    }
  }
  return both / (a.length + b.length - both);
}

/** Each id in a group → the other ids of its group, in input order. */
export function sameAnswerIndex(items: readonly AnswerText[], threshold = SAME_ANSWER_THRESHOLD): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const group of sameAnswerGroups(items, threshold)) for (const id of group) out.set(id, group.filter((other) => other !== id));
  return out;
}

/** sameAnswerIndex of `items`, kept with them: made ahead of a load that will ask for it (sameAnswerIndexOf). */
export interface SameAnswers {
  items: readonly AnswerText[];
  index: Map<string, string[]>;
}

export function sameAnswers(items: readonly AnswerText[]): SameAnswers {
  return { items, index: sameAnswerIndex(items) };
}

/**
 * sameAnswerIndex of `items`: `known`'s when it was made from the same texts (each id, year and
 * Markdown equal, in order), else made now. A year's unit process makes it while it waits for its
 * input (src/build/unit-process.ts), from the editions it reads ahead, which its load then takes.
 */
export function sameAnswerIndexOf(items: readonly AnswerText[], known?: SameAnswers): Map<string, string[]> {
  const same =
    known !== undefined &&
    known.items.length === items.length &&
    known.items.every((k, i) => k.id === items[i]!.id && k.year === items[i]!.year && k.markdown === items[i]!.markdown);
  return same ? known.index : sameAnswerIndex(items);
}
