/**
 * Post-Eleventy step: share cards and icons into the built site.
 *
 * The build passes the card list (card-list.ts: what each card says, from
 * the route table and the same data as the pages). Every card not in the
 * cache (plan.ts) is laid out as Pango markup (card-markup.ts) and drawn by
 * worker processes that see only our fonts (render-pool.ts, card-raster.ts);
 * every PNG is then linked into the site from the cache. Same commit → same
 * bytes.
 *
 * Env: ARCHIVE_CACHE (cache root, default .cache; pictures in its og/),
 * IMAGE_CACHE_DIR (exact picture cache folder), IMAGE_WORKERS (default: cores).
 */
import { availableParallelism } from 'node:os';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { folderMaker, imageCacheDir, publish } from './cache.ts';
import type { CardList } from './card-list.ts';
import { fontconfigXml, notoSansHk } from './fonts.ts';
import { webManifest } from './icons.ts';
import { planPictures } from './plan.ts';
import { renderInWorkers } from './render-pool.ts';

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
  /** CPU time of the render workers, start-up included (0 when nothing was rendered). */
  renderCpuMs: number;
  /** Bytes of every picture and icon file published. */
  bytes: number;
  seconds: number;
}

/** Writes the fontconfig file the workers use (only when its text changes, so its mtime stays put). */
function prepareFontconfig(cacheDir: string, fontDirs: string[]): string {
  const file = path.join(cacheDir, 'fonts.conf');
  const xml = fontconfigXml(fontDirs, path.join(cacheDir, 'fontconfig'));
  if (!existsSync(file) || readFileSync(file, 'utf8') !== xml) writeFileAtomic(file, xml);
  return file;
}

function workersFromEnv(): number {
  const value = process.env.IMAGE_WORKERS;
  if (value === undefined || value === '') return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`IMAGE_WORKERS must be a whole number ≥ 1, not "${value}"`);
  return n;
}

/** A card is written under og/ of the site or of a year (2023-24/og/) and nowhere else; a bad one fails naming it, before anything is written. */
function checkCards(list: CardList): void {
  list.cards.forEach((c, i) => {
    if (!/^(\d{4}-\d{2}\/)?og\/[^\0]+\.png$/.test(c.out) || c.out.split('/').includes('..')) {
      throw new Error(`share cards: card ${i} is malformed: ${JSON.stringify(c).slice(0, 200)}`);
    }
  });
}

export async function buildImages(siteDir: string, list: CardList, options: ImageOptions = {}): Promise<ImageStats> {
  const started = performance.now();
  checkCards(list);
  const cacheDir = options.cacheDir ?? imageCacheDir();
  folderMaker()(cacheDir);
  const plan = planPictures(list, cacheDir);
  const fonts = notoSansHk();
  const workers = options.workers ?? workersFromEnv();
  const render = await renderInWorkers(plan.tasks, {
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

  return {
    pictures: plan.pictures.length,
    cards: list.cards.length,
    rendered: plan.tasks.length,
    renderCpuMs: render.workerCpuMs,
    bytes,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
