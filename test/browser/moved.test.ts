/**
 * Addresses that moved with issue 16 keep working: GitHub Pages answers a
 * missing address with 404.html, whose script (assets/moved.js) sends the
 * English interface's old address of a year's page, /en/<year>/…, to its new
 * place, /<year>/en/….
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { launchChromium } from '../../src/serve/chromium.ts';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { PAIRED_SITE_URL, pairedSite } from '../support/builds.ts';
import { requireSite } from '../support/site.ts';

test('an old /en/2023-24/… address lands on the page at /2023-24/en/…', async () => {
  // The 404 page loads moved.js from the site's address (SITE_URL), as GitHub Pages serves it at any
  // depth: a site built with an address, that address answered from the built files as a host does
  // (a folder's index.html, else the 404 page with status 404).
  const { site } = pairedSite();
  const browser = await launchChromium();
  const server = { baseUrl: PAIRED_SITE_URL };
  try {
    const page = await browser.newPage();
    await page.route(`${PAIRED_SITE_URL}**`, async (route) => {
      const path = decodeURIComponent(new URL(route.request().url()).pathname);
      const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
      const body = await readFile(file).catch(() => null);
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
      await (body ? route.fulfill({ body, contentType: type }) : route.fulfill({ status: 404, body: await readFile(join(site, '404.html')), contentType: 'text/html; charset=utf-8' }));
    });
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
  }
});

test('without the address of the site the 404 page loads no script (it may be served under a path prefix)', () => {
  assert.not.match(readFileSync(join(requireSite(), '404.html'), 'utf8'), /<script/);
});

test.run();
