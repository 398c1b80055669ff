/**
 * One measured share-card run, in its own process (started by cards.ts):
 * `cards-child.ts <build-images.ts> <cards.json> <work dir> <workers>`.
 * Renders the card list with the buildImages of the given file (this
 * checkout's, or an older checkout's: the call is the same) into an empty
 * cache, and prints one JSON line: the card files' sizes, and the CPU time of
 * this process and of every child it waited for (the render workers) from
 * /proc/self/stat, so that old and new code are measured alike.
 */
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ChildResult {
  cards: number;
  /** Bytes of each card file, in list order. */
  sizes: number[];
  /** CPU of this process and its reaped children (the workers) during the run, ms. */
  cpuMs: number;
  wallMs: number;
  loadBefore: number;
  loadAfter: number;
}

/** Linux's USER_HZ: /proc CPU times are in these ticks. */
const TICK_MS = 10;

/** utime + stime + cutime + cstime of this process, ms. */
function cpuWithChildren(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

function children(): Set<string> {
  const out = new Set<string>();
  for (const task of readdirSync('/proc/self/task')) {
    for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ')) if (pid.trim()) out.add(pid.trim());
  }
  return out;
}

/** Waits until every child started since `before` has been reaped (its CPU is then in cutime). */
async function reaped(before: Set<string>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ([...children()].some((pid) => !before.has(pid))) {
    if (Date.now() > deadline) throw new Error('bench cards: render workers still running 30 s after the run');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function main(): Promise<void> {
  const [buildImagesFile, listFile, work, workers] = process.argv.slice(2);
  if (!buildImagesFile || !listFile || !work || !workers) throw new Error('usage: cards-child.ts <build-images.ts> <cards.json> <work dir> <workers>');
  const { buildImages } = (await import(pathToFileURL(path.resolve(buildImagesFile)).href)) as typeof import('../site/images/build-images.ts');
  const list = JSON.parse(readFileSync(listFile, 'utf8')) as Parameters<typeof buildImages>[1];
  const site = path.join(work, 'site');
  mkdirSync(path.join(site, 'og'), { recursive: true });
  const before = children();
  const loadBefore = loadavg()[0]!;
  const cpu0 = cpuWithChildren();
  const started = performance.now();
  await buildImages(site, list, { cacheDir: path.join(work, 'cache'), workers: Number(workers), measureBytes: false });
  await reaped(before);
  const result: ChildResult = {
    cards: list.cards.length,
    sizes: list.cards.map((c) => statSync(path.join(site, c.out)).size),
    cpuMs: cpuWithChildren() - cpu0,
    wallMs: performance.now() - started,
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
