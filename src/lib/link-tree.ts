/**
 * Puts a cached folder in place without copying its bytes: every file of `from`
 * is hard-linked into `to` (a cache entry is never written after it is committed,
 * src/lib/cache-entry.ts, so sharing its files is safe), or copied where a hard
 * link cannot be made (another file system, or a file system that refuses them).
 * Used by the year units (src/build/unit.ts) and the search shards (src/search/shard-cache.ts).
 */
import { copyFileSync, constants, linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Links one file (its folder exists), or copies it where a link cannot be made; returns false when it copied. */
export function linkFile(source: string, target: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM') throw err;
    copyFileSync(source, target, constants.COPYFILE_FICLONE);
    return false;
  }
}

/** Links every file of `from` into `to`; returns the number of files. */
export function linkTree(from: string, to: string): number {
  let n = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      n += linkTree(source, target);
      continue;
    }
    linkFile(source, target);
    n++;
  }
  return n;
}
