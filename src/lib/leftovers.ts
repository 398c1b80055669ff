/**
 * What an interrupted writer leaves beside an output folder `<out>`:
 * - `<out>.partial` — the folder a build was writing when it died;
 * - `<out>.old-<pid>[-<time>]` — the previous site, renamed away at the swap and
 *   to be deleted by a detached process, left for ever when that process was
 *   killed too (26 MB per killed build, issue 21); named after the build, then
 *   after its deleter once that runs (delete-later.ts), so it is left to a
 *   deleter still at work;
 * - `<out>.partial-<pid>…`, `<out>.<pid>.tmp` — per-process temporaries (cache
 *   entries, lock files being written).
 * Each is removed once the process named in it is gone; `<out>.partial` names
 * none, so it is removed only by the holder of the output lock (no other
 * writer can be using it then).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { holdsOutputLock } from './output-lock.ts';
import { running } from './processes.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The leftovers of `outDir` that may be removed now, as absolute paths. */
export function leftovers(outDir: string): string[] {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  if (!existsSync(parent)) return [];
  const base = escape(path.basename(out));
  const withPid = new RegExp(`^${base}(?:\\.old-|\\.partial-|\\.)(\\d+)(?:[-.].*)?$`);
  const found: string[] = [];
  for (const name of readdirSync(parent)) {
    if (name === `${path.basename(out)}.partial`) {
      if (holdsOutputLock(out)) found.push(path.join(parent, name));
      continue;
    }
    const pid = withPid.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !running(Number(pid))) found.push(path.join(parent, name));
  }
  return found.sort();
}

/** Removes the leftovers of `outDir` whose process is gone; returns what was removed. */
export function removeLeftovers(outDir: string): string[] {
  const found = leftovers(outDir);
  for (const p of found) removeQuietly(p);
  return found;
}

/**
 * Half-written cache entries in a cache folder (`<key>.partial-<pid>-<n>`,
 * from cacheTemp) whose writer is gone: removed; returns what was removed.
 * For a cache folder whose entry names the caller does not know in advance
 * (`.cache/units/<year>/`).
 */
export function removeDeadCacheTemps(cacheDir: string): string[] {
  if (!existsSync(cacheDir)) return [];
  const found = readdirSync(cacheDir)
    .filter((name) => {
      const pid = /\.partial-(\d+)-\d+$/.exec(name)?.[1];
      return pid !== undefined && Number(pid) !== process.pid && !running(Number(pid));
    })
    .map((name) => path.join(cacheDir, name))
    .sort();
  for (const p of found) removeQuietly(p);
  return found;
}

/**
 * Best effort: a `.old-*` folder may still be being deleted by the detached
 * process of the build that swapped it away (named after that build, which
 * has exited), and two deleters of one tree race on its files. What is left
 * is found again by the next writer; a leftover must never fail a build.
 */
function removeQuietly(p: string): void {
  try {
    rmSync(p, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    /* the next writer tries again */
  }
}
