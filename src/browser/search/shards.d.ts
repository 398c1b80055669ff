// Types for shards.js (a plain browser module) so the Node tests can import it under tsc strict.
/** Pagefind's files in one LZMA file (src/search/packs.ts): where it is, and each file it holds with its length. */
export interface Pack {
  path: string;
  files: [string, number][];
}
export interface Shard {
  name: string;
  parts: string[];
  metadata?: Pack;
}
export interface ShardManifest {
  primary?: string;
  /** Each year (name) with its bundle (`parts`: one, the year's parts merged at build time), relative to the site root, and its metadata's pack. */
  shards?: Shard[];
  /** Pagefind's WebAssembly in a pack. */
  wasm?: Pack;
}
export function shardsToLoad(
  state: { year: string },
  manifest: ShardManifest | null | undefined,
  loaded: Set<string>,
  allYears: boolean,
): Shard[];
export function unsearchedYears(state: { year: string }, manifest: ShardManifest | null | undefined, loaded: Set<string>): string[];
