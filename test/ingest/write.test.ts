/**
 * The ingest's writer (src/ingest/write.ts): a folder of content/replies
 * whose files are all as generated is not touched, one where a few changed
 * is written in place, another changed one is swapped in whole, its unchanged
 * files kept either way (same bytes, same modification time, same inode),
 * stale folders and files go, and what is on disk is known from its record
 * only for the files not changed since.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { outputFiles } from '../../src/ingest/output-file.ts';
import { MANAGED_DIRS, writeAtomically } from '../../src/ingest/write.ts';
import { digestOf } from '../../src/ingest/folder-record.ts';
import { tempDir } from '../support/builds.ts';

const files = (entries: Record<string, string>) => outputFiles(new Map(Object.entries(entries)));

const REPLIES = {
  'content/replies/2022-23/fhb001.md': 'a reply of 2022-23\n',
  'content/replies/2023-24/itib001.md': '一個答覆\n',
  'content/replies/2023-24/itib001.en.md': 'a reply\n',
  'content/pages/background/paper.md': 'background\n',
};

function stamp(root: string, rel: string): string {
  const st = statSync(path.join(root, rel));
  return `${st.mtimeMs} ${st.ino}`;
}

/** Every file's time moved 10 s back, so none is as recent as the record saved just now (a file changed in the record's clock tick is never trusted). */
function age(root: string): void {
  for (const rel of Object.keys(REPLIES)) {
    const p = path.join(root, rel);
    const t = statSync(p).mtimeMs / 1000 - 10;
    utimesSync(p, t, t);
  }
}

test('an unchanged folder is not touched; a changed one is written again with only its changed file new', () => {
  const root = tempDir('ingest-write');
  const recordDir = path.join(tempDir('ingest-write-record'), 'folders');
  const first = writeAtomically(root, files(REPLIES), MANAGED_DIRS, { recordDir });
  assert.equal(first, { folders: 3, written: 4, kept: 0, removed: 0, read: 0 });
  age(root);
  const before = Object.fromEntries(Object.keys(REPLIES).map((rel) => [rel, stamp(root, rel)]));
  // The times moved: the files are read once to know them, then known from the record.
  assert.equal(writeAtomically(root, files(REPLIES), MANAGED_DIRS, { recordDir }), { folders: 0, written: 0, kept: 4, removed: 0, read: 4 });
  assert.equal(writeAtomically(root, files(REPLIES), MANAGED_DIRS, { recordDir }), { folders: 0, written: 0, kept: 4, removed: 0, read: 0 });
  const edited = { ...REPLIES, 'content/replies/2023-24/itib001.en.md': 'a reply, edited\n' };
  // Which file of the changed folder changed is known from the record too.
  assert.equal(writeAtomically(root, files(edited), MANAGED_DIRS, { recordDir }), { folders: 1, written: 1, kept: 3, removed: 0, read: 0 });
  for (const rel of Object.keys(REPLIES)) {
    assert.is(readFileSync(path.join(root, rel), 'utf8'), edited[rel as keyof typeof edited]);
    if (rel.endsWith('itib001.en.md')) assert.is.not(stamp(root, rel), before[rel], rel);
    else assert.is(stamp(root, rel), before[rel], rel);
  }
  assert.not.ok(existsSync(path.join(root, `.ingest-staging-${process.pid}`)));
});

test('recorded hashes that do not add up to the record\'s digest are not used: the changed folder is read', () => {
  const root = tempDir('ingest-write');
  const recordDir = path.join(tempDir('ingest-write-record'), 'folders');
  writeAtomically(root, files(REPLIES), MANAGED_DIRS, { recordDir });
  age(root);
  writeAtomically(root, files(REPLIES), MANAGED_DIRS, { recordDir });
  for (const name of readdirSync(recordDir).filter((n) => n.endsWith('.shas'))) {
    const p = path.join(recordDir, name);
    writeFileSync(p, readFileSync(p, 'utf8').replace(/^[0-9a-f]/gm, (c) => (c === '0' ? '1' : '0')));
  }
  const edited = { ...REPLIES, 'content/replies/2023-24/itib001.en.md': 'a reply, edited\n' };
  assert.equal(writeAtomically(root, files(edited), MANAGED_DIRS, { recordDir }), { folders: 1, written: 1, kept: 3, removed: 0, read: 1 });
  assert.is(readFileSync(path.join(root, 'content/replies/2023-24/itib001.md'), 'utf8'), '一個答覆\n');
});

