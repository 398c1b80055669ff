/**
 * Cache entries written whole or not at all, by any number of processes at
 * once (two builds sharing `.cache`, year units in parallel): each writer
 * fills a folder of its own (`cacheTemp`) and renames it into place. An entry
 * is named by the hash of its inputs, so two writers of one key write the same
 * thing: the first rename wins and the other's copy is dropped. Before this,
 * the second rename failed with ENOTEMPTY and failed its build.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

let counter = 0;

/** A temporary folder name beside `final`, unique to this process and call; its pid lets removeLeftovers(final) clear it after a kill. */
export function cacheTemp(final: string): string {
  return `${final}.partial-${process.pid}-${++counter}`;
}

/**
 * Moves the finished `tmp` into place as `final`. Returns false (and removes
 * `tmp`) when another writer committed `final` first.
 */
export function commitCacheEntry(tmp: string, final: string): boolean {
  try {
    renameSync(tmp, final);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EISDIR') throw err;
    rmSync(tmp, { recursive: true, force: true });
    return false;
  }
}

/** Writes a cache file whole: a temporary file of this process beside it, renamed into place (a reader sees the old file or the new, never half of one). */
export function writeFileWhole(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.partial-${process.pid}-${++counter}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
