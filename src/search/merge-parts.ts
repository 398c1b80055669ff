/**
 * A year's parts (parts.ts) merged into one Pagefind bundle, after Pagefind has written each.
 *
 * Why: a part is what Pagefind can index within the build's memory, but a search of a year
 * of parts loads, for each word it looks up, one index chunk in every part, and a chunk holds
 * at least INDEX_CHUNK_SIZE positions of neighbouring words. A rare word's own entry was a
 * tenth of each chunk loaded for it: 公務 was 345 of the 5,347 bytes gzipped of its chunk in
 * one part of a synthetic year of 5,500 Chinese editions, loaded in six parts. Merged, the
 * year's index has each word's pages in one entry, and a word costs one chunk.
 *
 * What the merged bundle is: the pages of every part in the year's order (part n holds the
 * year's replies n, n + K, n + 2K… in that order, so the i-th page of part n is the year's
 * page i·K + n: what the parts' own order and their merge gave, and what one Pagefind index
 * of the year would give); every word's pages from all parts, renumbered (Pagefind writes a
 * word's pages as differences from the one before, ascending), its positions and the rest of
 * each page's entry copied as they are; the words cut into chunks, each ending before the word
 * that would take it past the chunk size in Pagefind's count (positions and pages), so a common
 * word is a chunk of its own and the rare words beside it are not loaded with it (Pagefind's
 * chunk_index ends a chunk at the word that reaches the size instead), each chunk's first and
 * last word shortened as Pagefind shortens them (get_prefixes); each filter's values with
 * their pages renumbered; the sort Pagefind wrote for the parts, each in its own page order
 * (the year's replies by number), as the merged page order. The fragments are the parts' own,
 * moved. test/search/parts.test.ts compares a merged year with one Pagefind index of the same
 * replies, word by word and page by page.
 *
 * The chunks are rewritten byte by byte (cbor-bytes.ts), not decoded: the merge runs on an
 * edit's path.
 */
import { decode, encode } from 'cborg';
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback, gunzipSync, gzipSync } from 'node:zlib';
import { afterHead, argumentAt, CborWriter, majorAt, readHead, skipItem } from './cbor-bytes.ts';
import { bundleLanguages, metaFileName, readMeta, SIGNATURE, type Meta, type MetaChunk, type MetaPage } from './pagefind-files.ts';

/**
 * How the chunks are gzipped. Of a synthetic year's merged chunks (32 MB, 1,634 chunks), level 9 took
 * 2.3 s and wrote 7,512,383 bytes; level 6 with memLevel 9, 0.96 s and 7,572,834 bytes (0.8 % more);
 * level 4, 0.70 s and 8,052,109 (a throwaway script, load ~1.5, 2026-12-06). The merge is on an edit's path.
 */
const GZIP = { level: 6, memLevel: 9 };

/** One word's entry in one part's chunk: where its pages are, how many, and their size in Pagefind's count. */
interface PartWord {
  word: Buffer;
  part: number;
  raw: Buffer;
  /** The first page's item. */
  pagesAt: number;
  pages: number;
  /** Positions and pages (Pagefind's chunk_index count). */
  size: number;
  /** Where each page's item ends, from `ends[endsAt]` on: found once, as the word is read. */
  ends: ItemEnds;
  endsAt: number;
  /** The entry's fields after its pages, as written. */
  rest: Buffer;
}

/** Offsets in a part's chunks, in a list that grows (3.2 million page items in a synthetic year's six parts). */
class ItemEnds {
  list = new Uint32Array(1 << 16);
  length = 0;
  push(n: number): void {
    if (this.length === this.list.length) {
      const bigger = new Uint32Array(this.list.length * 2);
      bigger.set(this.list);
      this.list = bigger;
    }
    this.list[this.length++] = n;
  }
}

/** Where a list of `count` integers beginning at `at` ends (each an integer's head: Pagefind's positions). */
function skipIntegers(raw: Uint8Array, at: number, count: number): number {
  let p = at;
  for (let i = 0; i < count; i++) {
    const ib = raw[p]!;
    if (ib >> 5 > 1) throw new Error(`a position at byte ${p} that is not an integer`);
    const info = ib & 31;
    p += info < 24 ? 1 : info === 24 ? 2 : info === 25 ? 3 : info === 26 ? 5 : 9;
  }
  return p;
}

