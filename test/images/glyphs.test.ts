/**
 * Chinese on the cards comes from the npm font, not from the machine: the same
 * text drawn by workers that see no font at all (a fresh CI machine) gives empty
 * boxes, which these tests can tell apart from real glyphs.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CARD_COLOURS, CARD_HEIGHT, CARD_WIDTH, LEFT, cardMarkup } from '../../src/site/images/card-markup.ts';
import { fontconfigXml, notoSansHk } from '../../src/site/images/fonts.ts';
import { renderInWorkers } from '../../src/site/images/render-pool.ts';
import { writeFileAtomic } from '../../src/site/images/atomic-write.ts';
import { tempDir } from '../support/builds.ts';

const dir = tempDir('glyphs');
const fonts = notoSansHk();

function fontconfig(name: string, fontDirs: string[]): string {
  const file = path.join(dir, `${name}.conf`);
  writeFileAtomic(file, fontconfigXml(fontDirs, path.join(dir, `${name}-cache`)));
  return file;
}
/** What the build uses: the two npm font folders only. */
const OURS = fontconfig('ours', [path.dirname(fonts.regular), path.dirname(fonts.bold)]);
/** A machine with no fonts at all: nothing to fall back to. */
const NONE = fontconfig('none', []);

type Job = { svg: string } | { card: { markup: string; brand: string } };

async function render(jobs: Record<string, Job>, conf: string): Promise<Record<string, Buffer>> {
  const out = path.join(dir, path.basename(conf, '.conf'));
  mkdirSync(out, { recursive: true });
  const names = Object.keys(jobs);
  await renderInWorkers(
    names.map((n) => ({ ...jobs[n]!, file: path.join(out, `${n}.png`), label: n })),
    { workers: 2, fontconfigFile: conf },
  );
  return Object.fromEntries(names.map((n) => [n, readFileSync(path.join(out, `${n}.png`))]));
}

const glyph = (ch: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="240" height="240" fill="#fff"/><text x="20" y="200" font-size="200" font-family="Noto Sans HK" fill="#000">${ch}</text></svg>`;

/** Dark pixels in a picture. */
async function ink(png: Buffer): Promise<number> {
  const { data } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (const v of data) if (v < 128) n++;
  return n;
}

const SAMPLES: Record<string, Job> = { one: { svg: glyph('一') }, yi: { svg: glyph('議') }, latinI: { svg: glyph('I') }, latinW: { svg: glyph('W') } };
/** 16 different characters: too long for the one-line size, so exactly one 32 px title line. */
const TITLE = '科學園和數碼港初創培育計劃的資金';
const card: Job = { card: { markup: cardMarkup({ kicker: 'ITIB002', aside: '2023-24', title: TITLE, meta: ['提問議員：陳克勤'] }), brand: '財務委員會預算問答檔案' } };
/** The first title line of a three-line-size title: 32 px characters from LEFT, ink within these rows. */
const TITLE_LINE = { left: LEFT, top: 96, width: 32 * 16, height: 44 };

// One worker pool per font configuration for the whole file (starting workers is the slow part).
let rendered: Promise<[Record<string, Buffer>, Record<string, Buffer>]> | undefined;
const both = () => (rendered ??= Promise.all([render({ ...SAMPLES, card }, OURS), render({ ...SAMPLES, card }, NONE)]));

test('real glyphs: 議 carries far more ink than 一 with our font; without fonts both are the same empty box', async () => {
  const [ours, none] = await both();
  const [oursOne, oursYi, noneOne, noneYi] = await Promise.all([ink(ours.one!), ink(ours.yi!), ink(none.one!), ink(none.yi!)]);
  assert.ok(oursOne > 500, `一 drew ${oursOne} dark pixels`);
  assert.ok(oursYi / oursOne > 3, `議/一 ink ratio ${(oursYi / oursOne).toFixed(2)} (real strokes)`);
  assert.ok(Math.abs(noneYi - noneOne) <= 0.2 * Math.max(noneOne, 1), `without fonts: 議 ${noneYi} vs 一 ${noneOne} (boxes)`);
  // No system font leaks into the workers either: this machine has Latin fonts, yet I and W come out alike without ours.
  const [noneI, noneW, oursI, oursW] = await Promise.all([ink(none.latinI!), ink(none.latinW!), ink(ours.latinI!), ink(ours.latinW!)]);
  assert.ok(Math.abs(noneW - noneI) <= 0.2 * Math.max(noneI, 1), `without fonts: W ${noneW} vs I ${noneI}`);
  assert.ok(oursW / oursI > 1.8, `with ours: W ${oursW} vs I ${oursI}`);
});

test('a real card: its title area differs from the same card drawn without fonts, and the distinct characters look distinct', async () => {
  const [all, allNone] = await both();
  const ours = all.card!;
  const none = allNone.card!;
  const meta = await sharp(ours).metadata();
  assert.equal([meta.format, meta.width, meta.height], ['png', CARD_WIDTH, CARD_HEIGHT]);
  const titleArea = { ...TITLE_LINE, height: 3 * TITLE_LINE.height };
  const a = await sharp(ours).extract(titleArea).greyscale().raw().toBuffer();
  const b = await sharp(none).extract(titleArea).greyscale().raw().toBuffer();
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 64) differing++;
  assert.ok(differing / a.length > 0.05, `${((100 * differing) / a.length).toFixed(1)} % of the title area differs`);

  // Cut the first title line into 32 px cells (one character each): with real
  // glyphs nearly every cell is different; boxes would repeat one shape.
  const { width, height } = TITLE_LINE;
  const line = await sharp(ours).extract(TITLE_LINE).greyscale().threshold(128).raw().toBuffer();
  const shapes = new Set<string>();
  for (let c = 0; c < 16; c++) {
    let key = '';
    for (let y = 0; y < height; y++) for (let x = c * 32; x < c * 32 + 32; x++) key += line[y * width + x]! > 0 ? '1' : '0';
    shapes.add(key);
  }
  assert.ok(shapes.size >= 15, `${shapes.size} distinct shapes among the 16 characters of line 1`);
});

test('card colours: every text colour has at least 7:1 contrast on the background (WCAG AAA, so AA at thumbnail size)', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const bg = luminance(CARD_COLOURS.background);
  for (const key of ['mid', 'accent', 'text'] as const) {
    const ratio = (luminance(CARD_COLOURS[key]) + 0.05) / (bg + 0.05);
    assert.ok(ratio >= 7, `${key} ${CARD_COLOURS[key]}: ${ratio.toFixed(2)}:1`);
  }
});

test.run();
