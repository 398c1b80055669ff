/**
 * The year's SQLite file as a researcher opens it (Debian's sqlite3): as many
 * rows as the archive has replies, tables and cells (counted from the Markdown
 * files, not from the model that wrote the rows); the full-text index finds
 * exactly the replies whose text holds a Chinese term; a join gives each
 * member's replies by head; the keys hold; two writes give the same bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ftsPhrase, FTS_SEARCH_SQL } from '../../src/open-data/sqlite.ts';
import { pipeTables } from '../support/pipe-tables.ts';
import { archive, exportsOnce, query, writeExports } from './_exports.ts';

const dbOf = (dir: string) => join(dir, '2023-24/data/replies.db');
/** Every edition file of the year, read from disk: front-matter and body as written by the ingest. */
const files = readdirSync('content/replies/2023-24').filter((f) => f.endsWith('.md')).map((f) => readFileSync(join('content/replies/2023-24', f), 'utf8'));
const bodyOf = (file: string) => file.replace(/^---\n[\s\S]*?\n---\n/, '');
const field = (file: string, name: string) => new RegExp(`^${name}: "?([^"\\n]*)"?$`, 'm').exec(file)![1]!;

test('row counts equal the archive: 263 replies, every pipe table of the Markdown and all its cells', async () => {
  const db = dbOf((await exportsOnce()).dir);
  const count = (t: string) => query(db, `SELECT count(*) AS n FROM ${t}`)[0]!.n;
  assert.is(count('replies'), files.length);
  assert.is(files.length, 263);
  const tables = files.flatMap((f) => pipeTables(bodyOf(f)));
  assert.is(count('tables'), tables.length);
  assert.is(tables.length, 97);
  assert.is(count('table_cells'), tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.length, 0), 0));
  assert.is(count('members'), new Set(files.map((f) => field(f, 'member'))).size);
  // ITIB144's second table, cell by cell as the Markdown has it; the figures queryable as numbers.
  const itib144 = pipeTables(bodyOf(files.find((f) => /^replyNo: ITIB144$/m.test(f))!))[1]!;
  const cells = query(db, "SELECT row, col, value, number FROM table_cells WHERE id = '2023-24/ITIB144' AND tableNo = 2 ORDER BY row, col");
  assert.equal(cells.map((c) => c.value), itib144.rows.flat());
  const figures = cells.filter((c) => typeof c.number === 'number');
  assert.ok(figures.length > 0, 'figures are numbers');
  for (const c of figures) assert.is(Number(String(c.value).replace(/[ ,]/g, '')), c.number, String(c.value));
});

test('full text: 數碼港, 科技券 and 智方便 find exactly the replies whose text holds them', async () => {
  const db = dbOf((await exportsOnce()).dir);
  for (const term of ['數碼港', '科技券', '智方便']) {
    // Expected: the editions whose Markdown body or title holds the term, read from the files.
    const expected = files.filter((f) => bodyOf(f).includes(term) || field(f, 'title').includes(term)).map((f) => field(f, 'id')).sort();
    assert.ok(expected.length > 0, `${term} is in the archive`);
    const rows = query(db, `SELECT replies.id FROM replies_fts JOIN replies ON replies.rowid = replies_fts.rowid WHERE replies_fts MATCH '${ftsPhrase(term)}' ORDER BY replies.id`);
    assert.equal(rows.map((r) => r.id), expected, `MATCH ${ftsPhrase(term)}`);
    // The query Datasette offers (and /data/ documents) takes the term as it is typed.
    assert.equal(query(db, FTS_SEARCH_SQL, { term }).map((r) => r.id), expected, `canned search for ${term}`);
  }
  // A run of Chinese is not one word: a term inside a longer run is found (the default tokenizer would miss it).
  assert.ok(query(db, `SELECT rowid FROM replies_fts WHERE replies_fts MATCH '${ftsPhrase('數碼')}'`).length > 0);
});

test('join: each member\'s replies by head, as the files have them', async () => {
  const db = dbOf((await exportsOnce()).dir);
  const rows = query(db, `SELECT members.memberId AS member, replies.headCode AS head, heads.nameZh AS headName, count(*) AS n
    FROM replies JOIN members ON members.memberId = replies.memberId JOIN heads ON heads.year = replies.year AND heads.code = replies.headCode
    GROUP BY members.memberId, replies.headCode ORDER BY members.memberId, replies.headCode`);
  const expected = new Map<string, number>();
  for (const f of files) {
    const key = `${field(f, 'member')}\u0000${/^head:\n {2}code: "?(\d+)"?$/m.exec(f)![1]}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  assert.equal(new Map(rows.map((r) => [`${r.member}\u0000${r.head}`, r.n])), expected);
  assert.ok(rows.every((r) => typeof r.headName === 'string' && r.headName !== ''), 'every head is named');
});

test('keys hold: no foreign key without its row, the file is intact', async () => {
  const db = dbOf((await exportsOnce()).dir);
  assert.equal(query(db, 'PRAGMA foreign_key_check'), []);
  assert.equal(query(db, 'PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
  assert.equal(query(db, 'PRAGMA page_size'), [{ page_size: 32768 }]);
});

test('deterministic: two writes of the same archive give the same bytes, file by file', async () => {
  const a = (await exportsOnce()).dir;
  const b = (await writeExports(null)).dir;
  const list = (dir: string, sub = ''): string[] =>
    readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(dir, join(sub, e.name)) : [join(sub, e.name)])).sort();
  const filesA = list(a);
  assert.equal(list(b), filesA);
  assert.ok(filesA.includes('2023-24/data/replies.db'));
  for (const f of filesA) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f);
  assert.is(archive.replies.length, 263);
});

test.run();
