/**
 * The child process that builds one year's unit (unit.ts): reads only that
 * year's replies (bodies rendered) and its slice of the catalogue, cuts the
 * route table to the year, and runs the unit's steps into the given folder.
 * Usage: node --import tsx src/build/unit-process.ts <input.json>
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { childScriptMain } from '../lib/child-script.ts';
import path from 'node:path';
import { buildYearSearch } from '../search/build-index.ts';
import { indexEntries } from '../search/records.ts';
import { loadArchive, loadEdition } from '../site/data/load.ts';
import { cacheRoot } from './catalogue.ts';
import { readYearEditions } from './edition-cache.ts';
import { routeTable, unitRoutes } from '../site/data/routes.ts';
import { writePages } from '../site/eleventy-config.ts';
import { buildImages } from '../site/images/build-images.ts';
import { writeYearExports } from '../open-data/write.ts';
import { cardList } from '../site/images/card-list.ts';
import { routeInputHashes } from '../site/data/route-inputs.ts';
import { linkUnchangedPages, readPreviousPages, writePagesManifest } from './page-reuse.ts';
import type { UnitInput, UnitResult, UnitStep } from './unit.ts';

async function runUnit(input: UnitInput): Promise<UnitResult> {
  const started = performance.now();
  const { year, settings, siteDir } = input;
  const seconds: string[] = [];
  // Each edition as parsed and rendered by the year's last build when its file is unchanged (edition-cache.ts).
  const readYear = (y: string, files: string[], shownAs: (file: string) => string) =>
    readYearEditions(path.join(cacheRoot(), 'editions'), 'bodies', y, files, shownAs, (f, shown) => loadEdition(f, shown)).editions;
  const archive = loadArchive(settings.contentDir, process.cwd(), { years: [year], identity: input.slice.identity, background: false, readYear });
  seconds.push(`load ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const routes = unitRoutes(routeTable(archive, settings), year);
  const result: UnitResult = { year, key: input.key, search: [], files: 0, seconds: 0 };
  const steps: Record<UnitStep, () => Promise<void>> = {
    // Pages whose inputs are as the year's previous build had them are linked from it; Eleventy writes the rest.
    pages: async () => {
      const hashes = routeInputHashes(archive, routes, input.base);
      const { render, linked } = linkUnchangedPages(routes, hashes, readPreviousPages(input.previous), siteDir);
      if (render.all.length > 0) await writePages(settings, archive, routes, siteDir, { assets: false, only: render });
      writePagesManifest(input.entryDir, hashes);
      seconds.push(`pages: ${render.all.length} rendered, ${linked} linked`);
    },
    // The year's open data (SQLite, CSVs, JSON, Data Package, each reply's reply.json: src/open-data).
    exports: async () => {
      await writeYearExports(archive, year, settings.siteUrl, siteDir);
    },
    search: async () => {
      result.search = await buildYearSearch(siteDir, year, indexEntries(archive, routes));
    },
    cards: async () => {
      await buildImages(siteDir, cardList(archive, routes), { measureBytes: false });
    },
  };
  // One step after another. With the cards drawn beside Eleventy's rendering (their worker processes beside
  // the unit's) a cold 5,500-reply year peaked at 2.30 GB (npm run bench, aaa886d, load 3.7-6.0); one step
  // after another, 1.59 GB (the build's process tree sampled every 0.1 s, load 5-6.5), and no gain in wall
  // time was ever measured (the machine was never idle to measure it).
  for (const step of input.steps) {
    const t = performance.now();
    await steps[step]();
    seconds.push(`${step} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  result.files = (readdirSync(path.join(siteDir, year), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  result.seconds = (performance.now() - started) / 1000;
  console.log(`Unit ${year}: ${routes.all.length} routes; ${seconds.join(', ')}`);
  return result;
}

await childScriptMain<UnitInput>(
  'unit-process.ts',
  (input) => `unit ${input.year}`,
  async (input) => writeFileSync(input.resultFile, JSON.stringify(await runUnit(input))),
);
