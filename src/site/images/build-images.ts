/**
 * Post-Eleventy step: share cards and icons into the built site.
 *
 * Eleventy writes og/cards.json (src/site/pages/og-cards.11ty.ts: what each
 * card says, from the same data as the pages). Here every card becomes an SVG
 * (card-svg.ts); its cache key is the SVG + font hash + renderer fingerprint;
 * missing PNGs are rendered by worker processes that see only our fonts; every
 * PNG is then linked into the site from the cache. cards.json is deleted: it
 * is a build message, not a published file. Same commit → same bytes.
 *
 * Env: IMAGE_CACHE_DIR (default .cache/og), IMAGE_WORKERS (default: cores).
 */
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheKey, cachedPng, folderMaker, imageCacheDir, isCached, publish } from './cache.ts';
import type { CardJob, CardList } from './card-list.ts';
import { CARD_TEMPLATE_VERSION, cardSvg } from './card-svg.ts';
import { fontconfigXml, fontsHash, notoSansHk } from './fonts.ts';
import { iconJobs, readIconSource, webManifest } from './icons.ts';
import { rendererFingerprint } from './png.ts';
import { renderInWorkers, type RenderTask } from './render-pool.ts';
import { writeFileAtomic } from './atomic-write.ts';

export const CARD_LIST_FILE = 'og/cards.json';

export interface ImageOptions {
  cacheDir?: string;
  workers?: number;
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
  svg: string;
}

export async function buildImages(siteDir: string, options: ImageOptions = {}): Promise<ImageStats> {
  const started = performance.now();
  const cacheDir = options.cacheDir ?? imageCacheDir();
  folderMaker()(cacheDir);
  const list = readCardList(siteDir);
  const fonts = notoSansHk();
  const fingerprint = `${CARD_TEMPLATE_VERSION}\u0000${fontsHash([fonts.regular, fonts.bold])}\u0000${rendererFingerprint()}`;

  const iconSource = readIconSource();
  const pictures: Picture[] = [
    ...list.cards.map((card) => ({ out: card.out, svg: cardSvg(card, list.brand) })),
    ...iconJobs(iconSource),
  ];

  const tasks: RenderTask[] = [];
  const planned = new Set<string>();
  const sources = pictures.map((p) => {
    const cached = cachedPng(cacheDir, cacheKey(fingerprint, p.svg));
    if (!planned.has(cached) && !isCached(cached)) tasks.push({ svg: p.svg, file: cached, label: p.out });
    planned.add(cached);
    return cached;
  });
  const workers = options.workers ?? Number(process.env.IMAGE_WORKERS ?? availableParallelism());
  await renderInWorkers(tasks, {
    workers,
    fontconfigFile: prepareFontconfig(cacheDir, [path.dirname(fonts.regular), path.dirname(fonts.bold)]),
  });

  const mkdir = folderMaker();
  let bytes = 0;
  pictures.forEach((p, i) => {
    const target = path.join(siteDir, p.out);
    mkdir(path.dirname(target));
    publish(sources[i]!, target);
  });
  for (const p of pictures) bytes += statSync(path.join(siteDir, p.out)).size;
  writeFileSync(path.join(siteDir, 'favicon.svg'), `${iconSource}\n`);
  writeFileSync(path.join(siteDir, 'site.webmanifest'), webManifest(list.brand, list.lang));
  rmSync(path.join(siteDir, CARD_LIST_FILE));

  return {
    pictures: pictures.length,
    cards: list.cards.length,
    rendered: tasks.length,
    bytes,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
