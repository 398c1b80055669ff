/**
 * A year whose unit was reused is already in the published site: its folder
 * there is the very files of the unit's cache entry (hard links). Linking
 * them again into the new site cost about a second a year (40,738 files for
 * 5,500 bilingual replies: /tmp profile of linkTree, load 4), so at 18 years
 * a one-reply edit spent ~18 s linking years that did not change.
 *
 * Instead the new site gets a symbolic link to the published year folder
 * while it is built (the shell reads the years' data and bundles through it),
 * and just before the swap (swap-output.ts) each such link is replaced by the
 * folder itself, moved by a rename: the published site misses those years
 * only between these renames and the swap, a few milliseconds. A build that
 * fails before then leaves the published site as it was (removing the new
 * site removes the links, never what they point to).
 */
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/** The file every year's folder has (the year's page), whose identity tells where the folder's files came from. */
const WITNESS = 'index.html';

/** Whether `published` holds the files of `unitDir` themselves (hard links: same device and inode). */
export function isLinkedFrom(unitDir: string, published: string): boolean {
  const a = path.join(unitDir, WITNESS);
  const b = path.join(published, WITNESS);
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

/** Puts a symbolic link to the published year folder at `target` in the site being built; the folder is moved there by adoptYears. */
export function linkPublishedYear(published: string, target: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync(path.resolve(published), target, 'dir');
}

/** Replaces each link made by linkPublishedYear with the folder it points to (moved); on a failure, moves back those already moved. */
export function adoptYears(years: ReadonlyMap<string, string>): void {
  const moved: [string, string][] = [];
  try {
    for (const [target, published] of years) {
      rmSync(target);
      renameSync(published, target);
      moved.push([target, published]);
    }
  } catch (err) {
    for (const [target, published] of moved.reverse()) renameSync(target, published);
    throw err;
  }
}

/** Undoes adoptYears (the swap failed): each moved folder goes back to the published site. */
export function returnYears(years: ReadonlyMap<string, string>): void {
  for (const [target, published] of years) {
    if (existsSync(target) && lstatSync(target).isDirectory() && !existsSync(published)) renameSync(target, published);
  }
}
