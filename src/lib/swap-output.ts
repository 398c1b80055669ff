/**
 * Publishing a finished folder: `workDir` (complete, every step succeeded)
 * takes the place of `outDir` by renames, so a reader of `outDir` sees the
 * previous site or the new one, never a mix or a half-written one. The caller
 * must hold the output lock (output-lock.ts): two writers swapping into one
 * folder published each other's half-built site (issue 21).
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { holdsOutputLock } from './output-lock.ts';

/**
 * Removes `dir` in a process of its own that outlives this one: at 20,000
 * replies deleting a site's 60,000 files took 15–19 s, which the new site need
 * not wait for. If that process is killed, the folder's name
 * (`<out>.old-<pid>-<time>`) lets the next writer's removeLeftovers find it.
 */
function deleteInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}

/** Swaps the finished `workDir` in as `outDir`; the previous `outDir` is deleted in the background. */
export function swapInto(workDir: string, outDir: string): void {
  const out = path.resolve(outDir);
  if (!holdsOutputLock(out)) throw new Error(`${out}: swapInto without its output lock (withOutputLock) could publish another writer's half-built folder`);
  if (!existsSync(out)) {
    renameSync(workDir, out);
    return;
  }
  const old = `${out}.old-${process.pid}-${Date.now()}`;
  renameSync(out, old);
  try {
    renameSync(workDir, out);
  } catch (err) {
    renameSync(old, out); // the previous site stays in place
    throw err;
  }
  deleteInBackground(old);
}
