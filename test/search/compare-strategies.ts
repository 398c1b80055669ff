/**
 * Evidence for the index strategy (not run by `npm test`; it takes a minute):
 *   tsx test/search/compare-strategies.ts [siteDir]
 * Copies a built site twice, indexes one copy the default way (bigrams) and one
 * with Pagefind's own indexing of the pages (plain), and prints recall on the
 * query set and on the generated title queries, measured in chromium.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndex, type SearchStrategy } from '../../src/search/build-index.ts';
import { runPagefindQueries } from '../../src/search/measure-browser.ts';
import { launchChromium } from '../../src/serve/chromium.ts';
import { serveDirectory } from '../../src/serve/static-server.ts';
import { CONTENT_DIR, SITE_DIR, requireSite } from '../support/site.ts';
import { expectedFor, loadQuerySet, loadReplyTexts, score, targetsFor, titleQueries, type QuerySpec } from './expected.ts';

const site = requireSite(process.argv[2] ?? SITE_DIR);
const replies = loadReplyTexts(CONTENT_DIR);
const sets: [string, QuerySpec[]][] = [
  ['query set', loadQuerySet()],
  ['title words and substrings', titleQueries(replies)],
];
const scratch = mkdtempSync(join(tmpdir(), 'search-compare-'));
const browser = await launchChromium();
try {
  for (const strategy of ['plain', 'bigram'] as SearchStrategy[]) {
    const dir = join(scratch, strategy);
    cpSync(site, dir, { recursive: true });
    const started = performance.now();
    await buildSearchIndex(dir, { strategy, contentDir: CONTENT_DIR });
    const seconds = (performance.now() - started) / 1000;
    const server = await serveDirectory(dir);
    const page = await browser.newPage();
    for (const [name, specs] of sets) {
      // plain: the query goes to Pagefind as typed (its default); bigram: through the page's query module.
      const runs = await runPagefindQueries(page, server.baseUrl, specs.map((s) => s.q), { segment: strategy !== 'plain' });
      const scores = specs.map((s, i) => score(s, expectedFor(s.q, replies), runs[i]?.urls ?? [], targetsFor(s, replies)));
      const exp = scores.reduce((a, s) => a + s.expected, 0);
      const found = scores.reduce((a, s) => a + s.found, 0);
      const targeted = scores.filter((s) => s.targetTop5 !== null);
      console.log(
        `${strategy.padEnd(7)} ${name.padEnd(27)} queries at 100 % recall ${scores.filter((s) => s.recall === 1).length}/${scores.length}, ` +
          `pooled recall ${((100 * found) / exp).toFixed(1)} %, target in top 5 ${targeted.filter((s) => s.targetTop5).length}/${targeted.length}` +
          ` (index ${seconds.toFixed(1)} s)`,
      );
    }
    await page.close();
    await server.close();
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
