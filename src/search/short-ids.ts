/**
 * A Pagefind bundle's page and index-chunk names, shortened: a first search loads every
 * part's metadata (pagefind.<hash>.pf_meta), and most of it is names. Pagefind names each
 * page's fragment and each index chunk by a hash of its own (`yue_7a2fe34`: seven hex
 * digits, which gzip cannot shorten), listed in the metadata once per page and once per
 * chunk. Here each is renamed to the metadata's own hash followed by its number in base 36
 * (`3835416448c0`, `3835416448c1`…): the repeated prefix costs gzip a back-reference.
 *
 * Measured on a synthetic year of 5,500 bilingual replies, one part of 917 Chinese editions,
 * chunks of 5,000 (2026-12-05): its pf_meta was 14,607 bytes as Pagefind wrote it, 10,639
 * renamed; a first search loads six such parts. Each of the 12 first searches of first-search.ts
 * loaded 18.4–23.5 KB less (數碼港 259.6 → 236.2 KB; a two-year synthetic record of such years).
 *
 * Why the names stay unique and change with their files:
 * - A year's parts are merged into one bundle (merge-parts.ts), whose pages keep these names, and the
 *   search page merges every year, and keys a result by its page's name
 *   (src/browser/search/ranked.js), so a page's name must be unique across the whole site.
 *   The metadata hash is Pagefind's hash of the metadata, which lists its pages' own
 *   content hashes (URL included): two parts share one only if two of its 11-hex-digit
 *   hashes of different metadata collide.
 * - A file's name is the address a browser caches it by. When any page of a part changes,
 *   its metadata hash changes, so every file of the part is renamed.
 *
 * The metadata is Pagefind 1.6's (src/search/shard-cache.ts pins the version in the cache
 * key): read and written with cborg, whose encoding of what it reads is byte for byte
 * Pagefind's (checked on every part of a two-year synthetic record), and checked field by
 * field before anything is renamed: a layout this does not know fails, naming the file.
 */
import { encode } from 'cborg';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleLanguages, metaFileName, readMeta, SIGNATURE } from './pagefind-files.ts';

/**
 * Renames every page fragment and index chunk of the bundle at `bundleDir` (as Pagefind
 * wrote it) to its metadata's hash and its number, and rewrites the metadata to match.
 * Pages in fragment groups are not renamed (their name is a key inside the group's file);
 * this site's bundles have none.
 */
export function shortenBundleIds(bundleDir: string): void {
  for (const language of bundleLanguages(bundleDir)) {
    const { hash } = language;
    const file = path.join(bundleDir, metaFileName(language));
    const meta = readMeta(file);
    const prefix = hash.slice(hash.indexOf('_') + 1);
    const move = (dir: string, ext: string, from: string, to: string) => {
      try {
        renameSync(path.join(bundleDir, dir, `${from}.${ext}`), path.join(bundleDir, dir, `${to}.${ext}`));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        throw new Error(`${file}: names ${dir}/${from}.${ext}, which the bundle does not have`);
      }
    };
    meta[1].forEach((page, i) => {
      if (page[2] !== '') return;
      const name = prefix + i.toString(36);
      move('fragment', 'pf_fragment', page[0], name);
      page[0] = name;
    });
    meta[2].forEach((chunk, i) => {
      const name = prefix + i.toString(36);
      move('index', 'pf_index', chunk[2], name);
      chunk[2] = name;
    });
    writeFileSync(file, gzipSync(Buffer.concat([SIGNATURE, encode(meta)]), { level: 9 }));
  }
}
