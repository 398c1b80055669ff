/**
 * Which pictures the site gets, and which of them the cache lacks. The cache
 * key is the card's text + a hash of the code that draws it (DRAWING_CODE) +
 * the fonts' hash + the renderer fingerprint, so a warm build never even
 * lays out a card.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKey, cachedPng } from './cache.ts';
import type { CardList } from './card-list.ts';
import { cardMarkup } from './card-markup.ts';
import { fontsHash, notoSansHk } from './fonts.ts';
import { iconJobs, readIconSource } from './icons.ts';
import { rendererFingerprint } from './png.ts';
import type { RenderTask } from './render-pool.ts';

interface Picture {
  out: string;
  /** Everything the picture's pixels depend on besides the fingerprint. */
  key: string;
  /** What to draw (made for cache misses only). */
  job: () => { card: { markup: string; brand: string } } | { svg: string };
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/**
 * The code that turns card text into pixels. Add a file here when a new one
 * takes part in drawing; files that only plan or move pictures around (this
 * one, cache, pool, build-images) are left out, so that changing them does not
 * re-render every card.
 */
const DRAWING_CODE = ['card-markup.ts', 'card-raster.ts', 'wrap.ts', 'fonts.ts', 'png.ts', 'render-worker.ts', 'icons.ts', 'icon.svg', '../../lib/html.ts'];

/** Hash of the drawing code: changing any of it re-renders every card once. */
function drawingCodeHash(): string {
  return cacheKey(...DRAWING_CODE.flatMap((f) => [f, readFileSync(path.join(HERE, f), 'utf8')]));
}

export interface Plan {
  /** Each picture's output path (site-relative) and its PNG in the cache. */
  pictures: { out: string; cached: string }[];
  /** Cache misses to render. */
  tasks: RenderTask[];
  iconSource: string;
}

/** Decides which pictures the site gets and which of them must be rendered. Lays out misses only. */
export function planPictures(list: CardList, cacheDir: string): Plan {
  const fonts = notoSansHk();
  const fingerprint = cacheKey(drawingCodeHash(), fontsHash([fonts.regular, fonts.bold]), rendererFingerprint(), list.brand);
  const iconSource = readIconSource();
  const pictures: Picture[] = [
    ...list.cards.map((card) => ({
      out: card.out,
      key: JSON.stringify([card.kicker, card.aside, card.title, card.meta]),
      job: () => ({ card: { markup: cardMarkup(card), brand: list.brand } }),
    })),
    ...iconJobs(iconSource).map((icon) => ({ out: icon.out, key: icon.svg, job: () => ({ svg: icon.svg }) })),
  ];
  // Pictures of the same key (the same card in two places) are drawn once. The cache is asked picture by picture, not
  // listed: it holds every year's cards, and in the 19-year record (200,908 pictures) a listing took 0.44–0.51 s where
  // checking a year's 11,000 took 0.09 s (throwaway script on the record's cache, load 1.6–2.5, 2026-12-04).
  const planned = new Set<string>();
  const tasks: RenderTask[] = [];
  const out = pictures.map((p) => {
    const cached = cachedPng(cacheDir, cacheKey(fingerprint, p.key));
    if (!planned.has(cached) && !existsSync(cached)) tasks.push({ ...p.job(), file: cached, label: p.out });
    planned.add(cached);
    return { out: p.out, cached };
  });
  return { pictures: out, tasks, iconSource };
}
