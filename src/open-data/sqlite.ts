/**
 * The year's rows (rows.ts) as one SQLite file, its tables and columns as
 * schema.ts describes them, with a full-text index (FTS5) that finds Chinese
 * terms: each edition's text is stored as the search index's tokens
 * (overlapping two-character pieces for Chinese, words otherwise), which the
 * unicode61 tokenizer splits at the spaces, and a term is found as the phrase
 * of its pieces (ftsPhrase). FTS5's own tokenizers would take a run of Chinese
 * for one word, and its trigram tokenizer finds nothing shorter than three
 * characters (科技券 yes, 港元 no).
 *
 * The binding is SQLite's own WebAssembly build (@sqlite.org/sqlite-wasm):
 * it compiles FTS5 in, installs from the npm registry with no install step
 * (no native build, nothing downloaded), and gives the same bytes on every
 * machine. The file is made in memory and exported: a fixed page size, no free pages,
 * rows inserted in the model's order and no timestamp anywhere, so two builds
 * of the same content give the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import { queryTokens } from '../browser/search/query.js';
import { ftsText, valuesOf, type Row, type Value, type YearRows } from './rows.ts';
import { insertRows, type Db, type Sqlite3 } from './sqlite-insert.ts';
import { FtsTextKeeper, type FtsTextCache } from './fts-text-cache.ts';
import { FTS_TABLE, REPLIES, SCHEMA, type FieldType, type TableSpec } from './schema.ts';

const SQL_TYPE: Record<FieldType, string> = { string: 'TEXT', integer: 'INTEGER', number: 'REAL', boolean: 'INTEGER' };
/**
 * 32 KiB, fixed so a newer SQLite's default cannot change the bytes. An edition's row holds its
 * Markdown (2–4 KB), so at SQLite's default 4 KiB a leaf page fits one row or two and leaves the
 * rest empty (a fifth of the replies table was slack). The benchmark's synthetic year of 5,500
 * bilingual replies (a real year's size; sqlite-wasm, 2026-12-03): 4 KiB 45.8 MB, 8 KiB 44.5,
 * 16 KiB 42.6, 32 KiB 41.0, 64 KiB 41.0; of 1,500: 12.63 MB at 4 KiB, 11.63 at 32 KiB. Every table
 * and index takes at least a page, so a small year loses a little: the 263 real replies, 2.33 → 2.59 MB.
 */
const PAGE_SIZE = 32768;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * CREATE TABLE for a table of the schema. The replies table gets an explicit
 * `rowid INTEGER PRIMARY KEY` (the full-text index's rowid: VACUUM renumbers
 * implicit rowids) with its key (id, lang) as UNIQUE.
 */
export function createTableSql(t: TableSpec): string {
  const withRowid = t === REPLIES;
  const cols = t.columns.map((c) => `  ${quote(c.name)} ${SQL_TYPE[c.type]}${c.required ? ' NOT NULL' : ''}`);
  const key = `${withRowid ? 'UNIQUE' : 'PRIMARY KEY'} (${t.primaryKey.map(quote).join(', ')})`;
  const fks = t.foreignKeys.map((fk) => `FOREIGN KEY (${fk.fields.map(quote).join(', ')}) REFERENCES ${quote(fk.reference.table)} (${fk.reference.fields.map(quote).join(', ')})`);
  // The other tables are stored in their key's order (WITHOUT ROWID): no second copy of the key as an index (table_cells: −200 KB of 2.6 MB on the 263 replies).
  return `CREATE TABLE ${quote(t.name)} (\n${[...(withRowid ? ['  rowid INTEGER PRIMARY KEY'] : []), ...cols, ...[key, ...fks].map((s) => `  ${s}`)].join(',\n')}\n)${withRowid ? '' : ' WITHOUT ROWID'}`;
}

/** Indexes for the joins a reader makes most (replies by member and by head, cells by table). */
const INDEXES = [
  'CREATE INDEX replies_member ON replies (memberId)',
  'CREATE INDEX replies_head ON replies (year, headCode)',
];

/** The FTS5 table: contentless (the text is in replies.markdown), rowid = replies.rowid. */
const FTS_SQL = `CREATE VIRTUAL TABLE ${FTS_TABLE} USING fts5(text, content='', tokenize='unicode61')`;

/**
 * A term as an FTS5 query: the phrase of its tokens (數碼港 → "數碼 碼港"), so
 * the index matches exactly the editions whose text holds the term (for a term
 * of two or more characters; English words match as words).
 */
export function ftsPhrase(term: string): string {
  return `"${queryTokens(term).map((t) => t.replace(/"/g, '""')).join(' ')}"`;
}

/**
 * The same in SQL, for a Chinese term given as :term (Datasette's canned
 * query, the sqlite3 shell): its two-character pieces by a recursive query.
 */
export const FTS_SEARCH_SQL = `WITH RECURSIVE piece(i, gram) AS (
  SELECT 1, substr(:term, 1, 2)
  UNION ALL SELECT i + 1, substr(:term, i + 1, 2) FROM piece WHERE i + 2 <= length(:term)
)
SELECT replies.id, replies.lang, replies.replyNo, replies.headCode, replies.member, replies.title, replies.url
FROM ${FTS_TABLE} JOIN replies ON replies.rowid = ${FTS_TABLE}.rowid
WHERE ${FTS_TABLE} MATCH (SELECT '"' || group_concat(gram, ' ') || '"' FROM piece)
ORDER BY replies.id, replies.lang`;