/** A part's bundle as read: its metadata and the words of its chunks, in order. */
interface ReadPart {
  dir: string;
  lang: string;
  entry: { version?: string; include_characters?: unknown };
  meta: Meta;
  words: PartWord[];
}

const gzip = promisify(gzipCallback);

function fail(file: string, what: string): never {
  throw new Error(`search: merging a year's parts: ${file}: ${what}`);
}

function readPart(dir: string, part: number): ReadPart {
  const languages = bundleLanguages(dir);
  if (languages.length !== 1) fail(path.join(dir, 'pagefind-entry.json'), `${languages.length} languages; a part has one`);
  const language = languages[0]!;
  const meta = readMeta(path.join(dir, metaFileName(language)));
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as ReadPart['entry'];
  // Read one after another: in the thread pool, all at once, the year's 2,874 chunks took 0.59 s against 0.19–0.25 s (a throwaway script, 2026-12-06).
  const raws = meta[2].map(([, , name]) => {
    const file = path.join(dir, 'index', `${name}.pf_index`);
    let raw: Buffer;
    try {
      raw = gunzipSync(readFileSync(file));
    } catch (err) {
      fail(file, `cannot be read: ${(err as Error).message}`);
    }
    if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) fail(file, 'not a Pagefind file');
    return { file, raw };
  });
  const words: PartWord[] = [];
  const ends = new ItemEnds();
  for (const { file, raw } of raws) {
    try {
      readChunk(raw, part, words, ends);
    } catch (err) {
      fail(file, `an index chunk in a layout this does not know (${(err as Error).message})`);
    }
  }
  return { dir, lang: language.lang, entry, meta, words };
}

/** The words of a chunk: [[word, [[page, positions, …], …], …], …] after the signature. */
function readChunk(raw: Buffer, part: number, out: PartWord[], ends: ItemEnds): void {
  const expect = (ok: boolean, what: string) => {
    if (!ok) throw new Error(what);
  };
  let at = SIGNATURE.length;
  const top = readHead(raw, at);
  expect(top.major === 4 && top.value === 1, 'not a one-field chunk');
  const list = readHead(raw, top.next);
  expect(list.major === 4, 'no list of words');
  at = list.next;
  for (let w = 0; w < list.value; w++) {
    const entry = readHead(raw, at);
    expect(entry.major === 4 && entry.value >= 2, 'a word that is not [word, pages, …]');
    const text = readHead(raw, entry.next);
    expect(text.major === 3, 'a word that is not text');
    const word = raw.subarray(text.next, text.next + text.value);
    const pages = readHead(raw, text.next + text.value);
    expect(pages.major === 4, 'a word without its list of pages');
    let p = pages.next;
    let size = 0;
    const endsAt = ends.length;
    for (let i = 0; i < pages.value; i++) {
      // [page, positions, …]: the page number an unsigned integer, the positions a list.
      expect(majorAt(raw, p) === 4 && argumentAt(raw, p) >= 2, 'a page that is not [page, positions, …]');
      const fields = argumentAt(raw, p);
      const page = afterHead(raw, p);
      expect(majorAt(raw, page) === 0, 'a page number that is not an unsigned integer');
      const locs = afterHead(raw, page);
      expect(majorAt(raw, locs) === 4, 'a page without its list of positions');
      const count = argumentAt(raw, locs);
      size += count + 1;
      p = skipIntegers(raw, afterHead(raw, locs), count);
      for (let k = 2; k < fields; k++) p = skipItem(raw, p);
      ends.push(p);
    }
    let end = p;
    for (let k = 2; k < entry.value; k++) end = skipItem(raw, end);
    out.push({ word, part, raw, pagesAt: pages.next, pages: pages.value, size, ends, endsAt, rest: raw.subarray(p, end) });
    at = end;
  }
}

/** A part's pages of one word, in order, as the year's page numbers. */
class PageWalk {
  private at: number;
  private i = 0;
  private local = 0;
  /** The current page's year number; its item's head, and where its fields after the page number begin and end. */
  page = 0;
  fields = 0;
  restAt = 0;
  restEnd = 0;

  constructor(
    private readonly w: PartWord,
    private readonly parts: number,
  ) {
    this.at = w.pagesAt;
  }

