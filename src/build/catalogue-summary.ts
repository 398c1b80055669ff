/**
 * What the build keeps of the catalogue while it builds the years (issue 16):
 * the years, their hashes, each year's slice (plan.ts), and the little the
 * shell's every-build steps read (the open-data index's counts, the shell's
 * own search pages, what its pages' cache key names). The catalogue itself
 * (every reply's front-matter, grouped: 1.4–1.8 GB at 100,000 bilingual
 * replies, readCatalogue timed by a throwaway script, 2026-12-03) is read
 * only when some year's front-matter, a background page or a source's
 * description changed, and is not held while the years are built.
 *
 * The catalogue is read, and the summary made, in a child process
 * (catalogue-process.ts), so the build's own process does not hold it while
 * the years are built (it reads it afterwards only when the shell's pages are
 * rendered again: shell-cache.ts).
 * The summary is kept in `.cache/catalogue/<key>.json`, keyed by the code,
 * the settings, every year's front-matter hash (year-hashes.ts: known from
 * the files' names, sizes and times without reading them) and the bytes of
 * the background pages and the sources' `.meta.json`. Editing a reply's body
 * changes none of these: the build then reads one year's hashes again and
 * no catalogue.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../../_data/site.ts';
import { backgroundFiles, sourceTexts } from '../model/content-files.ts';
import { metaPathOf } from '../model/source-meta.ts';
import { indexInputOf, type IndexInput } from '../open-data/write.ts';
import { indexEntries, type IndexEntry } from '../search/records.ts';
import { filesByYear } from '../site/data/load.ts';
import { filesQuotedByFeeds } from '../site/data/route-inputs.ts';
import { buildCodeHash } from '../lib/code-hash.ts';
import { runChildScript } from '../lib/child-script.ts';
import { cacheRoot, catalogueSlice, catalogueYears, readCatalogue, type Catalogue, type CatalogueSlice } from './catalogue.ts';
import { settingsKey } from './plan.ts';
import { shellRoutes } from './shell.ts';
import { frontMatterYearHashes, readsWholeYear } from './year-hashes.ts';
import { mapInThreads, THREADS_PER_CORE } from '../lib/thread-call.ts';

const YEAR_HASHES = new URL('./year-hashes.ts', import.meta.url);

/** Keeps the KEEP summaries last written (the current one among them); never a file being written. */
function pruneSummaries(dir: string, current: string): void {
  const summaries = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.includes('.partial-') && !name.includes('.input-') && name !== current)
    .map((name) => ({ name, time: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : 1));
  for (const { name } of summaries.slice(KEEP - 1)) rmSync(path.join(dir, name), { force: true });
}

/** What is stored: all made from front-matter, background pages and source descriptions. */
interface StoredSummary {
  years: string[];
  slices: CatalogueSlice[];
  /** The background pages and sources as the shell shows them, hashed (part of its pages' key). */
  shellContent: string;
  /** The files those were read from, and their bytes hashed. */
  described: { files: string[]; hash: string };
  /** The files the shell's feeds quote (their bodies are part of its pages' key). */
  quoted: string[];
  /** What /data/index.json counts. */
  index: IndexInput;
  /** The shell's own pages in the search index (the background papers). */
  shellEntries: IndexEntry[];
}

export interface CatalogueSummary extends Omit<StoredSummary, 'slices'> {
  slices: ReadonlyMap<string, CatalogueSlice>;
  contentHashes: ReadonlyMap<string, string>;
  frontMatterHashes: ReadonlyMap<string, string>;
  /** The bytes of the files the shell's feeds quote (`quoted`), hashed: read afresh each build, a body edit of one changes the shell's pages. */
  quotedHash: string;
  /** The catalogue, read once when needed (the shell's pages and cards). */
  catalogue: () => Catalogue;
  /** The summary was made anew (some front-matter, background page or source description changed): the catalogue was read. */
  made: boolean;
}

/** What catalogue-process.ts is handed (as a JSON file). */
export interface SummaryInput {
  settings: Settings;
  repoRoot: string;
  editionsDir: string | null;
  /** Where it writes the summary. */
  file: string;
}

const CHILD = fileURLToPath(new URL('./catalogue-process.ts', import.meta.url));

/** How many summaries `.cache/catalogue/` keeps: builds with other settings (the offline copy) or content sharing the cache keep theirs. */
const KEEP = 4;

/** The summary of a catalogue already read (catalogue-process.ts; tests). */
export function summarize(catalogue: Catalogue, settings: Settings, repoRoot = process.cwd()): StoredSummary {
  const routes = shellRoutes(catalogue, settings);
  // The files the background pages and the sources' descriptions were read from, wherever they are: checked again when the summary is reused.
  const described = [...catalogue.background.map((b) => path.resolve(repoRoot, b.file)), ...catalogue.sources.map((s) => metaPathOf(path.resolve(repoRoot, s.file)))].sort();
  return {
    years: catalogueYears(catalogue),
    slices: catalogueYears(catalogue).map((year) => catalogueSlice(catalogue, year)),
    shellContent: createHash('sha256').update(JSON.stringify({ background: catalogue.background, sources: catalogue.sources })).digest('hex'),
    described: { files: described, hash: bytesHash(described) },
    quoted: filesQuotedByFeeds(catalogue, routes),
    index: indexInputOf(catalogue),
    shellEntries: indexEntries(catalogue, routes),
  };
}

