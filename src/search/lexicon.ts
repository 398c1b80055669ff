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
}

const HAN_RUN = /\p{Script=Han}+/gu;
const QUOTED = /[「《]([^「」《》\n]{2,30})[」》]/gu;

/** The lexicon of some records (one worker's chunk). */
export function lexiconOf(records: Pick<SearchRecord, 'heading' | 'text' | 'meta' | 'filters'>[]): LexiconPart {
  const grams = new Set<string>();
  const names = new Map<string, number>();
  for (const r of records) {
    const text = closeGaps(`${r.heading}\n${r.text}`);
    for (const [run] of text.matchAll(HAN_RUN)) {
      const c = [...run];
      for (let i = 0; i < c.length; i++) {
        grams.add(c[i]!);
        if (i + 1 < c.length) grams.add(c[i]! + c[i + 1]!);
      }
    }
    const own = new Set<string>([r.meta.title ?? '', ...Object.values(r.filters).flat()]);
    for (const [, q] of text.matchAll(QUOTED)) own.add(q!);
    for (const n of own) {
      const name = closeGaps(n).trim();
      if (name) names.set(name, (names.get(name) ?? 0) + 1);
    }
  }
  return { grams: [...grams], names: [...names] };
}

/** The lexicon of the whole archive, merged from the chunks' parts. */
export class Lexicon {
  private grams = new Set<string>();
  private names = new Map<string, number>();

  add(part: LexiconPart): void {
    for (const g of part.grams) this.grams.add(g);
    for (const [n, k] of part.names) this.names.set(n, (this.names.get(n) ?? 0) + k);
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

  /** The lexicon as a part (to store beside a year's bundle and merge into another lexicon). */
  part(): LexiconPart {
    return { grams: [...this.grams], names: [...this.names] };
  }

  /** Names, most carried first, then in code-point order (deterministic). */
  vocabulary(): [string, number][] {
    return [...this.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}