  /** Moves to the next page; false when there is none. */
  next(): boolean {
    const { w } = this;
    if (this.i === w.pages) return false;
    const raw = w.raw;
    const delta = afterHead(raw, this.at);
    this.local += argumentAt(raw, delta);
    this.page = this.local * this.parts + w.part;
    this.fields = argumentAt(raw, this.at);
    this.restAt = afterHead(raw, delta);
    this.restEnd = w.ends.list[w.endsAt + this.i]!;
    this.at = this.restEnd;
    this.i++;
    return true;
  }

  writeTo(out: CborWriter, previous: number): void {
    out.head(4, this.fields);
    out.head(0, this.page - previous);
    out.bytes(this.w.raw, this.restAt, this.restEnd);
  }
}

/** A word's entry with the pages of every part holding it, in the year's page order. */
function writeWord(out: CborWriter, entries: PartWord[], parts: number): void {
  const first = entries[0]!;
  for (const e of entries) if (!e.rest.equals(first.rest)) fail(`part ${e.part + 1}`, `the word ${first.word.toString()} has other fields in another part; Pagefind's parts cannot be merged`);
  out.head(4, 2 + (first.rest.length ? countItems(first.rest) : 0));
  out.head(3, first.word.length);
  out.bytes(first.word);
  out.head(4, entries.reduce((n, e) => n + e.pages, 0));
  const walks = entries.map((e) => new PageWalk(e, parts)).filter((w) => w.next());
  let previous = 0;
  while (walks.length) {
    let k = 0;
    for (let j = 1; j < walks.length; j++) if (walks[j]!.page < walks[k]!.page) k = j;
    const w = walks[k]!;
    w.writeTo(out, previous);
    previous = w.page;
    if (!w.next()) walks.splice(k, 1);
  }
  out.bytes(first.rest);
}

function countItems(bytes: Buffer): number {
  let n = 0;
  for (let p = 0; p < bytes.length; n++) p = skipItem(bytes, p);
  return n;
}

/** Pagefind's get_prefixes: two neighbouring chunks' last and first words, shortened to their common prefix and one character more. */
function prefixes(a: string, b: string): [string, string] {
  const ca = [...a];
  const cb = [...b];
  let common = 0;
  while (common < ca.length && common < cb.length && ca[common] === cb[common]) common++;
  return [ca.slice(0, common + 1).join(''), cb.slice(0, common + 1).join('')];
}

/** Pagefind's filter chunk: [filter, [[value, [page…]]…]], pages absolute and ascending. */
type FilterChunk = [string, [string, number[]][]];

/** Each filter of the parts with its values' pages as the year's numbers: values in Pagefind's (byte) order. */
function mergeFilters(parts: ReadPart[]): FilterChunk[] {
  const byName = new Map<string, Map<string, number[]>>();
  parts.forEach((part, n) => {
    for (const row of part.meta[3]) {
      const [name, hash] = row as [string, string];
      const file = path.join(part.dir, 'filter', `${hash}.pf_filter`);
      let chunk: FilterChunk;
      try {
        chunk = decode(gunzipSync(readFileSync(file)).subarray(SIGNATURE.length), { useMaps: false }) as FilterChunk;
      } catch (err) {
        fail(file, `cannot be read: ${(err as Error).message}`);
      }
      if (!Array.isArray(chunk) || chunk[0] !== name || !Array.isArray(chunk[1])) fail(file, `not the filter ${name} in Pagefind 1.6's layout`);
      const values = byName.get(name) ?? new Map<string, number[]>();
      byName.set(name, values);
      for (const [value, pages] of chunk[1]) {
        const into = values.get(value) ?? [];
        values.set(value, into);
        for (const p of pages) into.push(p * parts.length + n);
      }
    }
  });
  const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  return [...byName.keys()].sort(byBytes).map((name) => {
    const values = byName.get(name)!;
    return [name, [...values.keys()].sort(byBytes).map((v): [string, number[]] => [v, values.get(v)!.sort((a, b) => a - b)])];
  });
}

/**
 * The gzipped chunks of an earlier merged bundle at `dir` (the same year's, from the part cache), by
 * the SHA-256 of their unzipped bytes; empty when there is none or it cannot be read (it is only a shortcut).
 */
