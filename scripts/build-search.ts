/**
 * (Re)index an already built site: `tsx scripts/build-search.ts [siteDir]
 * [--content DIR] [--strategy bigram|plain]`: every year's bundle (/<year>/pagefind/)
 * and the shell's manifest. The normal path is `npm run build` (src/build: each
 * year's unit indexes its year, the shell writes the manifest).
 */
import { parseArgs } from 'node:util';
import { settingsFromEnv } from '../_data/site.ts';
import { buildSearchIndex, type SearchStrategy } from '../src/search/build-index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    content: { type: 'string' },
    strategy: { type: 'string', default: 'bigram' },
  },
});
const settings = settingsFromEnv(process.env);
const siteDir = positionals[0] ?? settings.outDir;
if (!['bigram', 'plain'].includes(values.strategy ?? '')) {
  console.error('usage: build-search.ts [siteDir] [--content DIR] [--strategy bigram|plain]');
  process.exit(2);
}
const started = performance.now();
buildSearchIndex(siteDir, {
  contentDir: values.content ?? settings.contentDir,
  strategy: values.strategy as SearchStrategy,
  log: (line) => console.log(line),
}).then(
  (r) => console.log(`search: ${r.pages} pages indexed (${r.strategy}) in ${((performance.now() - started) / 1000).toFixed(2)} s`),
  (err: unknown) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  },
);
