/**
 * The share card's layout, as Pango markup that sharp's `text` input draws
 * (render-worker.ts → card-raster.ts). Pure: the same card text gives the same
 * markup. (The card cache keys on the card text plus a hash of this folder's
 * drawing code: see plan.ts.)
 *
 * 600×315: Facebook's documented minimum for a large link preview (below it
 * a link gets a small thumbnail) and above X's summary_large_image minimum
 * of 300×157; half of the 1200×630 they recommend, a quarter of the pixels
 * and so about a quarter of the bytes and of the drawing time.
 *
 * Layout, top to bottom: a yellow bar on the left; archive name (fixed, drawn
 * once per worker); kicker in the accent colour (reply number, "總目 135", …)
 * followed by the aside (the budget year); the title in large bold type (one
 * line at 42 px when it fits, else up to 3 lines at 32 px); a rule; up to 3
 * lines of facts.
 *
 * Positions in Pango: every line has an absolute line height and runs of one
 * size (a line's height is the union of its runs' boxes, so mixed sizes would
 * add to it), so each line's place is fixed whatever its text: the facts stay
 * put whether the title has one line or three, and a card's block of lines is
 * exactly CARD_HEIGHT tall. A worker draws several cards' blocks in one
 * layout (cardsLayout), one under the other, and cuts the picture into cards:
 * one sharp pipeline for several cards, and a card's pixels do not depend on
 * its neighbours (every block starts on a whole pixel, so every glyph lands on
 * the same sub-pixel position as it would alone).
 *
 * Pango crops the picture to the ink. The first line of every layout is a
 * marker block, above all other ink and at the layout's left edge, so the
 * picture's top row is the marker's and the marker's first column is the
 * layout's x = 0 (card-raster.ts finds it: a glyph such as a bold "J" that
 * starts left of its origin moves it). The marker line is above the card.
 */
import { escapeHtml } from '../../lib/html.ts';
import { textWidthEm, fitLine, wrapBalanced } from './wrap.ts';

export const CARD_WIDTH = 600;
export const CARD_HEIGHT = 315;

/**
 * The card's four colours: it is a 2-bit palette PNG. `mid` is the archive
 * name's colour and the edge colour of anti-aliased white text. Every text
 * colour has at least 7:1 contrast on `background` (checked by a test).
 */
export const CARD_COLOURS = {
  background: '#102a43',
  mid: '#bcccdc',
  accent: '#f7c948',
  text: '#ffffff',
} as const;

export type InkClass = 'accent' | 'text' | 'mid';

/**
 * What the markup draws with: not the card's colours but one pure channel per
 * ink class, so that card-raster.ts can tell from a pixel which palette
 * colour it belongs to and how much of it (its alpha) covers the pixel.
 */
export const INK: Readonly<Record<InkClass, string>> = { accent: '#ff0000', text: '#00ff00', mid: '#0000ff' };

/** What a card says; all text is plain (escaped here). */
export interface CardText {
  /** Short label above the title: reply number, "總目 135", "議員". */
  kicker: string;
  /** After the kicker, e.g. the budget year; may be empty. */
  aside: string;
  title: string;
  /** Up to three lines of facts under the rule (member, head, counts). */
  meta: string[];
}

export const LEFT = 40;
export const TEXT_WIDTH = 525;
export const ACCENT_BAR_WIDTH = 10;
export const RULE = { top: 224, height: 2 } as const;
/** Where the top row of a layout's picture (the marker's top) is, in the first card's pixels: above the card. */
export const TEXT_TOP = -24;
/** Where the top row of the archive name's picture goes: above the card. */
export const BRAND_TOP = -55;

