/**
 * The search index of one budget year (a unit, issue 16): for each language of
 * its editions, the year's parts (parts.ts), each a Pagefind bundle at
 * `2023-24/pagefind/<n>/` (`2023-24/pagefind-en/<n>/`) holding only the index (no
 * Pagefind runtime: the search page loads the runtime from the shell), merged into
 * one bundle at `2023-24/pagefind/` (merge-parts.ts), which the search page merges
 * with mergeIndex; and a summary for the shell's manifest. A part
 * whose key is in the part cache (shard-cache.ts) is linked from there; the
 * others are prepared (prepare.ts) and indexed, each by a Pagefind process of its
 * own: a year's worth (a cold or added year) in lanes, a part at a time in each
 * (SEARCH_LANES); an edit's one part of a language, or a few, one after another,
 * the next prepared in worker threads while Pagefind indexes the current one.
 * A part indexed again after an edit reads its unchanged chunks as prepared by
 * the build before (shard-cache.ts restorePrepared) and, of the edited reply's
 * chunk, prepares only that reply's document (preparedFromBefore). Preparing
 * only the edited chunk, against the part whole: measured by a driver calling
 * buildYearSearch on a built synthetic year of 5,500 bilingual replies, one
 * Chinese part missing from the cache, load 5–5.7, the step took 23.5–25.4 s
 * (10 CPU s in this process) preparing the part whole, 13.2–15.8 s (5.7–6 CPU s)
 * so. Pagefind's own indexing of a part of 917 Chinese editions, 6.2 CPU s, is
 * most of what is left.
 */
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { site, type InterfaceLang } from '../../_data/site.ts';
import { mapInThreads, THREADS_PER_CORE } from '../lib/thread-call.ts';
import { yearSearchPath } from '../model/urls.ts';
import { Lexicon, type LexiconPart } from './lexicon.ts';
import { chunkSizeOf, indexDocs, MERGED_CHUNK_SIZE, withPagefind } from './pagefind-bundle.ts';
import { mergeParts } from './merge-parts.ts';
import { pageOf, partKey, yearParts, type IndexPart } from './parts.ts';
import { inputHashMemo, type InputHashMemo } from './input-hash-memo.ts';
import { chunkLexicon, prepareDoc, PreparePool, preparedChunks, type PreparedChunk, type PreparedDoc } from './prepare.ts';
import type { IndexEntry, SearchRecord } from './records.ts';
import { INDEX_LANGUAGE } from './segment.ts';
import { metaFileOf, writePack, type Pack } from './packs.ts';
import { cachedPartBundle, cachedPartSummary, hasPrepared, linkCachedPart, restorePrepared, shardCacheDir, storePart, storePrepared } from './shard-cache.ts';

/** { year: { bureau: highest reply number } }: lets the page offer a jump for "259" without a lookup table. */
export function replyCounts(records: Pick<SearchRecord, 'year' | 'meta'>[]): Record<string, Record<string, number>> {
  return mergeReplyCounts(
    records.map((r) => {
      const m = /^([A-Z]+)(\d+)$/.exec(r.meta.replyNo ?? '');
      return m && m[1] && m[2] ? { [r.year]: { [m[1]]: Number(m[2]) } } : {};
    }),
  );
}

/** Reply counts of several parts as one (the highest number of each bureau). */
function mergeReplyCounts(counts: Record<string, Record<string, number>>[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of counts) {
    for (const [year, bureaus] of Object.entries(c)) {
      const y = (out[year] ??= {});
      for (const [bureau, n] of Object.entries(bureaus)) y[bureau] = Math.max(y[bureau] ?? 0, n);
    }
  }
  return out;
}

/**
 * Every value of each filter, for the page's filter controls. Shipping them in
 * the manifest (a few KB) spares the page Pagefind's `filters()`, which loads
 * every filter chunk of every shard — 166 KB of the first search at 20,000 replies.
 */
