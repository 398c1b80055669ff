/**
 * The ingest keeps each document's parse (src/ingest/parse-cache.ts) and
 * writes only what changed (src/ingest/write.ts): on the real 2023-24
 * Chinese document (with its corrections and title overrides), the English
 * sample beside it and the background paper, through the real CLI; and
 * entries that must not be trusted, on the two small documents.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { generateArchive, openParseCache, type ArchiveRun } from '../../src/ingest/parse-cache.ts';
import { readTitles } from '../../src/ingest/run.ts';
import { EN_SAMPLE, EN_SOURCE, pairedRoot, tempDir } from '../support/builds.ts';
import { root } from './_real.ts';

function run(dir: string, cache: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/ingest.ts'), '--root', dir, ...args], {
    cwd: root,
    env: { ...process.env, ARCHIVE_CACHE: cache },
    encoding: 'utf8',
  });
}

function ingest(dir: string, cache: string, ...args: string[]) {
  const r = run(dir, cache, ...args);
  assert.is(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  const time = lines.find((l) => l.startsWith('time: ')) ?? '';
  return { time, messages: lines.filter((l) => l !== time) };
}

/** Every file the ingest writes, with its bytes, modification time and inode. */
function snapshot(dir: string): Map<string, { text: string; mtimeMs: number; ino: number }> {
  const out = new Map<string, { text: string; mtimeMs: number; ino: number }>();
  for (const sub of ['content/replies', 'content/pages/background']) {
    const walk = (d: string) => {
      for (const name of readdirSync(d).sort()) {
        const p = path.join(d, name);
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        else out.set(path.relative(dir, p), { text: readFileSync(p, 'utf8'), mtimeMs: st.mtimeMs, ino: st.ino });
      }
    };
    walk(path.join(dir, sub));
  }
  return out;
}

const paired = { dir: '', cache: '', first: { time: '', messages: [] as string[] }, before: new Map() as ReturnType<typeof snapshot> };

