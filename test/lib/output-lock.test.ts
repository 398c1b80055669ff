/**
 * One writer per output folder (issue 21): a second writer refuses (or waits)
 * naming the holder; a holder killed with SIGKILL (no exit handler runs)
 * leaves a lock the next writer takes over; leftovers of dead processes are
 * removed and a live process's are kept; two writers of one cache entry leave
 * it whole.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cacheTemp, commitCacheEntry } from '../../src/lib/cache-entry.ts';
import { removeDeadCacheTemps, removeLeftovers } from '../../src/lib/leftovers.ts';
import { acquireOutputLock, lockFile, withOutputLock } from '../../src/lib/output-lock.ts';
import { swapInto } from '../../src/lib/swap-output.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'legco-lock-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** A process of its own holding the lock of `out` until it is killed. */
function holder(out: string): Promise<ChildProcess> {
  const code = `const m = await import(${JSON.stringify(path.join(ROOT, 'src/lib/output-lock.ts'))}); await m.acquireOutputLock(process.argv[1]); console.log('held'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    child.stdout!.once('data', () => ok(child));
    child.once('exit', (c) => fail(new Error(`holder exited ${c}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((ok) => (child.exitCode !== null || child.signalCode !== null ? ok(null) : child.once('exit', ok)));

test('a second writer refuses with one line naming the holder; a SIGKILLed holder releases the lock', async () => {
  const out = path.join(scratch, 'site-a');
  const child = await holder(out);
  try {
    let message = '';
    try {
      await acquireOutputLock(out, { waitMs: 0 });
    } catch (err) {
      message = (err as Error).message;
    }
    assert.match(message, `pid ${child.pid} on ${os.hostname()}`);
    assert.not.match(message, '\n');
  } finally {
    child.kill('SIGKILL');
    await exited(child);
  }
  // SIGKILL ran no exit handler: the lock file is still there, naming a process that is gone.
  assert.ok(existsSync(lockFile(out)), 'the kill left no lock file: this test no longer tests a stale lock');
  const release = await acquireOutputLock(out, { waitMs: 0 });
  assert.is(JSON.parse(readFileSync(lockFile(out), 'utf8')).pid, process.pid);
  release();
  assert.not.ok(existsSync(lockFile(out)));
});

test('a waiting writer says once whom it waits for and goes on when the holder is gone', async () => {
  const out = path.join(scratch, 'site-b');
  const child = await holder(out);
  const said: string[] = [];
  setTimeout(() => child.kill('SIGKILL'), 700);
  const ran = await withOutputLock(out, () => 'ran', { waitMs: 20_000, onWait: (l) => said.push(l) });
  assert.is(ran, 'ran');
  assert.is(said.length, 1);
  assert.match(said[0]!, `pid ${child.pid}`);
  await exited(child);
});

test('leftovers: a dead process\'s .old-* and .partial-* are removed, a live one\'s kept; .partial only under the lock', async () => {
  const out = path.join(scratch, 'site-c');
  // A pid that is certainly gone: a child that has exited.
  const dead = spawn(process.execPath, ['-e', '0']);
  await exited(dead);
  const names = [`site-c.old-${dead.pid}-1700000000000`, `site-c.partial-${dead.pid}-1`, `site-c.old-${process.pid}-1`, 'site-c.partial', 'site-cx.old-1-1'];
  for (const n of names) mkdirSync(path.join(scratch, n, 'x'), { recursive: true });
  assert.equal(removeLeftovers(out).map((p) => path.basename(p)), [`site-c.old-${dead.pid}-1700000000000`, `site-c.partial-${dead.pid}-1`]);
  await withOutputLock(out, () => removeLeftovers(out));
  const left = readdirSync(scratch).filter((n) => n.startsWith('site-c'));
  assert.equal(left.sort(), [`site-c.old-${process.pid}-1`, 'site-cx.old-1-1'].sort());
});

test('swapInto refuses without the lock and swaps with it', async () => {
  const out = path.join(scratch, 'site-d');
  mkdirSync(out);
  writeFileSync(path.join(out, 'index.html'), 'old');
  const work = `${out}.partial`;
  mkdirSync(work);
  writeFileSync(path.join(work, 'index.html'), 'new');
  assert.throws(() => swapInto(work, out), /without its output lock/);
  await withOutputLock(out, () => swapInto(work, out));
  assert.is(readFileSync(path.join(out, 'index.html'), 'utf8'), 'new');
  assert.not.ok(existsSync(work));
});

test('two writers of one cache entry: the first commit wins, the second is dropped, the entry is whole', () => {
  const final = path.join(scratch, 'cache', 'key1');
  mkdirSync(path.dirname(final), { recursive: true });
  const a = cacheTemp(final);
  const b = cacheTemp(final);
  for (const [t, text] of [[a, 'a'], [b, 'b']] as const) {
    mkdirSync(t);
    writeFileSync(path.join(t, 'one'), text);
    writeFileSync(path.join(t, 'two'), text);
  }
  assert.is(commitCacheEntry(a, final), true);
  assert.is(commitCacheEntry(b, final), false);
  assert.equal(readdirSync(final).sort(), ['one', 'two']);
  assert.is(readFileSync(path.join(final, 'two'), 'utf8'), 'a');
  assert.equal(readdirSync(path.dirname(final)), ['key1']);
});

test('a cache entry half-written by a killed writer is removed; a live writer\'s is kept', async () => {
  const dir = path.join(scratch, 'units-cache');
  const dead = spawn(process.execPath, ['-e', '0']);
  await exited(dead);
  for (const n of [`k1.partial-${dead.pid}-3`, `k2.partial-${process.pid}-1`, 'k3']) mkdirSync(path.join(dir, n), { recursive: true });
  assert.equal(removeDeadCacheTemps(dir).map((p) => path.basename(p)), [`k1.partial-${dead.pid}-3`]);
  assert.equal(readdirSync(dir).sort(), [`k2.partial-${process.pid}-1`, 'k3']);
});

test.run();
