/**
 * Eleventy's configuration for its own command line, a thin layer over the
 * build's (src/site/eleventy-config.ts): the input is the page templates
 * (src/site/pages) and nothing else, so the standard CLI never renders
 * README.md, content/ or test fixtures as pages. Eleventy finds only
 * JavaScript config files by itself; run it through tsx and name this one:
 *
 *   npx tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts [--serve]
 *
 * That renders the Eleventy pages only; `npm run build` is the whole
 * pipeline (search index, share cards) and `npm run dev` the edit loop.
 * Settings come from the environment as for the build (ARCHIVE_CONTENT,
 * ARCHIVE_OUT, SITE_URL, OFFLINE, ISSUES_URL).
 */
import path from 'node:path';
import { settingsFromEnv } from './_data/site.ts';
import { loadArchive } from './src/site/data/load.ts';
import { routeTable } from './src/site/data/routes.ts';
import { eleventyConfig, type EleventyConfig } from './src/site/eleventy-config.ts';

export default function (config: EleventyConfig) {
  const settings = settingsFromEnv(process.env);
  const archive = loadArchive(settings.contentDir);
  eleventyConfig(settings, archive, routeTable(archive, settings))(config);
  return { dir: { input: 'src/site/pages', output: path.relative(process.cwd(), settings.outDir) || '.' } };
}
