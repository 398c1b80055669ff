/**
 * Addresses that moved with issue 16 keep working: GitHub Pages answers a
 * missing address with 404.html, whose script (assets/moved.js) sends the
 * English interface's old address of a year's page, /en/<year>/…, to its new
 * place, /<year>/en/….
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { launchChromium } from '../../src/serve/chromium.ts';
import { serveDirectory } from '../../src/serve/static-server.ts';
import { requireSite } from '../support/site.ts';

test('an old /en/2023-24/… address lands on the page at /2023-24/en/…', async () => {
  // Served at the domain's root, as the site's 404 page is without SITE_URL (README, Publishing).
  const server = await serveDirectory(requireSite(), '/');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const [old, now] of [
      ['en/2023-24/itib001/', '2023-24/en/itib001/'],
      ['en/2023-24/heads/135/?x=1#programmes', '2023-24/en/heads/135/?x=1#programmes'],
      ['en/2023-24/', '2023-24/en/'],
    ] as const) {
      await page.goto(server.baseUrl + old);
      await page.waitForURL(server.baseUrl + now);
      assert.is(await page.locator('html').getAttribute('lang'), 'en', now);
      assert.is(await page.locator('h1').count(), 1, `${now} is an archive page`);
    }
    // An address that never existed stays on the 404 page.
    const missing = await page.goto(`${server.baseUrl}no-such-page/`);
    assert.is(missing?.status(), 404);
    assert.is(new URL(page.url()).pathname, '/no-such-page/');
  } finally {
    await browser.close();
    await server.close();
  }
});

test.run();
