/**
 * The built site (npm run build): every page's og:image is a published
 * card-sized PNG; reply pages load no picture (only the site icon); icons and
 * the manifest are linked and exist; the card list is not published.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { settingsFromEnv } from '../../_data/site.ts';
import { ogImagePath } from '../../src/model/urls.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../../src/site/images/card-markup.ts';
import { requireSite } from '../support/site.ts';

/** The site URL the build under test was made with (the same environment). */
const siteUrl = settingsFromEnv(process.env).siteUrl;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const meta = (page: string, property: string) =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(page)?.[1];

test('every page has a published card-sized PNG, named by og:image when the site has an address', async () => {
  const dir = requireSite();
  const pages = htmlFiles(dir);
  assert.ok(pages.length > 600, `${pages.length} pages`);
  let checked = 0;
  const cards = new Set<string>();
  for (const file of pages) {
    const page = readFileSync(file, 'utf8');
    const image = meta(page, 'og:image');
    const rel = path.relative(dir, file).split(path.sep).join('/');
    if (rel.endsWith('404.html')) {
      assert.is(image, undefined, `${rel} has an og:image`);
      continue;
    }
    // Pages of every language share the zh page's card (src/model/urls.ts ogImagePath); a year's English pages are /<year>/en/….
    const card = ogImagePath(`/${rel.replace(/^en\//, '').replace(/^(\d{4}-\d{2}\/)en\//, '$1').replace(/index\.html$/, '')}`);
    if (siteUrl === null) {
      // Without the site's address no absolute URL can be written: no og:image at all.
      assert.is(image, undefined, `${rel}: og:image without a site address`);
    } else {
      assert.is(image, siteUrl + encodeURI(card.slice(1)), `${rel}: og:image`);
      // Declared size and text alternative, so a preview can lay out before fetching and be read aloud.
      assert.equal([meta(page, 'og:image:width'), meta(page, 'og:image:height')], [String(CARD_WIDTH), String(CARD_HEIGHT)], file);
      assert.ok((meta(page, 'og:image:alt') ?? '').length > 0, `${rel}: og:image:alt`);
    }
    const png = path.join(dir, card);
    assert.ok(existsSync(png), `${rel}: ${card} is published`);
    cards.add(png);
    checked++;
  }
  for (const png of [...cards].filter((_, i) => i % 50 === 0)) {
    const m = await sharp(png).metadata();
    assert.equal([m.format, m.width, m.height], ['png', CARD_WIDTH, CARD_HEIGHT], png);
  }
  assert.ok(checked > 600);
  assert.not.ok(existsSync(path.join(dir, 'og/cards.json')), 'no build message is published');
});

test('reply pages load no picture: no img, picture, svg image, media or CSS image; only the site icon is linked', () => {
  const dir = requireSite();
  const replies = htmlFiles(path.join(dir, '2023-24')).filter((f) => /\/itib\d+\/index\.html$/.test(f));
  assert.ok(replies.length >= 263);
  for (const file of replies) {
    const page = readFileSync(file, 'utf8');
    assert.not.match(page, /<(img|picture|image|video|audio|iframe|object|embed)\b|srcset=|as="image"/, file);
    const icons = [...page.matchAll(/<link rel="([^"]+)" href="([^"]+)"/g)].filter(([, rel]) => /icon/.test(rel!));
    for (const [, rel, href] of icons) assert.ok(/icon/.test(rel!) && /(favicon|icon)[^/]*\.(svg|png)$/.test(href!), `${rel} ${href}`);
  }
  const css = readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.css'));
  for (const f of css) assert.not.match(readFileSync(path.join(dir, 'assets', f), 'utf8'), /url\(/, `${f} loads no image`);
});

test('icons and manifest: linked from the home page and published', () => {
  const dir = requireSite();
  const home = readFileSync(path.join(dir, 'index.html'), 'utf8');
  for (const [rel, file] of [
    ['icon', 'favicon.svg'],
    ['icon', 'favicon-32.png'],
    ['apple-touch-icon', 'apple-touch-icon.png'],
    ['manifest', 'site.webmanifest'],
  ] as const) {
    assert.match(home, new RegExp(`<link rel="${rel}" href="\\./${file.replace('.', '\\.')}"`), `${rel} → ${file}`);
    assert.ok(existsSync(path.join(dir, file)), `${file} published`);
  }
  const manifest = JSON.parse(readFileSync(path.join(dir, 'site.webmanifest'), 'utf8')) as { icons: { src: string }[] };
  for (const icon of manifest.icons) assert.ok(existsSync(path.join(dir, icon.src)), icon.src);
});

test.run();
