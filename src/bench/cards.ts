/**
 * What a share card costs: `npm run bench:cards -- --cards 2000 [--vs DIR]`.
 * The seed's cards (the real archive's card list), repeated as if the same
 * replies had been answered in earlier years (copy k of a card: the year k
 * years back, its own file) up to N distinct cards; each implementation draws
 * them from an empty cache in its own process (cards-child.ts), at N and at a
 * small count, back to back. Reported: bytes a card (mean, max), CPU a card
 * with everything (worker start-up, icons, planning) and the marginal CPU a
 * card (the difference of the two runs over the difference in cards: the
 * fixed parts cancel), wall time, and the load before and after.
 * `--vs DIR` measures the buildImages of another checkout the same way
 * (DIR/src/site/images/build-images.ts), alternating with this one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cardList, type CardJob, type CardList } from '../site/images/card-list.ts';
import { loadArchive } from '../site/data/load.ts';
import { routeTable } from '../site/data/routes.ts';
import type { ChildResult } from './cards-child.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(ROOT, 'src/bench/cards-child.ts');

export interface CardsBenchOptions {
  cards: number;
  /** The small run the marginal cost is taken against. */
  small: number;
  workers: number;
  /** Checkout roots to measure, by name. */
  implementations: { name: string; root: string }[];
  contentDir: string;
}

export interface CardsMeasure {
  name: string;
  cards: number;
  meanBytes: number;
  maxBytes: number;
  /** CPU a card, everything included, at `cards`. */
  cpuMsPerCard: number;
  /** (CPU at cards − CPU at small) / (cards − small). */
  marginalCpuMsPerCard: number;
  wallSeconds: number;
  load: [number, number];
}

/** A card `years` years earlier: its year label moved back, its own file. */
function earlier(card: CardJob, years: number): CardJob {
  if (years === 0) return card;
  const moveYear = (text: string) =>
    text.replace(/\b(\d{4})-(\d{2})\b/g, (_, a: string, b: string) => `${Number(a) - years}-${String((Number(b) + 100 - years) % 100).padStart(2, '0')}`);
  return { ...card, out: `og/bench-${years}/${card.out.slice('og/'.length)}`, aside: moveYear(card.aside), kicker: moveYear(card.kicker), title: moveYear(card.title) };
}

/** N distinct cards from the seed's card list. */
export function benchCardList(contentDir: string, n: number): CardList {
  const archive = loadArchive(contentDir);
  const seed = cardList(archive, routeTable(archive, { siteUrl: null }));
  const cards = Array.from({ length: n }, (_, i) => earlier(seed.cards[i % seed.cards.length]!, Math.floor(i / seed.cards.length)));
  return { ...seed, cards };
}

function runChild(root: string, listFile: string, workers: number): ChildResult {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-cards-'));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, path.join(root, 'src/site/images/build-images.ts'), listFile, work, String(workers)], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`bench cards: the run of ${root} failed (exit ${r.status}):\n${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function benchCards(options: CardsBenchOptions): CardsMeasure[] {
  if (!(options.small >= 1 && options.small < options.cards)) throw new Error(`bench cards: --small (${options.small}) must be at least 1 and below --cards (${options.cards})`);
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-cards-lists-'));
  try {
    const lists = [options.cards, options.small].map((n) => {
      const file = path.join(scratch, `cards-${n}.json`);
      writeFileSync(file, JSON.stringify(benchCardList(options.contentDir, n)));
      return file;
    });
    // Big runs first, alternating implementations, then the small ones: each pair ran under the same load.
    const [big, small] = lists.map((file) => options.implementations.map((impl) => runChild(impl.root, file, options.workers)));
    return options.implementations.map((impl, i) => {
      const b = big![i]!;
      const s = small![i]!;
      return {
        name: impl.name,
        cards: b.cards,
        meanBytes: b.sizes.reduce((a, x) => a + x, 0) / b.cards,
        maxBytes: Math.max(...b.sizes),
        cpuMsPerCard: b.cpuMs / b.cards,
        marginalCpuMsPerCard: (b.cpuMs - s.cpuMs) / (b.cards - s.cards),
        wallSeconds: b.wallMs / 1000,
        load: [b.loadBefore, b.loadAfter],
      };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function formatCards(rows: CardsMeasure[], options: CardsBenchOptions): string {
  const kb = (n: number) => (n / 1024).toFixed(2);
  return [
    `\nshare cards from an empty cache: ${rows[0]?.cards} cards (the seed's, repeated over earlier years), ${options.workers} workers; marginal = (CPU at ${options.cards} − CPU at ${options.small}) / ${options.cards - options.small}`,
    '| code | KB a card (mean) | KB (max) | CPU ms a card (all) | CPU ms a card (marginal) | wall s | load (1 min) before → after |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${kb(r.meanBytes)} | ${kb(r.maxBytes)} | ${r.cpuMsPerCard.toFixed(2)} | ${r.marginalCpuMsPerCard.toFixed(2)} | ${r.wallSeconds.toFixed(1)} | ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} |`,
    ),
  ].join('\n');
}