export function filterValues(records: Pick<SearchRecord, 'filters'>[]): Record<string, string[]> {
  const collator = new Intl.Collator(site.collation, { numeric: true });
  const out: Record<string, Set<string>> = {};
  for (const r of records) for (const [k, vs] of Object.entries(r.filters)) for (const v of vs) (out[k] ??= new Set()).add(v);
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((k) => {
        const values = [...(out[k] ?? [])].sort(collator.compare);
        return [k, k === 'year' ? values.reverse() : values];
      }),
  );
}

/** What one part tells its year's summary; cached beside the part's bundle. */
export interface PartSummary {
  pages: number;
  replies: Record<string, Record<string, number>>;
  filters: Record<string, string[]>;
  lexicon: LexiconPart;
}

/** What a year's search index of one language tells the shell's manifest (search-shell): small, kept beside the unit. */
export interface YearSearchSummary {
  year: string;
  lang: InterfaceLang;
  pages: number;
  /**
   * The year's parts in order: where each bundle is, relative to the site root
   * (`2023-24/pagefind/1/`), its key in the part cache, the keys of its prepared
   * chunks there, and whether it came from there.
   */
  parts: { path: string; key: string; prepared: string[]; cached: boolean }[];
  /** The parts merged into one bundle (merge-parts.ts), the one the search page loads: where it is (`2023-24/pagefind/`), its key in the part cache, and whether it came from there. */
  bundle: { path: string; key: string; cached: boolean; merged: string };
  /** Its bundle's entry file and metadata in one pack (packs.ts), which the search page fetches instead of each, and the pack's key in the part cache. */
  metadata: { pack: Pack; key: string };
  replies: Record<string, Record<string, number>>;
  filters: Record<string, string[]>;
  lexicon: LexiconPart;
}

export interface YearSearchOptions {
  /** Pagefind's index chunk size (pagefind-bundle.ts INDEX_CHUNK_SIZE). */
  indexChunkSize?: number;
  /** Part cache folder; null: none. Default shardCacheDir() (.cache/search). */
  cacheDir?: string | null;
  /** Editions in a part (parts.ts PART_SIZE). */
  partSize?: number;
  /** Prepared chunks already read from the part cache, by key (YearSearchPlanner.prepared). */
  prepared?: ReadonlyMap<string, PreparedChunk>;
  /**
   * Parts indexed at once, each in a worker thread with a Pagefind process of its own
   * (indexYearSearch); 1 (the default): one after another in this thread.
   */
  lanes?: number;
  log?: (line: string) => void;
}

interface PlannedPart extends IndexPart {
  /** Site-relative folder: `2023-24/pagefind/1`. */
  dir: string;
  key: string;
  /** Its key as the build before keyed its editions (null: one it did not know); the same as `key` when none changed. */
  keyBefore: string | null;
  /** Its entries in the chunks they are prepared in (prepare.ts), each with its key in the cache. */
  chunks: PlannedChunk[];
}

interface PlannedChunk {
  key: string;
  entries: IndexEntry[];
  /**
   * The same entries as the build before keyed them, when it knew each and some have changed since (an edit):
   * that chunk's key, and which entries are unchanged (their prepared documents are that chunk's).
   */
  before?: { key: string; same: boolean[] };
}

/** A prepared chunk whose lexicon may be made later (PreparedChunk otherwise): a function, called at most once. */
interface ChunkInHand {
  docs: PreparedDoc[];
  lexicon: LexiconPart | (() => LexiconPart);
}

/**
 * A chunk with some entries edited, prepared from the one before: its unchanged entries' documents taken from
 * that chunk (in the cache), the others prepared; its lexicon, which reads every record of the chunk, is made
 * by the function returned, which then stores the chunk. Null when the chunk before is not in the cache.
 * An edit's path to Pagefind was preparing its whole chunk (250 editions, 1.1 s of the unit's search step,
 * timestamps in the unit's search thread, a year of 5,500 bilingual replies, load ~2, 2026-12-05); the
 * lexicon is only needed for the part's summary, so it is made while Pagefind writes the part.
 */
