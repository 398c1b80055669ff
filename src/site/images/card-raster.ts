/**
 * Draws share cards: one sharp `text` pipeline for several cards (Pango, our
 * fonts only: the render worker's fontconfig), its pixels mapped to the
 * card's four colours here, over the fixed parts (background, bar, rule, archive name)
 * drawn once per worker. Pango's anti-aliasing is kept where it reads best:
 * white text gets a light edge colour, smaller ink snaps to its colour or to
 * the background. No quantiser, no dithering, no SVG: the same markup gives
 * the same bytes.
 */
import sharp from 'sharp';
import { ACCENT_BAR_WIDTH, BRAND_TOP, CARD_COLOURS, CARD_HEIGHT, CARD_WIDTH, LEFT, RULE, TEXT_TOP, TEXT_WIDTH, brandMarkup, cardsLayout, type InkClass } from './card-markup.ts';
import { FONT_FAMILY } from './fonts.ts';
import { DEFLATE_LEVEL, bitDepth, palettePng, scanlineBytes, type Rgb } from './png.ts';

/** Palette indices, in the order of the PNG's palette. */
const BACKGROUND = 0;
const MID = 1;
const ACCENT = 2;
const TEXT = 3;

function rgb(hex: string): Rgb {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

export const CARD_PALETTE: readonly Rgb[] = [CARD_COLOURS.background, CARD_COLOURS.mid, CARD_COLOURS.accent, CARD_COLOURS.text].map(rgb);

/**
 * The card as it is drawn: PNG scanlines (a filter byte, then 4 pixels a
 * byte), so that a card is the fixed parts' bytes copied, its text's pixels
 * set, and deflated: no pass over the whole picture.
 */
const STRIDE = scanlineBytes(CARD_WIDTH, CARD_PALETTE.length);
if (bitDepth(CARD_PALETTE.length) !== 2) throw new Error('card-raster: the card is drawn 2 bits a pixel');

function setPixel(rows: Uint8Array, x: number, y: number, index: number): void {
  const at = y * STRIDE + 1 + (x >> 2);
  const shift = 6 - ((x & 3) << 1);
  rows[at] = (rows[at]! & ~(3 << shift)) | (index << shift);
}

/**
 * For an ink class, the palette index of each coverage 0–255: the colour
 * nearest to the ink blended over the background at that coverage, among the
 * colours that ink may use.
 */
function coverageTable(ink: number, allowed: readonly number[]): Uint8Array {
  const table = new Uint8Array(256);
  const bg = CARD_PALETTE[BACKGROUND]!;
  const fg = CARD_PALETTE[ink]!;
  for (let a = 0; a < 256; a++) {
    const mix = bg.map((b, i) => b + ((fg[i]! - b) * a) / 255);
    let best = BACKGROUND;
    let bestDistance = Infinity;
    for (const k of allowed) {
      const distance = CARD_PALETTE[k]!.reduce((sum, v, i) => sum + (v - mix[i]!) ** 2, 0);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = k;
      }
    }
    table[a] = best;
  }
  return table;
}

const TABLES: Readonly<Record<InkClass, Uint8Array>> = {
  accent: coverageTable(ACCENT, [BACKGROUND, ACCENT]),
  text: coverageTable(TEXT, [BACKGROUND, MID, TEXT]),
  mid: coverageTable(MID, [BACKGROUND, MID]),
};

interface TextPicture {
  data: Uint8Array;
  width: number;
  height: number;
  /** The column of the layout's x = 0: the first inked column of the marker on the top rows. */
  originX: number;
}

/** Rows searched for the marker's first column (its top row may be too faint to show). */
const MARKER_ROWS = 3;

function markerColumn(data: Uint8Array, width: number, height: number): number {
  let first = width;
  for (let y = 0; y < Math.min(MARKER_ROWS, height); y++) {
    for (let x = 0; x < first; x++) {
      if (data[(y * width + x) * 4 + 3]! > 0) {
        first = x;
        break;
      }
    }
  }
  if (first === width) throw new Error('card text: the marker line is missing from the picture');
  return first;
}

