/**
 * A build script's child process started before its input is known
 * (src/lib/child-script.ts: a year's unit loads its modules while the build
 * reads the years' files): handed its input, it runs once; let go, it ends
 * without running; dead before its input, the build's error names it. Hints
 * given before its input reach it first, in order (a unit's process reads an
 * edited year's editions while the build checks the other years).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startChildScript } from '../../src/lib/child-script.ts';
import { tempDir } from '../support/builds.ts';

const CHILD_SCRIPT = new URL('../../src/lib/child-script.ts', import.meta.url).href;

/**
 * A script that marks that it has loaded, then writes its input's `text` to its input's `out`, through
 * childScriptMain, followed by the hints it was given before (` hinted: 2006-07,null`) if any.
 */
function writerScript(dir: string): string {
  const file = path.join(dir, 'writer.mts');
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';
import { childScriptMain } from '${CHILD_SCRIPT}';
writeFileSync(${JSON.stringify(path.join(dir, 'loaded'))}, '');
const hints: unknown[] = [];
await childScriptMain<{ out: string; text: string }, string>(
  'writer.mts',
  () => 'writer',
  (input) => writeFileSync(input.out, input.text + (hints.length ? \` hinted: \${hints.join(',')}\` : '')),
  (hint) => void hints.push(hint),
);
`,
  );
  return file;
}

/** Keeps this process alive while a released child (unref'd) ends. */
async function alive<T>(p: Promise<T>): Promise<T> {
  const timer = setInterval(() => {}, 1000);
  try {
    return await p;
  } finally {
    clearInterval(timer);
  }
}

test('a started child runs its input once, and its input file is removed', async () => {
  const dir = tempDir('child-run');
  const child = startChildScript(writerScript(dir));
  const out = path.join(dir, 'out.txt');
  const inputFile = path.join(dir, 'input.json');
  await child.run({ out, text: '數碼港 ran' }, inputFile, 'writer');
  assert.is(readFileSync(out, 'utf8'), '數碼港 ran');
  assert.not.ok(existsSync(inputFile), 'the input file is removed');
  assert.throws(() => child.run({ out, text: 'again' }, inputFile, 'writer'), /runs once/);
});

test('a started child begins on its input while the parent is still busy (before its event loop turns)', async () => {
  const dir = tempDir('child-busy-parent');
  const child = startChildScript(writerScript(dir));
  const out = path.join(dir, 'out.txt');
  const ran = child.run({ out, text: 'began' }, path.join(dir, 'input.json'), 'writer');
  // The parent holds its thread (as the build does, reading the reused years while a unit builds): the child must
  // not wait for the end of its standard input, which is closed only when this loop lets the event loop turn.
  const until = Date.now() + 60_000;
  while (!existsSync(out) && Date.now() < until) {
    // busy: no await, no timer
  }
  const began = existsSync(out);
  await ran;
  assert.ok(began, 'the child wrote its output while the parent had not yet let its event loop turn');
  assert.is(readFileSync(out, 'utf8'), 'began');
});

test('hints given to a started child reach it before its input, in order; one given after is ignored', async () => {
  const dir = tempDir('child-hints');
  const child = startChildScript(writerScript(dir));
  const out = path.join(dir, 'out.txt');
  child.hint('2006-07');
  child.hint(null);
  child.hint('2023-24');
  const ran = child.run({ out, text: '數碼港 ran' }, path.join(dir, 'input.json'), 'writer');
  child.hint('too late');
  await ran;
  assert.is(readFileSync(out, 'utf8'), '數碼港 ran hinted: 2006-07,,2023-24');
});

test('a started child let go ends without running', async () => {
  const dir = tempDir('child-release');
  const child = startChildScript(writerScript(dir));
  await alive(child.release());
  assert.equal(readdirSync(dir).sort(), ['loaded', 'writer.mts'], 'loaded, and nothing written');
});

test("a child that dies before its input fails the run, naming what it was for", async () => {
  const dir = tempDir('child-dies');
  const script = path.join(dir, 'broken.mts');
  writeFileSync(script, `throw new Error('broken on load');\n`);
  const child = startChildScript(script);
  try {
    await child.run({}, path.join(dir, 'input.json'), 'unit 2023-24');
    assert.unreachable('the run should fail');
  } catch (err) {
    assert.match((err as Error).message, /^unit 2023-24: its build process failed \(exit 1\)/);
  }
  assert.not.ok(existsSync(path.join(dir, 'input.json')), 'the input file is removed');
});

test.run();
