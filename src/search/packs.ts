/**
 * Packs: some of Pagefind's files, as Pagefind reads them (its entry files as they
 * are, the others once unzipped), put one after another after a first line listing
 * them, and compressed with LZMA into one file, `<name>.<hash>.pf_pack`, beside the
 * files themselves: a year's parts' entry files and metadata, and the shell's
 * WebAssembly with its index's entry file and metadata. The search page
 * (src/browser/search/packs.js) fetches a pack instead of the files it holds and
 * hands Pagefind each file's bytes when Pagefind asks for it; anything else reading
 * the bundles (the offline mirror, the tests' Pagefind, another client) reads
 * Pagefind's own files, which stay beside the packs.
 *
 * Why: a first search loads every part's metadata (pagefind.<hash>.pf_meta) of
 * the year it searches and Pagefind's WebAssembly, each gzipped on its own.
 * gzip does badly on the metadata (word counts, chunk bounds: numbers and short
 * words in CBOR), and six parts of one year, compressed apart, repeat what they
 * share. One part's metadata of a two-year synthetic record of 5,500 bilingual
 * replies a year is 33,543 bytes: 12,285 gzipped, 7,216 as LZMA; the year's six
 * 73,433 bytes gzipped apart, 25,756 as one LZMA pack (lzma1 at its default level
 * 5; level 9 gave 25,735). Pagefind's WebAssembly: 55,386 gzipped, 46,011 as LZMA.
 * (Throwaway script over the copy's 2023-24 files, 2026-12-05.) The page loads
 * the decoder for it, lzma1's (3.2 KB gzipped).
 *
 * A pack is named by the hash of its bytes, so a browser never takes an old one
 * for a new one, and a pack made once is kept in the part cache (shard-cache.ts)
 * under the hash of what it holds: compressing a year's six metadata files (200,796
 * bytes) took 263–329 ms at level 5 (throwaway script, JIT warmed, 2026-12-05).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packedFiles } from '../browser/search/packs.js';
import { bundleLanguages, metaFileName, pagefindFileBytes, wasmFileName, type BundleLanguage } from './pagefind-files.ts';
import { partKey } from './parts.ts';
import { readStoredFiles, storeFiles } from './shard-cache.ts';

const EXTENSION = '.pf_pack';
/** lzma1's default level: 9 made the year's pack 21 bytes smaller and took longer (see above). */
const LEVEL = 5;
/**
 * lzma1, imported by a name TypeScript does not follow: the package gives its TypeScript
 * sources as its types, and they do not compile under this project's settings
 * (noUncheckedIndexedAccess). Its two functions used here, typed.
 */
const LZMA1: string = 'lzma1';
const lzma1 = (await import(LZMA1)) as { compress(data: Uint8Array, mode: number): Uint8Array; decompress(data: Uint8Array): Uint8Array };

/** The pack's name in its part-cache entry. */
const CACHED = 'pack.lzma';

/** A pack as the shard manifest lists it: where it is, relative to the site root. */
export interface Pack {
  path: string;
}

/** The files a pack holds, in order, each with its length as Pagefind reads it (paths relative to the site root): its first line (src/browser/search/packs.js packedFiles reads it). */
type PackedFiles = [path: string, bytes: number][];

/**
 * Writes the pack of `files` (site-relative paths of Pagefind's files: entry files and
 * gzipped ones) as `<name>.<hash>.pf_pack` in `folder` (site-relative), removing any
 * other pack of that name there. The pack lists what it holds in its first line (JSON,
 * PackedFiles), so the manifest names only the pack. `cacheDir`: where packs are kept by
 * what they hold; null, none.
 */
export function writePack(siteDir: string, folder: string, name: string, files: readonly string[], cacheDir: string | null): { pack: Pack; key: string } {
  const contents = files.map((f) => pagefindFileBytes(join(siteDir, f)));
  const listed: PackedFiles = files.map((f, i) => [f, contents[i]!.length]);
  const whole = Buffer.concat([Buffer.from(`${JSON.stringify(listed)}\n`), ...contents]);
  // Its entry in the part cache: named by what it holds and how it is compressed (lzma1's version is in the lock file).
  const key = partKey([createHash('sha256').update(whole).digest('hex')], { pack: LEVEL });
  let packed: Uint8Array | null = cacheDir === null ? null : (readStoredFiles(cacheDir, key, [CACHED])?.[CACHED] ?? null);
  if (packed === null) {
    packed = lzma1.compress(whole, LEVEL);
    if (cacheDir !== null) storeFiles(cacheDir, key, { [CACHED]: packed });
  }
  const dir = join(siteDir, folder);
  for (const old of existsSync(dir) ? readdirSync(dir) : []) if (old.startsWith(`${name}.`) && old.endsWith(EXTENSION)) rmSync(join(dir, old));
  const file = `${name}.${createHash('sha256').update(packed).digest('hex').slice(0, 12)}${EXTENSION}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), packed);
  return { pack: { path: `${folder.replace(/\/$/, '')}/${file}` }, key };
}

/** The metadata file of the Pagefind bundle at `bundle` (site-relative; a bundle of one language): the one its entry file names. */
export function metaFileOf(siteDir: string, bundle: string): string {
  return `${bundle.replace(/\/$/, '')}/${metaFileName(onlyLanguage(siteDir, bundle))}`;
}

/** The WebAssembly file of the Pagefind runtime at `bundle` (site-relative; a bundle of one language), as Pagefind names it. */
export function wasmFileOf(siteDir: string, bundle: string): string {
  return `${bundle.replace(/\/$/, '')}/${wasmFileName(onlyLanguage(siteDir, bundle))}`;
}

function onlyLanguage(siteDir: string, bundle: string): BundleLanguage {
  const languages = bundleLanguages(join(siteDir, bundle));
  if (languages.length !== 1) throw new Error(`search: ${join(siteDir, bundle, 'pagefind-entry.json')}: a bundle of one language was expected, found ${languages.length}`);
  return languages[0]!;
}

/** The files a pack holds, unpacked (by site-relative path, in order): the bytes the search page hands Pagefind. */
export function readPack(siteDir: string, pack: Pack): Map<string, Buffer> {
  const file = join(siteDir, pack.path);
  const all = Buffer.from(lzma1.decompress(readFileSync(file)));
  return new Map(packedFiles(all, `search: ${file}`).map(([path, bytes]) => [path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
}
