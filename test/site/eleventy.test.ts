/** Eleventy writes every route of the route table, at its URL, with page-relative links; the sitemap index and its parts list exactly the built pages. */
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
const settings = settingsFromEnv({ SITE_URL: 'https://example.test/archive/' });
const routes = routeTable(archive, settings);

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

test('the sitemap index lists the shell\'s part and each year\'s; together they list every page but the 404, once, on the site URL', async () => {
  const out = tempDir('eleventy-sitemap');
  await writePages(settings, archive, routes, out);
  const locsOf = (file: string) => [...readFileSync(path.join(out, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const index = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
  assert.match(index, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  const parts = locsOf('sitemap.xml');
  assert.equal(parts, [`${settings.siteUrl}sitemap-shell.xml`, ...archive.years.map((y) => `${settings.siteUrl}${y.year}/sitemap.xml`)]);
  // Each year's part lists that year's pages only (both interfaces): a year's unit is published whole.
  for (const y of archive.years) for (const loc of locsOf(`${y.year}/sitemap.xml`)) assert.ok(loc.startsWith(`${settings.siteUrl}${y.year}/`), loc);
  const locs = parts.flatMap((p) => locsOf(p.slice(settings.siteUrl!.length)));
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
  assert.match(page, 'href="../en/itib002/" hreflang="en"');
  assert.match(page, '<link rel="canonical" href="https://example.test/archive/2023-24/itib002/">');
  assert.not.match(page, / (?:href|src|action)="\/(?!\/)/);
  const offline = tempDir('eleventy-offline');
  await writePages({ ...settings, offline: true }, archive, routes, offline);
  const en = readFileSync(path.join(offline, '2023-24/en/itib002/index.html'), 'utf8');
  assert.match(en, 'href="../itib007/index.html" rel="next"');
  assert.match(en, 'action="../../../en/search/index.html"');
});

test('feeds link absolutely on the site address; without one, relatively, and no sitemap, canonical or og:url is written', async () => {
  const out = tempDir('eleventy-feeds');
  await writePages(settings, archive, routes, out);
  const feed = readFileSync(path.join(out, '2023-24/en/feed.xml'), 'utf8');
  assert.match(feed, '<link rel="self" type="application/atom+xml" href="https://example.test/archive/2023-24/en/feed.xml"/>');
  assert.match(feed, '<link rel="alternate" type="text/html" href="https://example.test/archive/2023-24/en/itib002/"/>');

  const bare = settingsFromEnv({});
  const noAddress = tempDir('eleventy-no-address');
  await writePages(bare, archive, routeTable(archive, bare), noAddress);
  assert.not.ok(existsSync(path.join(noAddress, 'sitemap.xml')), 'a sitemap needs absolute URLs');
  assert.is(readFileSync(path.join(noAddress, 'robots.txt'), 'utf8'), 'User-agent: *\nAllow: /\n');
  const page = readFileSync(path.join(noAddress, '2023-24/itib002/index.html'), 'utf8');
  assert.not.match(page, /rel="canonical"|og:url|og:image|https?:\/\/[^"]*example/);
  assert.match(page, '<a href="./" class="permalink">/2023-24/itib002/</a>');
  const relFeed = readFileSync(path.join(noAddress, '2023-24/feed.xml'), 'utf8');
  assert.match(relFeed, '<link rel="alternate" type="text/html" href="./itib002/"/>');
  const notFound = readFileSync(path.join(noAddress, '404.html'), 'utf8');
  assert.not.match(notFound, 'favicon', 'a 404 page that cannot know where the site is loads nothing from it');
  assert.match(notFound, '<a href="/">');
  assert.not.match(notFound, /https?:\/\/(?!github\.com|www\.w3\.org)/);
});

test.run();
