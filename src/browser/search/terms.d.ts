// Types for terms.js (a plain browser module) so the Node tests can import it under tsc strict.
export interface QueryWord {
  typed: string;
  forms: string[];
  phrase: boolean;
}
export interface Terms {
  synonyms: string[][];
  glossary: { en: string[]; zh: string[] }[];
}
export interface ParsedQuery {
  words: QueryWord[];
  synonyms: string[][];
  glossary: { en: string; zh: string[] } | null;
}
export function nameKey(s: string): string;
export function splitWords(query: string): { text: string; phrase: boolean }[];
export function parseQuery(query: string, terms: Terms | null | undefined, opts?: { bridge?: boolean }): ParsedQuery;
