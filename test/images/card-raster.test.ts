/**
 * Drawn cards, read back as pixels (no text extraction): a real reply's card
 * carries its title where the title goes (another title changes those pixels
 * and nothing else); the longest titles and facts stay inside the margins and
 * under 8 KB; a card's bytes do not depend on the cards drawn with it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ACCENT_BAR_WIDTH, CARD_COLOURS, CARD_HEIGHT, CARD_WIDTH, LEFT, RULE, TEXT_WIDTH, cardMarkup, type CardText } from '../../src/site/images/card-markup.ts';
import { cardList } from '../../src/site/images/card-list.ts';
import { fontconfigXml, notoSansHk } from '../../src/site/images/fonts.ts';
import { renderInWorkers } from '../../src/site/images/render-pool.ts';
import { writeFileAtomic } from '../../src/site/images/atomic-write.ts';
import { loadArchive } from '../../src/site/data/load.ts';
import { routeTable } from '../../src/site/data/routes.ts';
import { CONTENT_DIR } from '../support/site.ts';
import { tempDir } from '../support/builds.ts';

const dir = tempDir('card-raster');
const fonts = notoSansHk();
const conf = path.join(dir, 'fonts.conf');
writeFileAtomic(conf, fontconfigXml([path.dirname(fonts.regular), path.dirname(fonts.bold)], path.join(dir, 'fontconfig')));

const archive = loadArchive(CONTENT_DIR);
const list = cardList(archive, routeTable(archive, { siteUrl: null }));
/** Issue 16: at most 8 KB a card. */
const BUDGET = 8 * 1024;
// A reply's card is in its year's unit: 2023-24/og/itib001.png (src/model/urls.ts ogImagePath).
const replyCards = list.cards.filter((c) => /^\d{4}-\d{2}\/og\/[a-z]+\d+\.png$/.test(c.out));

let run = 0;
/** Draws cards in one pool run (so several share a layout); returns their PNGs in order. */
async function draw(cards: CardText[], workers = 1): Promise<Buffer[]> {
  const out = path.join(dir, `run-${run++}`);
  const files = cards.map((_, i) => path.join(out, `${i}.png`));
  await renderInWorkers(
    cards.map((c, i) => ({ card: { markup: cardMarkup(c), brand: list.brand }, file: files[i]!, label: `card ${i}` })),
    { workers, fontconfigFile: conf },
  );
  return files.map((f) => readFileSync(f));
}

interface Pixels {
  data: Buffer;
  /** Is the pixel at (x, y) the background colour? */
  isBackground(x: number, y: number): boolean;
}

const BG = [1, 3, 5].map((i) => Number.parseInt(CARD_COLOURS.background.slice(i, i + 2), 16));

async function pixels(png: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  assert.equal([info.width, info.height], [CARD_WIDTH, CARD_HEIGHT]);
  return {
    data,
    isBackground: (x, y) => {
      const p = (y * CARD_WIDTH + x) * 3;
      return data[p] === BG[0] && data[p + 1] === BG[1] && data[p + 2] === BG[2];
    },
  };
}

/** Rows of the card that hold the title: between the kicker line and the rule. */
const TITLE_ROWS = { top: 86, bottom: RULE.top - 1 };

/** How many pixels differ between two cards inside and outside the rows [top, bottom]. */
async function differences(a: Buffer, b: Buffer, rows: { top: number; bottom: number }): Promise<{ inside: number; outside: number }> {
  const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
  let inside = 0;
  let outside = 0;
  for (let y = 0; y < CARD_HEIGHT; y++) {
    for (let x = 0; x < CARD_WIDTH; x++) {
      const p = (y * CARD_WIDTH + x) * 3;
      if (pa.data[p] === pb.data[p] && pa.data[p + 1] === pb.data[p + 1] && pa.data[p + 2] === pb.data[p + 2]) continue;
      if (y >= rows.top && y <= rows.bottom) inside++;
      else outside++;
    }
  }
  return { inside, outside };
}

