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

/** The lexicon of some records (one worker's chunk). */
export function lexiconOf(records: Pick<SearchRecord, 'heading' | 'text' | 'meta' | 'filters'>[]): LexiconPart {
  const grams = new Set<string>();
  const names = new Map<string, number>();
  const words = new Map<string, number>();
  for (const r of records) {
    const text = closeGaps(`${r.heading}\n${r.text}`);
    for (const [run] of text.matchAll(HAN_RUN)) {
      const c = [...run];
      for (let i = 0; i < c.length; i++) {
        // Stretches of 2–5 characters: 5 only to tell which 4-character ones are fragments. Each is
        // the one before it and a character (slicing each anew was half of an edit's search step:
        // node --cpu-prof of the step on the benchmark's 5,500-reply year, 2026-12-03).
        let w = c[i]!;
        grams.add(w);
        for (let n = 2; n <= 5 && i + n <= c.length; n++) {
          w += c[i + n - 1]!;
          if (n === 2) grams.add(w);
          words.set(w, (words.get(w) ?? 0) + 1);
        }
      }
    }
    const own = new Set<string>([r.meta.title ?? '', ...Object.values(r.filters).flat()]);
    for (const [, q] of text.matchAll(QUOTED)) own.add(q!);
    for (const n of own) {
      const name = closeGaps(n).trim();
      if (name) names.set(name, (names.get(name) ?? 0) + 1);
    }
  }
  return { grams: [...grams], names: [...names], words: [...words].filter(([, n]) => n >= WORD_MIN) };
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
