// Types for shards.js (a plain browser module) so the Node tests can import it under tsc strict.
export interface ShardManifest {
  primary?: string;
  /** Each year (name) with its parts' bundles, relative to the site root. */
  shards?: { name: string; parts: string[] }[];
}
export function shardsToLoad(
  state: { year: string },
  manifest: ShardManifest | null | undefined,
  loaded: Set<string>,
  allYears: boolean,
): { name: string; parts: string[] }[];
export function unsearchedYears(state: { year: string }, manifest: ShardManifest | null | undefined, loaded: Set<string>): string[];
