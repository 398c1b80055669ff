/**
 * Writes the open data, with no Eleventy: per year (the unit the archive is
 * built and deployed by) `/<year>/data/` — replies.db (SQLite with full-text
 * index) and Datasette's metadata.json, one CSV per table of schema.ts,
 * tables.json, datapackage.json — and each reply's
 * `/<year>/<replyno>/reply.json`; for the whole archive, `/data/index.json`
 * (the years and their files) and `/data/datapackage.json`.
 *
 * Every reply's full data is in its reply.json and in replies.db (the
 * replies table, Markdown included); replies.csv has every field but the
 * Markdown. There is no year-wide replies.json: it repeated both, 7.9 of the
 * 81.2 MB of a year of 1,500 bilingual replies (the benchmark's corpus, apparent
 * file sizes of `_site/2023-24`, 2026-12-03).
 *
 * The year-as-unit build calls writeYearExports in each year's process and
 * writeIndexExports once in the shell, after the years' files are in place
 * (it reads their sizes from disk, so a year taken from the cache counts too).
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Archive } from '../model/reply.ts';
import { strings } from '../site/lib/i18n.ts';
import { absoluteUrl, DATA_INDEX_PATH, DATA_PATH, DATAPACKAGE_PATH, replyJsonPath, yearDataPath } from '../model/urls.ts';
import { site } from '../../_data/site.ts';
import { csvFile } from './csv.ts';
import { archivePackage, csvFileName, yearPackage } from './datapackage.ts';
import { DATABASE_FILE, datasetteMetadata } from './datasette.ts';
import { replyJson } from './reply-json.ts';
import { editionsOf, valuesOf, yearRows, type Row, type YearRows } from './rows.ts';
import { csvColumns, SCHEMA, type TableSpec } from './schema.ts';
import type { SqliteWritten, writeSqliteFile } from './sqlite.ts';
import type { FtsTextCache } from './fts-text-cache.ts';
import { startThread, type Thread } from '../lib/thread-call.ts';
import { tablesJson } from './table-exports.ts';

/** The CSV of a table of the schema: its CSV columns, every cell made inert for spreadsheets (csv.ts). */
export function tableCsvOf(t: TableSpec, rows: readonly Row[]): string {
  const cols = csvColumns(t);
  return csvFile([cols.map((c) => c.name), ...rows.map((r) => valuesOf(t, r, cols).map((v) => (typeof v === 'boolean' ? String(v) : v)))]);
}

/** The terms of reuse in every interface language (tables.json carries them). */
function termsOfReuse(): Record<string, string> {
  return Object.fromEntries(site.languages.map((lang) => [lang, strings(lang).data.terms.join(' ')]));
}