test('run twice: the second run reuses every document, prints the same, and writes nothing', () => {
  paired.dir = pairedRoot();
  paired.cache = tempDir('ingest-cache');
  paired.first = ingest(paired.dir, paired.cache);
  assert.match(paired.first.time, /\(0 of 3 sources reused from /);
  paired.before = snapshot(paired.dir);
  const second = ingest(paired.dir, paired.cache);
  assert.match(second.time, /\(3 of 3 sources reused from /);
  assert.match(second.time, /\(0 files written in 0 folders, 267 unchanged, /);
  // The report (warnings, audit, tables, seams, the JSON summary) is the one a parse of every source prints.
  assert.equal(second.messages, paired.first.messages);
  assert.equal(snapshot(paired.dir), paired.before);
});

test('one sentence edited in the Chinese document: only it is parsed again, only its reply gets new bytes and a new time', () => {
  const file = path.join(paired.dir, 'content/sources/2023-24/zh-2023-24-ITIB.txt');
  const lines = readFileSync(file, 'utf8').split('\n');
  // As the benchmark edits (src/bench/run-bench.ts editOneReply): a sentence well inside the replies.
  const at = lines.findIndex((line, i) => i > lines.length * 0.6 && line.includes('。') && line.trim().length > 10);
  lines[at] = lines[at]!.replace('。', '，並經測試修訂。');
  writeFileSync(file, lines.join('\n'));
  const edited = ingest(paired.dir, paired.cache);
  assert.match(edited.time, /\(2 of 3 sources reused from /);
  assert.match(edited.time, /\(1 files written in 1 folders, 266 unchanged, /);
  const after = snapshot(paired.dir);
  assert.equal([...after.keys()], [...paired.before.keys()]);
  const changed = [...after].filter(([rel, f]) => f.text !== paired.before.get(rel)!.text).map(([rel]) => rel);
  const touched = [...after].filter(([rel, f]) => f.mtimeMs !== paired.before.get(rel)!.mtimeMs || f.ino !== paired.before.get(rel)!.ino).map(([rel]) => rel);
  assert.is(changed.length, 1);
  assert.equal(touched, changed);
  assert.match(after.get(changed[0]!)!.text, /並經測試修訂/);
  // And what it wrote is what a parse of every source makes.
  assert.equal(ingest(paired.dir, tempDir('ingest-cache'), '--check').messages.at(-2), 'content/ matches the sources');
});

test('--check reads every file: one changed in place with its size and time kept fails it, warm cache or not', () => {
  const file = path.join(paired.dir, 'content/replies/2023-24/itib002.md');
  const st = statSync(file);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace('答覆', '答复'));
  utimesSync(file, st.atime, st.mtime);
  const r = run(paired.dir, paired.cache, '--check');
  assert.is(r.status, 1);
  assert.match(r.stderr, /differs: content\/replies\/2023-24\/itib002\.md/);
});

/** The English sample and the background paper, with a title override for the English ITIB001: documents that parse in a moment. */
function smallRoot(): string {
  const dir = tempDir('ingest-small');
  mkdirSync(path.join(dir, 'content/sources/2023-24'), { recursive: true });
  cpSync(path.join(root, 'content/sources/background'), path.join(dir, 'content/sources/background'), { recursive: true });
  cpSync(EN_SAMPLE, path.join(dir, EN_SOURCE));
  cpSync(EN_SAMPLE.replace(/\.txt$/, '.meta.json'), path.join(dir, EN_SOURCE.replace(/\.txt$/, '.meta.json')));
  writeTitle(dir, 'Funding of the green technology week');
  return dir;
}

function writeTitle(dir: string, title: string): void {
  mkdirSync(path.join(dir, 'content/patches'), { recursive: true });
  writeFileSync(path.join(dir, 'content/patches/titles.json'), JSON.stringify({ en: { '2023-24/ITIB001': { title, why: 'a test of the parse cache' } } }));
}

/** Everything a run gives, files by their bytes: what must not depend on the cache. */
const everything = (r: ArchiveRun) => JSON.stringify({ ...r.result, files: [...r.result.files].map(([rel, f]) => [rel, f.sha256, f.bytes().toString('utf8')]) });

function runWith(dir: string, cacheDir: string, code?: string): Promise<ArchiveRun> {
  return generateArchive(dir, readTitles(dir), openParseCache(cacheDir, code));
}

const entryOf = (cacheDir: string, fragment: string) => {
  const name = readdirSync(cacheDir).find((n) => n.endsWith('.json') && readFileSync(path.join(cacheDir, n)).includes(fragment));
  assert.ok(name, `no entry holding ${fragment}`);
  return path.join(cacheDir, name!);
};

test('a result from the cache is the result of parsing, and the cache is used only while every input and the code are as they were', async () => {
  const dir = smallRoot();
  const cacheDir = tempDir('ingest-cache');
  const parsed = await generateArchive(dir, readTitles(dir), null);
  const cold = await runWith(dir, cacheDir);
  assert.is(cold.reused, 0);
  assert.is(everything(cold), everything(parsed));
  const warm = await runWith(dir, cacheDir);
  assert.is(warm.reused, 2);
  assert.is(everything(warm), everything(parsed));
  // Other code: nothing reused.
  assert.is((await runWith(dir, cacheDir, 'f'.repeat(64))).reused, 0);
  assert.is((await runWith(dir, cacheDir)).reused, 0, 'entries of the other code replaced this code\'s');
  assert.is((await runWith(dir, cacheDir)).reused, 2);
  // Its text changed: that document is parsed again (its folder's record no longer matches).
  const text = path.join(dir, EN_SOURCE);
  writeFileSync(text, readFileSync(text, 'utf8').replace('Reply:', 'Reply: '));
  const edited = await runWith(dir, cacheDir);
  assert.is(edited.reused, 1);
  assert.is(everything(edited), everything(await generateArchive(dir, readTitles(dir), null)));
  // Its .meta.json changed: that document is parsed again.
  const meta = path.join(dir, EN_SOURCE.replace(/\.txt$/, '.meta.json'));
  writeFileSync(meta, readFileSync(meta, 'utf8').replace('test fixture', 'test fixture, renamed'));
  const renamed = await runWith(dir, cacheDir);
  assert.is(renamed.reused, 1);
  assert.is(everything(renamed), everything(await generateArchive(dir, readTitles(dir), null)));
});

test('a title override changed in titles.json parses again the document it corrects, and only that one', async () => {
  const dir = smallRoot();
  const cacheDir = tempDir('ingest-cache');
  await runWith(dir, cacheDir);
  writeTitle(dir, 'Staff and spending of the green technology week');
  const r = await runWith(dir, cacheDir);
  assert.is(r.reused, 1);
  assert.match(r.result.files.get('content/replies/2023-24/itib001.en.md')!.bytes().toString('utf8'), /^title: Staff and spending of the green technology week$/m);
  assert.is(everything(r), everything(await generateArchive(dir, readTitles(dir), null)));
});

test('a damaged entry is not trusted: a changed byte or a cut in its facts parses the document again, in its files gives them from a new parse', async () => {
  const dir = smallRoot();
  const cacheDir = tempDir('ingest-cache');
  const parsed = everything(await generateArchive(dir, readTitles(dir), null));
  await runWith(dir, cacheDir);
  // A byte of the facts (the JSON after the header line) changed.
  const entry = entryOf(cacheDir, 'en-2023-24-ITIB.txt');
  const bytes = readFileSync(entry);
  const inFacts = bytes.indexOf('"replies":') + '"replies":'.length;
  bytes[inFacts] = bytes[inFacts] === 0x33 ? 0x34 : 0x33;
  writeFileSync(entry, bytes);
  const flipped = await runWith(dir, cacheDir);
  assert.is(flipped.reused, 1);
  assert.is(everything(flipped), parsed);
  // Cut short inside its facts.
  const again = entryOf(cacheDir, 'en-2023-24-ITIB.txt');
  truncateSync(again, readFileSync(again).indexOf('"editions":'));
  const cut = await runWith(dir, cacheDir);
  assert.is(cut.reused, 1);
  assert.is(everything(cut), parsed);
  // A byte of its files changed, or the files cut short: the facts are used, the files come from a new parse, the entry goes.
  const flipNearEnd = (b: Buffer) => {
    b[b.length - 2] = b[b.length - 2]! ^ 0x01;
    return b;
  };
  const cutShort = (b: Buffer) => b.subarray(0, b.length - 100);
  for (const damage of [flipNearEnd, cutShort]) {
    const third = entryOf(cacheDir, 'en-2023-24-ITIB.txt');
    writeFileSync(third, damage(readFileSync(third)));
    const damagedFiles = await runWith(dir, cacheDir);
    assert.is(damagedFiles.reused, 2);
    assert.is(everything(damagedFiles), parsed);
    assert.not.ok(existsSync(third));
    assert.is((await runWith(dir, cacheDir)).reused, 1);
  }
});

test('documents parsed in worker threads give what one thread gives, and a document that cannot be parsed stops the run naming its file and line, as in one thread', async () => {
  const dir = pairedRoot();
  const oneThread = everything(await generateArchive(dir, readTitles(dir), null, 1));
  assert.is(everything(await generateArchive(dir, readTitles(dir), null, 2)), oneThread);
  const cacheDir = tempDir('ingest-cache');
  const threaded = await generateArchive(dir, readTitles(dir), openParseCache(cacheDir), 2);
  assert.is(threaded.reused, 0);
  assert.is(everything(threaded), oneThread);
  // What the threads stored is what the next run reads back.
  const warm = await runWith(dir, cacheDir);
  assert.is(warm.reused, 3);
  assert.is(everything(warm), oneThread);
  // The background paper's metadata without its slug: the same error, with its file and line, from a thread.
  const meta = path.join(dir, 'content/sources/background/background-zh-2015-12-14-ITB-paper.meta.json');
  const { slug: _slug, ...rest } = JSON.parse(readFileSync(meta, 'utf8')) as Record<string, unknown>;
  writeFileSync(meta, JSON.stringify(rest));
  const failure = async (threads: number) => {
    try {
      await generateArchive(dir, readTitles(dir), null, threads);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  const inOne = await failure(1);
  assert.match(inOne, /^content\/sources\/background\/background-zh-2015-12-14-ITB-paper\.meta\.json:1: background metadata needs "slug"$/);
  assert.is(await failure(2), inOne);
});

/** The facts of a run (no files, no editions): what a year kept as recorded must give as if read. */
const factsOf = (r: ArchiveRun) => JSON.stringify({ summary: r.result.summary, warnings: r.result.warnings, indexAgreement: r.result.indexAgreement, seams: r.result.seams, audit: r.result.audit });

test('a year written by the last run is kept without reading its sources: the same report and facts, its files as its sources make them', async () => {
  const dir = pairedRoot();
  const cache = tempDir('ingest-cache');
  const first = ingest(dir, cache);
  assert.not.match(first.time, /year folder/);
  const before = snapshot(dir);
  const second = ingest(dir, cache);
  assert.match(second.time, /\(3 of 3 sources reused from [^;]+; 1 year folder\(s\) as recorded, their sources not read\), /);
  assert.match(second.time, /\(0 files written in 0 folders, 267 unchanged, 0 read to compare\)/);
  assert.equal(second.messages, first.messages);
  assert.equal(snapshot(dir), before);
  // Through the API: the facts of a run that reads every source, and the year's files from its sources when asked for.
  const full = await generateArchive(dir, readTitles(dir), null);
  const kept = await generateArchive(dir, readTitles(dir), openParseCache(path.join(cache, 'ingest')), undefined, true);
  assert.equal(kept.kept.map((k) => [k.dir, k.files]), [['content/replies/2023-24', 266]]);
  assert.is(factsOf(kept), factsOf(full));
  assert.equal([...kept.result.files.keys()], [...full.result.files.keys()].filter((rel) => rel.startsWith('content/pages/background/')));
  const year = [...full.result.files].filter(([rel]) => rel.startsWith('content/replies/2023-24/')).map(([rel, f]) => [path.posix.basename(rel), f.sha256]);
  assert.equal([...kept.kept[0]!.expand()].map(([name, f]) => [name, f.sha256]).sort(), year.sort());
  // A file of the year changed by hand is put back from its source, the year still not parsed.
  const file = path.join(dir, 'content/replies/2023-24/itib002.md');
  writeFileSync(file, readFileSync(file, 'utf8') + 'a line added by hand\n');
  const mended = ingest(dir, cache);
  assert.match(mended.time, /1 year folder\(s\) as recorded.*\(1 files written in 1 folders, 266 unchanged, /, mended.time);
  assert.equal(mended.messages, first.messages);
  assert.equal([...snapshot(dir)].map(([rel, f]) => [rel, f.text]), [...before].map(([rel, f]) => [rel, f.text]));
});

test('a year is read again when a source of it is removed or its title overrides change, and kept again after', () => {
  const dir = pairedRoot();
  const cache = tempDir('ingest-cache');
  ingest(dir, cache);
  // A title override for the year: its sources are read, the English title is the override.
  const titles = path.join(dir, 'content/patches/titles.json');
  const original = readFileSync(titles, 'utf8');
  const json = JSON.parse(original) as Record<string, Record<string, unknown>>;
  json.en = { ...(json.en ?? {}), '2023-24/ITIB001': { title: 'Funding of the green technology week', why: 'a test of the kept years' } };
  writeFileSync(titles, JSON.stringify(json));
  const retitled = ingest(dir, cache);
  assert.not.match(retitled.time, /year folder/);
  assert.match(retitled.time, /\(1 files written in 1 folders, /);
  assert.match(readFileSync(path.join(dir, 'content/replies/2023-24/itib001.en.md'), 'utf8'), /^title: Funding of the green technology week$/m);
  assert.match(ingest(dir, cache).time, /1 year folder\(s\) as recorded/);
  // The override taken out again: read again, the derived title back.
  writeFileSync(titles, original);
  assert.not.match(ingest(dir, cache).time, /year folder/);
  assert.not.match(readFileSync(path.join(dir, 'content/replies/2023-24/itib001.en.md'), 'utf8'), /^title: Funding of the green technology week$/m);
  assert.match(ingest(dir, cache).time, /1 year folder\(s\) as recorded/);
  // The English source removed: the year is read, its English editions go, the Chinese stay.
  const english = snapshot(dir);
  rmSync(path.join(dir, EN_SOURCE));
  rmSync(path.join(dir, EN_SOURCE.replace(/\.txt$/, '.meta.json')));
  const removed = ingest(dir, cache);
  assert.not.match(removed.time, /year folder/);
  const after = snapshot(dir);
  assert.equal([...after.keys()], [...english.keys()].filter((rel) => !rel.endsWith('.en.md')));
  assert.ok([...after].every(([rel, f]) => f.text === english.get(rel)!.text));
  assert.match(ingest(dir, cache).time, /1 year folder\(s\) as recorded/);
  assert.equal(ingest(dir, tempDir('ingest-cache'), '--check').messages.at(-2), 'content/ matches the sources');
});

test.run();
