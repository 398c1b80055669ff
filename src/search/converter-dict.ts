/**
 * The Simplified → Hong Kong Traditional converter the search page applies to a
 * query, cut down to this archive. opencc-js's own s2hk conversion (its preset
 * `configs.s2hk`: phrases and characters, then the Hong Kong variants, with
 * phrase segmentation) is far too large for a first search (STPhrases alone is
 * ~400 KB gzipped). A conversion that cannot produce text of the archive cannot
 * change what a search finds, so this keeps, from opencc-js's dictionaries:
 *
 * - a character entry when its Hong Kong Traditional form is a character of the archive;
 * - a phrase entry when it converts otherwise than its characters one by one, and
 *   its converted form is findable (every character and bigram of it is in the
 *   archive) or the character-by-character conversion it overrides would be (the
 *   phrase then keeps a query from matching the wrong text).
 *
 * The page loads the result with opencc-js's core (ConverterBuilder with an s2hk
 * config), so conversion follows opencc's own longest-match rules.
 */
import dictSTPhrases from 'opencc-js/dict/STPhrases';
import dictSTGenerated from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import dictSTCharacters from 'opencc-js/dict/STCharacters';
import dictHKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import dictHKVariants from 'opencc-js/dict/HKVariants';
import * as core from 'opencc-js/core';
import { converterOf as pageConverter } from '../browser/search/convert.js';

/** The filtered dictionaries, as opencc-js DictLike strings ("source target|source target"). */
export interface ConverterDict {
  /** Phrase keys used to segment the query first (opencc's s2hk segmentation); absent: the chain's first phrases. */
  segmentation?: string;
  /** opencc's s2hk conversion chain: [phrases, characters], then [HK variant phrases, HK variants]. */
  chain: string[][];
}

type Entry = [string, string];

const entries = (d: string): Entry[] => d.split('|').map((e) => e.split(' ') as Entry);
const join = (es: Entry[]): string => es.map((e) => e.join(' ')).join('|');
/** A group of dictionaries without the empty ones (opencc-js rejects an empty dictionary string). */
const group = (...dicts: string[]): string[] => dicts.filter(Boolean);

/** The page's converter (src/browser/search/convert.js) from a ConverterDict, with opencc-js's core. */
export function converterOf(dict: ConverterDict): (s: string) => string {
  return pageConverter(core, dict);
}

/**
 * What converterDict keeps or drops by the archive's text: opencc-js's entries, each with what it
 * converts to. The same for every archive, and most of the work: 150-160 ms of a build's shell (of
 * 155-240 ms in all, converterDict timed in a throwaway script, 2026-12-06), so the shell's search
 * keeps it in the part cache (build-index.ts).
 */
export interface ConverterCandidates {
  /** Phrases that convert otherwise than their characters one by one: key, value, the value converted and the characters converted. */
  phrases: [string, string, string, string][];
  /** Characters: key, value and the value converted. */
  characters: [string, string, string][];
  hkPhrases: Entry[];
  hkChars: Entry[];
}

export function converterCandidates(): ConverterCandidates {
  // opencc's second stage (Hong Kong variants) on its own; the first stage's value of a
  // phrase entry is the entry's target (the longest match of a phrase is the phrase).
  const hk = converterOf({ segmentation: '', chain: [[dictHKVariantsPhrases, dictHKVariants]] });
  const charMap = new Map(entries(dictSTCharacters));
  const byChar = (k: string) => hk([...k].map((c) => charMap.get(c) ?? c).join(''));
  const phrases: ConverterCandidates['phrases'] = [];
  for (const [k, v] of [...entries(dictSTPhrases), ...entries(dictSTGenerated)]) {
    const out = hk(v);
    const chars = byChar(k);
    // A phrase whose characters convert to the same text one by one adds nothing but bytes
    // (measured: a third of the first Simplified search's converter at 20,000 replies).
    if (chars !== out) phrases.push([k, v, out, chars]);
  }
  const characters = entries(dictSTCharacters).map(([k, v]): [string, string, string] => [k, v, hk(v)]);
  return { phrases, characters, hkPhrases: entries(dictHKVariantsPhrases), hkChars: entries(dictHKVariants) };
}

/**
 * @param findable true when every character and bigram of a string occurs in the archive's text
 * @param candidates converterCandidates(), when made already (the part cache's)
 */
export function converterDict(findable: (s: string) => boolean, candidates = converterCandidates()): ConverterDict {
  const phrases = candidates.phrases.filter(([, , out, chars]) => findable(out) || findable(chars)).map(([k, v]): Entry => [k, v]);
  const characters = candidates.characters.filter(([, , out]) => findable(out)).map(([k, v]): Entry => [k, v]);
  const hkPhrases = candidates.hkPhrases.filter(([, v]) => findable(v));
  const hkChars = candidates.hkChars.filter(([, v]) => findable(v));
  // The phrases segment the query too (opencc's s2hk); the page reads them from the chain, not twice from the file.
  return { chain: [group(join(phrases), join(characters)), group(join(hkPhrases), join(hkChars))] };
}

/**
 * The characters that make a query worth converting: those a kept entry converts
 * and the archive does not hold (a query written only in the archive's characters is
 * searched as typed; the page then spares the converter's bytes). Sorted, as one string.
 */
export function convertibleChars(dict: ConverterDict, holds: (ch: string) => boolean): string {
  const out = new Set<string>();
  for (const g of dict.chain) for (const d of g) for (const e of entries(d)) for (const c of e[0]) if (!holds(c) && e[1] !== e[0]) out.add(c);
  return [...out].sort().join('');
}
