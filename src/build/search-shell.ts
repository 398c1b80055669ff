/**
 * The shell's part of search: Pagefind's runtime with the shell's own pages
 * (the background papers) at `/pagefind/` (and `/pagefind-en/`), and the
 * manifest of every year's index (its merged bundle), merged from the years' summaries
 * (unit.json) — never from the years' replies. The offline mirror's classic
 * scripts are written here too, once every year's bundle is in place.
 */
import type { Settings } from '../../_data/site.ts';
import { buildShellSearch as writeShellSearch, type YearSearchSummary } from '../search/build-index.ts';
import { writeOfflineSearch } from '../search/offline-bundle.ts';
import type { IndexEntry } from '../search/records.ts';

/** `shellEntries`: the shell's own pages to index (catalogue-summary.ts: the background papers). Returns the part-cache entries it used. */
export async function buildShellSearch(settings: Settings, shellEntries: IndexEntry[], years: readonly YearSearchSummary[], siteDir: string): Promise<string[]> {
  const r = await writeShellSearch(siteDir, shellEntries, [...years], { contentDir: settings.contentDir });
  const parts = years.flatMap((y) => y.parts);
  // A year's parts are indexed in its unit; a part whose inputs did not change is linked from the part cache (src/search/shard-cache.ts).
  console.log(`Search: ${years.length} year index(es) in the manifest, ${parts.length} part(s) (${parts.filter((p) => p.cached).length} linked from the part cache when their year was built), ${r.pages} shell page(s)`);
  // The offline mirror searches from disk: the same index and page as classic scripts (file:// blocks modules and fetch)
  if (settings.offline) console.log(`Search offline: ${(await writeOfflineSearch(siteDir)).files} index files as classic scripts`);
  return r.cacheKeys;
}
