/**
 * npm run build: the catalogue, every budget year's unit, then the shell
 * (src/build/build.ts). The environment is read once, here (settingsFromEnv:
 * ARCHIVE_CONTENT, ARCHIVE_OUT, SITE_URL, OFFLINE, ISSUES_URL; ARCHIVE_CACHE
 * for the caches), and the settings are passed down as arguments.
 * `--stage eleventy|search|images` runs one step of every unit and the shell
 * in place (the benchmark measures each step as its own process).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { settingsFromEnv, type Settings } from '../_data/site.ts';
import { build, buildStage } from '../src/build/build.ts';

export { build };

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
