/**
 * A year's editions read through the edition cache (src/build/edition-cache.ts), on the seed's real
 * replies: after an edit the cache keeps what changed as a delta beside the year's entry instead of
 * writing the entry whole again, and every read gives exactly the editions read from the files
 * without a cache, after an edit, a removal, and once many files changed (the entry written whole).
 */
import { appendFileSync, cpSync, existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readYearEditions } from '../../src/build/edition-cache.ts';
import { loadEdition } from '../../src/site/data/load.ts';
import { tempDir } from '../support/builds.ts';

const YEAR = '2023-24';
const root = tempDir('edition-cache');
const folder = path.join(root, 'content', YEAR);
cpSync(path.join('content/replies', YEAR), folder, { recursive: true });
const cacheDir = path.join(root, 'editions');
const entry = path.join(cacheDir, `${YEAR}.bodies.v8`);
const delta = path.join(cacheDir, `${YEAR}.bodies.delta.v8`);

const files = () => readdirSync(folder).sort().map((name) => path.join(folder, name));
const read = (cache: string | null) => readYearEditions(cache, 'bodies', YEAR, files(), (f) => path.relative(root, f), (f, shown) => loadEdition(f, shown));
/** The year read through the cache, checked against the same files read without one. */
function readChecked(label: string) {
  const cached = read(cacheDir);
  const fresh = read(null);
  assert.equal(cached.editions, fresh.editions, `${label}: the editions as read from the files`);
  assert.is(cached.contentHash, fresh.contentHash, `${label}: the year's content hash`);
  return cached;
}
/** An edit of a reply's answer, its time moved on so that the cache cannot take it for the file it read. */
function edit(name: string, words: string, second: number): void {
  const file = path.join(folder, name);
  appendFileSync(file, `\n${words}\n`);
  const t = new Date(Date.UTC(2030, 0, 1, 0, 0, second));
  utimesSync(file, t, t);
}
const identity = (file: string) => `${statSync(file).ino}:${statSync(file).mtimeMs}`;

test('an edit is kept as a delta beside the year\'s entry; every read gives the editions the files hold', () => {
  assert.is(readChecked('first read').parsed, 263);
  assert.ok(existsSync(entry) && !existsSync(delta), 'the first read writes the entry whole');
  const whole = identity(entry);

  edit('itib144.md', '此段為測試加入的文字。', 1);
  assert.is(readChecked('after an edit').parsed, 1);
  assert.ok(existsSync(delta), 'the edit is written as a delta');
  assert.is(identity(entry), whole, 'the entry is not written again');
  assert.is(readChecked('read again').parsed, 0, 'the edited file comes from the delta');

  // A second edit: the delta holds both (the first is not read again), the entry is still the same.
  edit('itib001.md', '第二次修改。', 2);
  assert.is(readChecked('after a second edit').parsed, 1);
  assert.is(readChecked('read again').parsed, 0);
  assert.is(identity(entry), whole);

  rmSync(path.join(folder, 'itib263.md'));
  assert.is(readChecked('after a removal').parsed, 0);
  assert.is(identity(entry), whole);
  assert.is(read(cacheDir).editions.length, 262);
});

test('when many files changed the entry is written whole again and the delta goes', () => {
  const before = identity(entry);
  files()
    .slice(0, 70)
    .forEach((file, i) => edit(path.basename(file), `改動 ${i}`, 10 + i));
  assert.is(readChecked('after 70 edits').parsed, 70);
  assert.is.not(identity(entry), before, 'the entry is written anew');
  assert.not.ok(existsSync(delta), 'its delta is removed');
  assert.is(readChecked('read again').parsed, 0);
});

test('a delta made for another writing of the entry is not used: its files are read again', () => {
  edit('itib010.md', '再改。', 90);
  readChecked('an edit');
  assert.ok(existsSync(delta));
  // The entry written anew by another build (a copy: a new inode), the delta left from before it.
  cpSync(entry, `${entry}.copy`);
  rmSync(entry);
  cpSync(`${entry}.copy`, entry);
  assert.is(readChecked('the entry replaced').parsed, 1, 'the edited file is read again, not taken from the stale delta');
});

test.run();
