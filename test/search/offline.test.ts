/**
 * Search in the offline mirror, as a reader uses it: `npm run build:offline`'s zip unpacked
 * on disk and its search page opened with file:// in chromium (no server). 數碼港 lists the
 * replies that contain it (from the reply files, expected.ts), a Simplified query too, a result
 * opens its reply from disk, no request leaves the mirror's folder, and axe finds nothing.
 */
import { browserSuite } from '../support/browser.ts';
import * as assert from 'uvu/assert';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../src/serve/chromium.ts';
import { once } from '../support/once.ts';
import { unzippedOffline } from '../support/builds.ts';
import { CONTENT_DIR } from '../support/site.ts';
import { describeViolations, runAxe } from '../support/axe.ts';
import { expectedFor, loadReplyTexts } from './expected.ts';
import { exactPaths, listed, search } from './harness.ts';

const test = browserSuite('search from the offline mirror opened from disk (file://)');
const replies = loadReplyTexts(CONTENT_DIR);
let browser: Browser;
let mirror = '';

// Set-up runs in before.each (see test/support/once.ts): a failure there fails the test.
const ready = once(async () => {
  mirror = unzippedOffline();
  browser = await launchChromium();
});
test.before.each(() => ready());
test.after(async () => {
  await browser?.close();
});

/** The mirror's search page from disk; every request and page error is recorded. */
async function open(context: BrowserContext, path = 'search/index.html'): Promise<Page & { errors: string[]; urls: string[] }> {
  const page = (await context.newPage()) as Page & { errors: string[]; urls: string[] };
  page.errors = [];
  page.urls = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  page.on('request', (r) => page.urls.push(r.url()));
  await page.goto(pathToFileURL(join(mirror, path)).href);
  return page;
}

test('typing 數碼港 lists every reply that contains it; 数码港 (Simplified) lists the same', async () => {
  const expected = expectedFor('數碼港', replies).sort();
  assert.ok(expected.length > 0, '數碼港 is in no reply');
  const context = await browser.newContext();
  const page = await open(context);
  const status = await search(page, '數碼港');
  const traditional = await listed(page);
  assert.equal(exactPaths(traditional).filter((p) => !p.startsWith('background/')), expected);
  assert.match(status, new RegExp(`找到 ${traditional.length} 則結果`));
  const simplifiedStatus = await search(page, '数码港');
  assert.ok(simplifiedStatus.includes('數碼港'), `status names the converted term: ${simplifiedStatus}`);
  assert.equal(await listed(page), traditional, '数码港 lists what 數碼港 lists');
  const others = exactPaths(traditional).filter((p) => p.startsWith('background/'));
  console.log(`  file:// 數碼港: ${traditional.length} results, ${exactPaths(traditional).length} exact: the ${expected.length} replies that contain it + ${others.join(', ') || 'no other page'}; 数码港 the same`);
  const outside = page.urls.filter((u) => !u.startsWith(pathToFileURL(mirror).href));
  assert.equal(outside, [], 'every file comes from the mirror');
  assert.equal(page.errors, []);
  await context.close();
});

test('a result opens its reply page from disk; the English search page works too', async () => {
  const context = await browser.newContext();
  const page = await open(context, 'en/search/index.html');
  await search(page, '智方便');
  const rows = await listed(page);
  assert.equal(exactPaths(rows).filter((p) => !p.startsWith('background/')), expectedFor('智方便', replies).sort());
  const link = page.locator('[data-search-results] > li a').first();
  const href = (await link.getAttribute('href')) ?? '';
  assert.match(href, /^file:.*\/2023-24\/en\/itib\d{3}\/index\.html(#[\w-]+)?$/);
  await Promise.all([page.waitForEvent('load'), link.click()]);
  assert.is(await page.locator('h1').count(), 1, `${page.url()} is an archive page`);
  assert.equal(page.errors, []);
  await context.close();
});

test('axe: no WCAG 2.2 AA violation on the offline search page with results', async () => {
  // bypassCSP only so that axe can be injected (see test/support/axe.ts).
  const context = await browser.newContext({ bypassCSP: true });
  const page = await open(context);
  await search(page, '數碼港');
  const r = await runAxe(page);
  assert.is(r.violations.length, 0, `axe violations:\n${describeViolations(r.violations)}`);
  await context.close();
});

test.run();
