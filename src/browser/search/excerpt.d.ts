// Types for excerpt.js (a plain browser module) so the Node tests can import it under tsc strict.
export interface ExcerptToken {
  t: string;
  marked: boolean;
}
export function excerptTokens(content: string, locations: number[], bodyStart?: string | number, at?: number | null, floor?: number | null): ExcerptToken[];
export function excerptSegments(tokens: ExcerptToken[], query?: string, spaced?: boolean): { text: string; marked: boolean }[];
