// Types for fragment-text.js (a plain browser module) so the build and the Node tests can import it under tsc strict.
export function expandText(text: string): string;
export function compactText(words: string): string | null;
