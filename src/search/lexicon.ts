/**
 * What the search page may need to know about the archive's words, gathered while
 * the records are prepared (prepare.ts, in worker threads, a chunk at a time):
 *
 * - the Han characters and bigrams of every text (what the index can find): they
 *   cut opencc-js's Simplified → Traditional dictionaries down to the conversions
 *   that can produce archive text (converter-dict.ts);
 * - the names the replies carry (titles, members, heads, programmes, and the terms
 *   the text quotes in 「」 and 《》, e.g. 「智方便」): the vocabulary that "did you
 *   mean" offers when no reply contains a typed term (src/browser/search/suggest.js).
 */
import { closeGaps } from '../browser/search/query.js';
import type { SearchRecord } from './records.ts';
import { extendHash, NgramTable } from './ngram-table.ts';

export interface LexiconPart {
  /** Distinct Han characters and bigrams. */
  grams: string[];
  /** Names with the number of records carrying each. */
  names: [string, number][];
  /** Han words (2–4 characters) with their number of occurrences in this chunk, the frequent ones only (see WORD_MIN). */
  words: [string, number][];
}

/** A chunk keeps the words it saw at least this often (so a worker's answer stays small); measured: 科技券 occurs 90 times in the 263 replies. */
const WORD_MIN = 3;
/** The vocabulary "did you mean" loads holds at most this many terms, most frequent first: its size must stay within the first search's byte budget at any archive size (≈ 12 KB gzipped). */
export const VOCABULARY_SIZE = 1500;
/** A stretch whose occurrences are nearly all inside one longer stretch is a fragment of it (科技及 of 科技及工業局), not a word. */
const FRAGMENT_SHARE = 0.9;
/** Characters that join words rather than make them (the, and, of, in, for…): a stretch that begins or ends with one is not a word (科技的, 及科技). */
const JOINER = /^[的及和與在於為並或等之以其由及、]|[的及和與在於為並或等之以其由及]$/u;

const HAN_RUN = /\p{Script=Han}+/gu;
const QUOTED = /[「《]([^「」《》\n]{2,30})[」》]/gu;

/** The longest stretch counted: 5 only to tell which 4-character ones are fragments (frequentWords). */
const LONGEST = 5;

/** What lexiconOf counts in, kept from one call to the next (a worker prepares chunk after chunk). */
const counting: { table: NgramTable; text: Uint32Array; room: Uint8Array; ids: Int32Array; hashes: Int32Array } = { table: new NgramTable(), text: new Uint32Array(1 << 16), room: new Uint8Array(1 << 16), ids: new Int32Array(1 << 16), hashes: new Int32Array(1 << 16) };

/** `a` with room for `n`: itself, or a larger one (contents dropped). */
function atLeast<T extends Uint32Array | Uint8Array | Int32Array>(a: T, n: number): T {
  return a.length >= n ? a : new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2));
}

/**
 * The lexicon of some records (one worker's chunk). Its words are the stretches of 2–5 Han characters seen at
 * least WORD_MIN times, counted one length at a time (ngram-table.ts): a stretch can occur no more often than
 * the stretch one character shorter it starts with, so only where that one was frequent is the longer one
 * counted. Counting every stretch of every length held a year's prepare workers' tables at about 190 MB more
 * (the unit's process tree sampled every 0.5 s, a cold 5,500-reply year, load ~4–6, 2026-12-03).
 */
