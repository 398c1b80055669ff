/**
 * Run one benchmark stage as a child process and measure it the way the issue
 * asks: wall seconds, CPU seconds and peak memory of the whole process tree.
 *
 * CPU: the stage runs under bash, whose `times` builtin reports the user and
 * system time of every child it waited for (the kernel's RUSAGE_CHILDREN), so
 * short-lived grandchildren (Pagefind's binary, sharp workers) are counted.
 * Memory: /proc is polled and the resident sizes of the stage's descendants are
 * summed; the peak of that sum is the tree's peak (a sampling lower bound).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StageResult {
  stage: string;
  wallSeconds: number;
  cpuSeconds: number;
  peakBytes: number;
  exitCode: number;
}

const PAGE_SIZE = 4096;
const SAMPLE_MS = 50;

function processTable(): Map<number, { ppid: number; rssBytes: number }> {
  const table = new Map<number, { ppid: number; rssBytes: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name; the name itself may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_SIZE });
    } catch {
      // The process ended between readdir and read: it holds no memory any more.
    }
  }
  return table;
}

function treeRss(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += table.get(pid)?.rssBytes ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function parseTimes(text: string): number {
  // Second line of `times`: children's user and system time, e.g. "0m1.234s 0m0.100s".
  const line = text.trim().split('\n')[1] ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}

/** Run `command` (a shell command line) with `env` added; resolves when it exits. */
export function measureStage(stage: string, command: string, env: Record<string, string> = {}, quiet = true): Promise<StageResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-times-'));
  const timesFile = join(scratch, 'times');
  const script = `${command}\nrc=$?\ntimes > '${timesFile}'\nexit $rc`;
  const started = process.hrtime.bigint();
  const child = spawn('bash', ['-c', script], {
    env: { ...process.env, ...env },
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  let peakBytes = 0;
  const timer = setInterval(() => {
    if (child.pid) peakBytes = Math.max(peakBytes, treeRss(child.pid));
  }, SAMPLE_MS);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(timer);
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      let cpuSeconds = 0;
      try {
        cpuSeconds = parseTimes(readFileSync(timesFile, 'utf8'));
      } catch {
        // The stage was killed before `times` ran; CPU stays unknown (0).
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({ stage, wallSeconds, cpuSeconds, peakBytes, exitCode: code ?? 1 });
    });
  });
}

/** Total size of the files under a directory. */
export function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      try {
        total += statSync(join(entry.parentPath, entry.name)).size;
      } catch {
        // A file removed while counting does not count.
      }
    }
  }
  return total;
}
