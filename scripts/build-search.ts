/**
 * (Re)index an already built site: `tsx scripts/build-search.ts [siteDir]
 * [--content DIR] [--strategy bigram|plain] [--shard year|none]`.
 * The normal path is `npm run build`, which calls buildSearchIndex itself.
 */
import { parseArgs } from 'node:util';
import { settingsFromEnv } from '../_data/site.ts';
import { buildSearchIndex, type SearchStrategy } from '../src/search/build-index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    content: { type: 'string' },
    strategy: { type: 'string', default: 'bigram' },
    shard: { type: 'string', default: 'year' },
  },
});
const settings = settingsFromEnv(process.env);
const siteDir = positionals[0] ?? settings.outDir;
if (!['bigram', 'plain'].includes(values.strategy ?? '') || !['year', 'none'].includes(values.shard ?? '')) {
  console.error('usage: build-search.ts [siteDir] [--content DIR] [--strategy bigram|plain] [--shard year|none]');
  process.exit(2);
}
const started = performance.now();
buildSearchIndex(siteDir, {
  contentDir: values.content ?? settings.contentDir,
  strategy: values.strategy as SearchStrategy,
  shard: values.shard as 'year' | 'none',
  log: (line) => console.log(line),
}).then(
  (r) => console.log(`search: ${r.pages} pages indexed (${r.strategy}) in ${((performance.now() - started) / 1000).toFixed(2)} s`),
  (err: unknown) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  },
);