function preparedFromBefore(cacheDir: string, chunk: PlannedChunk, language: string, siteDir: string, restore: (key: string) => PreparedChunk | null): ChunkInHand | null {
  const { before, entries, key } = chunk;
  const old = before ? restore(before.key) : null;
  if (!before || !old || old.docs.length !== entries.length) return null;
  const docs = entries.map((e, i) => (before.same[i] ? old.docs[i]! : prepareDoc(e, language, siteDir)));
  let made: LexiconPart | undefined;
  return {
    docs,
    lexicon: (): LexiconPart => {
      if (made === undefined) {
        made = chunkLexicon(entries, siteDir);
        storePrepared(cacheDir, key, { docs, lexicon: made } satisfies PreparedChunk);
      }
      return made;
    },
  };
}

/**
 * Prepares and indexes `parts` (none in the cache), in order, and stores each in
 * the cache. A chunk of a part already prepared by an earlier build is read from
 * the cache; the others are prepared (the next part's while Pagefind indexes the
 * current one) and stored. Pagefind reads a part's chunks in order as they are ready.
 */
async function indexParts(siteDir: string, parts: PlannedPart[], language: string, base: string, opts: Pick<YearSearchOptions, 'indexChunkSize' | 'prepared'>, cacheDir: string | null, inThisThread = false, whileWriting?: () => void): Promise<PartSummary[]> {
  // An edit prepares one chunk again, the others read from the cache: then no worker thread, as a
  // worker's start (tsx, then the record code) cost about as much CPU as preparing the chunk.
  const fewToPrepare = () => cacheDir !== null && parts.flatMap((p) => p.chunks).filter(({ key }) => !hasPrepared(cacheDir, key)).length <= 1;
  const pool = new PreparePool(language, siteDir, inThisThread || fewToPrepare() ? 0 : undefined);
  const restore = (key: string) => opts.prepared?.get(key) ?? (cacheDir ? restorePrepared<PreparedChunk>(cacheDir, key) : null);
  const prepare = (p: PlannedPart): Promise<ChunkInHand>[] =>
    p.chunks.map((planned) => {
      const { key, entries } = planned;
      const cached = restore(key);
      if (cached) return Promise.resolve(cached);
      const fromBefore = cacheDir ? preparedFromBefore(cacheDir, planned, language, siteDir, restore) : null;
      if (fromBefore) return Promise.resolve(fromBefore);
      const prepared = pool.chunk(entries).then((chunk) => {
        if (cacheDir) storePrepared(cacheDir, key, chunk);
        return chunk;
      });
      prepared.catch(() => {}); // awaited below; not an unhandled rejection while the previous part is indexed
      return prepared;
    });
  try {
    const out: PartSummary[] = [];
    let next = prepare(parts[0]!);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const chunks = next;
      if (i + 1 < parts.length) next = prepare(parts[i + 1]!);
      const docs: PreparedDoc[] = [];
      // The chunks' lexicons in order (Lexicon.add keeps the order it is given), some made while Pagefind writes.
      const lexicons: ChunkInHand['lexicon'][] = [];
      const lexiconOfChunk = (l: ChunkInHand['lexicon']) => (typeof l === 'function' ? l() : l);
      // A part's pages are indexed relative to the year's folder: Pagefind gives a merged bundle's
      // results the address of the folder above its `pagefind…/` (so a year works wherever it is served).
      async function* relative() {
        for (const ready of chunks) {
          const chunk = await ready;
          docs.push(...chunk.docs);
          lexicons.push(chunk.lexicon);
          yield chunk.docs.map((d) => {
            if (!d.url.startsWith(base)) throw new Error(`search: ${d.url} is not under ${base}`);
            return { url: `/${d.url.slice(base.length)}`, html: d.html };
          });
        }
      }
      const outDir = join(siteDir, part.dir);
      const meanwhile = () => {
        if (i === 0) whileWriting?.();
        lexicons.forEach(lexiconOfChunk);
      };
      await withPagefind(opts.indexChunkSize, () => indexDocs(relative(), outDir, false, language, meanwhile));
      const lexicon = new Lexicon();
      for (const l of lexicons) lexicon.add(lexiconOfChunk(l));
      const summary: PartSummary = { pages: docs.length, replies: replyCounts(docs), filters: filterValues(docs), lexicon: lexicon.part() };
      if (cacheDir) storePart(cacheDir, part.key, outDir, summary);
      out.push(summary);
    }
    return out;
  } finally {
    await pool.close();
  }
}

