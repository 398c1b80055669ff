/**
 * Post-Eleventy step: share cards and icons into the built site.
 *
 * Eleventy writes og/cards.json (src/site/pages/og-cards.11ty.ts: what each
 * card says, from the same data as the pages). Here every card becomes an SVG
 * (card-svg.ts) when it is not in the cache. The cache key is the card's text
 * + a hash of the code that draws it (DRAWING_CODE) + font hash +
 * renderer fingerprint, so a warm build never even builds an SVG; missing PNGs
 * are rendered by worker processes that see only our fonts; every PNG is then
 * linked into the site from the cache. cards.json is deleted: it
 * is a build message, not a published file. Same commit → same bytes.
 *
 * Env: ARCHIVE_CACHE (cache root, default .cache; pictures in its og/),
 * IMAGE_CACHE_DIR (exact picture cache folder), IMAGE_WORKERS (default: cores).
 */
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKey, cachedPng, folderMaker, imageCacheDir, listCache, publish } from './cache.ts';
import type { CardJob, CardList } from './card-list.ts';
import { cardSvg } from './card-svg.ts';
import { fontconfigXml, fontsHash, notoSansHk } from './fonts.ts';
import { iconJobs, readIconSource, webManifest } from './icons.ts';
import { rendererFingerprint } from './png.ts';
import { renderInWorkers, type RenderTask } from './render-pool.ts';
import { writeFileAtomic } from './atomic-write.ts';

export const CARD_LIST_FILE = 'og/cards.json';

export interface ImageOptions {
  cacheDir?: string;
  workers?: number;
  /** Sum the published bytes (one stat per picture); default true. */
  measureBytes?: boolean;
}

export interface ImageStats {
  /** Pictures published (cards + PNG icons). */
  pictures: number;
  cards: number;
  /** Pictures rendered this run (cache misses). */
  rendered: number;
  /** Bytes of every picture and icon file published. */
  bytes: number;
  seconds: number;
}

function readCardList(siteDir: string): CardList {
  const file = path.join(siteDir, CARD_LIST_FILE);
  if (!existsSync(file)) {
    throw new Error(`${file}: missing; the template src/site/pages/og-cards.11ty.ts writes it during the Eleventy build`);
  }
  const list = JSON.parse(readFileSync(file, 'utf8')) as Partial<CardList>;
  if (typeof list.brand !== 'string' || typeof list.lang !== 'string' || !Array.isArray(list.cards)) {
    throw new Error(`${file}: expected { brand, lang, cards[] }`);
  }
  list.cards.forEach((c: Partial<CardJob>, i) => {
    const ok =
      typeof c.out === 'string' && /^og\/[^\0]+\.png$/.test(c.out) && !c.out.split('/').includes('..') &&
      typeof c.kicker === 'string' && typeof c.aside === 'string' && typeof c.title === 'string' &&
      Array.isArray(c.meta) && c.meta.every((m) => typeof m === 'string');
    if (!ok) throw new Error(`${file}: card ${i} is malformed: ${JSON.stringify(c).slice(0, 200)}`);
  });
  return list as CardList;
}

/** Writes the fontconfig file the workers use (only when its text changes, so its mtime stays put). */
function prepareFontconfig(cacheDir: string, fontDirs: string[]): string {
  const file = path.join(cacheDir, 'fonts.conf');
  const xml = fontconfigXml(fontDirs, path.join(cacheDir, 'fontconfig'));
  if (!existsSync(file) || readFileSync(file, 'utf8') !== xml) writeFileAtomic(file, xml);
  return file;
}

interface Picture {
  out: string;
  /** Everything the picture's pixels depend on besides the fingerprint. */
  key: string;
  svg: () => string;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/**
 * The code that turns card text into pixels. Add a file here when a new one
 * takes part in drawing; files that only move pictures around (cache, pool,
 * this one) are left out, so changing them does not re-render every card.
 */
const DRAWING_CODE = ['card-svg.ts', 'wrap.ts', 'fonts.ts', 'png.ts', 'render-worker.ts', 'icons.ts', 'icon.svg', '../lib/html.ts'];

/** Hash of the drawing code: changing any of it re-renders every card once. */
function drawingCodeHash(): string {
  return cacheKey(...DRAWING_CODE.flatMap((f) => [f, readFileSync(path.join(HERE, f), 'utf8')]));
}

function workersFromEnv(): number {
  const value = process.env.IMAGE_WORKERS;
  if (value === undefined || value === '') return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`IMAGE_WORKERS must be a whole number ≥ 1, not "${value}"`);
  return n;
}

export interface Plan {
  /** Each picture's output path (site-relative) and its PNG in the cache. */
  pictures: { out: string; cached: string }[];
  /** Cache misses to render. */
  tasks: RenderTask[];
  iconSource: string;
}

/** Decides which pictures the site gets and which of them must be rendered. Builds SVGs for misses only. */
export function planPictures(list: CardList, cacheDir: string): Plan {
  const fonts = notoSansHk();
  const fingerprint = cacheKey(drawingCodeHash(), fontsHash([fonts.regular, fonts.bold]), rendererFingerprint(), list.brand);
  const iconSource = readIconSource();
  const pictures: Picture[] = [
    ...list.cards.map((card) => ({
      out: card.out,
      key: JSON.stringify([card.kicker, card.aside, card.title, card.meta]),
      svg: () => cardSvg(card, list.brand),
    })),
    ...iconJobs(iconSource).map((icon) => ({ out: icon.out, key: icon.svg, svg: () => icon.svg })),
  ];
  const inCache = listCache(cacheDir);
  const tasks: RenderTask[] = [];
  const planned = pictures.map((p) => {
    const key = cacheKey(fingerprint, p.key);
    const cached = cachedPng(cacheDir, key);
    if (!inCache.has(`${key}.png`)) {
      tasks.push({ svg: p.svg(), file: cached, label: p.out });
      inCache.add(`${key}.png`);
    }
    return { out: p.out, cached };
  });
  return { pictures: planned, tasks, iconSource };
}

export async function buildImages(siteDir: string, options: ImageOptions = {}): Promise<ImageStats> {
  const started = performance.now();
  const cacheDir = options.cacheDir ?? imageCacheDir();
  folderMaker()(cacheDir);
  const list = readCardList(siteDir);
  const plan = planPictures(list, cacheDir);
  const fonts = notoSansHk();
  const workers = options.workers ?? workersFromEnv();
  await renderInWorkers(plan.tasks, {
    workers,
    fontconfigFile: prepareFontconfig(cacheDir, [path.dirname(fonts.regular), path.dirname(fonts.bold)]),
  });

  const mkdir = folderMaker();
  let bytes = 0;
  for (const p of plan.pictures) {
    const target = path.join(siteDir, p.out);
    mkdir(path.dirname(target));
    publish(p.cached, target);
    if (options.measureBytes !== false) bytes += statSync(target).size;
  }
  writeFileSync(path.join(siteDir, 'favicon.svg'), `${plan.iconSource}\n`);
  writeFileSync(path.join(siteDir, 'site.webmanifest'), webManifest(list.brand, list.lang));
  rmSync(path.join(siteDir, CARD_LIST_FILE));

  return {
    pictures: plan.pictures.length,
    cards: list.cards.length,
    rendered: plan.tasks.length,
    bytes,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