function gzippedChunks(dir: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (dir === null) return out;
  try {
    const [language] = bundleLanguages(dir);
    if (!language) return out;
    for (const [, , name] of readMeta(path.join(dir, metaFileName(language)))[2]) {
      const file = path.join(dir, 'index', `${name}.pf_index`);
      out.set(createHash('sha256').update(gunzipSync(readFileSync(file))).digest('hex'), file);
    }
  } catch {
    out.clear();
  }
  return out;
}

/**
 * The parts' bundles at `partDirs` (in the parts' order, one language each, as Pagefind and
 * writeBundle wrote them) merged into one bundle at `outDir` (which may hold the parts: their
 * folders are removed), chunks cut at `chunkSize`. Anything of a layout this does not know fails,
 * naming the file, before anything is written. A chunk whose bytes an earlier merge of the year
 * (`previous`) made too is linked from there instead of gzipped again: an edit changes the entries
 * of one reply's words, and gzipping every chunk was 1–1.9 s of the merge.
 */
export async function mergeParts(partDirs: readonly string[], outDir: string, chunkSize: number, previous: string | null = null): Promise<{ chunks: number; linked: number }> {
  const parts = partDirs.map(readPart);
  const first = parts[0];
  if (!first) throw new Error(`search: merging a year's parts into ${outDir}: no parts`);
  const K = parts.length;
  const total = parts.reduce((n, p) => n + p.meta[1].length, 0);
  parts.forEach((p, n) => {
    const where = path.join(p.dir, 'pagefind-entry.json');
    if (p.lang !== first.lang || p.meta[0] !== first.meta[0]) fail(where, `language ${p.lang}, Pagefind ${p.meta[0]}; the first part's are ${first.lang}, ${first.meta[0]}`);
    // Dealt round-robin (parts.ts): part n holds the year's pages n, n + K, …
    const expected = Math.ceil((total - n) / K);
    if (p.meta[1].length !== expected) fail(where, `${p.meta[1].length} pages where parts dealt round-robin hold ${expected}`);
    if (p.meta[1].some((page) => page[2] !== '')) fail(where, 'pages in fragment groups, which this site does not make');
    for (const sort of p.meta[4] as [string, number[]][]) {
      if (!sort[1].every((page, i) => page === i)) fail(where, `its pages are not in the order of its sort ${sort[0]} (the year's order, parts.ts)`);
    }
  });
  const names = new Set(parts.flatMap((p) => p.meta[1].map((page) => page[0])));
  if (names.size !== total) fail(outDir, 'two parts name a page alike; their fragments would overwrite each other');
  const sortNames = JSON.stringify((first.meta[4] as [string, number[]][]).map((s) => s[0]));
  for (const p of parts) if (JSON.stringify((p.meta[4] as [string, number[]][]).map((s) => s[0])) !== sortNames) fail(p.dir, 'sorts other than the first part’s');

  // Every word of every part, in Pagefind's order (its bytes), a word's parts in order.
  const words = parts.flatMap((p) => p.words).sort((a, b) => Buffer.compare(a.word, b.word) || a.part - b.part);
  const chunks: { raw: Buffer; from: string; to: string }[] = [];
  const out = new CborWriter();
  let inChunk: string[] = [];
  const chunkBody = new CborWriter();
  let size = 0;
  const endChunk = () => {
    out.bytes(SIGNATURE);
    out.head(4, 1);
    out.head(4, inChunk.length);
    const body = chunkBody.take();
    out.bytes(body);
    chunks.push({ raw: out.take(), from: inChunk[0]!, to: inChunk[inChunk.length - 1]! });
    inChunk = [];
    size = 0;
  };
  for (let i = 0; i < words.length; ) {
    let j = i + 1;
    while (j < words.length && words[j]!.word.equals(words[i]!.word)) j++;
    const entries = words.slice(i, j);
    const wordSize = entries.reduce((n, e) => n + e.size, 0);
    if (inChunk.length && size + wordSize > chunkSize) endChunk();
    writeWord(chunkBody, entries, K);
    inChunk.push(entries[0]!.word.toString('utf8'));
    size += wordSize;
    i = j;
  }
  if (inChunk.length) endChunk();

  const pages: MetaPage[] = Array.from({ length: total }, (_, m) => parts[m % K]!.meta[1][Math.floor(m / K)]!);
  const filters = mergeFilters(parts);
  const filterFiles = filters.map((f) => Buffer.concat([SIGNATURE, encode(f)]));
  const keys = [...new Set(parts.flatMap((p) => p.meta[5] as string[]))].sort();
  const sorts = (first.meta[4] as [string, number[]][]).map(([name]) => [name, Array.from({ length: total }, (_, i) => i)]);

  // Names from the content: a file's name changes with its bytes (a browser caches it by that address).
  const hash = createHash('sha256').update(first.lang).update(first.meta[0]).update(JSON.stringify(pages)).update(JSON.stringify(keys));
  // Each chunk's SHA-256 once: it names the bundle here and finds the chunk among the earlier merge's below (32 MB a year).
  const digests = chunks.map((c) => createHash('sha256').update(c.raw).digest('hex'));
  for (const d of digests) hash.update(d);
  for (const f of filterFiles) hash.update(f);
  const id = hash.digest('hex').slice(0, 11);
  const metaChunks: MetaChunk[] = chunks.map((c, i) => [c.from, c.to, `${id}${i.toString(36)}`]);
  for (let i = 0; i + 1 < metaChunks.length; i++) {
    const [to, from] = prefixes(metaChunks[i]![1], metaChunks[i + 1]![0]);
    metaChunks[i]![1] = to;
    metaChunks[i + 1]![0] = from;
  }
  const filterNames = filters.map((f, i) => [f[0], `${first.lang}_${createHash('sha256').update(filterFiles[i]!).digest('hex').slice(0, 7)}`]);
  const meta: Meta = [first.meta[0], pages, metaChunks, filterNames, sorts, keys];
  const metaHash = `${first.lang}_${id}`;

  // Written in a folder of its own inside `outDir`, then put in place: a failure leaves no half-merged bundle.
  // Inside, not beside: a unit lists its year's files while its search is still written, all but the search's
  // own folders (src/build/unit-process.ts), and a folder beside them would be listed half-written.
  const staging = path.join(outDir, `.merging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(path.join(staging, 'index'), { recursive: true });
    mkdirSync(path.join(staging, 'filter'), { recursive: true });
    mkdirSync(path.join(staging, 'fragment'), { recursive: true });
    // Gzipped in the thread pool, all at once: 1.15–1.53 s against 1.40–1.63 s one after another (a year's 2,874 part chunks,
    // a throwaway script, 2026-12-06); at the end of an edit's search step the other core is mostly free. The same
    // bytes gzipped the same way are the same file, so one made before is linked.
    const before = gzippedChunks(previous);
    let linked = 0;
    // In batches, so that no more than a batch of files is open at once (a year has about 1,600 chunks).
    const BATCH = 64;
    for (let from = 0; from < chunks.length; from += BATCH) {
      await Promise.all(
        chunks.slice(from, from + BATCH).map(async (c, k) => {
          const i = from + k;
          const file = path.join(staging, 'index', `${metaChunks[i]![2]}.pf_index`);
          const same = before.get(digests[i]!);
          if (same) {
            try {
              linkSync(same, file);
              linked++;
              return;
            } catch {
              // gone meanwhile (another build pruned it): gzipped below
            }
          }
          await writeFile(file, await gzip(c.raw, GZIP));
        }),
      );
    }
    filterFiles.forEach((f, i) => writeFileSync(path.join(staging, 'filter', `${filterNames[i]![1]}.pf_filter`), gzipSync(f, { level: 9 })));
    writeFileSync(path.join(staging, `pagefind.${metaHash}.pf_meta`), gzipSync(Buffer.concat([SIGNATURE, encode(meta)]), { level: 9 }));
    const entry = { version: first.entry.version, languages: { [first.lang]: { hash: metaHash, wasm: null, page_count: total } }, include_characters: first.entry.include_characters };
    writeFileSync(path.join(staging, 'pagefind-entry.json'), JSON.stringify(entry));
    for (const p of parts) {
      const from = path.join(p.dir, 'fragment');
      for (const name of readdirSync(from)) renameSync(path.join(from, name), path.join(staging, 'fragment', name));
    }
    for (const dir of partDirs) rmSync(dir, { recursive: true, force: true });
    for (const name of ['index', 'filter', 'fragment', 'pagefind-entry.json']) rmSync(path.join(outDir, name), { recursive: true, force: true });
    for (const name of readdirSync(staging)) renameSync(path.join(staging, name), path.join(outDir, name));
    return { chunks: chunks.length, linked };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
