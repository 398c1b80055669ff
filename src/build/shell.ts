/**
 * The shell (issue 16): the pages that span years, built from the catalogue
 * alone — home, member pages and the members index, about, data, the search
 * page and the search manifest (search-shell.ts), background papers, the
 * sitemap index and the shell's sitemap part, the cross-year feeds (home,
 * members), robots.txt, the 404 page, the stylesheets and icons. It reads no
 * reply body: a feed entry's question is read from its file when the feed
 * lists it (the latest entries only).
 */
import type { Settings } from '../../_data/site.ts';
import type { Archive } from '../model/reply.ts';
import { routeTable, unitRoutes, type RouteTable } from '../site/data/routes.ts';
import type { YearSearchSummary } from '../search/build-index.ts';
import { buildShellSearch } from './search-shell.ts';
import { writeIndexExports, type IndexInput } from '../open-data/write.ts';
import type { IndexEntry } from '../search/records.ts';

/** The steps of the shell, in order. */
export const SHELL_STEPS = ['pages', 'exports', 'search', 'cards'] as const;
export type ShellStep = (typeof SHELL_STEPS)[number];

const shellRoutesMade = new WeakMap<Archive, Map<string | null, RouteTable>>();

/** The shell's routes of the catalogue, made once per catalogue and site address (the shell's cache key reads them too; at 100,000 replies the route table takes ~2 s). */
export function shellRoutes(catalogue: Archive, settings: Pick<Settings, 'siteUrl'>): RouteTable {
  let bySite = shellRoutesMade.get(catalogue);
  if (!bySite) shellRoutesMade.set(catalogue, (bySite = new Map()));
  let routes = bySite.get(settings.siteUrl);
  if (!routes) bySite.set(settings.siteUrl, (routes = unitRoutes(routeTable(catalogue, settings), null)));
  return routes;
}

/**
 * What the shell is made from: the catalogue for its pages and cards (read
 * only when they are built), the counts of the open-data index and the
 * shell's own search pages (catalogue-summary.ts keeps these two between builds).
 */
export interface ShellInputs {
  catalogue: () => Archive;
  index: IndexInput;
  shellEntries: IndexEntry[];
}

export async function buildShell(
  settings: Settings,
  inputs: ShellInputs,
  search: readonly YearSearchSummary[],
  siteDir: string,
  steps: readonly ShellStep[] = SHELL_STEPS,
  log: (line: string) => void = console.log,
): Promise<{ searchCacheKeys: string[] }> {
  const seconds: string[] = [];
  // The part-cache entries its search step used (search-shell.ts), for the build to keep.
  let searchCacheKeys: string[] = [];
  for (const step of steps) {
    const t = performance.now();
    // Eleventy and the card renderer (sharp) are imported only when their step runs: a build whose shell pages and
    // cards are reused (shell-cache.ts: an edit of a body) never needs them, and importing them cost ~1.3 s of CPU.
    if (step === 'pages') {
      const { writePages } = await import('../site/eleventy-config.ts');
      await writePages(settings, inputs.catalogue(), shellRoutes(inputs.catalogue(), settings), siteDir);
    }
    // /data/index.json of the years' open data (already linked in from the units) and the Data Package.
    else if (step === 'exports') writeIndexExports(inputs.index, settings.siteUrl, siteDir);
    else if (step === 'search') searchCacheKeys = await buildShellSearch(settings, inputs.shellEntries, search, siteDir);
    else {
      const [{ buildImages }, { cardList }] = await Promise.all([import('../site/images/build-images.ts'), import('../site/images/card-list.ts')]);
      await buildImages(siteDir, cardList(inputs.catalogue(), shellRoutes(inputs.catalogue(), settings)), { measureBytes: false });
    }
    seconds.push(`${step} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  log(`Shell: ${seconds.join(', ')}`);
  return { searchCacheKeys };
}
