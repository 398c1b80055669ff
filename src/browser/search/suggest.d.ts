// Types for suggest.js (a plain browser module) so the Node tests can import it under tsc strict.
export function editDistance(a: string, b: string): number;
export function suggestions(query: string, vocabulary: [string, number, number?][], max?: number): string[];
