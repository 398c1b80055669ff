/**
 * Incremental search index: a year's index is in parts (src/search/parts.ts), and after
 * one reply changes only the part holding it is indexed again; the other parts, of its
 * year and of the others, come from the part cache, and the result is the same bytes a
 * build without any cache writes.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildSearchIndex, indexYearSearch, planYearSearch } from '../../src/search/build-index.ts';
import { listIndexEntries } from '../../src/search/records.ts';

const FIXTURE = 'test/fixtures/site';
const work = mkdtempSync(join(tmpdir(), 'shard-cache-'));
const content = join(work, 'content');
const cache = join(work, 'cache');

/** The fixture's replies as 2023-24, and the same replies again as a second year, 2022-23. */
function twoYearContent(): void {
  cpSync(FIXTURE, content, { recursive: true });
  const from = join(content, 'replies', '2023-24');
  const to = join(content, 'replies', '2022-23');
  cpSync(from, to, { recursive: true });
  for (const name of readdirSync(to)) {
    const file = join(to, name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: 2023-24\//m, 'id: 2022-23/').replace(/^year: "2023-24"$/m, 'year: "2022-23"'));
  }
}

/** Every file of a built index, path → bytes. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

/** Each year's four replies in two parts of two; `lanes`: parts indexed at once (year-search.ts). */
async function index(site: string, cacheDir: string | null, lanes = 1) {
  rmSync(site, { recursive: true, force: true });
  return buildSearchIndex(site, { contentDir: content, cacheDir, installAssets: false, partSize: 2, lanes });
}

test.after(() => rmSync(work, { recursive: true, force: true }));

test('a rebuild after editing one reply re-indexes only the part holding it, with the bytes of an uncached build', async () => {
  twoYearContent();
  const first = await index(join(work, 'a'), cache);
  // Each year's two parts merged into one bundle (merge-parts.ts), the one the page loads.
  assert.equal(first.shards.map((s) => [s.name, s.parts]), [
    ['2023-24', ['2023-24/pagefind/']],
    ['2022-23', ['2022-23/pagefind/']],
  ]);
  assert.is(first.reused, 0, 'an empty cache reuses nothing');
  const manifest = JSON.parse(readFileSync(join(work, 'a', 'pagefind', 'shards.json'), 'utf8')) as { shards: { name: string; parts: string[] }[] };
  assert.equal(manifest.shards.map((s) => ({ name: s.name, parts: s.parts })), first.shards.map((s) => ({ name: s.name, parts: s.parts })), 'the manifest lists every year\'s bundle');

  const again = await index(join(work, 'b'), cache);
  assert.is(again.reused, 4, 'nothing changed: every part comes from the cache');
  assert.equal(tree(join(work, 'b')), tree(join(work, 'a')), 'restored parts are the same files');
  // The shell's own pages' bundle (Pagefind's runtime and the background papers) is linked from the cache too.
  const runtime = statSync(join(work, 'b', 'pagefind', 'pagefind-entry.json'));
  assert.ok(runtime.nlink > 1 && readdirSync(cache).some((k) => statSync(join(cache, k, 'bundle', 'pagefind-entry.json'), { throwIfNoEntry: false })?.ino === runtime.ino), "the shell's bundle is the cached one, linked");

  const edited = join(content, 'replies', '2022-23', 'itib002.md');
  writeFileSync(edited, `${readFileSync(edited, 'utf8').trimEnd()}\n\n更正測試用的新增句子。\n`);
  // The edited part's chunk is prepared from the chunk before (year-search.ts preparedFromBefore): its other documents as they were.
  const incremental = await index(join(work, 'c'), cache);
  assert.is(incremental.reused, 3, 'only the edited reply\'s part is indexed');
  const before = tree(join(work, 'b'));
  const changed = [...tree(join(work, 'c'))].filter(([f, bytes]) => before.get(f) !== bytes).map(([f]) => f.split('/').slice(0, 3).join('/'));
  const changedSearch = [...new Set(changed.filter((f) => f.includes('/pagefind/')).map((f) => f.split('/')[0]))];
  assert.equal(changedSearch, ['2022-23'], "only the edited reply's year's bundle changed");
  const fresh = await index(join(work, 'd'), null);
  assert.equal(tree(join(work, 'c')), tree(join(work, 'd')), 'incremental output equals a build without a cache');
  // Each part of two editions is one prepared chunk (prepare.ts PREPARE_CHUNK), kept beside it.
  // The shell's bundle (the background papers) of each language with replies is kept too: the fixture's are Chinese only.
  // And the packs (packs.ts): each year's metadata, the runtime's WebAssembly; each year's merged bundle; and the converter's candidates (converter-dict.ts).
  assert.equal(readdirSync(cache).length, 8 + 1 + 2 + 1 + 2 + 1, "the cache keeps only the parts the last cached build used, their prepared chunks, the shell's bundle, the packs, the merged bundles and the converter's candidates");
  assert.ok(readdirSync(cache).some((k) => statSync(join(cache, k, 'bundle', 'converter-candidates.json'), { throwIfNoEntry: false })), "the converter's candidates are kept");
  assert.is(fresh.reused, 0, 'no cache: every part indexed');
});

test('a cached part whose entry goes between keying and linking (another build pruned it) is indexed, with the same bytes', async () => {
  twoYearContent();
  const cacheDir = join(work, 'cache-pruned');
  await index(join(work, 'p1'), cacheDir);
  const site = join(work, 'p2');
  rmSync(site, { recursive: true, force: true });
  const plan = planYearSearch(site, '2023-24', listIndexEntries(content), { cacheDir, partSize: 2 });
  assert.is(plan.toIndex, 0, 'both parts of 2023-24 are in the cache');
  const [first] = plan.languages[0]!.parts;
  rmSync(join(cacheDir, first!.key), { recursive: true, force: true });
  const [summary] = await indexYearSearch(site, plan);
  assert.equal(summary!.parts.map((p) => p.cached), [false, true], 'the part whose entry went is indexed; the other is linked');
  const fresh = join(work, 'p3');
  rmSync(fresh, { recursive: true, force: true });
  await indexYearSearch(fresh, planYearSearch(fresh, '2023-24', listIndexEntries(content), { cacheDir: null, partSize: 2 }));
  assert.equal(tree(site), tree(fresh), 'the same files as a year indexed without a cache');
});

test('a year indexed in two lanes, each part by a Pagefind process of its own, is the same bytes as in one', async () => {
  const one = await index(join(work, 'one-lane'), null);
  const two = await index(join(work, 'two-lanes'), null, 2);
  assert.equal(two.shards, one.shards, 'the same parts of the same years');
  const files = tree(join(work, 'two-lanes'));
  assert.ok(files.has('2022-23/pagefind/pagefind-entry.json'), "2022-23's parts merged");
  assert.equal(files, tree(join(work, 'one-lane')));
});

test.run();
