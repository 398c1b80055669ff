/**
 * The shell's pages and cards, reused while nothing they read has changed
 * (issue 16: editing one reply's body must not render the pages that span
 * years again). Their key hashes what they are made of:
 *
 * - the code and settings (src/lib/code-hash.ts, plan.ts settingsKey);
 * - every year's front-matter (not the bodies: the shell's pages list replies
 *   by number, title and member), the background papers and the sources;
 * - the files its feeds quote (their questions), by the hashes of their bytes.
 *
 * The shell's other steps are quick and read what a year's edit changes (the
 * data index lists the years' file sizes, the search manifest the years'
 * bundles), so they run every time, after the pages (search reads them); the
 * search step links its own pages' bundles from the part cache when they are
 * unchanged (src/search/build-index.ts).
 * An entry holds the files the pages and cards steps wrote (hard links to the
 * build's own); one entry is kept.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../_data/site.ts';
import type { YearSearchSummary } from '../search/build-index.ts';
import { cacheTemp, commitCacheEntry } from '../lib/cache-entry.ts';
import { linkFile, linkTree } from '../lib/link-tree.ts';
import { cacheRoot } from './catalogue.ts';
import type { CatalogueSummary } from './catalogue-summary.ts';
import { buildCodeHash } from '../lib/code-hash.ts';
import { settingsKey } from './plan.ts';
import { buildShell } from './shell.ts';

export function shellPagesKey(settings: Settings, summary: CatalogueSummary): string {
  const hash = createHash('sha256');
  const part = (s: string) => hash.update(s).update('\u0000');
  part(JSON.stringify({ shell: 2, code: buildCodeHash(), settings: settingsKey(settings) }));
  part(JSON.stringify([...summary.frontMatterHashes]));
  part(summary.shellContent);
  part(summary.quotedHash);
  return hash.digest('hex').slice(0, 40);
}

/** Builds the shell into `siteDir` (whose years' folders are in place), its pages and cards linked from the cache when their key is there. */
export async function buildShellCached(settings: Settings, summary: CatalogueSummary, search: readonly YearSearchSummary[], siteDir: string): Promise<{ searchCacheKeys: string[] }> {
  const dir = path.join(cacheRoot(), 'shell');
  const key = shellPagesKey(settings, summary);
  const entry = path.join(dir, key);
  if (existsSync(path.join(entry, 'complete'))) {
    linkTree(path.join(entry, 'site'), siteDir);
    console.log(`Shell: pages and cards reused (key ${key.slice(0, 12)})`);
  } else {
    await buildShell(settings, summary, search, siteDir, ['pages', 'cards']);
    storeShellPages(summary.years, siteDir, dir, key);
  }
  return buildShell(settings, summary, search, siteDir, ['exports', 'search']);
}

/** Keeps what the shell wrote so far (every file of the site but the years' folders) as the entry of `key`. */
function storeShellPages(yearNames: readonly string[], siteDir: string, dir: string, key: string): void {
  const entry = path.join(dir, key);
  const years = new Set(yearNames);
  const tmp = cacheTemp(entry);
  mkdirSync(path.join(tmp, 'site'), { recursive: true });
  for (const name of readdirSync(siteDir)) {
    if (years.has(name)) continue;
    const from = path.join(siteDir, name);
    if (statSync(from).isDirectory()) linkTree(from, path.join(tmp, 'site', name));
    else linkFile(from, path.join(tmp, 'site', name));
  }
  writeFileSync(path.join(tmp, 'complete'), '');
  if (commitCacheEntry(tmp, entry)) for (const name of readdirSync(dir)) if (name !== key && !name.includes('.partial-')) rmSync(path.join(dir, name), { recursive: true, force: true });
}
