/** Eleventy writes every route of the route table, at its URL, with page-relative links; the sitemap lists exactly the built pages. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { settingsFromEnv } from '../../_data/site.ts';
import { loadArchive } from '../../src/site/data/load.ts';
import { routeTable } from '../../src/site/data/routes.ts';
import { writePages } from '../../src/site/eleventy-config.ts';
import { tempDir } from '../support/builds.ts';

const archive = loadArchive('test/fixtures/site');
const routes = routeTable(archive);
const settings = settingsFromEnv({ SITE_URL: 'https://example.test/archive/' });

function file(out: string, url: string): string {
  return path.join(out, url.endsWith('/') ? `${url}index.html` : url);
}

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => `/${f.split(path.sep).join('/')}`);
}

test('every route is written once, at its URL; every HTML file written is a route', async () => {
  const out = tempDir('eleventy');
  await writePages(settings, archive, routes, out);
  for (const r of routes.all) assert.ok(existsSync(file(out, r.url)), r.url);
  const pages = routes.all.filter((r) => file(out, r.url).endsWith('.html')).map((r) => r.url.replace(/\/$/, '/index.html'));
  assert.equal(htmlFiles(out).sort(), pages.sort());
  assert.is(routes.byKind.reply.length, archive.replies.length * 2, 'every reply in both interface languages');
});

test('the sitemap lists every page but the 404, once, on the site URL', async () => {
  const out = tempDir('eleventy-sitemap');
  await writePages(settings, archive, routes, out);
  const locs = [...readFileSync(path.join(out, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const pages = htmlFiles(out).filter((f) => f !== '/404.html').map((f) => settings.siteUrl + encodeURI(f.slice(1).replace(/index\.html$/, '')));
  assert.equal([...locs].sort(), pages.sort());
  assert.is(new Set(locs).size, locs.length);
});

test('links are page-relative; offline, directory links end in index.html', async () => {
  const out = tempDir('eleventy-links');
  await writePages(settings, archive, routes, out);
  const page = readFileSync(path.join(out, '2023-24/itib002/index.html'), 'utf8');
  assert.match(page, '<link rel="stylesheet" href="../../assets/site.css">');
  assert.match(page, 'href="../itib007/" rel="next"');
  assert.match(page, 'href="../../en/2023-24/itib002/" hreflang="en"');
  assert.match(page, '<link rel="canonical" href="https://example.test/archive/2023-24/itib002/">');
  assert.not.match(page, / (?:href|src|action)="\/(?!\/)/);
  const offline = tempDir('eleventy-offline');
  await writePages({ ...settings, offline: true }, archive, routes, offline);
  const en = readFileSync(path.join(offline, 'en/2023-24/itib002/index.html'), 'utf8');
  assert.match(en, 'href="../itib007/index.html" rel="next"');
  assert.match(en, 'action="../../search/index.html"');
});

test.run();