/**
 * The names and bytes of `files` (a missing file counts as empty), hashed. `digests`: each file's
 * bytes hashed, by its full path, shared by the calls of one build: the summary's key and the stored
 * summary's check read the same files, the sources' descriptions and the background pages (in an
 * edit of the benchmark's 19-year record, 765 descriptions each read twice: 0.46 s of its catalogue
 * step, node --cpu-prof, 2026-12-05).
 */
function bytesHash(files: readonly string[], digests = new Map<string, string>()): string {
  const hash = createHash('sha256');
  for (const file of files) {
    const full = path.resolve(file);
    let digest = digests.get(full);
    if (digest === undefined) {
      digest = createHash('sha256').update(existsSync(full) ? readFileSync(full) : '').digest('hex');
      digests.set(full, digest);
    }
    hash.update(file).update('\u0000').update(digest).update('\u0000');
  }
  return hash.digest('hex');
}

/** The bytes of the background pages and the sources' descriptions under `contentDir` (a new one changes the key; summarize's `described` covers those read from elsewhere). */
function otherContentHash(contentDir: string, digests: Map<string, string>): string {
  return bytesHash([...backgroundFiles(contentDir), ...sourceTexts(contentDir).map(metaPathOf)], digests);
}

/** What readCatalogueSummary tells its caller as it goes. */
export interface SummaryEvents {
  /** A year found edited (year-hashes.ts YearHashes.edited), as soon as it is, while the other years are checked. */
  edited?: (year: string) => void;
  /** The catalogue is about to be read whole, in a process of its own (1.4–1.8 GB at the record's size). */
  readingCatalogue?: () => void;
}

/**
 * The catalogue's summary for `settings`: every year's hashes (year-hashes.ts),
 * then the stored summary of that front-matter, or the catalogue read and summarized.
 */
export async function readCatalogueSummary(settings: Settings, repoRoot = process.cwd(), cacheDir: string | null = cacheRoot(), events: SummaryEvents = {}): Promise<CatalogueSummary> {
  const editionsDir = cacheDir === null ? null : path.join(cacheDir, 'editions');
  // Each file read for the summary's key and checks, hashed once (bytesHash).
  const digests = new Map<string, string>();
  const contentHashes = new Map<string, string>();
  const frontMatterHashes = new Map<string, string>();
  const years = [...filesByYear(settings.contentDir)];
  // A year read whole (every front-matter parsed: a first build, or other code) is read in a worker thread when
  // several are: the years are independent. From an empty cache, the benchmark's 19 years of 100,000 bilingual
  // replies gave this summary in 49–52 s in one thread, 37–41 s so (a driver timing readCatalogueSummary, runs
  // alternated, the 2-core machine otherwise quiet, 2026-12-03).
  const whole = years.filter(([year]) => readsWholeYear(editionsDir, year));
  const inThreads = whole.length >= 2 ? await mapInThreads<typeof frontMatterYearHashes>(YEAR_HASHES, 'frontMatterYearHashes', whole.map(([year, files]) => [editionsDir, year, files, repoRoot] as const), THREADS_PER_CORE) : [];
  const threaded = new Map(inThreads.map((h, i) => [whole[i]![0], h]));
  for (const [year, files] of years) {
    const h = threaded.get(year) ?? frontMatterYearHashes(editionsDir, year, files, repoRoot);
    if (h.edited) events.edited?.(year);
    contentHashes.set(year, h.contentHash);
    frontMatterHashes.set(year, h.frontMatterHash);
  }
  // Read for the summary in a child process (the years are built without it); read here, once, if the shell's pages are built.
  const readOnce = () => readCatalogue(settings.contentDir, repoRoot, editionsDir);
  let read: Catalogue | null = null;
  const catalogue = () => (read ??= readOnce());
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        summary: 2,
        code: buildCodeHash(),
        settings: settingsKey(settings),
        // Where the content and the repository are: the summary names files by both.
        where: [path.resolve(settings.contentDir), path.resolve(repoRoot)],
        years: [...frontMatterHashes],
        other: otherContentHash(settings.contentDir, digests),
      }),
    )
    .digest('hex')
    .slice(0, 40);
  const dir = cacheDir === null ? null : path.join(cacheDir, 'catalogue');
  const file = dir === null ? null : path.join(dir, `${key}.json`);
  let stored: StoredSummary | null = null;
  let made = false;
  if (file !== null && existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as StoredSummary;
      // A background page or source description read from outside content/ changed: made again.
      if (bytesHash(stored.described.files, digests) !== stored.described.hash) stored = null;
    } catch {
      stored = null;
    }
  }
  if (stored === null) {
    made = true;
    if (dir === null || file === null) stored = summarize(readOnce(), settings, repoRoot);
    else {
      mkdirSync(dir, { recursive: true });
      events.readingCatalogue?.();
      await runChildScript(CHILD, { settings, repoRoot, editionsDir, file } satisfies SummaryInput, `${file}.input-${process.pid}.json`, 'catalogue');
      stored = JSON.parse(readFileSync(file, 'utf8')) as StoredSummary;
      pruneSummaries(dir, `${key}.json`);
    }
  }
  return { ...stored, slices: new Map(stored.slices.map((s) => [s.year, s])), contentHashes, frontMatterHashes, quotedHash: bytesHash(stored.quoted.map((f) => path.resolve(repoRoot, f)), digests), catalogue, made };
}