/**
 * Lanes for a year's worth of parts (a cold or added year): one per core, at most two, as each
 * lane's Pagefind process held 0.5 GB indexing a part of a year of 5,500 Chinese editions (the
 * processes' resident sizes sampled every 0.25 s, 2026-12-04). On a built synthetic year of 5,500
 * bilingual replies, a driver calling buildYearSearch with no cache (quiet machine, 2026-12-04):
 * 37.7–39.2 s in one lane, 29.7 s in two, the same bytes. `npm run bench -- --replies 5500
 * --per-year 5500 --english 1 --runs 1 --skip-seed` (load 1.4–3.4, 2026-12-04), before and after:
 * cold 127.9 → 96.7 s wall, 167.7 → 141.3 CPU s, peak 1.86 → 1.84 GB; adding a year 127.2 → 106.0 s.
 */
export const SEARCH_LANES = Math.min(2, THREADS_PER_CORE);

/**
 * A lane's job (indexYearSearch with lanes): one part prepared in this thread, then indexed by a
 * Pagefind process of its own, while the other lanes do the same with theirs.
 */
export async function indexPartInLane(siteDir: string, part: PlannedPart, language: string, base: string, opts: Pick<YearSearchOptions, 'indexChunkSize'>, cacheDir: string | null): Promise<PartSummary> {
  const [summary] = await indexParts(siteDir, [part], language, base, opts, cacheDir, true);
  return summary!;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** A year's search index keyed, with the summaries of the parts found in the cache (planYearSearch): plain data. */
export interface YearSearchPlan {
  year: string;
  /** The part cache the plan found parts in (linked from there by indexYearSearch), where the indexed parts are stored; null: none. */
  cacheDir: string | null;
  languages: {
    lang: InterfaceLang;
    /** Pagefind's language code for it. */
    language: string;
    /** Site-relative folder of its parts: `2023-24/pagefind`. */
    dir: string;
    pages: number;
    parts: PlannedPart[];
    /** Each part's summary when it is in the cache (its bundle is linked from there by indexYearSearch); null: to index. */
    restored: (PartSummary | null)[];
    /** How long keying took. */
    keyed: string;
  }[];
  /** Parts left to index, every language. */
  toIndex: number;
}

/**
 * The first half of a year's search index: every language's parts keyed, and the
 * summaries of the ones in the part cache read. Cheap when the cache holds most of
 * them (an edit); the unit then builds the rest beside its exports
 * (src/build/unit-process.ts), and links the cached ones meanwhile (indexYearSearch).
 */
export function planYearSearch(siteDir: string, year: string, sources: IndexEntry[], opts: Pick<YearSearchOptions, 'indexChunkSize' | 'cacheDir' | 'partSize'> = {}): YearSearchPlan {
  return new YearSearchPlanner(siteDir, year, sources, opts).plan();
}

/** A prepared chunk's key in the part cache, from its entries' input hashes; null when one is not known. */
function preparedKey(hashes: readonly (string | undefined)[], language: string): string | null {
  return hashes.every((h): h is string => h !== undefined) ? partKey(hashes, { prepared: language }) : null;
}

/**
 * A year's search plan made in two halves (planYearSearch makes it in one): keyHalf keys the
 * editions whose pages are already as they will be, reading them where they are now; plan keys
 * the rest, once the site has every page, and completes the plan.
 *
 * Why: an edit's unit links its year's unchanged pages from the year's previous build and
 * renders the edited reply's, and its search index waited for all of that before keying a
 * page (2.6 s of the unit's pages step, the year's 11,370 routes, node --cpu-prof of the unit,
 * 19-year benchmark record, load ~2.5, 2026-12-05), though the search step is the longest of an
 * edit's unit. A linked page is the very file of the previous build, so it is keyed there as
 * soon as the unit knows which pages are unchanged, beside the linking and rendering.
 */
export class YearSearchPlanner {
  /**
   * The prepared chunks (prepare.ts) of the parts keyHalf leaves to index, read from the part cache
   * there, by key: a chunk unchanged, and an edited chunk as the build before prepared it, which an
   * edit's indexing reads (0.4-0.8 s of the search thread after the pages, node --cpu-prof of the
   * unit, 19-year benchmark record, 2026-12-05).
   */
  readonly prepared = new Map<string, PreparedChunk>();
  private readonly cacheDir: string | null;
  private readonly memo: InputHashMemo;
  private readonly languages: {
    lang: InterfaceLang;
    language: string;
    dir: string;
    pages: number;
    parts: { part: IndexPart; hashes: (string | undefined)[]; restored?: PartSummary | null }[];
    settings: Record<string, string | number>;
    seconds: number;
  }[];

  constructor(
    private readonly siteDir: string,
    private readonly year: string,
    sources: IndexEntry[],
    opts: Pick<YearSearchOptions, 'indexChunkSize' | 'cacheDir' | 'partSize'> = {},
  ) {
    this.cacheDir = opts.cacheDir === undefined ? shardCacheDir() : opts.cacheDir;
    this.memo = inputHashMemo(this.cacheDir, year);
    this.languages = site.languages.flatMap((lang) => {
      const mine = sources.filter((s) => s.lang === lang && s.kind === 'reply' && s.shard === year);
      if (!mine.length) return [];
      const language = lang === site.defaultLang ? INDEX_LANGUAGE : lang;
      const dir = yearSearchPath(year, lang).replace(/^\/|\/$/g, '');
      // The folder is this step's alone: nothing of an earlier index (or layout) stays.
      rmSync(join(siteDir, dir), { recursive: true, force: true });
      const settings = { language, chunkSize: chunkSizeOf(opts.indexChunkSize), base: `/${year}/` };
      const parts = yearParts(mine, opts.partSize).map((part) => ({ part, hashes: part.entries.map((): string | undefined => undefined) }));
      return [{ lang, language, dir, pages: mine.length, parts, settings, seconds: 0 }];
    });
  }

  /**
   * Keys the editions whose page (site-relative) is under `pagesIn` now as it will be under the
   * site folder (or that have none), but not those of the pages `later` (files under the site
   * folder, not yet written); the parts thereby wholly keyed are looked up in the part cache.
   * When that leaves at most one part of each language to index (an edit), their prepared chunks
   * known by now are read from the cache too (`prepared`); a year's worth is indexed in lanes,
   * each reading its own.
   */
  keyHalf(pagesIn: string, later: ReadonlySet<string>): void {
    this.key(pagesIn, later);
    const toIndex = this.languages.flatMap((l) => l.parts.filter((p) => !p.restored).map((p) => ({ p, language: l.language })));
    if (toIndex.length <= this.languages.length) for (const { p, language } of toIndex) this.readPrepared(p.part.entries, p.hashes, language);
  }

  private key(pagesIn: string, later: ReadonlySet<string>): void {
    for (const l of this.languages) {
      const started = performance.now();
      for (const p of l.parts) {
        p.part.entries.forEach((e, i) => {
          if (p.hashes[i] !== undefined) return;
          const page = pageOf(e, this.siteDir);
          if (page === null || !later.has(page)) p.hashes[i] = this.memo.hash(e, pagesIn);
        });
        if (p.restored === undefined && p.hashes.every((h) => h !== undefined)) p.restored = this.cacheDir ? cachedPartSummary<PartSummary>(this.cacheDir, partKey(p.hashes as string[], l.settings)) : null;
      }
      l.seconds += performance.now() - started;
    }
  }

  /** Reads from the part cache the prepared chunks of a part to index that are known now: each chunk keyed whole, or else as the build before keyed it. */
  private readPrepared(entries: IndexPart['entries'], hashes: readonly (string | undefined)[], language: string): void {
    if (this.cacheDir === null) return;
    const hashesNow = preparedChunks(hashes);
    preparedChunks(entries).forEach((chunk, n) => {
      const key = preparedKey(hashesNow[n]!, language) ?? preparedKey(chunk.map((e) => this.memo.previous(e, this.siteDir)), language);
      if (key === null || this.prepared.has(key)) return;
      const found = restorePrepared<PreparedChunk>(this.cacheDir!, key);
      if (found) this.prepared.set(key, found);
    });
  }

  /** The plan, every edition keyed (those not keyed yet by their pages under the site folder, which must all be there now). */
  plan(): YearSearchPlan {
    this.key(this.siteDir, new Set());
    const { siteDir, memo } = this;
    const languages = this.languages.map(({ lang, language, dir, pages, parts: keyed, settings, seconds: spent }) => {
      const started = performance.now();
      const parts: PlannedPart[] = keyed.map(({ part: p, hashes: maybe }) => {
        const hashes = maybe as string[];
        // Each chunk's entries' hashes now and as the build before keyed them, cut as the entries are.
        const hashesNow = preparedChunks(hashes);
        const before = p.entries.map((e) => memo.previous(e, siteDir));
        const hashesBefore = preparedChunks(before);
        const chunks = preparedChunks(p.entries).map((entries, n): PlannedChunk => {
          const now = hashesNow[n]!;
          const was = hashesBefore[n]!;
          const key = preparedKey(now, language)!;
          const keyBefore = preparedKey(was, language);
          return keyBefore !== null && was.some((h, k) => h !== now[k]) ? { entries, key, before: { key: keyBefore, same: was.map((h, k) => h === now[k]) } } : { entries, key };
        });
        const keyBefore = before.every((h): h is string => h !== undefined) ? partKey(before, settings) : null;
        return { ...p, dir: `${dir}/${p.name}`, key: partKey(hashes, settings), keyBefore, chunks };
      });
      const restored = keyed.map((k) => k.restored ?? null);
      return { lang, language, dir, pages, parts, restored, keyed: `${((spent + performance.now() - started) / 1000).toFixed(1)} s` };
    });
    memo.save();
    return { year: this.year, cacheDir: this.cacheDir, languages, toIndex: languages.reduce((n, l) => n + l.restored.filter((r) => !r).length, 0) };
  }
}

/**
 * The second half: the parts the plan found in the cache linked into place, the others indexed (and
 * stored there); a summary per language for the shell's manifest. The cached parts are linked while
 * the first Pagefind process writes its part, when its thread would only wait: before, linking them
 * was on an edit's path to its one part's indexing (0.4-0.8 s of the search step's 1.1 s of keying
 * and restoring the 11 other parts of a year of 5,500 bilingual replies, node --cpu-prof of the unit
 * and timestamps in its search thread, load ~2, 2026-12-05). A cached part whose entry is gone by
 * then (another build, sharing the cache, pruned it) is indexed after all.
 */
export async function indexYearSearch(siteDir: string, plan: YearSearchPlan, opts: Omit<YearSearchOptions, 'cacheDir'> = {}): Promise<YearSearchSummary[]> {
  const log = opts.log ?? (() => {});
  const { year, cacheDir } = plan;
  const base = `/${year}/`;
  const started = performance.now();
  const restored = plan.languages.map((l) => [...l.restored]);
  // Each language's parts' summaries as indexed here, by the part's place.
  const built: (PartSummary | null)[][] = plan.languages.map((l) => l.parts.map(() => null));
  let linked = false;
  const linkRestored = () => {
    if (linked) return;
    linked = true;
    for (const [l, { parts }] of plan.languages.entries()) {
      parts.forEach((p, i) => {
        if (!restored[l]![i] || cacheDir === null) return;
        if (!linkCachedPart(cacheDir, p.key, join(siteDir, p.dir))) restored[l]![i] = null;
      });
    }
  };
  let lanes = 1;
  // Indexes every part neither restored nor built yet; `whileWriting` runs once Pagefind writes the first of them.
  const indexRound = async (whileWriting?: () => void) => {
    const todo = plan.languages.map(({ parts }, l) => parts.flatMap((part, i) => (restored[l]![i] || built[l]![i] ? [] : [{ part, i }])));
    const jobs = plan.languages.flatMap(({ language }, l) => todo[l]!.map(({ part, i }) => ({ l, i, language, part })));
    lanes = Math.max(lanes, Math.min(opts.lanes ?? 1, jobs.length));
    if (lanes > 1) {
      // A part at a time in each lane: Pagefind indexes a part on one core, and a year's parts indexed one
      // after another left the second core mostly idle.
      whileWriting?.();
      const calls = jobs.map(({ language, part }): Parameters<typeof indexPartInLane> => [siteDir, part, language, base, { indexChunkSize: opts.indexChunkSize }, cacheDir]);
      const results = await mapInThreads<typeof indexPartInLane>(new URL(import.meta.url), 'indexPartInLane', calls, lanes);
      jobs.forEach(({ l, i }, j) => (built[l]![i] = results[j]!));
      return;
    }
    for (const [l, { language }] of plan.languages.entries()) {
      if (!todo[l]!.length) continue;
      const summaries = await indexParts(siteDir, todo[l]!.map(({ part }) => part), language, base, opts, cacheDir, false, whileWriting);
      todo[l]!.forEach(({ i }, j) => (built[l]![i] = summaries[j]!));
    }
  };
  await indexRound(linkRestored);
  linkRestored();
  await indexRound();
  const out: YearSearchSummary[] = [];
  for (const [l, { lang, dir, pages, parts, keyed }] of plan.languages.entries()) {
    const summaries = parts.map((_, i) => restored[l]![i] ?? built[l]![i]!);
    const indexed = built[l]!.filter(Boolean).length;
    log(`search: ${year} ${lang}: ${pages} pages in ${parts.length} part(s) → ${dir}/: keys in ${keyed}, ${parts.length - indexed} from the cache, ${indexed} indexed${lanes > 1 ? ` in ${lanes} lanes` : ''} (${seconds(started)} into the year's indexing)`);
    const lexicon = new Lexicon();
    for (const s of summaries) lexicon.add(s.lexicon);
    const bundle = await mergedBundle(siteDir, dir, parts, cacheDir);
    const reused = bundle.chunks?.linked ? `, ${bundle.chunks.linked} of its ${bundle.chunks.chunks} chunks as the build before gzipped them` : '';
    const merged = `${parts.length} part(s) ${bundle.cached ? 'merged, from the cache' : `merged in ${seconds(bundle.started)}${reused}`}`;
    log(`search: ${year} ${lang}: ${merged} → ${dir}/`);
    out.push({
      year,
      lang,
      pages: summaries.reduce((n, s) => n + s.pages, 0),
      parts: parts.map((p, i) => ({ path: `${p.dir}/`, key: p.key, prepared: p.chunks.map((c) => c.key), cached: Boolean(restored[l]![i]) })),
      bundle: { path: `${dir}/`, key: bundle.key, cached: bundle.cached, merged },
      // The bundle's entry file and metadata: what Pagefind fetches, one after the other, as it merges the year.
      metadata: writePack(siteDir, dir, 'metadata', [`${dir}/pagefind-entry.json`, metaFileOf(siteDir, dir)], cacheDir),
      replies: mergeReplyCounts(summaries.map((s) => s.replies)),
      filters: filterValues(summaries),
      lexicon: lexicon.part(),
    });
  }
  return out;
}

/**
 * A language's parts, in place under `dir` (`2023-24/pagefind/1/`…), merged into the bundle at `dir`
 * (merge-parts.ts), and the parts' folders removed: the site publishes the merged bundle only. The
 * merged bundle is kept in the part cache under a key made of its parts' keys, and linked from
 * there when they are all unchanged (an edit of one language leaves the other's merge as it was).
 */
async function mergedBundle(siteDir: string, dir: string, parts: readonly PlannedPart[], cacheDir: string | null): Promise<{ key: string; cached: boolean; started: number; chunks?: { chunks: number; linked: number } }> {
  const started = performance.now();
  const mergedKey = (keys: string[]) => partKey(keys, { merged: MERGED_CHUNK_SIZE });
  const key = mergedKey(parts.map((p) => p.key));
  const outDir = join(siteDir, dir);
  const partDirs = parts.map((p) => join(siteDir, p.dir));
  if (cacheDir !== null && cachedPartSummary(cacheDir, key) !== null) {
    // Linked beside the parts first (inside `outDir`, as mergeParts stages its bundle): an entry pruned meanwhile by another build leaves the parts to merge.
    const linked = join(outDir, `.linking-${process.pid}`);
    if (linkCachedPart(cacheDir, key, linked)) {
      for (const d of partDirs) rmSync(d, { recursive: true, force: true });
      for (const name of readdirSync(linked)) renameSync(join(linked, name), join(outDir, name));
      rmSync(linked, { recursive: true, force: true });
      return { key, cached: true, started };
    }
  }
  // The year's bundle as the build before merged it (an edit): its chunks that are the same are linked, not gzipped again.
  const keysBefore = parts.map((p) => p.keyBefore);
  const previous = cacheDir !== null && keysBefore.every((k): k is string => k !== null) ? cachedPartBundle(cacheDir, mergedKey(keysBefore)) : null;
  const chunks = await mergeParts(partDirs, outDir, MERGED_CHUNK_SIZE, previous);
  if (cacheDir !== null) storePart(cacheDir, key, outDir, { parts: parts.length });
  return { key, cached: false, started, chunks };
}

/** Plans begun in this thread (beginYearSearch) by site folder and year, for planAndIndexFew to complete. */
const begun = new Map<string, YearSearchPlanner>();
const begunKey = (siteDir: string, year: string) => `${siteDir}\u0000${year}`;

/**
 * What a unit's search thread may do first, while the unit links and renders its pages: the year's
 * plan begun (YearSearchPlanner.keyHalf), every edition keyed whose page is unchanged, read in the
 * previous build's site folder `pagesIn`; `later`, the pages (files under `siteDir`) still to be
 * rendered. planAndIndexFew completes it.
 */
export function beginYearSearch(siteDir: string, year: string, sources: IndexEntry[], pagesIn: string, later: string[]): void {
  const planner = new YearSearchPlanner(siteDir, year, sources);
  planner.keyHalf(pagesIn, new Set(later));
  begun.set(begunKey(siteDir, year), planner);
}

/**
 * What a unit's search thread does once the year's pages are written (src/build/unit-process.ts):
 * the year's plan (the one begun here, when `sources` is null), and when it leaves at most one part
 * of each language to index (an edit), those parts indexed there, beside the unit's other steps. A
 * year's worth of parts is left to the caller, which indexes it alone (its memory) with the plan
 * given back.
 */
export async function planAndIndexFew(siteDir: string, year: string, sources: IndexEntry[] | null): Promise<{ toIndex: number; plan: YearSearchPlan | null; summaries: YearSearchSummary[] | null }> {
  const planner = sources === null ? begun.get(begunKey(siteDir, year)) : new YearSearchPlanner(siteDir, year, sources);
  begun.delete(begunKey(siteDir, year));
  if (planner === undefined) throw new Error(`search: no plan of ${year} begun for ${siteDir}`);
  const plan = planner.plan();
  if (plan.toIndex > plan.languages.length) return { toIndex: plan.toIndex, plan, summaries: null };
  return { toIndex: plan.toIndex, plan: null, summaries: await indexYearSearch(siteDir, plan, { prepared: planner.prepared }) };
}

/** The search index of one budget year, every language of its editions, in parts; a summary per language for the shell's manifest. */
export async function buildYearSearch(siteDir: string, year: string, sources: IndexEntry[], opts: YearSearchOptions = {}): Promise<YearSearchSummary[]> {
  return indexYearSearch(siteDir, planYearSearch(siteDir, year, sources, opts), opts);
}

/** Every entry of the part cache the years' search indexes use: their parts and prepared chunks (what pruneShards keeps). */
export function searchCacheKeys(summaries: readonly YearSearchSummary[]): Set<string> {
  return new Set(summaries.flatMap((s) => [...s.parts.flatMap((p) => [p.key, ...p.prepared]), s.bundle.key, s.metadata.key]));
}
