/**
 * Run one benchmark stage as a child process and measure it the way the issue
 * asks: wall seconds, CPU seconds and peak memory of the whole process tree.
 *
 * CPU: the stage runs under bash, whose `times` builtin reports the user and
 * system time of every child it waited for (the kernel's RUSAGE_CHILDREN), so
 * short-lived grandchildren (Pagefind's binary, sharp workers) are counted.
 * Memory: /proc is polled and the resident sizes of the stage's descendants are
 * summed; the peak of that sum is the tree's peak (a sampling lower bound).
 * A process its parent never waits for (Pagefind's indexer, left to exit after
 * Node has gone) is missing from `times`, so the same polling also records each
 * descendant's own CPU time; the stage's CPU is the larger of the two counts.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A TypeScript script as a measured command runs it, as package.json's scripts do: `node --import tsx`.
 * tsx's own command starts a second Node process to run it, 0.21 s more wall time each time (an
 * empty script, the two commands run in turn 8 times each, each run timed as a whole process, medians
 * 0.65 against 0.44 s, 2026-12-04). Run from the repository's root.
 */
export const runTs = (script: string) => `'${process.execPath}' --import tsx ${script}`;

export interface StageResult {
  stage: string;
  wallSeconds: number;
  cpuSeconds: number;
  peakBytes: number;
  exitCode: number;
}

const PAGE_SIZE = 4096;
/** Linux's USER_HZ: /proc CPU times are in these ticks. */
const CLOCK_TICKS = 100;
const SAMPLE_MS = 50;

interface ProcessRow {
  ppid: number;
  rssBytes: number;
  /** The process's own user + system CPU, in ticks. */
  cpuTicks: number;
}

function processTable(): Map<number, ProcessRow> {
  const table = new Map<number, ProcessRow>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name; the name itself may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_SIZE, cpuTicks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between readdir and read: it holds no memory any more.
    }
  }
  return table;
}

/** The tree's resident size now; records each descendant's CPU so far in `cpuByPid`. */
function sampleTree(root: number, cpuByPid: Map<number, number>): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const row = table.get(pid);
    total += row?.rssBytes ?? 0;
    if (row) cpuByPid.set(pid, row.cpuTicks);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function parseTimes(text: string): number {
  // Second line of `times`: children's user and system time, e.g. "0m1.234s 0m0.100s".
  const line = text.trim().split('\n')[1] ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}

/**
 * Run `command` (a shell command line) with `env` added; resolves when it exits. `logFile`: its output
 * (standard output and error) is written there instead of shown or dropped, so that a step's figures can
 * be read against what the build said it did (each unit's steps, the stages' seconds).
 */
export function measureStage(stage: string, command: string, env: Record<string, string> = {}, quiet = true, logFile?: string): Promise<StageResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-times-'));
  const timesFile = join(scratch, 'times');
  const script = `${command}\nrc=$?\ntimes > '${timesFile}'\nexit $rc`;
  const started = process.hrtime.bigint();
  const log = logFile === undefined ? null : openSync(logFile, 'w');
  const child = spawn('bash', ['-c', script], {
    env: { ...process.env, ...env },
    stdio: log !== null ? ['ignore', log, log] : quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (log !== null) closeSync(log); // the child has its own copy
  let peakBytes = 0;
  const cpuByPid = new Map<number, number>();
  const timer = setInterval(() => {
    if (child.pid) peakBytes = Math.max(peakBytes, sampleTree(child.pid, cpuByPid));
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
      const sampledCpu = [...cpuByPid.values()].reduce((sum, ticks) => sum + ticks, 0) / CLOCK_TICKS;
      resolve({ stage, wallSeconds, cpuSeconds: Math.max(cpuSeconds, sampledCpu), peakBytes, exitCode: code ?? 1 });
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
