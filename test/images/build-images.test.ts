/**
 * buildImages on real cards: a second build renders nothing and publishes the
 * same bytes; a changed title re-renders that card only; a cold cache renders
 * identical bytes again; icons and manifest are published.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildImages } from '../../src/site/images/build-images.ts';
import { cardList, type CardList } from '../../src/site/images/card-list.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../../src/site/images/card-markup.ts';
import { loadArchive } from '../../src/site/data/load.ts';
import { routeTable } from '../../src/site/data/routes.ts';
import { ogImagePath } from '../../src/model/urls.ts';
import { CONTENT_DIR } from '../support/site.ts';
import { tempDir } from '../support/builds.ts';

const archive = loadArchive(CONTENT_DIR);
const full = cardList(archive, routeTable(archive, { siteUrl: null }));
const pick = ['2023-24/og/itib001.png', '2023-24/og/heads/155.png', 'og/index.png'];
/** A card whose text could break the SVG if it were not escaped. */
const hostile = { out: 'og/test/escape.png', kicker: '<b>', aside: '&amp;', title: '<script>alert("x")</script> & 陳<英>', meta: ['"q" & <tag>'] };
const cards = [...full.cards.filter((c) => pick.includes(c.out)), hostile];
const outs = [...pick, hostile.out];
const ICONS = ['favicon-32.png', 'icon-192.png', 'icon-512.png', 'apple-touch-icon.png'];

/** An empty site folder and the card list to draw into it. */
function site(list: CardList): [string, CardList] {
  const dir = tempDir('images-site');
  mkdirSync(path.join(dir, 'og'), { recursive: true });
  return [dir, list];
}

function digests(dir: string, files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
}

const cache = tempDir('images-cache');
const published = [...outs, ...ICONS, 'favicon.svg', 'site.webmanifest'];
let firstDigests: Record<string, string> = {};

test('cold: every card and icon is rendered, at the right size', async () => {
  assert.is(cards.length, 4, 'the picked cards exist in the real archive');
  const [dir, list] = site({ ...full, cards });
  const stats = await buildImages(dir, list, { cacheDir: cache, workers: 2 });
  assert.is(stats.cards, 4);
  assert.is(stats.rendered, 4 + ICONS.length);
  for (const f of outs) {
    const m = await sharp(path.join(dir, f)).metadata();
    assert.equal([m.format, m.width, m.height], ['png', CARD_WIDTH, CARD_HEIGHT], f);
  }
  const apple = await sharp(path.join(dir, 'apple-touch-icon.png')).metadata();
  assert.equal([apple.width, apple.height], [180, 180]);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'site.webmanifest'), 'utf8')) as { name: string; icons: { src: string }[] };
  assert.is(manifest.name, full.brand);
  for (const icon of manifest.icons) assert.ok(existsSync(path.join(dir, icon.src)), `manifest icon ${icon.src} exists`);
  firstDigests = digests(dir, published);
  assert.ok(stats.bytes > 0);
});

test('warm: a second build renders 0 pictures and publishes identical bytes', async () => {
  const [dir, list] = site({ ...full, cards });
  const stats = await buildImages(dir, list, { cacheDir: cache, workers: 2 });
  assert.is(stats.rendered, 0);
  assert.equal(digests(dir, published), firstDigests);
});

test('a changed title re-renders that card only', async () => {
  const changed = cards.map((c) => (c.out === pick[0] ? { ...c, title: `${c.title}（更正）` } : c));
  const [dir, list] = site({ ...full, cards: changed });
  const stats = await buildImages(dir, list, { cacheDir: cache, workers: 2 });
  assert.is(stats.rendered, 1);
  const now = digests(dir, published);
  assert.is.not(now[pick[0]!], firstDigests[pick[0]!]);
  assert.is(now[pick[1]!], firstDigests[pick[1]!]);
});

test('deterministic: an empty cache renders byte-identical pictures', async () => {
  const [dir, list] = site({ ...full, cards });
  const stats = await buildImages(dir, list, { cacheDir: tempDir('images-cache-2'), workers: 2 });
  assert.is(stats.rendered, 4 + ICONS.length);
  assert.equal(digests(dir, published), firstDigests);
});

test('bad input: a malformed card fails naming it, before anything is written', async () => {
  const [dir, list] = site({ ...full, cards: [{ ...cards[0]!, out: '../escape.png' }] });
  try {
    await buildImages(dir, list, { cacheDir: cache, workers: 1 });
    assert.unreachable('should have thrown');
  } catch (err) {
    assert.match((err as Error).message, /share cards: card 0 is malformed/);
  }
  assert.not.ok(existsSync(path.join(dir, 'favicon.svg')));
});

test('every page type of the real archive has exactly one card', () => {
  const a = archive;
  const outs = new Set(full.cards.map((c) => c.out));
  const want = [...a.replies, ...a.years, ...a.heads, ...a.programmes, ...a.members, ...a.background].map(
    // A year's pages have their card in the year's folder (/2023-24/og/…), the others under /og/.
    (p) => ogImagePath(p.path).slice(1),
  );
  for (const w of want) assert.ok(outs.has(w), `card for ${w}`);
  assert.ok(outs.has('og/index.png'));
  assert.is(full.cards.length, want.length + 5, 'plus home, about, data, search, members');
});

test.run();