test('a year nothing generates any more and a stray file go; a file changed by hand is put back', () => {
  const root = tempDir('ingest-write');
  const recordDir = path.join(tempDir('ingest-write-record'), 'folders');
  writeAtomically(root, files(REPLIES), MANAGED_DIRS, { recordDir });
  writeFileSync(path.join(root, 'content/replies/notes.md'), 'not generated\n');
  writeFileSync(path.join(root, 'content/replies/2023-24/itib001.md'), '一個改過的答覆\n');
  const { 'content/replies/2022-23/fhb001.md': _gone, ...rest } = REPLIES;
  const counts = writeAtomically(root, files(rest), MANAGED_DIRS, { recordDir });
  assert.equal({ folders: counts.folders, written: counts.written, removed: counts.removed }, { folders: 1, written: 1, removed: 2 });
  assert.not.ok(existsSync(path.join(root, 'content/replies/2022-23')));
  assert.not.ok(existsSync(path.join(root, 'content/replies/notes.md')));
  assert.is(readFileSync(path.join(root, 'content/replies/2023-24/itib001.md'), 'utf8'), '一個答覆\n');
});

test('a file changed with its size and time kept is caught while it is as recent as the record (the racy case), and always without a record', () => {
  const root = tempDir('ingest-write');
  const recordDir = path.join(tempDir('ingest-write-record'), 'folders');
  writeAtomically(root, files(REPLIES), MANAGED_DIRS, { recordDir });
  // Changed in place, same length, its time set back as it was: its stat is as recorded, but it is not older than the record.
  const p = path.join(root, 'content/replies/2023-24/itib001.en.md');
  const st = statSync(p);
  writeFileSync(p, 'A reply\n');
  utimesSync(p, st.atime, st.mtime);
  for (const name of readdirSync(recordDir)) utimesSync(path.join(recordDir, name), st.mtime, st.mtime);
  assert.is(writeAtomically(root, files(REPLIES), MANAGED_DIRS, { recordDir }).written, 1);
  assert.is(readFileSync(p, 'utf8'), 'a reply\n');
  // No record: every file is read.
  writeFileSync(p, 'A reply\n');
  utimesSync(p, st.atime, st.mtime);
  const counts = writeAtomically(root, files(REPLIES), MANAGED_DIRS);
  assert.equal({ written: counts.written, read: counts.read }, { written: 1, read: 4 });
  assert.is(readFileSync(p, 'utf8'), 'a reply\n');
});

/** A year of 40 replies, some edited. */
function year(edit: Record<string, string> = {}): ReturnType<typeof files> {
  const entries: Record<string, string> = {};
  for (let i = 1; i <= 40; i++) entries[`content/replies/2023-24/itib${String(i).padStart(3, '0')}.md`] = `reply ${i}\n`;
  return files({ ...entries, ...edit });
}

function folderStamps(root: string): Map<string, string> {
  const dir = path.join(root, 'content/replies/2023-24');
  // The folder by its inode alone: its time changes with any file renamed into it.
  return new Map([['.', String(statSync(dir).ino)], ...readdirSync(dir).sort().map((n): [string, string] => [n, stamp(dir, n)])]);
}

test('a year where a few of many files changed is written in place: its other files and the folder itself are the same ones', () => {
  const root = tempDir('ingest-write');
  const recordDir = path.join(tempDir('ingest-write-record'), 'folders');
  // itib001–itib039 and itib041 on disk; then itib002 edited, itib040 new and itib041 no longer generated.
  const initial = year({ 'content/replies/2023-24/itib041.md': 'reply 41\n' });
  initial.delete('content/replies/2023-24/itib040.md');
  writeAtomically(root, initial, MANAGED_DIRS, { recordDir });
  const before = folderStamps(root);
  const edited = year({ 'content/replies/2023-24/itib002.md': 'reply 2, edited\n' });
  assert.equal(writeAtomically(root, edited, MANAGED_DIRS, { recordDir }), { folders: 1, written: 2, kept: 38, removed: 0, read: 0 });
  const after = folderStamps(root);
  assert.equal([...after.keys()].filter((n) => n !== '.'), [...edited.keys()].map((rel) => path.basename(rel)).sort());
  assert.is(after.get('.'), before.get('.'), 'the folder is not swapped');
  for (const [name, was] of before) if (!['.', 'itib002.md', 'itib041.md'].includes(name)) assert.is(after.get(name), was, name);
  assert.is.not(after.get('itib002.md'), before.get('itib002.md'));
  assert.is(readFileSync(path.join(root, 'content/replies/2023-24/itib002.md'), 'utf8'), 'reply 2, edited\n');
  assert.is(readFileSync(path.join(root, 'content/replies/2023-24/itib040.md'), 'utf8'), 'reply 40\n');
  assert.not.ok(existsSync(path.join(root, `.ingest-staging-${process.pid}`)));
  // The record knows the files just written: nothing to read, nothing to write.
  assert.equal(writeAtomically(root, edited, MANAGED_DIRS, { recordDir }), { folders: 0, written: 0, kept: 40, removed: 0, read: 0 });
});