test('a real reply card shows its Chinese title: another title changes the title rows, and only those', async () => {
  const card = replyCards.find((c) => c.out === '2023-24/og/itib001.png')!;
  const other = replyCards.find((c) => c.title !== card.title && /^[\u4e00-\u9fff「]/.test(c.title))!;
  assert.ok(/[\u4e00-\u9fff]/.test(card.title), `a Chinese title: ${card.title}`);
  const [mine, swapped, again] = await draw([card, { ...card, title: other.title }, card]);
  const title = await pixels(mine!);
  let ink = 0;
  for (let y = TITLE_ROWS.top; y <= TITLE_ROWS.bottom; y++) for (let x = LEFT; x < LEFT + TEXT_WIDTH; x++) if (!title.isBackground(x, y)) ink++;
  assert.ok(ink > 2000, `${ink} title pixels`);
  const diff = await differences(mine!, swapped!, TITLE_ROWS);
  assert.ok(diff.inside > 0.3 * ink, `${diff.inside} pixels of the title rows differ with "${other.title}"`);
  assert.is(diff.outside, 0, 'nothing outside the title rows changes');
  assert.ok(mine!.equals(again!), 'the same card twice: the same bytes');
});

const longest = [...replyCards].sort((a, b) => b.title.length - a.title.length || a.out.localeCompare(b.out)).slice(0, 4);
/** Real titles run together: varied characters (the most edges, so the most bytes) filling every line to its end. */
const prose = longest.map((c) => c.title).join('');
const worst: CardText = {
  kicker: 'ITIB263',
  aside: '2023-24',
  title: prose,
  meta: [0, 1, 2].map((i) => prose.slice(i * 20)),
};

test('the longest titles wrap or end with … inside the margins, within 8 KB', async () => {
  const cards = [...longest, worst];
  const pngs = await draw(cards, 2);
  for (const [i, png] of pngs.entries()) {
    const name = i < longest.length ? longest[i]!.out : 'the densest possible card';
    // The budget is for the archive's cards (every one is checked below); the synthetic card, every line
    // full of varied characters, is no card a reader gets: it checks the margins, and its size is reported.
    if (i < longest.length) assert.ok(png.length <= BUDGET, `${name}: ${png.length} bytes`);
    else console.log(`  the densest possible card: ${png.length} bytes`);
    const p = await pixels(png);
    // Right margin, bottom edge, left gutter (between the bar and the text), top edge: background only.
    const stray: string[] = [];
    for (let y = 0; y < CARD_HEIGHT; y++) for (let x = LEFT + TEXT_WIDTH + 2; x < CARD_WIDTH; x++) if (!p.isBackground(x, y)) stray.push(`(${x}, ${y})`);
    for (let x = 0; x < CARD_WIDTH; x++) for (const y of [0, 1, CARD_HEIGHT - 2, CARD_HEIGHT - 1]) if (x >= ACCENT_BAR_WIDTH && !p.isBackground(x, y)) stray.push(`(${x}, ${y})`);
    for (let y = 0; y < CARD_HEIGHT; y++) for (let x = ACCENT_BAR_WIDTH; x < LEFT - 2; x++) if (!p.isBackground(x, y)) stray.push(`(${x}, ${y})`);
    assert.equal(stray.slice(0, 5), [], `${name}: ink outside the text box`);
  }
  const worstBytes = pngs[pngs.length - 1]!.length;
  assert.ok(worstBytes > Math.max(...pngs.slice(0, -1).map((p) => p.length)), `the dense card (${worstBytes} bytes) is the heaviest of these`);
});

test('a card has the same bytes drawn alone as drawn in a layout with other cards', async () => {
  const some = replyCards.slice(0, 24);
  const together = await draw(some, 1);
  const pick = [0, 5, 23];
  const alone = await Promise.all(pick.map((i) => draw([some[i]!], 1)));
  for (const [k, i] of pick.entries()) assert.ok(alone[k]![0]!.equals(together[i]!), `${some[i]!.out}: alone ≠ in a layout`);
});

test('every card of the archive is at most 8 KB', async () => {
  const pngs = await draw(list.cards, 2);
  const over = pngs.map((png, i) => [list.cards[i]!.out, png.length] as const).filter(([, n]) => n > BUDGET);
  assert.equal(over, [], 'cards over 8 KB');
  const sizes = pngs.map((p) => p.length);
  console.log(`  ${sizes.length} cards: mean ${(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024).toFixed(1)} KB, largest ${(Math.max(...sizes) / 1024).toFixed(1)} KB`);
});

test.run();
