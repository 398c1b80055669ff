/**
 * The child process that builds one year's unit (unit.ts): reads only that
 * year's replies (bodies rendered) and its slice of the catalogue, cuts the
 * route table to the year, and runs the unit's steps into the given folder.
 * Usage: node --import tsx src/build/unit-process.ts <input.json>
 */
import { writeFileSync } from 'node:fs';
import { childScriptMain } from '../lib/child-script.ts';
import path from 'node:path';
import { indexYearSearch, SEARCH_LANES, type beginYearSearch, type planAndIndexFew, type YearSearchPlan } from '../search/year-search.ts';
import { startThread } from '../lib/thread-call.ts';
import { indexEntries } from '../search/records.ts';
import { loadArchive, loadEdition, readReplies } from '../site/data/load.ts';
import { answerTexts } from '../site/data/group.ts';
import { sameAnswers, type SameAnswers } from '../site/data/same-answers.ts';
import { cacheRoot } from './catalogue.ts';
import { readYearEditions, type ReadYear } from './edition-cache.ts';
import { buildCodeHash } from '../lib/code-hash.ts';
import { routeTable, unitRoutes } from '../site/data/routes.ts';
import { writePages } from '../site/eleventy-config.ts';
import { buildImages } from '../site/images/build-images.ts';
import { databaseThread, startYearDatabase, writeYearExports, type YearDatabase } from '../open-data/write.ts';
import { cardList } from '../site/images/card-list.ts';
import { routeInputHashes } from '../site/data/route-inputs.ts';
import { ReusingWriter } from './file-reuse.ts';
import { ManifestInPieces, TREE_MANIFEST, writeTreeManifest } from '../lib/tree-manifest.ts';
import { ogImagePath, outputFileOf, yearDataPath, yearSearchPath } from '../model/urls.ts';
import { site } from '../../_data/site.ts';
import { linkPages, pagesToReuse, readPreviousPages, writePagesManifest } from './page-reuse.ts';
import type { UnitHint, UnitInput, UnitResult, UnitStep } from './unit.ts';

/**
 * The unit's worker threads, started as this process starts, before its input comes: each loads tsx
 * and its module (about a second of CPU each) while the build still reads the years' files (this
 * process is started ahead: child-script.ts startChildScript), instead of beside the year's loading,
 * which wants a core of its own. Paired edits of a one-year copy of the benchmark's record (5,500
 * bilingual replies) with 3 s added to both builds' catalogue step, as the record's 19 years take
 * it: the unit's loading took 3.1-3.6 s with the threads started with the input, 1.9-2.6 s started
 * ahead (with the edition cache's delta, edition-cache.ts; 7 pairs, load 2.5-2.8, 2026-12-05).
 */
type Threads = ReturnType<typeof startThreads>;

function startThreads() {
  return {
    search: startThread(new URL('../search/year-search.ts', import.meta.url)),
    // The cards and the SQLite file have time to spare beside the search step, the longest of an edit's unit:
    // they yield the cores to it (thread-priority.ts).
    cards: startThread(new URL('../site/images/build-images.ts', import.meta.url), { background: true }),
    database: databaseThread({ background: true }),
  };
}

async function runUnit(input: UnitInput, threads: Threads): Promise<UnitResult> {
  const started = performance.now();
  let done: Awaited<ReturnType<typeof runSteps>>;
  try {
    done = await runSteps(input, threads, started);
  } finally {
    await Promise.all(Object.values(threads).map((t) => t.end()));
  }
  const { result, routes, seconds, leftOver, tree: pieces } = done;
  if (leftOver) {
    await letGoOfTheYear();
    const t = performance.now();
    result.search = await indexYearSearch(input.siteDir, leftOver, { lanes: SEARCH_LANES });
    seconds.push(`search ${s(t)} (a year's worth, ${SEARCH_LANES} lane(s))`);
  }
  // Its files by inode: the build places the year from this without listing it again (tree-manifest.ts).
  const tree = pieces.whole();
  writeTreeManifest(path.join(input.entryDir, TREE_MANIFEST), tree);
  result.files = tree.files.length;
  result.seconds = (performance.now() - started) / 1000;
  console.log(`Unit ${input.year}: ${routes} routes; ${seconds.join(', ')}`);
  return result;
}

/**
 * Collects the year as loaded (unreachable once runSteps has returned) and gives its memory back, so
 * that the search lanes' Pagefind processes (0.5 GB each) are not added to it. A cold synthetic year
 * of 5,500 bilingual replies (process.memoryUsage(), 2026-12-04): resident 873 MB, 616 MB of heap
 * used, before one collection and 873 MB (33 MB used) right after it; 947 MB before, 337 MB after a
 * collection, 0.2 s and a second collection.
 */
