/**
 * A budget year's search index in parts (issue 16): each language's editions of
 * the year, ranked by reply number, dealt round-robin into K parts of at most
 * PART_SIZE (rank r goes to part r mod K), each indexed as a Pagefind bundle of
 * its own at `/<year>/pagefind/<n>/` (`/<year>/pagefind-en/<n>/`) and cached on
 * its own (shard-cache.ts). The parts are then merged into one bundle of the
 * year (merge-parts.ts), the one the search page loads.
 *
 * - An edit re-indexes only the part holding the edited reply: the others are
 *   linked from the cache. Whether a part changed is decided by partKey, a hash of
 *   its inputs (the editions' files and the built pages that give the records'
 *   anchors, the search code, Pagefind's version and settings), so an unchanged
 *   part costs reading those files, not preparing its documents.
 * - Pagefind's memory is bounded by a part: each part is indexed by a Pagefind
 *   process of its own (year-search.ts).
 * - Round-robin, not blocks: sorted by reply number, Pagefind scores a result by
 *   its place in its own index's order, and merges indexes by score, ties in the
 *   order they were merged. A part's p-th reply is the year's (p·K + n)-th, so the
 *   merged order of the parts, merged in order, is the year's reply-number order
 *   (blocks would interleave them); merge-parts.ts relies on it. And each part is a sample of the whole year,
 *   so the word statistics Pagefind ranks by within an index are the year's.
 *
 * A part's members are fixed by the year's reply numbers: editing a reply keeps
 * every part's members; adding or removing a reply (rare in a published year)
 * moves each reply after it to the next part, so the year is indexed again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { codeHash } from '../lib/code-hash.ts';
import { readEditionFile } from '../model/content-files.ts';
import { editionPath } from '../model/urls.ts';
import { mainOf } from './page-anchors.ts';
import { pageFile, replySortKey, type IndexEntry } from './records.ts';
import { pagefindVersion } from './shard-cache.ts';

/**
 * Editions in a part, at most. Measured on a synthetic year of 5,500 bilingual replies
 * (`prepareCorpus(5500, S, 1, 5500)`; the year's Chinese editions prepared once, then
 * indexed in round-robin parts of each size, chunk size 5000, and searched in chromium
 * with the 11 Chinese first-search queries of src/bench/first-search.ts; 2-core machine,
 * load average 4–8 from other builds):
 *
 *   part size (parts)   first search, median / max   Pagefind indexing one part
 *   5,500 (1)           210 / 225 KB                 ~30 s, 2.2–2.5 GB (both languages)
 *   2,750 (2)           223 / 239 KB                 ~15 s
 *   2,000 (3)           232 / 250 KB                 ~11 s
 *   1,100 (5)           258 / 271 KB
 *   1,000 (6)           264 / 296 KB                 ~4.5 s, 0.5 GB
 *
 * Each part costs a first search its metadata and one index chunk per query bigram, so
 * fewer parts load fewer bytes; but an edit re-indexes a whole part, and Pagefind holds
 * a whole part in memory (about 0.5 MB a Chinese edition). 1,000 keeps an edit's search
 * step to a few seconds and Pagefind's memory to about half a gigabyte. (Chunk sizes from
 * 2,500 to 20,000 were tried: in six parts 3,500–5,000 load the fewest bytes, 10,000 adds
 * 35 KB; in one to three parts 10,000 saves 1–9 KB.)
 *
 * What a first search costs besides the index chunks: the runtime and page (wasm 55 KB,
 * pagefind.js 13, the page's script 9, page and styles 7, manifest 3; thousands of bytes,
 * gzipped) and every part's metadata, which lists each of its pages: about 14,650 bytes a
 * part of ~917 Chinese editions, 87,938 bytes for the year's six, however it is cut (one
 * part's pf_meta unpacked and each field gzipped on its own: its page list 7,157 bytes, its
 * list of index chunks 4,799, its reply-number sort 1,683). The same site's first searches
 * were 248–346 KB (the 11 Chinese queries of first-search.ts, measured in chromium through
 * the benchmark's counting proxy, load 4–5, 2026-12-03). With the pages' and chunks' names
 * shortened (short-ids.ts) and chunks of 3,500, a part's metadata is 12,296 bytes (page list
 * 4,259, chunk list 5,108 for its 479 chunks, sort 1,683), and the 12 first searches of
 * first-search.ts 244.0 KB median, 290.7 the most; with the year's metadata and the
 * WebAssembly in LZMA packs (packs.ts: the six parts' metadata 73,433 → 25,756 bytes, the
 * WebAssembly 55,386 → 46,011, the decoder 3.2 KB more), 192.2 KB median, 239.0 the most
 * (a two-year synthetic record of 5,500 bilingual replies a year, 2026-12-05).
 *
 * Those figures were of a year searched as its parts. Since the parts are merged at build time
 * (merge-parts.ts), the number of parts no longer changes what a search loads: a word costs one
 * chunk of the year, and the year one metadata file. It is held at 1,000 for the edit's search
 * step and for Pagefind's memory.
 */
