/**
 * Packs (src/search/packs.ts): a year's parts' metadata and Pagefind's WebAssembly, each in
 * one LZMA file the search page fetches instead. What a reader would notice if this went
 * wrong: a search failing or finding the wrong replies because Pagefind was handed another
 * part's metadata, or stale bytes; a build that packs a file Pagefind cannot take.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { metaFileOf, readPack, wasmFileOf, writePack, type Pack } from '../../src/search/packs.ts';

const work = mkdtempSync(join(tmpdir(), 'packs-'));
const site = join(work, 'site');
const cache = join(work, 'cache');

test.after(() => rmSync(work, { recursive: true, force: true }));

interface Manifest {
  shards: { name: string; parts: string[]; metadata: Pack }[];
  wasm: Pack;
}

test('each year’s pack holds its bundle’s entry file and metadata, byte for byte as Pagefind reads them; the runtime’s pack its WebAssembly, after the shell’s entry file and metadata', async () => {
  // The fixture's replies in parts of two: several parts a year, merged into one bundle with its own metadata.
  await buildSearchIndex(site, { contentDir: 'test/fixtures/site', cacheDir: cache, installAssets: false, partSize: 2 });
  const manifest = JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8')) as Manifest;
  assert.ok(manifest.shards.length >= 1);
  for (const shard of manifest.shards) {
    assert.equal(shard.parts, [`${shard.name}/pagefind/`], `${shard.name}: its parts merged into one bundle`);
    assert.equal(Object.keys(shard.metadata), ['path'], 'the manifest names the pack only: the pack lists its files');
    assert.ok(shard.metadata.path.startsWith(`${shard.name}/pagefind/metadata.`) && shard.metadata.path.endsWith('.pf_pack'), shard.metadata.path);
    const unpacked = readPack(site, shard.metadata);
    // Exactly the bundle's entry file and metadata: what Pagefind asks for as it merges the year.
    assert.equal([...unpacked.keys()], shard.parts.flatMap((p) => [`${p}pagefind-entry.json`, metaFileOf(site, p)]));
    for (const [file, bytes] of unpacked) {
      if (file.endsWith('pagefind-entry.json')) {
        assert.ok(bytes.equals(readFileSync(join(site, file))), `${file}: the entry file as it is`);
        continue;
      }
      assert.ok(bytes.equals(gunzipSync(readFileSync(join(site, file)))), `${file}: the pack's bytes are the file's, unzipped`);
      assert.is(bytes.subarray(0, 12).toString('latin1'), 'pagefind_dcd', `${file}: Pagefind takes it as it is`);
    }
  }
  // The shell's entry file and metadata, which Pagefind fetches first, then its WebAssembly.
  assert.equal([...readPack(site, manifest.wasm).keys()], ['pagefind/pagefind-entry.json', metaFileOf(site, 'pagefind'), wasmFileOf(site, 'pagefind')]);
  const [wasmFile, wasm] = [...readPack(site, manifest.wasm)][2]!;
  assert.ok(wasm.equals(gunzipSync(readFileSync(join(site, wasmFile)))), 'the WebAssembly, unzipped');
  assert.ok(wasm.subarray(12, 16).equals(Buffer.from([0, 0x61, 0x73, 0x6d])), 'a WebAssembly module after the signature');
});

test('a pack is named by its bytes, replaces the earlier one of its name, and is made again from the cache with the same bytes', () => {
  const [shard] = (JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8')) as Manifest).shards;
  const files = [...readPack(site, shard!.metadata).keys()];
  const folder = `${shard!.name}/pagefind`;
  const first = writePack(site, folder, 'metadata', files, null);
  const again = writePack(site, folder, 'metadata', files, cache);
  assert.equal(again.pack, first.pack, 'the same files, the same pack (the cache gives the bytes compressing made)');
  assert.ok(readFileSync(join(site, again.pack.path)).equals(readFileSync(join(site, shard!.metadata.path))));
  const other = writePack(site, folder, 'metadata', files.slice(1), null);
  assert.is.not(other.pack.path, first.pack.path, 'other files, another name');
  const packs = readdirSync(join(site, folder)).filter((f) => f.endsWith('.pf_pack'));
  assert.equal(packs, [other.pack.path.split('/').pop()], 'one pack of that name left in the folder');
  writePack(site, folder, 'metadata', files, cache); // as the build left it
});

test('a file Pagefind could not take is not packed: the error names it', () => {
  const dir = join(work, 'bad');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plain.pf_meta'), 'not gzipped');
  writeFileSync(join(dir, 'other.pf_meta'), gzipSync('gzipped, without the signature'));
  assert.throws(() => writePack(work, 'bad', 'metadata', ['bad/plain.pf_meta'], null), (e: Error) => e.message.includes(join(dir, 'plain.pf_meta')));
  assert.throws(() => writePack(work, 'bad', 'metadata', ['bad/other.pf_meta'], null), (e: Error) => e.message.includes(join(dir, 'other.pf_meta')) && /signature/.test(e.message));
  assert.throws(() => writePack(work, 'bad', 'metadata', ['bad/missing.pf_meta'], null), (e: Error) => e.message.includes(join(dir, 'missing.pf_meta')));
  assert.throws(() => metaFileOf(work, 'bad'), (e: Error) => e.message.includes(join(dir, 'pagefind-entry.json')));
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.pf_pack')), [], 'nothing written');
});

test.run();
