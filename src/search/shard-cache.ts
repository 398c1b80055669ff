/**
 * The search-part cache: each part of a year's index (parts.ts) is stored under
 * its key, a hash of its inputs (partKey): `<key>/bundle/` holds its Pagefind
 * bundle and `<key>/part.json` what the shell's manifest needs of it (pages,
 * reply numbers, filter values, lexicon), so a part whose key is found is neither
 * prepared nor indexed. A rebuild after editing one reply indexes only that
 * reply's part; every other part is linked back from the cache, and that part's
 * documents are read from here as prepared (restorePrepared) but for the edited
 * reply's own. Pagefind's
 * output for the same input is byte-identical (test/browser/determinism), so a
 * restored part equals a freshly built one.
 *
 * Default `.cache/search` (git-ignored), `search/` under ARCHIVE_CACHE when
 * set, or exactly SEARCH_CACHE_DIR; SEARCH_CACHE_DIR=off disables it.
 * Entries are written whole (to a temporary folder, then renamed) and never
 * edited; a build removes the entries it did not use, so the cache holds one
 * build's parts. Deleting the folder is always safe.
 */
import { cacheTemp, commitCacheEntry } from '../lib/cache-entry.ts';
import { running } from '../lib/processes.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkTree } from '../lib/link-tree.ts';
import { gunzipSync, gzipSync } from 'node:zlib';

export function shardCacheDir(): string | null {
  const exact = process.env.SEARCH_CACHE_DIR;
  if (exact === 'off') return null;
  return exact ?? join(process.env.ARCHIVE_CACHE ?? '.cache', 'search');
}

let version: string | undefined;

/** Pagefind's installed version (its package.json is not in its "exports": found above its entry point). */
export function pagefindVersion(): string {
  if (version) return version;
  let dir = dirname(fileURLToPath(import.meta.resolve('pagefind')));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('search: cannot find pagefind/package.json');
    dir = parent;
  }
  version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

const BUNDLE = 'bundle';
const SUMMARY = 'part.json';

/** The summary of the cached part `key`; null when it is not cached. Its bundle is put in place by linkCachedPart. */
export function cachedPartSummary<T>(cacheDir: string, key: string): T | null {
  const file = join(cacheDir, key, SUMMARY);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

/**
 * Puts the cached part `key`'s bundle at `outDir` (a part cachedPartSummary found); false, and
 * nothing left at `outDir`, when its entry has gone since (another build sharing the cache pruned it).
 */
export function linkCachedPart(cacheDir: string, key: string, outDir: string): boolean {
  try {
    linkTree(cachedBundleDir(cacheDir, key), outDir);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    rmSync(outDir, { recursive: true, force: true });
    return false;
  }
}

/** The bundle of the cached part `key`, to read in place (never to write); null when it is not cached. */
export function cachedPartBundle(cacheDir: string, key: string): string | null {
  return cachedPartSummary(cacheDir, key) === null ? null : cachedBundleDir(cacheDir, key);
}

/** The folder of the cached entry `key`'s files (a part's bundle; storeFiles' files). */
function cachedBundleDir(cacheDir: string, key: string): string {
  return join(cacheDir, key, BUNDLE);
}

/** The files `names` that storeFiles stored as the entry `key`'s bundle; null when the entry is not there (never stored, or pruned meanwhile by another build sharing the cache). */
export function readStoredFiles(cacheDir: string, key: string, names: readonly string[]): Record<string, Buffer> | null {
  try {
    return Object.fromEntries(names.map((name) => [name, readFileSync(join(cachedBundleDir(cacheDir, key), name))]));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return null;
  }
}

/** Stores `files` (name → text or bytes) as the entry `key`'s bundle, with an empty summary (whole, or not at all). */
export function storeFiles(cacheDir: string, key: string, files: Record<string, string | Uint8Array>): void {
  const entry = join(cacheDir, key);
  if (existsSync(entry)) return;
  const partial = cacheTemp(entry);
  mkdirSync(join(partial, BUNDLE), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(partial, BUNDLE, name), text);
  writeFileSync(join(partial, SUMMARY), '{}');
  commitCacheEntry(partial, entry);
}

/** Stores the freshly written part at `outDir` with its summary under `key` (whole, or not at all). */
export function storePart(cacheDir: string, key: string, outDir: string, summary: unknown): void {
  const entry = join(cacheDir, key);
  if (existsSync(entry)) return;
  const partial = cacheTemp(entry);
  mkdirSync(partial, { recursive: true });
  linkTree(outDir, join(partial, BUNDLE));
  writeFileSync(join(partial, SUMMARY), JSON.stringify(summary));
  commitCacheEntry(partial, entry); // another build may have stored the same key meanwhile: then ours is dropped
}

const PREPARED = 'prepared.json.gz';

/** Whether the cache holds a prepared chunk under `key`. */
export function hasPrepared(cacheDir: string, key: string): boolean {
  return existsSync(join(cacheDir, key, PREPARED));
}

/**
 * A prepared chunk (prepare.ts) stored under its key: a part indexed again after
 * an edit reads its other chunks from here instead of preparing them. Gzipped
 * (fastest level): a chunk of 250 Chinese editions is 2.8 MB as JSON, 0.76 MB
 * gzipped; a year of 5,500 bilingual replies 17 MB in all (file sizes in the part
 * cache of the benchmark's synthetic year, `prepareCorpus(5500, S, 1, 5500)`, 2026-12-03).
 */
export function restorePrepared<T>(cacheDir: string, key: string): T | null {
  if (!hasPrepared(cacheDir, key)) return null;
  return JSON.parse(gunzipSync(readFileSync(join(cacheDir, key, PREPARED))).toString('utf8')) as T;
}

/** Stores a prepared chunk under `key` (whole, or not at all). */
export function storePrepared(cacheDir: string, key: string, chunk: unknown): void {
  const entry = join(cacheDir, key);
  if (existsSync(entry)) return;
  const partial = cacheTemp(entry);
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, PREPARED), gzipSync(JSON.stringify(chunk), { level: 1 }));
  commitCacheEntry(partial, entry);
}

/** Removes every entry but `keep` (and any half-stored leftovers). */
export function pruneShards(cacheDir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) {
    // A half-stored entry of a build still running (its pid in the name) is left to it.
    const writer = /\.partial-(\d+)-/.exec(name)?.[1];
    if (!keep.has(name) && (writer === undefined || !running(Number(writer)))) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}