async function letGoOfTheYear(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await new Promise((r) => setTimeout(r, 200));
  gc();
}

/** The unit's cache entry keeps its year's full-text rows, for the year's next build (fts-text-cache.ts). */
const FTS_TEXTS = 'fts-texts.tsv';

const s = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * The folders of a year (relative to its own) that each step running beside writes in once the
 * steps are started: the cards, the search index of each language, and the open data (its SQLite
 * file). The rest (the pages, the exports' other files) is complete by then, and is listed for the
 * unit's manifest while the threads work; each of these folders when its step is done. On an edit
 * of the benchmark's synthetic year of 5,500 bilingual replies (41,406 files), listing the whole
 * year after the steps took 0.4-0.65 s (node --cpu-prof of the unit, load 2-3, 2026-12-04).
 */
function writtenBeside(year: string): Record<UnitStep, string[]> {
  const inYear = (sitePath: string) => sitePath.split('/').filter(Boolean).slice(1).join('/');
  return {
    pages: [],
    cards: [inYear(path.posix.dirname(ogImagePath(`/${year}/`)))],
    search: site.languages.map((lang) => inYear(yearSearchPath(year, lang))),
    exports: [inYear(yearDataPath(year))],
  };
}

/** Each edition of a year as parsed and rendered by the year's last build when its file is unchanged (edition-cache.ts), and how many were parsed again. */
function readYearEditionsCached(year: string, files: string[], shownAs: (file: string) => string): EditionsRead {
  const { editions, parsed } = readYearEditions(path.join(cacheRoot(), 'editions'), 'bodies', year, files, shownAs, (f, shown) => loadEdition(f, shown));
  return { editions, parsed }; // not the files' hashes, which a year read ahead would hold until its load
}

type EditionsRead = Pick<ReadYear, 'editions' | 'parsed'>;

/**
 * A year's editions read while this process waits for its input, on the build's hint (unit.ts UnitHint): a year
 * found edited while the catalogue's other years are still checked. Taken by the load when it asks for the same
 * files of the same year; dropped otherwise. This process would otherwise sit idle from its modules' loading to its
 * input. Paired edits of a built copy of the benchmark's 19-year record, each code in turn, ingest and build (load
 * 1.7-2.7, 2026-12-05): the unit 11.6-12.6 s against 12.2-14.9 s, the edit -2.7, +1.0, -0.7 and -1.7 s (four
 * pairs). In the logs of the last pair, the unit's loading 1.6 s against 3.0 s, and the catalogue step, sharing the
 * cores, 3.6 s against 3.3 s.
 */
interface ReadAhead {
  year: string;
  files: string[];
  read: EditionsRead;
  same: SameAnswers;
}

let readAhead: ReadAhead | null = null;

function onHint(hint: UnitHint): void {
  readAhead = null;
  if (hint === null) {
    (globalThis as { gc?: () => void }).gc?.();
    return;
  }
  try {
    const got: { ahead?: Omit<ReadAhead, 'same'> } = {};
    const loaded = readReplies(hint.contentDir, process.cwd(), {
      years: [hint.year],
      readYear: (year, files, shownAs) => {
        got.ahead = { year, files, read: readYearEditionsCached(year, files, shownAs) };
        return got.ahead.read.editions;
      },
    });
    // The year's same-answer groups too, the longest part of its load (1.0 of 1.3 s of an edit's, node --cpu-prof of
    // the unit process, the benchmark's 19-year record, 2026-12-06): made from the editions the load will take. Paired
    // edits of a built copy of that record, ingest and build, each code in turn (13 pairs, load 1.5-3.9, two at 5.8-12.7): the load
    // 0.3-0.6 s against 1.2-2.0 s; the unit faster in 10 of 13 pairs (median -0.9 s), the edit in 7 (mean -0.3 s): the
    // work moved here shares the cores with the build's check of the years' files.
    if (got.ahead) readAhead = { ...got.ahead, same: sameAnswers(answerTexts(loaded)) };
  } catch {
    // The load meets the same fault and reports it, naming the file and line.
    readAhead = null;
  }
}

function takeReadAhead(year: string, files: readonly string[]): EditionsRead | null {
  const ahead = readAhead;
  readAhead = null;
  const same = ahead !== null && ahead.year === year && ahead.files.length === files.length && ahead.files.every((f, i) => f === files[i]);
  return same ? ahead.read : null;
}

/** The steps but a year's worth of search indexing, which they leave (a plan) for after the year is let go. */
async function runSteps(input: UnitInput, threads: Threads, started: number): Promise<{ result: UnitResult; routes: number; seconds: string[]; leftOver: YearSearchPlan | null; tree: ManifestInPieces }> {
  const { year, settings, siteDir } = input;
  const seconds: string[] = [];
  let tookAhead = false;
  // The year's edition files, and how many of them were parsed again (changed since the year's last build).
  let filesRead = 0;
  let filesParsed = 0;
  const readYear = (y: string, files: string[], shownAs: (file: string) => string) => {
    const ahead = takeReadAhead(y, files);
    tookAhead ||= ahead !== null;
    const { editions, parsed } = ahead ?? readYearEditionsCached(y, files, shownAs);
    filesRead += files.length;
    filesParsed += parsed;
    return editions;
  };
  // The same-answer groups made ahead are used only if made from the very answers this load reads (sameAnswerIndexOf).
  const same = readAhead?.year === year ? readAhead.same : undefined;
  const archive = loadArchive(settings.contentDir, process.cwd(), { years: [year], identity: input.slice.identity, background: false, readYear, sameAnswers: same });
  readAhead = null;
  seconds.push(`load ${s(started)}${tookAhead ? ` (its editions${same ? ' and same answers' : ''} read ahead)` : ''}`);
  const routes = unitRoutes(routeTable(archive, settings), year);
  const entries = indexEntries(archive, routes);
  // The year's SQLite file, begun in the pages step when they are mostly linked (else in the exports step), or now.
  let database: YearDatabase | undefined;
  // Its full-text rows are kept in the unit's cache entry for the year's next build (fts-text-cache.ts).
  const texts = { code: buildCodeHash(), previous: input.previous === null ? null : path.join(input.previous, FTS_TEXTS), next: path.join(input.entryDir, FTS_TEXTS) };
  const startDatabase = () => (database ??= startYearDatabase(archive, year, settings.siteUrl, siteDir, threads.database, texts));
  const previous = readPreviousPages(input.previous);
  // An edit, known before the pages are hashed: the previous build's pages were made with the same templates, code and
  // catalogue (its base) and most of the year's files are as it read them, so most pages will be linked (below, for
  // memory). The SQLite file is begun now, while the unit makes its pages' input hashes in this thread and its other
  // threads have nothing to do yet. Begun in the pages step, it was the last of an edit's unit to end, 1.0 s after the
  // search; begun here, it ended 0.3 s before it, and the unit took 10.9 s from its input instead of 11.7 (timestamps
  // in the unit's threads, one edit each way of a built copy of the benchmark's 19-year record, load ~3, 2026-12-05).
  if (previous !== null && previous.base === input.base && filesParsed * 2 < filesRead && input.steps.includes('exports')) {
    startDatabase();
    seconds.push('its SQLite file begun after the load');
  }
  // The year's search plan, begun in the pages step when they are mostly linked (else made whole in the search step).
  let searchBegun: Promise<void> | null = null;
  const result: UnitResult = { year, key: input.key, search: [], files: 0, seconds: 0 };
  // A search plan with a year's worth of parts to index, left by the search step for after the others.
  let leftOver: YearSearchPlan | null = null;
  // A step returns `beside` when the rest of its work runs beside the steps after it (awaited at the end).
  const steps: Record<UnitStep, () => Promise<{ beside: Promise<void> } | void>> = {
    // Pages whose inputs are as the year's previous build had them are linked from it; Eleventy writes the rest.
    pages: async () => {
      const hashes = routeInputHashes(archive, routes, input.base);
      const { render, link } = pagesToReuse(routes, hashes, previous);
      // An edit (more pages linked than rendered): the search step, the longest of an edit's unit, begins its plan
      // now in its thread, keying the unchanged pages in the previous build, and the SQLite file is begun in its
      // thread, both beside the linking and rendering. When Eleventy renders most of a year (a first build, a
      // template changed), neither is begun beside it, for memory: the cards drawn beside Eleventy's rendering
      // took a cold year of 5,500 bilingual replies from 1.59 to 2.30 GB (see below).
      if (previous !== null && link.length > render.all.length) {
        if (input.steps.includes('search')) {
          const later = render.all.map((r) => path.join(siteDir, outputFileOf(r.url)));
          searchBegun = threads.search.call<typeof beginYearSearch>('beginYearSearch', siteDir, year, entries, previous.siteDir, later);
          searchBegun.catch(() => {}); // awaited by the search step; not an unhandled rejection while the pages are written
        }
        if (input.steps.includes('exports')) startDatabase();
      }
      if (previous !== null) linkPages(link, previous, siteDir);
      if (render.all.length > 0) await writePages(settings, archive, routes, siteDir, { assets: false, only: render });
      writePagesManifest(input.entryDir, input.base, hashes);
      seconds.push(`pages: ${render.all.length} rendered, ${link.length} linked`);
    },
    // The year's open data (SQLite, CSVs, JSON, Data Package, each reply's reply.json: src/open-data).
    // Its files are written when the call returns; the SQLite file is made beside, in its thread.
    exports: async () => {
      const files = new ReusingWriter(siteDir, input.previous);
      const database = startDatabase();
      const written = writeYearExports(archive, year, settings.siteUrl, siteDir, { writeFile: files.write, database });
      return {
        beside: Promise.all([written, database.written]).then(([, { ftsRows, ftsRowsReused }]) => {
          files.save(input.entryDir);
          if (files.linked > 0) seconds.push(`exports: ${files.linked} file(s) linked`);
          if (ftsRowsReused > 0) seconds.push(`full-text rows: ${ftsRowsReused} of ${ftsRows} from its previous build`);
        }),
      };
    },
    // Keyed, and the parts of the part cache restored (planYearSearch), in the search thread beside the next steps.
    // When that leaves at most one part of each language to index (an edit), the thread indexes them there too, so
    // that the exports' work in this thread overlaps Pagefind's; a year's worth is left for after the steps (runUnit), in lanes.
    search: async () => {
      const found = threads.search.call<typeof planAndIndexFew>('planAndIndexFew', siteDir, year, searchBegun ? null : entries).finally(() => threads.search.end());
      return {
        beside: Promise.all([found, searchBegun]).then(([{ toIndex, plan, summaries }]) => {
          if (summaries) result.search = summaries;
          else leftOver = plan;
          const merges = summaries ? summaries.map((y) => `, ${y.lang}: ${y.bundle.merged}`).join('') : '';
          seconds.push(`search: ${toIndex} part(s) to index${searchBegun ? ', keyed beside the pages' : ''}${summaries ? ', indexed beside' : ''}${merges}`);
        }),
      };
    },
    // Drawn by worker processes, fed from a worker thread, beside the exports (their work is in this thread).
    cards: async () => {
      const list = cardList(archive, routes);
      return { beside: threads.cards.call<typeof buildImages>('buildImages', siteDir, list, { measureBytes: false }).then(() => threads.cards.end()) };
    },
  };
  // One step after another, but for the search plan (and an edit's index), the cards and the exports' SQLite file, which run beside.
  // With the cards drawn beside Eleventy's rendering (their worker processes beside the unit's), a cold 5,500-reply
  // year peaked at 2.30 GB (npm run bench, aaa886d, load 3.7-6.0); one step after another, 1.59 GB (the build's
  // process tree sampled every 0.1 s, load 5-6.5).
  const beside: { step: UnitStep; done: Promise<void> }[] = [];
  for (const step of input.steps) {
    const t = performance.now();
    const rest = await steps[step]();
    if (!rest) {
      seconds.push(`${step} ${s(t)}`);
      continue;
    }
    const done = rest.beside.then(() => void seconds.push(`${step} ${s(t)} (beside)`));
    done.catch(() => {}); // awaited below; not an unhandled rejection while the next steps run
    beside.push({ step, done });
  }
  // The year's files but those still being written beside, listed while this thread would otherwise wait;
  // each step's folders when it is done (the search's, unless a year's worth is left to index after the steps).
  const folders = writtenBeside(year);
  const tree = new ManifestInPieces(path.join(siteDir, year), Object.values(folders).flat());
  await Promise.all(beside.map(({ step, done }) => done.then(() => (step === 'search' && leftOver ? undefined : tree.add(folders[step])))));
  return { result, routes: routes.all.length, seconds, leftOver, tree };
}

const threads = startThreads();
try {
  await childScriptMain<UnitInput>(
    'unit-process.ts',
    (input) => `unit ${input.year}`,
    async (input) => writeFileSync(input.resultFile, JSON.stringify(await runUnit(input, threads))),
    onHint,
  );
} finally {
  // Ended by runUnit once its steps are done; here too when no input came (a process started ahead and let go).
  await Promise.all(Object.values(threads).map((t) => t.end()));
}
