// Types for query.js (a plain browser module) so the Node tests can import it under tsc strict.
export const INDEX_LANGUAGE: string;
export function sameColon(name: string): string;
export function closeGaps(text: string): string;
export function wholeUnits(text: string): string;
export function joinDigitGroups(text: string): string;
export function tokenText(token: string): string;
export const RANKING: { termFrequency: number; pageLength: number; termSaturation: number };
export function runTokens(run: string): string[];
export function indexTokens(text: string): string[];
export function queryTokens(query: string): string[];
export function segmentQuery(query: string): string;
export function initPagefind(pagefind: { init(): unknown; options?(o: object): unknown }): void;
export function parseReplyNumber(query: string): { bureau: string | null; n: number } | null;
export function replyJumps(
  query: string,
  replies: Record<string, Record<string, number>> | null | undefined,
  pathTemplate: string,
): { year: string; replyNo: string; path: string }[];
export function rankedSearch(
  pagefind: { search(term: string | null, options?: object): Promise<{ results: { id: string }[] }> },
  query: string,
  options?: object,
  stemmed?: boolean,
): Promise<{ results: { id: string }[]; exact: number }>;
