/**
 * npm run build: Eleventy (programmatic API), then the post-build steps.
 * Env: ARCHIVE_CONTENT (content dir, default "content"), ARCHIVE_OUT (output
 * dir, default "_site"), SITE_URL (absolute URL for canonical/OG/sitemap),
 * OFFLINE=1 (directory links end in index.html).
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { buildSearchIndex } from '../src/search/build-index.ts';
import { buildImages } from '../src/site/images/build-images.ts';

type Stage = 'eleventy' | 'search' | 'images';
const STAGES: Stage[] = ['eleventy', 'search', 'images'];

/** One step of the build, run on `dir`. */
async function runStage(stage: Stage, dir: string): Promise<void> {
  if (stage === 'eleventy') {
    process.env.ARCHIVE_OUT = dir; // .eleventy.ts reads it for dir.output
    const eleventy = new Eleventy('src/site/pages', dir, { configPath: '.eleventy.ts', quietMode: true });
    await eleventy.write();
  } else if (stage === 'search') {
    // issue 4: Pagefind index (bigram Chinese, one shard per year, unchanged years from the cache) + search page script
    const r = await buildSearchIndex(dir);
    console.log(`Search: ${r.pages} pages in ${r.shards.length} shard(s), ${r.reused} unchanged and reused from .cache`);
  } else {
    // issue 6: share cards (content-hash cache), icons, manifest
    const r = await buildImages(dir);
    console.log(`Images: ${r.pictures} pictures (${r.cards} share cards), ${r.rendered} drawn, ${r.pictures - r.rendered} from .cache; ${(r.bytes / 1e6).toFixed(2)} MB`);
  }
}

/** Removes `dir` in a process of its own that outlives this one (stdout/stderr closed). */
function deleteInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}

/**
 * Builds into `<out>.partial` and swaps it in only when every step succeeded:
 * a failed build (bad content, a crashing step) leaves the previous site as
 * it was and no half-written output. Returns the output directory.
 */
export async function build(): Promise<string> {
  const out = path.resolve(process.env.ARCHIVE_OUT ?? '_site');
  const work = `${out}.partial`;
  rmSync(work, { recursive: true, force: true });
  try {
    const seconds: string[] = [];
    for (const stage of STAGES) {
      const started = performance.now();
      await runStage(stage, work);
      seconds.push(`${stage} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    // Where the time went, so a slow build points at its stage.
    console.log(`Stages: ${seconds.join(', ')}`);
    // Swap: no page of a previous build or corpus survives. The previous site is
    // renamed away at once and deleted by a detached process: at 20,000 replies
    // deleting its 60,000 files took 15–19 s, which the new site need not wait for.
    if (existsSync(out)) {
      const old = `${out}.old-${process.pid}-${Date.now()}`;
      renameSync(out, old);
      try {
        renameSync(work, out);
      } catch (err) {
        renameSync(old, out); // the previous site stays in place
        throw err;
      }
      deleteInBackground(old);
    } else {
      renameSync(work, out);
    }
    return out;
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  } finally {
    process.env.ARCHIVE_OUT = out;
  }
}

/**
 * `--stage NAME` runs one step in place on ARCHIVE_OUT, without the swap: the
 * benchmark measures each step as its own process. Not for publishing.
 */
async function buildStage(stage: string): Promise<string> {
  if (!STAGES.includes(stage as Stage)) throw new Error(`--stage must be one of ${STAGES.join(', ')}, got "${stage}"`);
  const out = path.resolve(process.env.ARCHIVE_OUT ?? '_site');
  await runStage(stage as Stage, out);
  return out;
}

/** Runs the build as a command: prints where and how long, or the error (file:line: message) and exits 1. */
export async function main(): Promise<string | null> {
  const started = performance.now();
  const stageFlag = process.argv.indexOf('--stage');
  const run = stageFlag > 0 ? buildStage(process.argv[stageFlag + 1] ?? '') : build();
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
