/**
 * Folders deleted in a process of their own that outlives the build: deleting
 * a year's 41,000 files (a unit's previous cache entry, a previous site) took
 * 15–19 s at 20,000 replies and 18 s for one 5,500-reply year at load 5–6
 * (the build's `stored in` figure, 2026-12-03), which nothing waits for.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';

/** Removes `dir` in a detached process; if that process is killed, the folder stays where it is for its owner's leftovers rule to find. */
export function deleteInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}

let counter = 0;
/** The trash folders swept in this process: one sweep each, not one process per leftover per call. */
const swept = new Set<string>();

/**
 * Moves `dir` into `trash` (on the same file system: a rename) and deletes it
 * there in the background; whatever an earlier, killed deletion left in
 * `trash` is deleted too, once per process.
 */
export function deleteAside(dir: string, trash: string): void {
  mkdirSync(trash, { recursive: true });
  if (!swept.has(trash)) {
    swept.add(trash);
    for (const left of readdirSync(trash)) deleteInBackground(path.join(trash, left));
  }
  if (!existsSync(dir)) return;
  const aside = path.join(trash, `${path.basename(dir)}-${process.pid}-${Date.now()}-${++counter}`);
  renameSync(dir, aside);
  deleteInBackground(aside);
}