test('a year where many files changed is made again and swapped whole', () => {
  const root = tempDir('ingest-write');
  const recordDir = path.join(tempDir('ingest-write-record'), 'folders');
  writeAtomically(root, year(), MANAGED_DIRS, { recordDir });
  const before = folderStamps(root);
  const edit = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`content/replies/2023-24/itib${String(i + 1).padStart(3, '0')}.md`, `reply ${i + 1}, edited\n`]));
  assert.equal(writeAtomically(root, year(edit), MANAGED_DIRS, { recordDir }), { folders: 1, written: 6, kept: 34, removed: 0, read: 0 });
  const after = folderStamps(root);
  assert.is.not(after.get('.'), before.get('.'), 'the folder is swapped');
  const edited = new Set(Object.keys(edit).map((rel) => path.basename(rel)));
  for (const [name, was] of before) if (name !== '.' && !edited.has(name)) assert.is(after.get(name), was, name);
});

test('a file changed by hand among many is the one file read: the others are known from the record by their own stat', () => {
  const root = tempDir('ingest-write');
  const recordDir = path.join(tempDir('ingest-write-record'), 'folders');
  writeAtomically(root, year(), MANAGED_DIRS, { recordDir });
  const p = path.join(root, 'content/replies/2023-24/itib007.md');
  writeFileSync(p, 'reply X\n');
  const t = statSync(p).mtimeMs / 1000 + 10;
  utimesSync(p, t, t);
  assert.equal(writeAtomically(root, year(), MANAGED_DIRS, { recordDir }), { folders: 1, written: 1, kept: 39, removed: 0, read: 1 });
  assert.is(readFileSync(p, 'utf8'), 'reply 7\n');
});

test('the records of folders that are gone are removed', () => {
  const recordDir = path.join(tempDir('ingest-write-record'), 'folders');
  const gone = tempDir('ingest-write');
  writeAtomically(gone, files(REPLIES), MANAGED_DIRS, { recordDir });
  assert.is(readdirSync(recordDir).length, 6, 'a record and its hashes for each of three folders');
  rmSync(path.join(gone, 'content'), { recursive: true });
  writeAtomically(tempDir('ingest-write'), files({ 'content/replies/2023-24/itib001.md': '一個答覆\n' }), MANAGED_DIRS, { recordDir });
  assert.is(readdirSync(recordDir).length, 4, 'the two folders just written (a year and the empty background folder)');
});

test('a kept folder (its files not given, only their digest) is left as it is when it holds them, written from its files when not, and never removed as a stray', () => {
  const root = tempDir('ingest-write-kept');
  const recordDir = path.join(tempDir('ingest-write-kept-record'), 'folders');
  writeAtomically(root, files(REPLIES), MANAGED_DIRS, { recordDir });
  age(root);
  writeAtomically(root, files(REPLIES), MANAGED_DIRS, { recordDir });
  const year = files(Object.fromEntries(Object.entries(REPLIES).filter(([rel]) => rel.startsWith('content/replies/2023-24/')).map(([rel, text]) => [path.posix.basename(rel), text])));
  const digest = digestOf([...year].map(([name, f]) => [name, f.sha256] as const));
  const others = files(Object.fromEntries(Object.entries(REPLIES).filter(([rel]) => !rel.startsWith('content/replies/2023-24/'))));
  let asked = 0;
  const kept = [{ dir: 'content/replies/2023-24', digest, files: year.size, expand: () => (asked++, new Map(year)) }];
  const before = stamp(root, 'content/replies/2023-24/itib001.md');
  assert.equal(writeAtomically(root, others, MANAGED_DIRS, { recordDir, kept }), { folders: 0, written: 0, kept: 4, removed: 0, read: 0 });
  assert.is(asked, 0, 'its files were not asked for');
  assert.is(stamp(root, 'content/replies/2023-24/itib001.md'), before);
  // Changed by hand (its size too, so it is known changed without reading it): written from its files.
  writeFileSync(path.join(root, 'content/replies/2023-24/itib001.md'), '改過\n');
  assert.equal(writeAtomically(root, others, MANAGED_DIRS, { recordDir, kept }), { folders: 1, written: 1, kept: 3, removed: 0, read: 0 });
  assert.is(asked, 1);
  assert.is(readFileSync(path.join(root, 'content/replies/2023-24/itib001.md'), 'utf8'), REPLIES['content/replies/2023-24/itib001.md']);
  // Removed whole: made again.
  rmSync(path.join(root, 'content/replies/2023-24'), { recursive: true });
  writeAtomically(root, others, MANAGED_DIRS, { recordDir, kept });
  assert.equal(readdirSync(path.join(root, 'content/replies/2023-24')).sort(), ['itib001.en.md', 'itib001.md']);
  assert.throws(() => writeAtomically(root, others, MANAGED_DIRS, { recordDir, kept: [{ ...kept[0]!, dir: 'content/replies/2023-24/../../x' }] }), /refusing to keep/);
});

test.run();