export const PART_SIZE = 1000;

/** The code a part's bytes are made by: the records, the tokeniser, the model, the site's settings, the locked dependencies. */
const SEARCH_CODE = ['src/search', 'src/model', 'src/lib', 'src/browser/search', '_data', 'package-lock.json'];

export interface IndexPart {
  /** Its folder in the year's bundle folder: `1`, `2`… */
  name: string;
  /** Its editions, in reply-number order, each with its reply number. */
  entries: (IndexEntry & { replyNo: string })[];
}

/** An entry's reply number: given by indexEntries, else read from its front-matter. */
function replyNoOf(entry: IndexEntry): string {
  return entry.replyNo ?? readEditionFile(entry.file, relative(process.cwd(), entry.file)).frontMatter.replyNo;
}

/** `entries` (one language of one year) in round-robin parts of at most `size`, by reply number. */
export function yearParts(entries: readonly IndexEntry[], size = PART_SIZE): IndexPart[] {
  if (!(size >= 1)) throw new Error(`search: a part holds at least one reply, got ${size}`);
  const ranked = entries
    .map((e) => ({ ...e, replyNo: replyNoOf(e) }))
    .map((e) => ({ e, order: replySortKey({ year: e.shard, replyNo: e.replyNo }) }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map(({ e }) => e);
  const count = Math.ceil(ranked.length / size);
  return Array.from({ length: count }, (_, n) => ({ name: String(n + 1), entries: ranked.filter((_, r) => r % count === n) }));
}

/**
 * The hash of one edition's inputs: its file, and of the built page that gives its
 * record's anchors (page-anchors.ts) the page's <main>, which is all the anchors are
 * read from, so a change of the page's header or footer indexes nothing again. (For
 * the 11,000 pages of a year of 5,500 bilingual replies: reading and hashing the
 * pages whole took 0.45 s, their <main> as bytes about as long, extracting their
 * anchors 2–3 s; timed by a throwaway script on the benchmark's synthetic year,
 * load 4–6, 2026-12-03.) `siteDir`: the built site; none, no anchors.
 */
export function inputHash(e: IndexEntry, siteDir: string | undefined): string {
  const hash = createHash('sha256');
  hash.update(`${e.kind} ${e.lang} ${e.shard} ${basename(e.file)}`).update('\u0000').update(readFileSync(e.file)).update('\u0000');
  const page = pageOf(e, siteDir);
  if (page !== null && siteDir) {
    hash.update(page.slice(siteDir.length)).update('\u0000');
    hash.update(existsSync(page) ? mainOf(readFileSync(page)) : '\u0001no page');
  }
  return hash.digest('hex');
}

/** The built page an edition's record reads its anchors from; null: none (not a reply, or no site). */
export function pageOf(e: IndexEntry, siteDir: string | undefined): string | null {
  if (e.kind !== 'reply' || !siteDir) return null;
  if (e.replyNo === undefined) throw new Error(`search: ${e.file}: a reply's entry without its reply number cannot be keyed by its page`);
  return pageFile(siteDir, editionPath({ year: e.shard, replyNo: e.replyNo, lang: e.lang }));
}

/**
 * A cache key over some editions' input hashes (inputHash, in order), the search
 * code and Pagefind's version, and `settings`: what the thing keyed is made from.
 * A part's `settings` are the index language, chunk size and the folder the URLs
 * are relative to; a prepared chunk's (prepare.ts) the index language.
 */
export function partKey(hashes: readonly string[], settings: Record<string, string | number | boolean>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ part: 2, pagefind: pagefindVersion(), code: codeHash(SEARCH_CODE), ...settings })).update('\u0000');
  for (const h of hashes) hash.update(h).update('\u0000');
  return hash.digest('hex');
}
