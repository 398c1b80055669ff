/**
 * npm run build: Eleventy (programmatic API), then the post-build steps.
 * Env: ARCHIVE_CONTENT (content dir, default "content"), ARCHIVE_OUT (output
 * dir, default "_site"), SITE_URL (absolute URL for canonical/OG/sitemap),
 * OFFLINE=1 (directory links end in index.html).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { buildSearchIndex } from '../src/search/build-index.ts';

/**
 * Builds into `<out>.partial` and swaps it in only when every step succeeded:
 * a failed build (bad content, a crashing step) leaves the previous site as
 * it was and no half-written output. Returns the output directory.
 */
export async function build(): Promise<string> {
  const out = path.resolve(process.env.ARCHIVE_OUT ?? '_site');
  const work = `${out}.partial`;
  rmSync(work, { recursive: true, force: true });
  process.env.ARCHIVE_OUT = work; // .eleventy.ts reads it for dir.output
  try {
    const eleventy = new Eleventy('src/site/pages', work, { configPath: '.eleventy.ts', quietMode: true });
    await eleventy.write();

    // Post-build steps, wired by the lead once those modules exist (they run on `work`, before the swap):
    await buildSearchIndex(work); // issue 4: Pagefind index (bigram Chinese, one shard per year) + search page script
    // TODO(images, issue 6): await buildImages(work);        // import { buildImages } from '../src/site/images/build-images.ts';

    // Swap: no page of a previous build or corpus survives.
    if (existsSync(out)) rmSync(out, { recursive: true, force: true });
    renameSync(work, out);
    return out;
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  } finally {
    process.env.ARCHIVE_OUT = out;
  }
}

/** Runs the build as a command: prints where and how long, or the error (file:line: message) and exits 1. */
export async function main(): Promise<string | null> {
  const started = performance.now();
  return build().then(
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
