// Types for url-state.js (a plain browser module) so the Node tests can import it under tsc strict.
export const FILTERS: string[];
export interface SearchState {
  q: string;
  sort: string;
  year: string;
  head: string;
  programme: string;
  member: string;
}
export function readState(search: string): SearchState;
export function stateUrl(state: Partial<SearchState>, pathname: string, edition?: string | null): string;
