// Types for status-text.js (a plain browser module) so the Node tests can import it under tsc strict.
import type { ParsedQuery } from './terms.js';
export function fill(template: string | undefined, values: Record<string, unknown>): string;
export function resultsText(t: Record<string, string>, n: number, exact: number, several?: boolean): string;
export function searchedNotes(t: Record<string, string>, searched: { converted?: string | null; parsed?: ParsedQuery | null }): string;
export function partialLabel(t: Record<string, string>, lacking: string[] | null): string;
