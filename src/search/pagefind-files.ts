/**
 * Reading the files of a Pagefind bundle as Pagefind 1.6 writes them: its entry file (which
 * names each language's metadata and WebAssembly) and its gzipped files, which begin, once
 * unzipped, with Pagefind's signature. The one reader for short-ids.ts (which renames a
 * bundle's pages and chunks), fragment-text.ts (which rewrites its fragments) and packs.ts
 * (which packs its entry files, metadata and WebAssembly).
 */
import { decode } from 'cborg';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Pagefind's files, once unzipped, begin with this; given it, Pagefind's reader takes the bytes as they are. */
export const SIGNATURE = Buffer.from('pagefind_dcd');

/** A language of a bundle, from its entry file: its metadata's hash and its WebAssembly's language (null: none of its own). */
export interface BundleLanguage {
  lang: string;
  hash: string;
  wasm: string | null;
}

/** The languages of the bundle at `bundleDir`, from its pagefind-entry.json; an entry Pagefind 1.6 would not write fails, naming the file. */
export function bundleLanguages(bundleDir: string): BundleLanguage[] {
  const entryFile = path.join(bundleDir, 'pagefind-entry.json');
  let entry: { languages?: Record<string, { hash?: unknown; wasm?: unknown }> };
  try {
    entry = JSON.parse(readFileSync(entryFile, 'utf8'));
  } catch (err) {
    throw new Error(`search: ${entryFile}: cannot be read: ${(err as Error).message}`);
  }
  return Object.entries(entry.languages ?? {}).map(([lang, l]) => {
    if (typeof l.hash !== 'string' || !/^[\w-]+_[0-9a-f]+$/.test(l.hash)) throw new Error(`search: ${entryFile}: language ${lang} has no metadata hash Pagefind 1.6 would write`);
    return { lang, hash: l.hash, wasm: typeof l.wasm === 'string' && l.wasm !== '' ? l.wasm : null };
  });
}

/** The metadata file of a language of the bundle at `bundleDir`. */
export const metaFileName = (language: BundleLanguage) => `pagefind.${language.hash}.pf_meta`;

/** The WebAssembly file Pagefind asks for in a language: `wasm.<its wasm, or unknown>.pagefind`. */
export const wasmFileName = (language: BundleLanguage) => `wasm.${language.wasm ?? 'unknown'}.pagefind`;

/** A gzipped Pagefind file, unzipped, checked to begin with Pagefind's signature; else an error naming it. */
export function unzipPagefindFile(file: string): Buffer {
  let raw: Buffer;
  try {
    raw = gunzipSync(readFileSync(file));
  } catch (err) {
    throw new Error(`search: ${file}: not a gzipped Pagefind file: ${(err as Error).message}`);
  }
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`search: ${file}: not a Pagefind file (no ${SIGNATURE.toString()} signature once unzipped)`);
  return raw;
}

/**
 * The bytes Pagefind reads of one of its files: an entry file (pagefind-entry.json) as it
 * is, a gzipped file unzipped (beginning with its signature); else an error naming it.
 */
export function pagefindFileBytes(file: string): Buffer {
  if (!file.endsWith('.json')) return unzipPagefindFile(file);
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`search: ${file}: cannot be read: ${(err as Error).message}`);
  }
}

/** Pagefind's page: its fragment's name, its word count, its fragment group ('' when alone). */
export type MetaPage = [hash: string, wordCount: number, group: string];
/** An index chunk: the first and last word it holds, its name. */
export type MetaChunk = [from: string, to: string, hash: string];
/** [version, pages, index chunks, filters, sorts, metadata keys], Pagefind 1.6's layout. */
export type Meta = [string, MetaPage[], MetaChunk[], unknown[], unknown[], unknown[]];

export function readMeta(file: string): Meta {
  const meta = decode(unzipPagefindFile(file).subarray(SIGNATURE.length)) as unknown;
  // Rows of strings (s) and numbers (n), as `types` spells them.
  const rows = (list: unknown, types: string) =>
    Array.isArray(list) &&
    list.every((row) => Array.isArray(row) && row.length === types.length && row.every((v, i) => typeof v === (types[i] === 's' ? 'string' : 'number')));
  if (!Array.isArray(meta) || meta.length !== 6 || typeof meta[0] !== 'string' || !rows(meta[1], 'sns') || !rows(meta[2], 'sss') || !meta.slice(3).every((x) => Array.isArray(x))) {
    throw new Error(`${file}: Pagefind metadata in a layout this does not know (expected Pagefind 1.6's: version, pages, index chunks, filters, sorts, keys)`);
  }
  return meta as Meta;
}
