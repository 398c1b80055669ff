/**
 * A year's full-text rows kept between its builds (src/open-data/fts-text-cache.ts),
 * on the 263 real replies: the next build takes the unchanged editions' rows from
 * the file, makes an edited edition's again, and the SQLite file has the same
 * bytes either way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FtsTextKeeper, type FtsTextCache } from '../../src/open-data/fts-text-cache.ts';
import { ftsText, yearRows, type Row } from '../../src/open-data/rows.ts';
import { REPLIES } from '../../src/open-data/schema.ts';
import { PRIMARY_LANG } from '../../src/model/languages.ts';
import { sqliteFile, writeSqliteFile } from '../../src/open-data/sqlite.ts';
import { tempDir } from '../support/builds.ts';
import { archive } from './_exports.ts';

const rows = yearRows(archive, '2023-24', null);
const replies = rows.tables[REPLIES.name]!;

/** Every replies row through a keeper of `cache`, committed: the texts, and the keeper. */
function keep(cache: FtsTextCache, of: readonly Row[] = replies): { texts: string[]; keeper: FtsTextKeeper } {
  const keeper = new FtsTextKeeper(cache);
  const texts = of.map(keeper.text);
  keeper.commit();
  return { texts, keeper };
}

test('a second build takes every unchanged edition’s full-text row from the first’s file, and an edited one is made again', () => {
  const dir = tempDir('fts-texts');
  const first = keep({ code: 'code-1', previous: null, next: join(dir, 'first.tsv') });
  assert.is(first.keeper.made, replies.length);
  assert.equal(first.texts, replies.map(ftsText));

  // ITIB121's Chinese edition edited: its text changes, the others are as they were.
  const at = replies.findIndex((r) => r.id === '2023-24/ITIB121' && r.lang === PRIMARY_LANG);
  assert.ok(at >= 0, 'ITIB121 in Chinese is a row');
  const edited = replies.map((r, i) => (i === at ? { ...r, markdown: `${String(r.markdown)}\n\n數碼港的補充答覆。` } : r));
  const second = keep({ code: 'code-1', previous: join(dir, 'first.tsv'), next: join(dir, 'second.tsv') }, edited);
  assert.is(second.keeper.made, 1);
  assert.is(second.keeper.reused, replies.length - 1);
  assert.equal(second.texts, edited.map(ftsText));
  assert.ok(second.texts[at]!.includes('補充'), 'the edited text is indexed');
  assert.not.ok(first.texts[at]!.includes('補充'));
  // The next file holds the edited text, not the stale one.
  const third = keep({ code: 'code-1', previous: join(dir, 'second.tsv'), next: join(dir, 'third.tsv') }, edited);
  assert.is(third.keeper.reused, replies.length);
  assert.equal(third.texts, second.texts);
});

test('full-text rows made by other code are not taken', () => {
  const dir = tempDir('fts-texts');
  keep({ code: 'code-1', previous: null, next: join(dir, 'a.tsv') });
  const other = keep({ code: 'code-2', previous: join(dir, 'a.tsv'), next: join(dir, 'b.tsv') });
  assert.is(other.keeper.reused, 0);
  assert.is(other.keeper.made, replies.length);
  assert.ok(readFileSync(join(dir, 'b.tsv'), 'utf8').startsWith('code-2\n'));
});

test('a previous build whose file is gone (an older entry, or deleted by another build sharing the cache) makes every row', () => {
  const dir = tempDir('fts-texts');
  const gone = keep({ code: 'c', previous: join(dir, 'never-written.tsv'), next: join(dir, 'next.tsv') });
  assert.is(gone.keeper.reused, 0);
  assert.equal(gone.texts, replies.map(ftsText));
});

test('a build that fails leaves no file of full-text rows', () => {
  const dir = tempDir('fts-texts');
  const keeper = new FtsTextKeeper({ code: 'c', previous: null, next: join(dir, 'next.tsv') });
  replies.slice(0, 10).forEach(keeper.text);
  keeper.abandon();
  assert.equal(readdirSync(dir), []);
});

test('the SQLite file has the same bytes whether its full-text rows were made or kept', async () => {
  const dir = tempDir('fts-texts');
  const made = await sqliteFile(rows);
  const cache = (previous: string | null, next: string): FtsTextCache => ({ code: 'c', previous, next: join(dir, next) });
  const first = await writeSqliteFile(rows, join(dir, 'first.db'), cache(null, 'first.tsv'));
  const second = await writeSqliteFile(rows, join(dir, 'second.db'), cache(join(dir, 'first.tsv'), 'second.tsv'));
  assert.equal(first, { ftsRows: replies.length, ftsRowsReused: 0 });
  assert.equal(second, { ftsRows: replies.length, ftsRowsReused: replies.length });
  assert.ok(Buffer.from(made).equals(readFileSync(join(dir, 'first.db'))));
  assert.ok(Buffer.from(made).equals(readFileSync(join(dir, 'second.db'))));
  assert.ok(existsSync(join(dir, 'second.tsv')));
});

test.run();
