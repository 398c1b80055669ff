import { firstSearches } from './src/bench/first-search.ts';
for (const dir of process.argv.slice(2)) {
  const rows = await firstSearches(dir, [{ q: '再工業化' }]);
  console.log(dir, rows.map((r) => `${r.query} ${(r.bytesGzip / 1024).toFixed(1)} KB (${r.requests} req) ${JSON.stringify(Object.fromEntries(Object.entries(r.byKind).map(([k, v]) => [k, +(v / 1024).toFixed(1)])))}`).join('\n  '));
}
