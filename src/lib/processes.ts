/**
 * Which process wrote a lock or a leftover folder, and whether it still runs.
 * A pid alone is not enough: after a reboot or a long uptime the number comes
 * back for an unrelated process, so on Linux the holder's start time (field 22
 * of /proc/<pid>/stat, clock ticks since boot) is recorded and compared too.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Start time of `pid` in clock ticks since boot, or null where /proc is not there. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ")".
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether a process with this id runs (signal 0 only asks; EPERM: it runs, as another user). */
export function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What identifies this process to another one: pid, host, start. */
export interface ProcessId {
  pid: number;
  host: string;
  /** /proc start time; null off Linux. */
  pidStart: string | null;
}

export function thisProcess(): ProcessId {
  return { pid: process.pid, host: os.hostname(), pidStart: processStart(process.pid) };
}

/**
 * Whether the process is certainly gone: same host, and its pid no longer runs
 * or now belongs to a process started at another time. A holder on another
 * host (a shared network folder) cannot be checked and counts as alive.
 */
export function gone(p: ProcessId): boolean {
  if (p.host !== os.hostname()) return false;
  if (p.pid === process.pid) return false;
  if (!running(p.pid)) return true;
  const start = processStart(p.pid);
  return p.pidStart !== null && start !== null && start !== p.pidStart;
}
