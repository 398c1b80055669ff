// @ts-check
// Which year indexes ("shards") a search needs. Every budget year's index is in
// its own unit, one bundle (/<year>/pagefind/, its parts merged at build time, issue 16),
// listed in the shell's /pagefind/shards.json (whose own bundle, Pagefind's
// runtime and the background papers, is the one the page loads); a year is
// merged with mergeIndex only when needed — the newest year
// (`primary`) at the first search, another when a reader searches it: every
// year costs its metadata on the wire (about 30 KB per 2,500 replies), so
// loading them all up front made the first search at 20,000 replies four times
// the budget.

/**
 * Shards to merge before searching `state`: the chosen year's shard when the year
 * filter names an earlier year; every shard once the reader asked for all years.
 * `loaded` is the Set of shard names already merged.
 */
export function shardsToLoad(state, manifest, loaded, allYears) {
  const shards = (manifest && manifest.shards) || [];
  const primary = manifest && manifest.primary;
  const wanted = state.year ? shards.filter((s) => s.name === state.year) : allYears ? shards : shards.filter((s) => s.name === primary);
  return wanted.filter((s) => !loaded.has(s.name));
}

/**
 * The years a search of `state` has not covered (their shards are not merged):
 * empty when results are complete. A year filter makes other years irrelevant.
 */
export function unsearchedYears(state, manifest, loaded) {
  if (state.year) return [];
  return ((manifest && manifest.shards) || []).map((s) => s.name).filter((n) => !loaded.has(n));
}
