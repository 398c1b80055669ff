/**
 * Folders deleted in a process of their own that outlives the build: deleting
 * a year's 41,000 files (a unit's previous cache entry, a previous site) took
 * 15–19 s at 20,000 replies and 18 s for one 5,500-reply year at load 5–6
 * (the build's `stored in` figure, 2026-12-03), which nothing waits for.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { running } from './processes.ts';

/** What the detached process runs: argv[1] the folder, argv[2] (may be empty) the name to claim it by, `<pid>` standing for its own pid. */
const DELETE = `const fs = require("node:fs");
let [dir, claim] = process.argv.slice(1);
if (claim) {
  const to = claim.replace("<pid>", String(process.pid));
  try { fs.renameSync(dir, to); dir = to; } catch {}
}
fs.rmSync(dir, { recursive: true, force: true });`;

/**
 * Removes `dir` in a detached process; if that process is killed, the folder stays where it is for its owner's
 * leftovers rule to find. `claim`: a name for the folder with `<pid>` in it, which the process renames it to
 * first, so that a leftovers rule (a folder named after a process that is gone may be removed) leaves it to its
 * deleter while that runs. Without it the next build removed the previous site itself, racing the deleter on the
 * same files: 5.9 of an edit's 7.2 CPU s in the build's own process when builds followed each other (--cpu-prof of
 * the build after an edit of a 5,500-reply year, 2026-12-03, load 5-6; a year's 41,406 files take ~10 s to delete).
 */
export function deleteInBackground(dir: string, claim = ''): void {
  const child = spawn(process.execPath, ['-e', DELETE, dir, claim], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}

let counter = 0;
/** The trash folders swept in this process: one sweep each, not one process per leftover per call. */
const swept = new Set<string>();

/** The process a folder in the trash is named after (`<name>-<pid>-<time>-<n>`): its mover, then its deleter. */
const trashOwner = (name: string) => Number(/-(\d+)-\d+-\d+$/.exec(name)?.[1] ?? 0);

/**
 * Moves `dir` into `trash` (on the same file system: a rename) and deletes it
 * there in the background; whatever an earlier, killed deletion left in
 * `trash` is deleted too, once per process (not what a deleter still running
 * is deleting).
 */
export function deleteAside(dir: string, trash: string): void {
  mkdirSync(trash, { recursive: true });
  if (!swept.has(trash)) {
    swept.add(trash);
    for (const left of readdirSync(trash)) if (!running(trashOwner(left))) deleteInBackground(path.join(trash, left));
  }
  if (!existsSync(dir)) return;
  const tail = `${Date.now()}-${++counter}`;
  const aside = path.join(trash, `${path.basename(dir)}-${process.pid}-${tail}`);
  renameSync(dir, aside);
  deleteInBackground(aside, path.join(trash, `${path.basename(dir)}-<pid>-${tail}`));
}
