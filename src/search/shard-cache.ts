/**
 * The search-shard cache: each year's Pagefind bundle is stored under a key
 * made of everything that decides its bytes (the documents handed to Pagefind,
 * Pagefind's version, the chunk size, the index language, whether it is the
 * primary bundle). A rebuild after editing one reply re-indexes only that
 * reply's year; every other year is linked back from the cache. Pagefind's
 * output for the same input is byte-identical (test/browser/determinism), so
 * a restored shard equals a freshly built one.
 *
 * Default `.cache/search` (git-ignored), `search/` under ARCHIVE_CACHE when
 * set, or exactly SEARCH_CACHE_DIR; SEARCH_CACHE_DIR=off disables it.
 * Entries are written whole (to a temporary folder, then renamed) and never
 * edited; a build removes the entries it did not use, so the cache holds one
 * build's shards. Deleting the folder is always safe.
 */
import { cacheTemp, commitCacheEntry } from '../lib/cache-entry.ts';
import { running } from '../lib/processes.ts';
import { createHash } from 'node:crypto';
import { copyFileSync, constants, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ShardInput {
  url: string;
  html: string;
}

export function shardCacheDir(): string | null {
  const exact = process.env.SEARCH_CACHE_DIR;
  if (exact === 'off') return null;
  return exact ?? join(process.env.ARCHIVE_CACHE ?? '.cache', 'search');
}

let version: string | undefined;

/** Pagefind's installed version (its package.json is not in its "exports": found above its entry point). */
function pagefindVersion(): string {
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

export function shardKey(docs: readonly ShardInput[], settings: Record<string, string | number | boolean>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ pagefind: pagefindVersion(), ...settings })).update('\u0000');
  for (const d of docs) hash.update(d.url).update('\u0000').update(d.html).update('\u0000');
  return hash.digest('hex');
}

/** Hard-links (or, across file systems, copies) every file of `from` into `to`. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
      continue;
    }
    try {
      linkSync(source, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM') throw err;
      copyFileSync(source, target, constants.COPYFILE_FICLONE);
    }
  }
}

/** Puts the cached shard `key` at `outDir`; false when it is not cached. */
export function restoreShard(cacheDir: string, key: string, outDir: string): boolean {
  const entry = join(cacheDir, key);
  if (!existsSync(entry)) return false;
  linkTree(entry, outDir);
  return true;
}

/** Stores the freshly written shard at `outDir` under `key` (whole, or not at all). */
export function storeShard(cacheDir: string, key: string, outDir: string): void {
  const entry = join(cacheDir, key);
  if (existsSync(entry)) return;
  const partial = cacheTemp(entry);
  linkTree(outDir, partial);
  commitCacheEntry(partial, entry); // another build may have stored the same key meanwhile: then ours is dropped
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
