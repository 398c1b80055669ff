/**
 * A function called in a worker thread (src/lib/thread-call.ts, used by a year's
 * unit for its share cards and an edit's search index) answers as it would here,
 * and its failure reaches the caller with the function's own message, so a build
 * fails naming what went wrong.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { callInThread, mapInThreads, startThread } from '../../src/lib/thread-call.ts';
import { readEditionFile } from '../../src/model/content-files.ts';
import { markdownToText } from '../../src/model/text.ts';
import { CONTENT_DIR } from '../support/site.ts';
import { readRecords } from '../../src/search/records.ts';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFileWhole } from '../../src/lib/cache-entry.ts';
import { BACKGROUND_NICE, threadNice } from '../../src/lib/thread-priority.ts';
import { pathToFileURL } from 'node:url';
import { buildCodeHash, REPO_ROOT } from '../../src/lib/code-hash.ts';
import { COMPILED_DIR, compiledModule } from '../../src/lib/compiled-module.ts';
import { tempDir } from '../support/builds.ts';
import { readSourceMeta } from '../../src/model/source-meta.ts';
import path from 'node:path';

const TEXT = new URL('../../src/model/text.ts', import.meta.url);
const FILES = new URL('../../src/model/content-files.ts', import.meta.url);
const RECORDS = new URL('../../src/search/records.ts', import.meta.url);
const META = new URL('../../src/model/source-meta.ts', import.meta.url);
const CODE_HASH = new URL('../../src/lib/code-hash.ts', import.meta.url);
const CACHE_ENTRY = new URL('../../src/lib/cache-entry.ts', import.meta.url);
const PRIORITY = new URL('../../src/lib/thread-priority.ts', import.meta.url);

test("the replies' search records made in a worker thread are those made here", async () => {
  const here = readRecords(CONTENT_DIR);
  assert.ok(here.length >= 263, `${here.length} records`);
  assert.equal(await callInThread<typeof readRecords>(RECORDS, 'readRecords', CONTENT_DIR), here);
  const file = path.join(CONTENT_DIR, 'replies', '2023-24', readdirSync(path.join(CONTENT_DIR, 'replies', '2023-24')).filter((f) => f.endsWith('.md')).sort()[0]!);
  const body = readEditionFile(file, file).body;
  assert.is(await callInThread<typeof markdownToText>(TEXT, 'markdownToText', body), markdownToText(body));
});

test("a failure in the thread rejects with the function's own message", async () => {
  const missing = path.join(CONTENT_DIR, 'replies', 'no-such-year', 'ITIB001.md');
  let message = '';
  await callInThread<typeof readEditionFile>(FILES, 'readEditionFile', missing, missing).catch((e: Error) => (message = e.message));
  assert.match(message, 'no-such-year');
  await callInThread(TEXT, 'noSuchFunction').catch((e: Error) => (message = e.message));
  assert.match(message, 'exports no function noSuchFunction');
});

test('a thread started ahead answers its calls in order, a failed call not ending it, and no call after it is ended', async () => {
  const files = readdirSync(path.join(CONTENT_DIR, 'replies', '2023-24')).filter((f) => f.endsWith('.md')).sort().slice(0, 3);
  const bodies = files.map((f) => readEditionFile(path.join(CONTENT_DIR, 'replies', '2023-24', f), f).body);
  const thread = startThread(TEXT);
  try {
    // Asked at once: each answer is its own call's.
    const answers = await Promise.all([
      ...bodies.map((b) => thread.call<typeof markdownToText>('markdownToText', b)),
      thread.call('noSuchFunction').catch((e: Error) => e.message),
      thread.call<typeof markdownToText>('markdownToText', bodies[0]!),
    ]);
    assert.equal(answers.slice(0, 3), bodies.map((b) => markdownToText(b)));
    assert.match(String(answers[3]), 'exports no function noSuchFunction');
    assert.is(answers[4], markdownToText(bodies[0]!));
  } finally {
    await thread.end();
  }
  let message = '';
  await thread.call<typeof markdownToText>('markdownToText', bodies[0]!).catch((e: Error) => (message = e.message));
  assert.match(message, 'after its thread ended');
});

test('calls spread over threads give their answers in the order of the calls; of several failures, the earliest call\'s is thrown', async () => {
  const dir = path.join(CONTENT_DIR, 'replies', '2023-24');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort().slice(0, 7).map((f) => path.join(dir, f));
  const bodies = files.map((f) => readEditionFile(f, f).body);
  assert.equal(await mapInThreads<typeof markdownToText>(TEXT, 'markdownToText', bodies.map((b) => [b] as const), 3), bodies.map((b) => markdownToText(b)));
  assert.equal(await mapInThreads<typeof markdownToText>(TEXT, 'markdownToText', [], 3), []);
  // Sources' metadata, two of them not JSON: the first of those by call (not by time) is the one named.
  const dir2 = tempDir('map-in-threads');
  const names = ['a', 'b', 'first-bad', 'c', 'second-bad'];
  for (const n of names) writeFileSync(path.join(dir2, `${n}.meta.json`), n.endsWith('bad') ? '{' : JSON.stringify({ year: '2023-24', title: n }));
  const calls = names.map((n) => [path.join(dir2, `${n}.txt`)] as const);
  assert.equal(await mapInThreads<typeof readSourceMeta>(META, 'readSourceMeta', calls.slice(0, 2), 2), [{ year: '2023-24', title: 'a' }, { year: '2023-24', title: 'b' }]);
  let message = '';
  await mapInThreads<typeof readSourceMeta>(META, 'readSourceMeta', calls, 2).catch((e: Error) => (message = e.message));
  assert.is(message, `${path.join(dir2, 'first-bad.meta.json')}:1: not valid JSON`);
});

test('a thread runs its module compiled ahead, which finds its files where the source is; a module that does not compile fails naming it', async () => {
  // The code hash is computed in the thread from its module's own folder (import.meta.dirname, kept as the source's).
  const here = buildCodeHash();
  assert.is(await callInThread<typeof buildCodeHash>(CODE_HASH, 'buildCodeHash'), here);
  const compiled = compiledModule(CODE_HASH);
  assert.ok(compiled.pathname.startsWith(pathToFileURL(COMPILED_DIR).pathname) && compiled.pathname.endsWith('/src/lib/code-hash.mjs'), compiled.pathname);
  // A broken module inside the repository (test/ is not part of the code hash, so no other test is affected).
  const broken = path.join(REPO_ROOT, 'test', `broken-module-${process.pid}.ts`);
  writeFileSync(broken, 'export const x = ;\n');
  try {
    let message = '';
    await callInThread(pathToFileURL(broken), 'x').catch((e: Error) => (message = e.message));
    assert.match(message, `compiling test/broken-module-${process.pid}.ts to run without tsx`);
    assert.match(message, 'Unexpected');
  } finally {
    rmSync(broken, { force: true });
  }
});

test('a call to an idle thread reaches it as it is made, while the caller still holds its own thread', async () => {
  // A unit hands its SQLite thread the year's rows and goes on writing its other exports for seconds in the same
  // run of its thread: the rows must be the thread's from the call, not from the caller's next await.
  const file = path.join(tempDir('thread-call-at-once'), 'written');
  const thread = startThread(CACHE_ENTRY);
  try {
    const call = thread.call<typeof writeFileWhole>('writeFileWhole', file, 'written by the thread');
    call.catch(() => {}); // awaited below, once the assertion has passed
    const until = Date.now() + 60_000;
    while (!existsSync(file) && Date.now() < until) {
      // held: no await, no timer, as the unit's exports hold it
    }
    assert.ok(existsSync(file), 'the thread wrote the file while the caller held its thread');
    await call;
    assert.is(readFileSync(file, 'utf8'), 'written by the thread');
  } finally {
    await thread.end();
  }
});

test('a call made while the thread answers another reaches it when that one is answered, while the caller still holds its own thread', async () => {
  // An edit's unit asks its search thread for the year's plan while the thread still keys the pages, then lists
  // its cards and writes its exports in the same run of its thread: the plan must be begun when the keying is
  // done, not when the unit next awaits.
  const dir = tempDir('thread-call-in-turn');
  const [first, second] = [path.join(dir, 'first'), path.join(dir, 'second')];
  const thread = startThread(CACHE_ENTRY);
  try {
    const calls = [
      thread.call<typeof writeFileWhole>('writeFileWhole', first, 'the first call'),
      thread.call<typeof writeFileWhole>('writeFileWhole', second, 'the second call'),
    ];
    for (const call of calls) call.catch(() => {}); // awaited below, once the assertion has passed
    const until = Date.now() + 20_000;
    while (!existsSync(second) && Date.now() < until) {
      // held: no await, no timer, as the unit's exports hold it
    }
    assert.ok(existsSync(second), 'the thread answered the second call while the caller held its thread');
    await Promise.all(calls);
    assert.is(readFileSync(first, 'utf8'), 'the first call');
    assert.is(readFileSync(second, 'utf8'), 'the second call');
  } finally {
    await thread.end();
  }
});

test('a thread started in the background runs at a lower priority (on Linux), and the caller\'s own priority is unchanged', async () => {
  const before = threadNice();
  const background = startThread(PRIORITY, { background: true });
  const ordinary = startThread(PRIORITY);
  try {
    const [low, usual] = await Promise.all([background.call<typeof threadNice>('threadNice'), ordinary.call<typeof threadNice>('threadNice')]);
    if (process.platform !== 'linux') return assert.is(low, null);
    assert.is(low, Math.max(before!, BACKGROUND_NICE), 'the background thread yields');
    assert.is(usual, before, 'a thread started as usual does not');
    assert.is(threadNice(), before, "the caller's thread is as it was");
  } finally {
    await Promise.all([background.end(), ordinary.end()]);
  }
});

test('a call whose arguments cannot be sent to the thread fails with why, and the thread answers the calls after it', async () => {
  const thread = startThread(TEXT);
  try {
    let message = '';
    const unsendable = thread.call<typeof markdownToText>('markdownToText', (() => 'a function') as unknown as string).catch((e: Error) => (message = e.message));
    const next = thread.call<typeof markdownToText>('markdownToText', '**粗體**');
    await unsendable;
    assert.match(message, /could not be cloned/);
    assert.is(await next, markdownToText('**粗體**'));
  } finally {
    await thread.end();
  }
});

test.run();
