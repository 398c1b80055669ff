/**
 * Publishing a finished folder: `workDir` (complete, every step succeeded)
 * takes the place of `outDir` by renames, so a reader of `outDir` sees the
 * previous site or the new one, never a mix or a half-written one. The caller
 * must hold the output lock (output-lock.ts): two writers swapping into one
 * folder published each other's half-built site (issue 21).
 */
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { holdsOutputLock } from './output-lock.ts';
import { deleteInBackground } from './delete-later.ts';

/** Swaps the finished `workDir` in as `outDir`; the previous `outDir` is deleted in the background. */
export function swapInto(workDir: string, outDir: string): void {
  const out = path.resolve(outDir);
  if (!holdsOutputLock(out)) throw new Error(`${out}: swapInto without its output lock (withOutputLock) could publish another writer's half-built folder`);
  if (!existsSync(out)) {
    renameSync(workDir, out);
    return;
  }
  const time = Date.now();
  const old = `${out}.old-${process.pid}-${time}`;
  renameSync(out, old);
  try {
    renameSync(workDir, out);
  } catch (err) {
    renameSync(old, out); // the previous site stays in place
    throw err;
  }
  // Named after its deleter once that runs (leftovers.ts leaves it alone while it does).
  deleteInBackground(old, `${out}.old-<pid>-${time}`);
}