/** Pango markup → RGBA pixels cropped to the ink (sharp's `text` input, 72 dpi: a point is a pixel). */
async function drawText(markup: string): Promise<TextPicture> {
  // The default size (4 px, as the line markers) applies to the line breaks only: every run sets its own.
  const { data, info } = await sharp({ text: { text: markup, font: `${FONT_FAMILY} 4`, rgba: true, dpi: 72 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`card text: expected RGBA from sharp, got ${info.channels} channels`);
  // A 32-bit view (paintText) needs 4-byte alignment: sharp's own buffers have it; copy otherwise.
  const pixels = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
  return { data: pixels, width: info.width, height: info.height, originX: markerColumn(pixels, info.width, info.height) };
}

/**
 * Lays text pixels onto the card's scanlines, the layout's x = 0 at the
 * card's LEFT and the picture's top row at `top`. The ink class of a pixel is
 * its strongest channel (card-markup.ts INK), its coverage the alpha. Pixels
 * off the card are dropped (the marker line among them); nothing else is
 * clipped.
 */
function paintText(rows: Uint8Array, text: TextPicture, top: number): void {
  const { data, width, height } = text;
  const left = LEFT - text.originX;
  const words = new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
  const x0 = Math.max(0, -left);
  const x1 = Math.min(width, CARD_WIDTH - left);
  for (let y = Math.max(0, -top); y < height && top + y < CARD_HEIGHT; y++) {
    const row = y * width;
    for (let x = x0; x < x1; x++) {
      // Most of a text picture is empty: skip those pixels with one read.
      if (words[row + x] === 0) continue;
      const p = (row + x) << 2;
      const alpha = data[p + 3]!;
      if (alpha === 0) continue;
      const r = data[p]!;
      const g = data[p + 1]!;
      const b = data[p + 2]!;
      const table = r >= g && r >= b ? TABLES.accent : g >= b ? TABLES.text : TABLES.mid;
      const index = table[alpha]!;
      if (index !== BACKGROUND) setPixel(rows, left + x, top + y, index);
    }
  }
}

function fill(rows: Uint8Array, left: number, top: number, width: number, height: number, index: number): void {
  for (let y = top; y < top + height; y++) for (let x = left; x < left + width; x++) setPixel(rows, x, y, index);
}

/** The fixed parts of every card with this archive name, as scanlines (background is index 0: all zero bytes). */
async function fixedParts(brand: string): Promise<Uint8Array> {
  const rows = new Uint8Array(STRIDE * CARD_HEIGHT);
  fill(rows, 0, 0, ACCENT_BAR_WIDTH, CARD_HEIGHT, ACCENT);
  fill(rows, LEFT, RULE.top, TEXT_WIDTH, RULE.height, MID);
  paintText(rows, await drawText(brandMarkup(brand)), BRAND_TOP);
  return rows;
}

/**
 * A card's byte budget (issue 16: ≤ 8 KB a card). Real cards stay well under
 * it at the usual zlib level (seed: max 7.1 KB); a card whose every line is
 * full of varied characters reaches it, and is deflated harder (~5 % fewer
 * bytes, ~4 ms): the budget holds for every card at little cost.
 */
export const CARD_BYTES = 8 * 1024;

/** Draws cards; keeps the fixed parts of each archive name it has seen (one, in practice). */
export class CardPainter {
  private readonly fixed = new Map<string, Promise<Uint8Array>>();

  /**
   * Cards (cardMarkup blocks) over the brand's fixed parts, as 2-bit palette
   * PNGs, in order: one text picture for them all, cut into cards.
   */
  async paint(blocks: readonly string[], brand: string): Promise<Buffer[]> {
    let base = this.fixed.get(brand);
    if (!base) this.fixed.set(brand, (base = fixedParts(brand)));
    const [fixed, text] = await Promise.all([base, drawText(cardsLayout(blocks))]);
    return blocks.map((_, k) => {
      const rows = fixed.slice();
      paintText(rows, text, TEXT_TOP - k * CARD_HEIGHT);
      const png = palettePng(CARD_WIDTH, CARD_HEIGHT, CARD_PALETTE, rows);
      return png.length <= CARD_BYTES ? png : palettePng(CARD_WIDTH, CARD_HEIGHT, CARD_PALETTE, rows, DEFLATE_LEVEL.smallest);
    });
  }
}