function write(outDir: string, sitePath: string, data: string | Uint8Array): void {
  const file = path.join(outDir, sitePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
}

export interface YearExports {
  year: string;
  /** Rows per table (schema.ts names). */
  rows: Record<string, number>;
  /** reply.json files written. */
  replyFiles: number;
}

export interface YearExportOptions {
  /** How each file but the SQLite one is written at its site path (`/2023-24/data/replies.csv`); default, into `outDir`. The unit links the unchanged ones from its previous build (src/build/file-reuse.ts). */
  writeFile?: (sitePath: string, data: string | Uint8Array) => void;
  /** The year's SQLite file as started by the caller (startYearDatabase), so that it is made beside the caller's other work; default, started here. */
  database?: YearDatabase;
}

/** The year's rows, and its SQLite file being made from them in a worker thread. */
export interface YearDatabase {
  rows: YearRows;
  written: Promise<SqliteWritten>;
}

/** A worker thread for writeYearExports' SQLite file, to start before the exports (it loads SQLite meanwhile). */
export function databaseThread(options: { background?: boolean } = {}): Thread {
  return startThread(new URL('./sqlite.ts', import.meta.url), options);
}

/**
 * The year's rows, and its SQLite file (its full-text index most of the exports' work) started in
 * `thread` (databaseThread: one started here by default), written to /<year>/data/replies.db when
 * `written` settles. A year's unit starts it as early as it may (src/build/unit-process.ts) and keeps
 * its full-text rows between the year's builds (`texts`, fts-text-cache.ts).
 */
export function startYearDatabase(archive: Archive, year: string, siteUrl: string | null, outDir: string, thread: Thread = databaseThread(), texts?: FtsTextCache): YearDatabase {
  const rows: YearRows = yearRows(archive, year, siteUrl);
  const written = thread.call<typeof writeSqliteFile>('writeSqliteFile', rows, path.join(outDir, `${yearDataPath(year)}${DATABASE_FILE}`), texts).finally(() => thread.end());
  written.catch(() => {}); // awaited by writeYearExports; not an unhandled rejection before it is
  return { rows, written };
}

/** A year's open data into `outDir` (the site's root): /<year>/data/… and each reply's reply.json. */
export async function writeYearExports(archive: Archive, year: string, siteUrl: string | null, outDir: string, options: YearExportOptions = {}): Promise<YearExports> {
  const writeFile = options.writeFile ?? ((p: string, d: string | Uint8Array) => write(outDir, p, d));
  // The SQLite file is made in a worker thread while this one writes the rest.
  const { rows, written: database } = options.database ?? startYearDatabase(archive, year, siteUrl, outDir);
  const dir = yearDataPath(year);
  const replies = archive.replies.filter((r) => r.year === year);
  try {
    for (const t of SCHEMA) writeFile(`${dir}${csvFileName(t)}`, tableCsvOf(t, rows.tables[t.name]!));
    writeFile(`${dir}tables.json`, tablesJson(archive.tables.filter((t) => t.reply.year === year), siteUrl, termsOfReuse()));
    writeFile(`${dir}metadata.json`, datasetteMetadata(year));
    const files = new Set(replies.flatMap((r) => editionsOf(r).map((e) => e.source.file)));
    writeFile(`${dir}datapackage.json`, yearPackage(year, archive.sources.filter((s) => files.has(s.file)), siteUrl));
    for (const r of replies) writeFile(replyJsonPath(r), replyJson(r, siteUrl));
  } catch (err) {
    await database.catch(() => {}); // not left writing after this fails
    throw err;
  }
  await database;
  return { year, rows: Object.fromEntries(Object.entries(rows.tables).map(([k, v]) => [k, v.length])), replyFiles: replies.length };
}

/**
 * What the index reads of the archive: each year with its counts of replies and editions, and the
 * source documents (the package's sources). Small: the build keeps it between builds
 * (src/build/catalogue-summary.ts) instead of the catalogue it is counted from.
 */
export interface IndexInput {
  years: readonly { year: string; replies: number; editions: number }[];
  sources: Archive['sources'];
}

/** The index's input counted from an archive (front-matter is enough). */
export function indexInputOf(archive: Pick<Archive, 'years' | 'replies' | 'sources'>): IndexInput {
  return {
    years: archive.years.map(({ year }) => {
      const replies = archive.replies.filter((r) => r.year === year);
      return { year, replies: replies.length, editions: replies.reduce((n, r) => n + Object.keys(r.editions).length, 0) };
    }),
    sources: archive.sources,
  };
}

const MEDIA_TYPES: Record<string, string> = { '.csv': 'text/csv', '.json': 'application/json', '.db': 'application/vnd.sqlite3' };

/**
 * /data/index.json (every year's files with their sizes, so a reader fetches
 * only the year they need) and, when the site's address is known,
 * /data/datapackage.json (datapackage.ts). Reads the years' files from `outDir`.
 */
export function writeIndexExports(input: IndexInput, siteUrl: string | null, outDir: string): void {
  const years = input.years.map((y) => y.year);
  const index = {
    version: 1,
    years: input.years.map(({ year, replies, editions }) => {
      const dir = yearDataPath(year);
      const abs = path.join(outDir, dir);
      if (!existsSync(abs)) throw new Error(`open data: ${dir} is missing: write each year's exports (writeYearExports) before the index`);
      return {
        year,
        replies,
        editions,
        // Addresses relative to index.json (as every link of the site is relative, so it works under any path prefix), absolute too when the site's address is known.
        path: `..${dir}`,
        files: readdirSync(abs).sort().map((name) => ({
          name,
          path: `..${dir}${name}`,
          ...(siteUrl === null ? {} : { url: absoluteUrl(`${dir}${name}`, siteUrl) }),
          mediatype: MEDIA_TYPES[path.extname(name)] ?? 'application/octet-stream',
          bytes: statSync(path.join(abs, name)).size,
        })),
      };
    }),
    datapackage: siteUrl === null ? null : path.posix.relative(DATA_PATH, DATAPACKAGE_PATH),
  };
  write(outDir, DATA_INDEX_PATH, JSON.stringify(index, null, 1) + '\n');
  const pkg = archivePackage(years, input.sources, siteUrl);
  if (pkg !== null) write(outDir, DATAPACKAGE_PATH, pkg);
}

/** Every year's rows as one (the whole-archive database, `npm run data:archive`): a member who asked in several years is one row. */
export function archiveRows(archive: Archive, siteUrl: string | null): YearRows {
  const all = archive.years.map((y) => yearRows(archive, y.year, siteUrl));
  const tables: Record<string, Row[]> = {};
  for (const t of SCHEMA) tables[t.name] = all.flatMap((y) => y.tables[t.name]!);
  const seen = new Set<unknown>();
  tables.members = tables.members!.filter((m) => !seen.has(m.memberId) && seen.add(m.memberId));
  return { year: 'all', tables };
}
