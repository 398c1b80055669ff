/**
 * Short page and chunk names in the search bundles (src/search/short-ids.ts): a first search
 * loads every part's metadata, whose size was mostly Pagefind's hashes. What a reader would
 * notice if this went wrong: a result showing another reply's excerpt (a fragment renamed to
 * the wrong page), a search failing on a missing file, or two parts' results taken for one.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decode, encode } from 'cborg';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { shortenBundleIds } from '../../src/search/short-ids.ts';
import { diskTree } from '../support/file-tree.ts';

const work = mkdtempSync(join(tmpdir(), 'short-ids-'));
const site = join(work, 'site');
const SIGNATURE = 'pagefind_dcd';

test.after(() => rmSync(work, { recursive: true, force: true }));

type Page = [string, number, string];
type Chunk = [string, string, string];

/** Every bundle folder (one with a pagefind-entry.json) under `dir`. */
const bundles = (dir: string) => diskTree(dir).files.filter((f) => basename(f) === 'pagefind-entry.json').map((f) => join(dir, dirname(f)));

function metaOf(bundle: string): { file: string; hash: string; meta: [string, Page[], Chunk[], ...unknown[]] } {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const hash = Object.values(entry.languages)[0]?.hash;
  if (!hash) throw new Error(`${bundle}: no language in pagefind-entry.json`);
  const file = join(bundle, `pagefind.${hash}.pf_meta`);
  const raw = gunzipSync(readFileSync(file));
  assert.is(raw.subarray(0, SIGNATURE.length).toString(), SIGNATURE, `${file} keeps Pagefind's signature`);
  return { file, hash, meta: decode(raw.subarray(SIGNATURE.length)) };
}

const names = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length - 1)).sort() : []);

test('every page and chunk is named by its metadata hash and its number, and each fragment is its page’s', async () => {
  // The fixture's replies in parts of two: several bundles, each merged by the search page.
  await buildSearchIndex(site, { contentDir: 'test/fixtures/site', cacheDir: null, installAssets: false, partSize: 2 });
  const found = bundles(site);
  assert.ok(found.length >= 2, `the years' and the shell's bundles: ${found.join(', ')}`);
  const everyPage = new Set<string>();
  for (const bundle of found) {
    const { hash, meta } = metaOf(bundle);
    const prefix = hash.slice(hash.indexOf('_') + 1);
    const [, pages, chunks] = meta;
    // A year's bundle is its parts merged (merge-parts.ts): its pages keep the names their parts gave them.
    const merged = /\/\d{4}-\d{2}\/pagefind/.test(bundle);
    if (merged) assert.ok(pages.every((p) => /^[0-9a-f]{11}[0-9a-z]+$/.test(p[0])), `${bundle}: pages named by their parts`);
    else assert.equal(pages.map((p) => p[0]), pages.map((_, i) => prefix + i.toString(36)), `${bundle}: pages named in order`);
    assert.equal(chunks.map((c) => c[2]), chunks.map((_, i) => prefix + i.toString(36)), `${bundle}: chunks named in order`);
    // Nothing renamed away or left behind: the files are exactly the names listed.
    assert.equal(names(join(bundle, 'fragment'), 'pf_fragment'), pages.map((p) => p[0]).sort());
    assert.equal(names(join(bundle, 'index'), 'pf_index'), chunks.map((c) => c[2]).sort());
    for (const [name, wordCount] of pages) {
      // A page's fragment is its own: the word count Pagefind wrote in each agrees (they differ from page to page).
      const fragment = JSON.parse(gunzipSync(readFileSync(join(bundle, 'fragment', `${name}.pf_fragment`))).subarray(SIGNATURE.length).toString('utf8')) as { word_count: number; url: string };
      assert.is(fragment.word_count, wordCount, `${bundle} ${name} (${fragment.url})`);
      assert.not.ok(everyPage.has(name), `${name} names one page in the whole site`);
      everyPage.add(name);
    }
  }
  const counts = new Set(found.flatMap((b) => metaOf(b).meta[1].map((p) => p[1])));
  assert.ok(counts.size > 3, 'word counts tell pages apart, so the check above can tell a wrong fragment');
});

test('metadata it does not know, or naming a file the bundle lacks, fails naming the file', () => {
  const bundle = bundles(site).find((b) => b.includes('2023-24'));
  if (!bundle) throw new Error('no bundle of 2023-24 was built');
  const { file, meta } = metaOf(bundle);
  const firstPage = meta[1][0]?.[0];
  if (!firstPage) throw new Error(`${file} lists no page`);
  const copy = join(work, 'copy');
  const write = (m: unknown) => writeFileSync(join(copy, file.slice(bundle.length)), gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encode(m)])));

  rmSync(copy, { recursive: true, force: true });
  cpSync(bundle, copy, { recursive: true });
  write(meta.slice(0, 5)); // a field fewer: another Pagefind's layout
  assert.throws(() => shortenBundleIds(copy), (e: Error) => e.message.includes('.pf_meta') && /layout this does not know/.test(e.message));

  rmSync(copy, { recursive: true, force: true });
  cpSync(bundle, copy, { recursive: true });
  rmSync(join(copy, 'fragment', `${firstPage}.pf_fragment`));
  write(meta);
  assert.throws(() => shortenBundleIds(copy), (e: Error) => e.message.includes('.pf_meta') && e.message.includes(`fragment/${firstPage}.pf_fragment`));
});

test.run();
