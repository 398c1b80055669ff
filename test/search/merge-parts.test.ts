/**
 * Merging a year's parts (src/search/merge-parts.ts) refuses what it does not know: a chunk that is
 * not Pagefind's, or a part given twice, fails naming the file, and nothing is written or moved. (That a merged year is one index of the year, word by word, is in parts.test.ts.)
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSearchIndex, planYearSearch } from '../../src/search/build-index.ts';
import { listIndexEntries } from '../../src/search/records.ts';
import { mergeParts } from '../../src/search/merge-parts.ts';
import { MERGED_CHUNK_SIZE } from '../../src/search/pagefind-bundle.ts';
import { SIGNATURE } from '../../src/search/pagefind-files.ts';

const FIXTURE = 'test/fixtures/site';
const work = mkdtempSync(join(tmpdir(), 'merge-parts-'));
const cache = join(work, 'cache');
test.after(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir`, relative, sorted. */
const files = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).sort();

/** The fixture's one year in parts of two, from the part cache, copied to `dir/1`, `dir/2`… as the build had them before merging. */
async function partsIn(dir: string): Promise<string[]> {
  const site = join(work, 'site');
  rmSync(site, { recursive: true, force: true });
  await buildSearchIndex(site, { contentDir: FIXTURE, cacheDir: cache, installAssets: false, partSize: 2 });
  const plan = planYearSearch(join(work, 'plan'), '2023-24', listIndexEntries(FIXTURE), { cacheDir: cache, partSize: 2 });
  rmSync(dir, { recursive: true, force: true });
  return plan.languages[0]!.parts.map((p, i) => {
    const to = join(dir, String(i + 1));
    cpSync(join(cache, p.key, 'bundle'), to, { recursive: true });
    return to;
  });
}

test('a chunk that is not Pagefind’s fails naming it, and nothing is written or moved', async () => {
  const dir = join(work, 'broken');
  const parts = await partsIn(dir);
  assert.ok(parts.length >= 2, `${parts.length} parts`);
  const index = join(parts[1]!, 'index');
  const chunk = join(index, readdirSync(index)[0]!);
  writeFileSync(chunk, gzipSync(Buffer.concat([SIGNATURE, Buffer.from([0x82, 0x01, 0x02])])));
  const before = files(dir);
  try {
    await mergeParts(parts, dir, MERGED_CHUNK_SIZE);
    assert.unreachable('the merge should fail');
  } catch (err) {
    assert.instance(err, Error);
    assert.ok((err as Error).message.includes(chunk), (err as Error).message);
    assert.match((err as Error).message, /layout this does not know/);
  }
  assert.equal(files(dir), before, 'the parts as they were, no merged bundle');
});

test('a part given twice fails (its pages would overwrite each other), and no merged bundle is written', async () => {
  const dir = join(work, 'twice');
  const parts = await partsIn(dir);
  const copy = join(dir, 'again');
  cpSync(parts[0]!, copy, { recursive: true });
  try {
    await mergeParts([...parts, copy], dir, MERGED_CHUNK_SIZE);
    assert.unreachable('the merge should fail');
  } catch (err) {
    assert.match((err as Error).message, /name a page alike/);
    assert.ok((err as Error).message.includes(dir), (err as Error).message);
  }
  assert.not.ok(existsSync(join(dir, 'pagefind-entry.json')), 'no merged bundle');
  assert.ok(existsSync(join(copy, 'pagefind-entry.json')), 'the parts left as they were');
});

test('the merge writes nothing beside the bundle’s folder, even for a moment (a unit lists its year while its search is written)', async () => {
  const year = join(work, 'watched');
  const dir = join(year, 'pagefind');
  const parts = await partsIn(dir);
  const seen = new Set<string>();
  const watcher = watch(year, (_event, name) => {
    if (name) seen.add(String(name));
  });
  try {
    await mergeParts(parts, dir, MERGED_CHUNK_SIZE);
    await new Promise((r) => setTimeout(r, 200)); // the watcher's last events
  } finally {
    watcher.close();
  }
  assert.ok(existsSync(join(dir, 'pagefind-entry.json')), 'merged');
  assert.equal([...seen].filter((n) => n !== 'pagefind'), [], 'only the bundle’s own folder changed in the year’s folder');
});

test.run();
