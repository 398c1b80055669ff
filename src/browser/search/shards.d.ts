// Types for shards.js (a plain browser module) so the Node tests can import it under tsc strict.
export interface ShardManifest {
  primary?: string;
  shards?: { name: string; path: string }[];
}
export function shardsToLoad(
  state: { year: string },
  manifest: ShardManifest | null | undefined,
  loaded: Set<string>,
  allYears: boolean,
): { name: string; path: string }[];
export function unsearchedYears(state: { year: string }, manifest: ShardManifest | null | undefined, loaded: Set<string>): string[];
