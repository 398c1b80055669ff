/**
 * Shared set-up of the search browser tests: the built `_site` (with its
 * Pagefind index, written by buildSearchIndex inside `npm run build`) served
 * under a GitHub-Pages-like path prefix, and the Debian chromium.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/serve/chromium.ts';
import { serveDirectory, type StaticServer } from '../../src/serve/static-server.ts';
import { requireSite, SITE_DIR } from '../support/site.ts';

export interface SearchHarness {
  browser: Browser;
  server: StaticServer;
}

let browser: Browser | undefined;
let server: StaticServer | undefined;
let pending: Promise<SearchHarness> | undefined;

/**
 * Await at the start of each test (see test/support/once.ts for why not a before
 * hook). Memoised until closeHarness(), which each test file calls in its `after`:
 * uvu runs all files in one process, so the next file starts a fresh harness.
 */
export const searchHarness = (): Promise<SearchHarness> => (pending ??= setUp());

async function setUp(): Promise<SearchHarness> {
  requireSite();
  if (!existsSync(join(SITE_DIR, 'pagefind', 'pagefind-entry.json'))) {
    throw new Error(`${SITE_DIR}/pagefind/ is missing: npm run build must call buildSearchIndex (src/search/build-index.ts)`);
  }
  browser = await launchChromium();
  server = await serveDirectory(SITE_DIR, '/legco-archive/');
  return { browser, server };
}

export async function closeHarness(): Promise<void> {
  pending = undefined;
  await browser?.close();
  await server?.close();
  browser = undefined;
  server = undefined;
}

/** Search `q` on the page and wait until the status reports the outcome. */
export async function search(page: Page, q: string): Promise<string> {
  const status = page.locator('[data-search-status]');
  // Cleared first, so the same outcome twice in a row is still seen as new.
  const before = '';
  await page.evaluate(() => {
    document.querySelector('[data-search-status]')!.textContent = '';
    document.querySelector('[data-search-results]')!.replaceChildren();
  });
  await page.locator('main input[name="q"]').fill(q);
  await page.locator('main input[name="q"]').press('Enter');
  await page.waitForFunction(
    (b) => {
      const s = document.querySelector('[data-search-status]')?.textContent ?? '';
      return s !== b && !/搜尋中|Searching/.test(s) && /\d|找不到|No results/.test(s);
    },
    before,
  );
  // The results and the note (did you mean, Latin) follow the status.
  await page.waitForFunction(() => document.querySelector('[data-search-results] > li') || /找不到|No results/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
  await page.waitForLoadState('networkidle');
  return (await status.textContent()) ?? '';
}

/** Every listed result (pressing "more" until all are shown): its path and whether it is labelled partial. */
export async function listed(page: Page): Promise<{ path: string; partial: boolean }[]> {
  const moreShown = () => page.evaluate(() => !(document.querySelector('.search-more') as HTMLElement | null)?.hidden);
  while (await moreShown()) {
    const n = await page.locator('[data-search-results] > li').count();
    await page.locator('.search-more').click();
    await page.waitForFunction((k) => document.querySelectorAll('[data-search-results] > li').length > k, n);
  }
  return page.$$eval('[data-search-results] > li', (lis) =>
    lis.map((li) => ({
      // Under the site's folder (legco-archive/, served or unzipped), without a page's index.html (offline links) or the paragraph it opens at,
      // in the Chinese interface's terms (an English page is /<year>/en/… or /en/…).
      path: (li.querySelector('a')?.getAttribute('href') ?? '').replace(/#.*$/, '').replace(/^.*\/legco-archive\/(en\/)?/, '').replace(/^(\d{4}-\d{2}\/)en\//, '$1').replace(/index\.html$/, ''),
      partial: li.getAttribute('data-match') === 'partial',
    })),
  );
}

export const exactPaths = (rows: { path: string; partial: boolean }[]) => rows.filter((r) => !r.partial).map((r) => r.path).sort();
