/**
 * npm run build: archive → route table → Eleventy (every page) → open data
 * → search index → images. The environment is read once, here (settingsFromEnv:
 * ARCHIVE_CONTENT, ARCHIVE_OUT, SITE_URL, OFFLINE, ISSUES_URL), and the
 * settings are passed down as arguments.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { settingsFromEnv, type Settings } from '../_data/site.ts';
import { buildSearchIndex } from '../src/search/build-index.ts';
import { writeOfflineSearch } from '../src/search/offline-bundle.ts';
import { indexEntries } from '../src/search/records.ts';
import { loadArchive } from '../src/site/data/load.ts';
import type { Archive } from '../src/model/reply.ts';
import { routeTable, type RouteTable } from '../src/site/data/routes.ts';
import { writePages } from '../src/site/eleventy-config.ts';
import { buildImages } from '../src/site/images/build-images.ts';
import { cardList } from '../src/site/images/card-list.ts';
import { removeLeftovers } from '../src/lib/leftovers.ts';
import { withOutputLock } from '../src/lib/output-lock.ts';
import { swapInto } from '../src/lib/swap-output.ts';
import { writeIndexExports, writeYearExports } from '../src/open-data/write.ts';

type Stage = 'eleventy' | 'data' | 'search' | 'images';
const STAGES: Stage[] = ['eleventy', 'data', 'search', 'images'];

/** The archive and its route table, read once per build. */
interface Site {
  archive: Archive;
  routes: RouteTable;
}

function readSite(settings: Settings): Site {
  const archive = loadArchive(settings.contentDir);
  return { archive, routes: routeTable(archive, settings) };
}

/** One step of the build, run on `dir`. */
async function runStage(stage: Stage, settings: Settings, site: Site, dir: string): Promise<void> {
  if (stage === 'eleventy') {
    await writePages(settings, site.archive, site.routes, dir);
  } else if (stage === 'data') {
    // Open data per year (SQLite, CSVs, JSON, Data Package, each reply's reply.json; src/open-data), then the index of the years' files
    for (const y of site.archive.years) await writeYearExports(site.archive, y.year, settings.siteUrl, dir);
    writeIndexExports(site.archive, settings.siteUrl, dir);
  } else if (stage === 'search') {
    // Pagefind index of the route table's replies and background pages (bigram Chinese, one shard per year, unchanged years from the cache) + search page script
    const entries = indexEntries(site.archive, site.routes);
    const r = await buildSearchIndex(dir, { contentDir: settings.contentDir, entries });
    console.log(`Search: ${r.pages} pages in ${r.shards.length} shard(s), ${r.reused} unchanged and reused from .cache`);
    // The offline mirror searches from disk: the same index and page as classic scripts (file:// blocks modules and fetch)
    if (settings.offline) console.log(`Search offline: ${(await writeOfflineSearch(dir)).files} index files as classic scripts`);
  } else {
    // share cards of the route table (content-hash cache), icons, manifest
    const r = await buildImages(dir, cardList(site.archive, site.routes));
    console.log(`Images: ${r.pictures} pictures (${r.cards} share cards), ${r.rendered} drawn, ${r.pictures - r.rendered} from .cache; ${(r.bytes / 1e6).toFixed(2)} MB`);
  }
}

/**
 * The output folder's parent can be made and written, checked before the lock
 * and any work: an unwritable ARCHIVE_OUT is one line naming it, not an error
 * about a lock or a stack trace from deep in Eleventy (or, on a read-only file
 * system such as /proc, no answer at all). The probe has this process's own name.
 */
function assertWritable(out: string): void {
  const probe = `${out}.write-test-${process.pid}`;
  try {
    // One folder at a time: Node 20's recursive mkdir never returns on some read-only file systems (/proc).
    const missing: string[] = [];
    for (let dir = path.dirname(path.resolve(out)); !existsSync(dir); dir = path.dirname(dir)) missing.unshift(dir);
    for (const dir of missing) mkdirSync(dir);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    throw new Error(`cannot write the site to ${out} (ARCHIVE_OUT): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * Builds into `<outDir>.partial` and swaps it in only when every step succeeded:
 * a failed build (bad content, a crashing step) leaves the previous site as
 * it was and no half-written output. One build per output folder at a time
 * (a second waits, naming the holder); an interrupted build's leftovers are
 * removed first. Returns the output directory.
 */
export const build = async (settings: Settings): Promise<string> => {
  assertWritable(settings.outDir);
  return withOutputLock(settings.outDir, () => buildLocked(settings));
};

async function buildLocked(settings: Settings): Promise<string> {
  const out = settings.outDir;
  const work = `${out}.partial`;
  removeLeftovers(out);
  try {
    const seconds: string[] = [];
    let started = performance.now();
    const site = readSite(settings);
    seconds.push(`archive ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const stage of STAGES) {
      started = performance.now();
      await runStage(stage, settings, site, work);
      seconds.push(`${stage} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    // Where the time went, so a slow build points at its stage.
    console.log(`Stages: ${seconds.join(', ')}`);
    // Swap: no page of a previous build or corpus survives; the previous site is deleted in the background.
    swapInto(work, out);
    return out;
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

/**
 * `--stage NAME` runs one step in place on the output directory, without the
 * swap: the benchmark measures each step as its own process. Not for publishing.
 */
async function buildStage(stage: string, settings: Settings): Promise<string> {
  if (!STAGES.includes(stage as Stage)) throw new Error(`--stage must be one of ${STAGES.join(', ')}, got "${stage}"`);
  await withOutputLock(settings.outDir, () => runStage(stage as Stage, settings, readSite(settings), settings.outDir));
  return settings.outDir;
}

/** Runs the build as a command: prints where and how long, or the error (file:line: message) and exits 1. */
export async function main(settings: Settings = settingsFromEnv(process.env)): Promise<string | null> {
  const started = performance.now();
  const stageFlag = process.argv.indexOf('--stage');
  const run = stageFlag > 0 ? buildStage(process.argv[stageFlag + 1] ?? '', settings) : build(settings);
  return run.then(
    (out) => {
      console.log(`Built ${path.relative(process.cwd(), out) || out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return out;
    },
    (err: unknown) => {
      // Content errors carry "file:line: message"; show them without a stack.
      const e = err as Error & { originalError?: Error };
      console.error(`build failed: ${(e.originalError ?? e).message}`);
      process.exitCode = 1;
      return null;
    },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
