/**
 * Inserting many rows into the WebAssembly SQLite quickly: one prepared
 * statement, each row's strings written as UTF-8 straight into the WebAssembly
 * heap (one buffer, reused row after row) and bound by pointer, through the
 * module's raw C exports.
 *
 * Why not the oo1 API's stmt.bind(): it encodes every string with
 * TextEncoder into a new array, allocates it in the heap and frees it after
 * the step, and checks each argument in JavaScript. For the 11,000 replies rows
 * of the benchmark's synthetic year of 5,500 bilingual replies that binding was
 * 0.9 s of the 1.0 s the table took; this way the table takes 0.3 s (CPU
 * seconds, throwaway script over the year's rows, load 3.5–5, 2026-12-03).
 * SQLite receives the same values, so the file has the same bytes.
 */
import type sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import type { Value } from './rows.ts';

export type Sqlite3 = Awaited<ReturnType<typeof sqlite3InitModule>>;
export type Db = InstanceType<Sqlite3['oo1']['DB']>;

const SQLITE_OK = 0;
const SQLITE_DONE = 101;
/** The destructor argument SQLITE_STATIC: SQLite reads the string where it is, until the statement is stepped and reset. */
const SQLITE_STATIC = 0;

/** Runs `sql` (an INSERT with one `?` per value) once per row of `rows`; a boolean is stored as 0/1, a whole number in 32 bits as an integer as oo1 binds it. */
export function insertRows(sqlite3: Sqlite3, db: Db, sql: string, rows: Iterable<readonly Value[]>): void {
  const c = sqlite3.wasm.exports;
  const stmt = db.prepare(sql);
  const p = stmt.pointer!;
  const fail = (what: string) => {
    throw new Error(`open data: SQLite ${what} failed (${sqlite3.capi.sqlite3_errmsg(db.pointer!)}): ${sql}`);
  };
  let buffer = 0;
  let capacity = 0;
  try {
    for (const values of rows) {
      // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
      let need = 0;
      for (const v of values) if (typeof v === 'string') need += v.length * 3;
      if (need > capacity) {
        if (buffer) sqlite3.wasm.dealloc(buffer);
        capacity = Math.max(need, capacity * 2, 1 << 16);
        buffer = sqlite3.wasm.alloc(capacity);
      }
      // A view of the heap as it is now: a step may grow the memory, which replaces its ArrayBuffer.
      const heap = Buffer.from(sqlite3.wasm.heap8u().buffer);
      let at = buffer;
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        const n = i + 1;
        let rc: number;
        if (v === null) rc = c.sqlite3_bind_null(p, n);
        else if (typeof v === 'string') {
          const bytes = heap.write(v, at, 'utf8');
          rc = c.sqlite3_bind_text(p, n, at, bytes, SQLITE_STATIC);
          at += bytes;
        } else if (typeof v === 'boolean') rc = c.sqlite3_bind_int(p, n, v ? 1 : 0);
        else if ((v | 0) === v) rc = c.sqlite3_bind_int(p, n, v);
        else if (Number.isInteger(v)) rc = c.sqlite3_bind_int64(p, n, BigInt(v));
        else rc = c.sqlite3_bind_double(p, n, v);
        if (rc !== SQLITE_OK) fail('bind');
      }
      if (c.sqlite3_step(p) !== SQLITE_DONE) fail('insert');
      if (c.sqlite3_reset(p) !== SQLITE_OK) fail('reset');
    }
  } finally {
    stmt.finalize();
    if (buffer) sqlite3.wasm.dealloc(buffer);
  }
}