/** The marker: its size and its line's height (the line keeps it clear of the text below). */
const MARKER_SIZE = 8;
const MARKER_LINE = 138;
const BRAND_SIZE = 15;
/** The kicker and the aside share one size: one size a line (see above). */
const KICKER_SIZE = 22;
const META_SIZE = 17;
/** Line heights (px): kicker line, the title block, the gap to the rule and past it, a line of facts. */
const KICKER_LINE = 42;
const TITLE_BLOCK = 123;
const GAP = 18;
const META_LINE = 24;
const META_LINES = 3;
/** Empty space closing a card's block, so that the block is CARD_HEIGHT tall. */
const BLOCK_END = CARD_HEIGHT - (KICKER_LINE + TITLE_BLOCK + GAP + META_LINES * META_LINE);
/** Title sizes tried in order: the first at which the title fits its line budget wins (big only for one-liners: no orphans). */
const TITLE_STYLES = [
  { size: 42, lineHeight: TITLE_BLOCK, maxLines: 1 },
  { size: 32, lineHeight: 41, maxLines: 3 },
] as const;

function titleLines(title: string): { size: number; lineHeight: number; lines: string[] } {
  for (const style of TITLE_STYLES) {
    const wrapped = wrapBalanced(title, TEXT_WIDTH / style.size, style.maxLines);
    if (!wrapped.truncated || style === TITLE_STYLES[TITLE_STYLES.length - 1]) {
      return { size: style.size, lineHeight: style.lineHeight, lines: wrapped.lines };
    }
  }
  throw new Error('unreachable: the last title style always returns');
}

/** Pango's unit: 1/1024 point, and the text is drawn at 72 dpi, so a point is a pixel. */
const px = (n: number) => String(n * 1024);

interface Run {
  ink: InkClass;
  size: number;
  bold?: boolean;
  text: string;
}

function run(r: Run): string {
  return `<span foreground="${INK[r.ink]}" size="${px(r.size)}"${r.bold ? ' weight="bold"' : ''}>${escapeHtml(r.text)}</span>`;
}

/** One line of the layout: its height and its runs, all of one size (no runs: an empty line of that height). */
function line(height: number, runs: Run[]): string {
  const content = runs.length ? runs.map(run).join('') : `<span size="${px(4)}"> </span>`;
  return `<span line_height="${px(height)}">${content}</span>`;
}

/** The first line of every layout: a full block (█ fills the em box; left side bearing 0). */
const MARKER = line(MARKER_LINE, [{ ink: 'mid', size: MARKER_SIZE, text: '█' }]);

/** A card's own text (everything but the fixed parts): its block of lines, CARD_HEIGHT tall. */
export function cardMarkup(card: CardText): string {
  const kicker = fitLine(card.kicker, TEXT_WIDTH / KICKER_SIZE);
  const room = TEXT_WIDTH / KICKER_SIZE - textWidthEm(kicker) - 1;
  const aside = room >= 2 ? fitLine(card.aside, room) : '';
  const title = titleLines(card.title);
  const meta = card.meta.slice(0, META_LINES).map((m) => fitLine(m, TEXT_WIDTH / META_SIZE));
  const lines = [
    line(KICKER_LINE, [
      ...(kicker ? [{ ink: 'accent' as const, size: KICKER_SIZE, bold: true, text: kicker }] : []),
      ...(aside ? [{ ink: 'text' as const, size: KICKER_SIZE, text: kicker ? `\u3000${aside}` : aside }] : []),
    ]),
    ...title.lines.map((l) => line(title.lineHeight, [{ ink: 'text', size: title.size, bold: true, text: l }])),
    // An empty line keeps the facts in place, past the rule, however many title lines there are.
    line(TITLE_BLOCK - title.lineHeight * title.lines.length + GAP, []),
    ...Array.from({ length: META_LINES }, (_, i) => line(META_LINE, meta[i] ? [{ ink: 'text', size: META_SIZE, text: meta[i] }] : [])),
    line(BLOCK_END, []),
  ];
  return lines.join('\n');
}

/** Cards' blocks (cardMarkup) as one layout, one under the other: card k's pixels start CARD_HEIGHT × k rows below card 0's. */
export function cardsLayout(blocks: readonly string[]): string {
  return [MARKER, ...blocks].join('\n');
}

/** The archive name: drawn once per render worker and brand, then reused by every card. */
export function brandMarkup(brand: string): string {
  return [MARKER, line(24, [{ ink: 'mid', size: BRAND_SIZE, text: fitLine(brand, TEXT_WIDTH / BRAND_SIZE) }])].join('\n');
}
