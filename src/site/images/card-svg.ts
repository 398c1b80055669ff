/**
 * The share card (1200×630, Open Graph / Twitter "summary_large_image") as an
 * SVG document, drawn later by sharp (librsvg + Pango) with Noto Sans HK only.
 * Pure: the same card text gives the same SVG string. (The card cache keys on
 * the card text plus a hash of this folder's code: see build-images.ts.)
 *
 * Layout, top to bottom: archive name (and the year on the right), a kicker in
 * the accent colour (reply number, "總目 135", …), the title in large bold type
 * (up to 3 lines, bigger when short), a rule, then up to 3 lines of facts.
 */
import { html, type SafeHtml } from '../../lib/html.ts';
import { FONT_FAMILY } from './fonts.ts';
import { fitLine, wrapBalanced } from './wrap.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Colours on the card. Every text colour has at least 7:1 contrast on `background` (checked by a test). */
export const CARD_COLOURS = {
  background: '#102a43',
  accentBar: '#f0b429',
  brand: '#bcccdc',
  kicker: '#f7c948',
  title: '#ffffff',
  meta: '#d9e2ec',
  rule: '#486581',
} as const;

/** What a card says; all text is plain (escaped here). */
export interface CardText {
  /** Short label above the title: reply number, "總目 135", "議員". */
  kicker: string;
  /** Top right, e.g. the budget year; may be empty. */
  aside: string;
  title: string;
  /** Up to three lines of facts under the rule (member, head, counts). */
  meta: string[];
}

const LEFT = 80;
const TEXT_WIDTH = CARD_WIDTH - LEFT - 70;
const BRAND_SIZE = 30;
const KICKER_SIZE = 48;
const META_SIZE = 34;
/** Title sizes tried in order: the first one at which the title fits its line budget wins (big only for one-liners: no orphans). */
const TITLE_STYLES = [
  { size: 84, lineHeight: 104, maxLines: 1 },
  { size: 64, lineHeight: 82, maxLines: 3 },
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

function text(x: number, y: number, size: number, weight: 400 | 700, fill: string, content: string, anchor?: 'end'): SafeHtml {
  return html`<text x="${String(x)}" y="${String(y)}" font-size="${String(size)}" font-weight="${String(weight)}" fill="${fill}"${
    anchor ? html` text-anchor="${anchor}"` : ''
  }>${content}</text>`;
}

export function cardSvg(card: CardText, brand: string): string {
  const c = CARD_COLOURS;
  const asideText = fitLine(card.aside, 8);
  const brandText = fitLine(brand, (TEXT_WIDTH - (asideText ? 8 * BRAND_SIZE : 0)) / BRAND_SIZE);
  const title = titleLines(card.title);
  const titleTop = 176;
  const meta = card.meta.slice(0, 3).map((line) => fitLine(line, TEXT_WIDTH / META_SIZE));
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${String(CARD_WIDTH)}" height="${String(CARD_HEIGHT)}" viewBox="0 0 ${String(CARD_WIDTH)} ${String(CARD_HEIGHT)}">
<rect width="${String(CARD_WIDTH)}" height="${String(CARD_HEIGHT)}" fill="${c.background}"/>
<rect width="20" height="${String(CARD_HEIGHT)}" fill="${c.accentBar}"/>
<rect x="${String(LEFT)}" y="448" width="${String(TEXT_WIDTH)}" height="3" fill="${c.rule}"/>
<g font-family="${FONT_FAMILY}">
${text(LEFT, 76, BRAND_SIZE, 400, c.brand, brandText)}
${asideText ? text(LEFT + TEXT_WIDTH, 76, BRAND_SIZE, 400, c.brand, asideText, 'end') : ''}
${text(LEFT, 158, KICKER_SIZE, 700, c.kicker, fitLine(card.kicker, TEXT_WIDTH / KICKER_SIZE))}
${title.lines.map((line, i) => text(LEFT, titleTop + title.size + i * title.lineHeight - 8, title.size, 700, c.title, line))}
${meta.map((line, i) => text(LEFT, 506 + i * 48, META_SIZE, 400, c.meta, line))}
</g>
</svg>
`.toString();
}
