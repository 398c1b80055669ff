// Types for sequence.js (a plain browser module) so the Node tests can import it under tsc strict.
export function isHanBigram(token: string): boolean;
export function loadedTokens(tokens: string[]): number[];
export function pagesInSequence(offsets: number[], located: Map<string, Iterable<number>>[]): Map<string, number[]>;
