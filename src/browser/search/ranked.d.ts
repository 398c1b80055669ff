// Types for ranked.js (a plain browser module) so the Node tests can import it under tsc strict.
import type { ParsedQuery } from './terms.js';
export interface PagefindResult {
  id: string;
  score?: number;
  data: () => Promise<any>;
}
export interface RankedItem {
  id: string;
  hits: PagefindResult[];
  lacking: string[] | null;
}
export function searchQuery(
  pf: { search(term: string | null, options?: object): Promise<{ results: PagefindResult[] }> },
  parsed: ParsedQuery,
  options: object,
  how?: { stemmed?: boolean; sorted?: boolean },
): Promise<{ items: RankedItem[]; exact: number }>;