/**
 * FTS5 keeps the terms of the rows not yet written in memory and writes them out as a
 * segment when they pass this size (its default is 1 MB), merging segments as it goes.
 * At 64 MB the benchmark's synthetic year of 5,500 bilingual replies (5.7 million
 * tokens) takes 2.2 s instead of 3.3 to index and 0.2 s instead of 0.55 to optimize
 * (CPU seconds, the year's rows inserted four times in one process, load 4.8,
 * 2026-12-03); stopping FTS5's automatic merges as well gained nothing more. The
 * setting is deleted before the file is written (a reader's SQLite has no use for it).
 * It decides where segments end, so it is a constant: the same rows, the same bytes.
 */
const FTS_HASH_SIZE = 64 * 1024 * 1024;

let sqlite: ReturnType<typeof sqlite3InitModule> | undefined;

/** The year's SQLite file, as bytes; `textOf` gives a replies row's full-text row (default rows.ts ftsText; fts-text-cache.ts keeps them between builds). */
export async function sqliteFile(rows: YearRows, textOf: (row: Row) => string = ftsText): Promise<Uint8Array> {
  const sqlite3 = await (sqlite ??= sqlite3InitModule());
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    db.exec(`PRAGMA page_size = ${PAGE_SIZE}; PRAGMA foreign_keys = ON; BEGIN`);
    for (const t of SCHEMA) {
      db.exec(createTableSql(t));
      insert(sqlite3, db, t, rows.tables[t.name] ?? []);
    }
    for (const sql of INDEXES) db.exec(sql);
    db.exec(FTS_SQL);
    db.exec(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}, rank) VALUES ('hashsize', ${FTS_HASH_SIZE})`);
    insertRows(sqlite3, db, `INSERT INTO ${FTS_TABLE} (rowid, text) VALUES (?, ?)`, ftsRows(rows.tables[REPLIES.name] ?? [], textOf));
    // FTS5 merges its index segments into one: smaller, and the same layout however the rows were batched.
    db.exec(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}) VALUES ('optimize'); DELETE FROM ${quote(`${FTS_TABLE}_config`)} WHERE k = 'hashsize'; COMMIT`);
    // VACUUM only gives back free pages: the tables are written once, in order, and the full-text
    // index's segments are merged in memory (FTS_HASH_SIZE), so a year of 5,500 bilingual replies
    // leaves none and VACUUM spent 1.06 s copying its 41.5 MB (throwaway script timing each step
    // of sqliteFile on the benchmark's synthetic year, load ~5, 2026-12-03). A file that has
    // free pages is still vacuumed; either way the same rows give the same bytes.
    if (Number(db.selectValue('PRAGMA freelist_count')) > 0) db.exec('VACUUM');
    return sqlite3.capi.sqlite3_js_db_export(db);
  } finally {
    db.close();
  }
}

/** What writeSqliteFile made: its full-text rows, and how many of them came from the year's previous build. */
export interface SqliteWritten {
  ftsRows: number;
  ftsRowsReused: number;
}

/**
 * The year's SQLite file written to `file` (writeYearExports calls it in a worker thread, beside the other exports);
 * its full-text rows kept in `cache` between the year's builds when given (a unit's cache entry: fts-text-cache.ts).
 */
export async function writeSqliteFile(rows: YearRows, file: string, cache?: FtsTextCache): Promise<SqliteWritten> {
  const keeper = cache === undefined ? undefined : new FtsTextKeeper(cache);
  let bytes: Uint8Array;
  try {
    bytes = await sqliteFile(rows, keeper?.text);
    keeper?.commit();
  } catch (err) {
    keeper?.abandon();
    throw err;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return { ftsRows: rows.tables[REPLIES.name]?.length ?? 0, ftsRowsReused: keeper?.reused ?? 0 };
}

function insert(sqlite3: Sqlite3, db: Db, t: TableSpec, rows: Row[]): void {
  const names = [...(t === REPLIES ? ['rowid'] : []), ...t.columns.map((c) => c.name)];
  const sql = `INSERT INTO ${quote(t.name)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  insertRows(sqlite3, db, sql, valuesOfRows(t, rows));
}

/** The full-text index's rows: each replies row's text as index tokens (`textOf`), its rowid the replies row's. */
function* ftsRows(replies: Row[], textOf: (row: Row) => string): Generator<Value[]> {
  for (let i = 0; i < replies.length; i++) yield [i + 1, textOf(replies[i]!)];
}

/** Each row's values in the statement's order (the replies table's rowid first), made as they are inserted. */
function* valuesOfRows(t: TableSpec, rows: Row[]): Generator<Value[]> {
  for (let i = 0; i < rows.length; i++) yield t === REPLIES ? [i + 1, ...valuesOf(t, rows[i]!)] : valuesOf(t, rows[i]!);
}
