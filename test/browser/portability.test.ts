/**
 * One build, three ways to open it: served at `/`, served under a project-site
 * prefix `/legco-archive/` (GitHub Pages), and from disk (file://). In each the
 * reply page's stylesheet must load and apply (computed styles change when the
 * sheets are switched off) and following a navigation link must land on a page
 * of the archive. From disk, the online `_site` links to directories (`…/`),
 * which a browser shows as a file listing; the offline build (links to
 * `…/index.html`) is the one made for disk, so navigation is checked there.
 */
import { browserSuite } from '../support/browser.ts';
import * as assert from 'uvu/assert';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/serve/chromium.ts';
import { once } from '../support/once.ts';
import { serveDirectory, type StaticServer } from '../../src/serve/static-server.ts';
import { trySite } from '../support/site.ts';
import { offlineBuild } from '../support/builds.ts';

const test = browserSuite('portability: /, /legco-archive/, file://');
const site = trySite();
const siteDir = site instanceof Error ? '' : site.siteDir;
const reply = site instanceof Error ? undefined : site.pages.find((p) => p.type === 'reply' && p.lang === 'zh');
test('the site is built', () => {
  if (site instanceof Error) throw site;
});
let browser: Browser;
const servers: StaticServer[] = [];

// Set-up runs in before.each (see test/support/once.ts): a failure there fails the test.
const ready = once(async () => {
  browser = await launchChromium();
});
test.before.each(() => ready());
test.after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

/**
 * Computed styles of a few landmark elements. A module-level function passed
 * to page.evaluate as is: tsx would wrap a nested named function in a helper
 * (`__name`) that does not exist in the page.
 */
function probeStyles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sel of ['body', 'main', 'h1', 'main p', 'a', 'table']) {
    const el = document.querySelector(sel);
    if (!el) continue;
    const s = getComputedStyle(el);
    for (const prop of ['fontFamily', 'lineHeight', 'maxWidth', 'marginTop', 'paddingLeft', 'color', 'fontSize', 'borderCollapse'] as const) {
      out[`${sel} ${prop}`] = s[prop];
    }
  }
  return out;
}

function setStylesheetsDisabled(disabled: boolean): void {
  for (const sheet of document.styleSheets) sheet.disabled = disabled;
}

/** Do the page's stylesheets load, and does switching them off change computed styles? */
async function stylesheetApplies(page: Page): Promise<{ loaded: number; total: number; changed: string[] }> {
  const sheets = await page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')];
    return { loaded: links.filter((l) => l.sheet).length, total: links.length };
  });
  const on = await page.evaluate(probeStyles);
  await page.evaluate(setStylesheetsDisabled, true);
  const off = await page.evaluate(probeStyles);
  await page.evaluate(setStylesheetsDisabled, false);
  return { ...sheets, changed: Object.keys(on).filter((k) => on[k] !== off[k]) };
}

/** Follow the first navigation link that leads to another page; return where we landed. */
async function followNavigation(page: Page): Promise<{ href: string; url: string; h1: number; lang: string | null }> {
  const link = page.locator('nav a[href]:not([href^="#"])').first();
  assert.ok(await link.count(), 'the reply page has no navigation link');
  const href = (await link.getAttribute('href'))!;
  await Promise.all([page.waitForEvent('load'), link.click()]);
  return {
    href,
    url: page.url(),
    h1: await page.locator('h1').count(),
    lang: await page.locator('html').getAttribute('lang'),
  };
}

for (const prefix of ['/', '/legco-archive/']) {
  test(`served under ${prefix}: stylesheet applies, navigation works`, async () => {
    assert.ok(reply, 'no reply page in _site');
    const server = await serveDirectory(siteDir, prefix);
    servers.push(server);
    const page = await browser.newPage();
    const response = await page.goto(server.baseUrl + reply.path);
    assert.is(response?.status(), 200);
    const css = await stylesheetApplies(page);
    assert.ok(css.total > 0, 'the reply page links no stylesheet');
    assert.is(css.loaded, css.total, 'a stylesheet did not load');
    assert.ok(css.changed.length > 0, 'switching the stylesheets off changes nothing: the CSS does not apply');
    const nav = await followNavigation(page);
    console.log(`  ${prefix}: ${css.loaded}/${css.total} stylesheets, ${css.changed.length} probed styles set; nav "${nav.href}" → ${nav.url}`);
    assert.ok(nav.url.startsWith(server.baseUrl), `navigation left the site's prefix: ${nav.url}`);
    assert.is(nav.h1, 1, `navigation to ${nav.url} did not land on an archive page`);
    await page.close();
  });
}

test('file:// (online _site): stylesheet applies', async () => {
  assert.ok(reply, 'no reply page in _site');
  const page = await browser.newPage();
  await page.goto(pathToFileURL(`${siteDir}/${reply.path}index.html`).href);
  const css = await stylesheetApplies(page);
  console.log(`  file:// _site: ${css.loaded}/${css.total} stylesheets, ${css.changed.length} probed styles set`);
  assert.is(css.loaded, css.total, 'a stylesheet did not load from disk (a root-absolute href or a CSP that blocks file:?)');
  assert.ok(css.changed.length > 0, 'the CSS does not apply from disk');
  await page.close();
});

test('file:// (offline build): stylesheet applies, navigation lands on index.html pages', async () => {
  assert.ok(reply, 'no reply page in _site');
  const { siteDir: offlineDir } = offlineBuild();
  const page = await browser.newPage();
  await page.goto(pathToFileURL(`${offlineDir}/${reply.path}index.html`).href);
  const css = await stylesheetApplies(page);
  assert.is(css.loaded, css.total, 'a stylesheet did not load from disk');
  assert.ok(css.changed.length > 0, 'the CSS does not apply from disk');
  const nav = await followNavigation(page);
  console.log(`  file:// offline: ${css.loaded}/${css.total} stylesheets; nav "${nav.href}" → ${nav.url}`);
  assert.ok(nav.url.endsWith('.html'), `navigation from disk went to ${nav.url}, not an HTML file`);
  assert.is(nav.h1, 1, `navigation to ${nav.url} did not land on an archive page`);
  await page.close();
});

test.run();
