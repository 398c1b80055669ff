/**
 * Shared set-up of the search browser tests: the built `_site` (with its
 * Pagefind index, written by buildSearchIndex inside `npm run build`) served
 * under a GitHub-Pages-like path prefix, and the Debian chromium.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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
