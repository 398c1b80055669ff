/**
 * Reusing a unit's unchanged pages (issue 16: editing one reply must not
 * render its year again). A unit's cache entry keeps `pages.json`: each
 * route's input hash (src/site/data/route-inputs.ts) as that build rendered
 * it. The next build of the year links every page whose hash is unchanged
 * from the previous entry (hard links: no bytes copied, and the file is the
 * very file the previous build wrote) and hands Eleventy only the rest.
 *
 * A linked file is never written again: Eleventy writes only the routes it is
 * given, which are exactly those not linked, so no write can reach a file
 * shared with the previous entry or a published `_site`.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outputFileOf } from '../model/urls.ts';
import { someRoutes, type RouteTable } from '../site/data/routes.ts';

/** The manifest's name in a unit's cache entry (beside unit.json). */
export const PAGES_MANIFEST = 'pages.json';

/** The previous build of the unit: its entry's site folder and its manifest, when it has one. */
export interface PreviousPages {
  siteDir: string;
  /** What its pages were made with besides the year's content (unit.ts UnitInput.base); null: an entry that did not keep it. */
  base: string | null;
  hashes: Record<string, string>;
}

/** The previous entry's pages, or null when it has none (an entry of a build before page reuse, or none at all). */
export function readPreviousPages(entryDir: string | null): PreviousPages | null {
  if (entryDir === null) return null;
  const file = path.join(entryDir, PAGES_MANIFEST);
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { base?: unknown; pages?: Record<string, string> } | Record<string, string>;
  const siteDir = path.join(entryDir, 'site');
  // An entry written before the base was kept holds the hashes alone, by URL (a URL begins with `/`: never `base`).
  if (typeof manifest.base === 'string' && typeof manifest.pages === 'object') return { siteDir, base: manifest.base, hashes: manifest.pages };
  return { siteDir, base: null, hashes: manifest as Record<string, string> };
}

/** The manifest of a unit's pages: `base`, what every page was made with besides the year's content, and each route's input hash. */
export function writePagesManifest(entryDir: string, base: string, hashes: Map<string, string>): void {
  writeFileSync(path.join(entryDir, PAGES_MANIFEST), JSON.stringify({ base, pages: Object.fromEntries(hashes) }));
}

/**
 * The routes of `routes` whose hash equals the previous build's (and whose file that build has),
 * to be linked from it; the rest, to render. Decided before anything is linked, so that the
 * unit's search index can key the unchanged pages where they are (unit-process.ts).
 */
export function pagesToReuse(routes: RouteTable, hashes: Map<string, string>, previous: PreviousPages | null): { render: RouteTable; link: string[] } {
  if (previous === null) return { render: routes, link: [] };
  const link = routes.all.filter((route) => {
    const hash = hashes.get(route.url);
    return hash !== undefined && previous.hashes[route.url] === hash && existsSync(path.join(previous.siteDir, outputFileOf(route.url)));
  });
  const linked = new Set(link.map((r) => r.url));
  return { render: someRoutes(routes, (r) => !linked.has(r.url)), link: link.map((r) => r.url) };
}

/** Links into `siteDir` the previous build's file of each of `urls` (pagesToReuse's `link`). */
export function linkPages(urls: readonly string[], previous: PreviousPages, siteDir: string): void {
  const made = new Set<string>();
  for (const url of urls) {
    const file = outputFileOf(url);
    const to = path.join(siteDir, file);
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    linkSync(path.join(previous.siteDir, file), to);
  }
}
