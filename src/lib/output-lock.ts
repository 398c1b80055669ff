/**
 * One writer at a time per output folder (`_site`, the offline site, the
 * ingest's content folders). Two builds into the same `_site` used to share
 * `_site.partial` and swap each other's half-written folder in: both reported
 * success over a site without index.html (issue 21).
 *
 * The lock is a file beside the folder, `<out>.lock` (the folder itself is
 * swapped away by the build), created with O_EXCL and holding the holder's
 * pid, host, /proc start time and start date. A second writer waits for it,
 * printing one line that names the holder, and refuses after
 * ARCHIVE_LOCK_WAIT seconds (default 600; 0 refuses at once). A lock whose
 * holder is gone (killed, crashed) is stale and taken over.
 */
import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { gone, thisProcess, type ProcessId } from './processes.ts';

export interface LockHolder extends ProcessId {
  /** ISO date the holder took the lock. */
  started: string;
}

export interface LockOptions {
  /** How long to wait for another holder, in ms; default from ARCHIVE_LOCK_WAIT (seconds) or 600 s. */
  waitMs?: number;
  /** Told once, when the lock is held by another process; default: console.error. */
  onWait?: (line: string) => void;
}

export const lockFile = (outDir: string) => `${path.resolve(outDir)}.lock`;

/** Locks this process holds, by output folder: swapInto refuses to publish into a folder it does not hold. */
const held = new Set<string>();

export function holdsOutputLock(outDir: string): boolean {
  return held.has(path.resolve(outDir));
}

/** Who holds the lock of `outDir`, or null (no lock, or one that cannot be read: being written). */
export function lockHolder(outDir: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(lockFile(outDir), 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

export function describeHolder(outDir: string, h: LockHolder): string {
  return `${path.relative(process.cwd(), path.resolve(outDir)) || outDir} is being written by pid ${h.pid} on ${h.host} (since ${h.started}; lock ${path.relative(process.cwd(), lockFile(outDir))})`;
}

/**
 * Creates the lock file whole or not at all: the holder is written to a file
 * of our own and hard-linked to the lock name, which fails if it exists, so a
 * reader never sees an empty lock.
 */
function tryCreate(file: string, me: LockHolder): boolean {
  const tmp = `${file}.${me.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(me)}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Takes over a stale lock: renames it to a name of our own first and checks
 * that what we renamed is the stale holder's, so two processes breaking the
 * same stale lock cannot both win (the loser finds a live holder in what it
 * renamed and puts it back).
 */
function breakStale(file: string, stale: LockHolder): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else broke it first
  }
  let moved: LockHolder | null = null;
  try {
    moved = JSON.parse(readFileSync(aside, 'utf8')) as LockHolder;
  } catch {
    /* unreadable: treat as the stale one */
  }
  if (moved && (moved.pid !== stale.pid || moved.started !== stale.started)) {
    try {
      linkSync(aside, file); // a live lock, put back
    } catch {
      /* a newer lock is in place already */
    }
  }
  rmSync(aside, { force: true });
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function defaultWaitMs(): number {
  const s = process.env.ARCHIVE_LOCK_WAIT;
  if (s === undefined || s === '') return 600_000;
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0) throw new Error(`ARCHIVE_LOCK_WAIT must be seconds (0 or more), got "${s}"`);
  return n * 1000;
}

/** Takes the lock of `outDir`, waiting for a live holder; returns the release function. */
export async function acquireOutputLock(outDir: string, options: LockOptions = {}): Promise<() => void> {
  const out = path.resolve(outDir);
  const file = lockFile(out);
  if (held.has(out)) throw new Error(`${out}: this process already holds its lock`);
  const me: LockHolder = { ...thisProcess(), started: new Date().toISOString() };
  const waitMs = options.waitMs ?? defaultWaitMs();
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    if (tryCreate(file, me)) break;
    const holder = lockHolder(out);
    if (!holder && existsSync(file) && Date.now() >= deadline) {
      throw new Error(`${file} is not a lock this tool wrote (unreadable); remove it if no build or ingest is running`);
    }
    if (holder && gone(holder)) {
      breakStale(file, holder);
      continue;
    }
    if (holder && Date.now() >= deadline) {
      throw new Error(`${describeHolder(out, holder)}; not waiting${waitMs > 0 ? ` longer than ${waitMs / 1000} s` : ''} (ARCHIVE_LOCK_WAIT)`);
    }
    if (holder && !told) {
      (options.onWait ?? console.error)(`${describeHolder(out, holder)}; waiting for it to finish`);
      told = true;
    }
    await sleep(200);
  }
  held.add(out);
  const release = () => {
    if (!held.delete(out)) return;
    // Only our own lock: never remove a lock someone broke and retook.
    const h = lockHolder(out);
    if (h && h.pid === me.pid && h.started === me.started) rmSync(file, { force: true });
  };
  // An ordinary exit (an uncaught error, process.exit) releases; a kill leaves a stale lock the next writer takes over.
  process.once('exit', release);
  return () => {
    process.removeListener('exit', release);
    release();
  };
}

/**
 * Runs `fn` holding the lock of `outDir`; the lock is released however `fn`
 * ends. Re-entrant within a process: build:offline holds its folder from the
 * build to the zip, and the build it calls takes the same lock.
 */
export async function withOutputLock<T>(outDir: string, fn: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  if (holdsOutputLock(outDir)) return await fn();
  const release = await acquireOutputLock(outDir, options);
  try {
    return await fn();
  } finally {
    release();
  }
}

/** Whether a lock file is there (for tests and messages). */
export const outputLocked = (outDir: string) => existsSync(lockFile(outDir));
