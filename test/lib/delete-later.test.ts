/**
 * Folders deleted by a process of their own (src/lib/delete-later.ts): the
 * previous site and a unit's previous cache entry. A folder a deleter is still
 * deleting is left to it (a build following another one within seconds removed
 * the previous site itself, racing that build's deleter on the same files); one
 * whose deleter is gone is deleted again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deleteAside, deleteInBackground } from '../../src/lib/delete-later.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'legco-delete-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const exited = (child: ChildProcess) => new Promise((ok) => (child.exitCode !== null || child.signalCode !== null ? ok(null) : child.once('exit', ok)));

/** Waits until `done()` holds, for at most 30 s (a detached process on a loaded machine). */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !done(); waited += 50) {
    if (waited > 30_000) throw new Error(`still waiting: ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

function folderWithFiles(dir: string, n: number): void {
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, 'sub', `${i}.html`), 'x');
}

test('a folder deleted with a claim is gone, under neither name', async () => {
  const dir = path.join(scratch, `site-a.old-${process.pid}-7`);
  folderWithFiles(dir, 20);
  deleteInBackground(dir, path.join(scratch, 'site-a.old-<pid>-7'));
  await until(() => readdirSync(scratch).every((n) => !n.startsWith('site-a.')), 'the folder deleted');
});

test('the trash is swept of what a gone deleter left, not of what a running one is deleting', async () => {
  const trash = path.join(scratch, 'trash');
  // A deleter still at work (a process that runs) and one that was killed (a process that has exited).
  const live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  const dead = spawn(process.execPath, ['-e', '0']);
  await exited(dead);
  try {
    const working = path.join(trash, `k1-${live.pid}-1700000000000-1`);
    const left = path.join(trash, `k2-${dead.pid}-1700000000000-1`);
    folderWithFiles(working, 3);
    folderWithFiles(left, 3);
    const entry = path.join(scratch, 'entry');
    folderWithFiles(entry, 3);
    deleteAside(entry, trash);
    assert.not.ok(existsSync(entry), 'moved into the trash at once');
    await until(() => !existsSync(left) && readdirSync(trash).every((n) => !n.startsWith('entry-')), 'the gone deleter\'s folder and the new one deleted');
    assert.ok(existsSync(working), 'a running deleter\'s folder is left to it');
  } finally {
    live.kill();
    await exited(live);
  }
});

test.run();