export function lexiconOf(records: Pick<SearchRecord, 'heading' | 'text' | 'meta' | 'filters'>[]): LexiconPart {
  const names = new Map<string, number>();
  // The chunk's Han runs as code points, one after another; room[i]: characters left in the run from i, at most LONGEST.
  const runs: string[] = [];
  let length = 0;
  for (const r of records) {
    const text = closeGaps(`${r.heading}\n${r.text}`);
    for (const [run] of text.matchAll(HAN_RUN)) {
      runs.push(run);
      length += run.length;
    }
    const own = new Set<string>([r.meta.title ?? '', ...Object.values(r.filters).flat()]);
    for (const [, q] of text.matchAll(QUOTED)) own.add(q!);
    for (const n of own) {
      const name = closeGaps(n).trim();
      if (name) names.set(name, (names.get(name) ?? 0) + 1);
    }
  }
  const c = counting;
  c.text = atLeast(c.text, length);
  c.room = atLeast(c.room, length);
  c.ids = atLeast(c.ids, length);
  c.hashes = atLeast(c.hashes, length);
  const { text, room, ids, hashes, table } = c;
  let n = 0;
  for (const run of runs) {
    const from = n;
    for (const ch of run) text[n++] = ch.codePointAt(0)!;
    for (let i = from; i < n; i++) room[i] = Math.min(LONGEST, n - i);
  }
  table.reset(text);
  // Characters and pairs, everywhere, in the order first seen (characters and pairs are the grams; pairs on are words).
  const grams: number[] = [];
  const words: number[] = [];
  for (let i = 0; i < n; i++) {
    const h1 = extendHash(0, text[i]!);
    const one = table.id(i, 1, h1);
    if (table.isNew) grams.push(one);
    ids[i] = -1;
    if (room[i]! < 2) continue;
    const h2 = extendHash(h1, text[i + 1]!);
    const two = table.id(i, 2, h2);
    if (table.isNew) grams.push(two), words.push(two);
    table.add(two);
    ids[i] = two;
    hashes[i] = h2;
  }
  // Then each longer length, where the stretch one shorter is frequent.
  for (let len = 3; len <= LONGEST; len++) {
    for (let i = 0; i < n; i++) {
      const shorter = ids[i]!;
      if (shorter < 0) continue;
      if (room[i]! < len || table.count(shorter) < WORD_MIN) {
        ids[i] = -1;
        continue;
      }
      const h = extendHash(hashes[i]!, text[i + len - 1]!);
      const id = table.id(i, len, h);
      if (table.isNew) words.push(id);
      table.add(id);
      ids[i] = id;
      hashes[i] = h;
    }
  }
  return {
    grams: grams.map((id) => table.string(id)),
    names: [...names],
    words: words.filter((id) => table.count(id) >= WORD_MIN).map((id): [string, number] => [table.string(id), table.count(id)]),
  };
}

/**
 * The archive's frequent words: stretches of 2–4 Han characters, without fragments
 * (a stretch nearly always followed or preceded by the same character is part of a
 * longer word), most frequent first.
 */
export function frequentWords(counts: Map<string, number>, max: number): [string, number][] {
  const extended = new Map<string, number>();
  for (const [w, n] of counts) {
    const c = [...w];
    if (c.length < 3) continue;
    for (const part of [c.slice(1).join(''), c.slice(0, -1).join('')]) extended.set(part, Math.max(extended.get(part) ?? 0, n));
  }
  return [...counts]
    .filter(([w, n]) => [...w].length <= 4 && !JOINER.test(w) && (extended.get(w) ?? 0) < FRAGMENT_SHARE * n)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max);
}

/** The lexicon of the whole archive, merged from the chunks' parts. */
export class Lexicon {
  private grams = new Set<string>();
  private names = new Map<string, number>();
  private words = new Map<string, number>();

  add(part: LexiconPart): void {
    for (const g of part.grams) this.grams.add(g);
    for (const [n, k] of part.names) this.names.set(n, (this.names.get(n) ?? 0) + k);
    for (const [w, k] of part.words) this.words.set(w, (this.words.get(w) ?? 0) + k);
  }

  /** Every character and bigram of the Han text of `s` occurs in the archive. */
  findable = (s: string): boolean => {
    for (const [run] of s.matchAll(HAN_RUN)) {
      const c = [...run];
      for (let i = 0; i < c.length; i++) {
        if (!this.grams.has(c[i]!)) return false;
        if (i + 1 < c.length && !this.grams.has(c[i]! + c[i + 1]!)) return false;
      }
    }
    return true;
  };

  /** A Han character the archive does not hold. */
  holds(ch: string): boolean {
    return this.grams.has(ch);
  }

  /** The lexicon as a part (to store beside a year's bundle and merge into the shell's lexicon). */
  part(): LexiconPart {
    return { grams: [...this.grams], names: [...this.names], words: [...this.words] };
  }

  /**
   * What "did you mean" chooses from: [term, count, named] — the names (but reply
   * titles, which are sentences; named = 1: a term the text sets apart, which
   * suggest.js prefers) and the frequent words, at most VOCABULARY_SIZE, most frequent
   * first, then in code-point order (deterministic). A word's count is its
   * occurrences, a name's the records carrying it.
   */
  vocabulary(max = VOCABULARY_SIZE): [string, number, number?][] {
    const all = new Map<string, [number, number?]>(frequentWords(this.words, max).map(([w, n]) => [w, [n]]));
    for (const [n, k] of this.names) if ([...n].length <= 12) all.set(n, [Math.max(all.get(n)?.[0] ?? 0, k), 1]);
    return [...all]
      .map(([w, [n, named]]): [string, number, number?] => (named ? [w, n, named] : [w, n]))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, max);
  }
}
