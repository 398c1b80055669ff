/**
 * Runs one of the build's TypeScript scripts in a child process of its own
 * (a year's unit, the catalogue's summary): its memory is given back when it
 * ends. The script is handed its input as a JSON file and prints its own
 * errors (a content error as "file:line: message"); a failure rejects with a
 * line naming what failed, pointing at that message. Both sides are here:
 * startChildScript and runChildScript (the build), childScriptMain (the script).
 *
 * A child can be started before its input is known (startChildScript): it
 * loads Node, tsx and its modules (the unit's: 1.25 s wall, 1.9 CPU s, 138 MB;
 * `/usr/bin/time node --expose-gc --import tsx src/build/unit-process.ts`,
 * quiet machine, 2026-12-04) while the build still reads the years' files,
 * then waits for the input file's path on its standard input. Before the
 * input, the parent may hint at it (StartedChild.hint: the year a unit will
 * likely build), so that the child starts on what it can while it waits.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const TSX = import.meta.resolve('tsx');

/** The argument that tells a script to read its input file's path from standard input. */
const FROM_STDIN = '-';
/** What begins a line of standard input that is a hint (JSON after it), not the input file's path. */
const HINT = '#hint ';

/** A script's process, started and loading its modules: run it once with its input, or let it go unused. */
export interface StartedChild {
  /** Tells the child, before its input, what it will likely be asked (plain data; null: forget the last hint). Ignored once it runs or is let go. */
  hint(value: unknown): void;
  /** Hands the child its input (written to `inputFile`, removed when it ends); resolves when it exits 0. */
  run(input: unknown, inputFile: string, what: string): Promise<void>;
  /** Not needed after all: the child ends by itself once its modules are loaded, without keeping this process alive; resolves when it has ended. */
  release(): Promise<void>;
}

/** `nodeOptions`: Node's own options for the child (before the script). */
export function startChildScript(script: string, nodeOptions: readonly string[] = []): StartedChild {
  // --expose-gc: a script may collect its garbage between its steps (unit-process.ts, before a year's search index).
  const child = spawn(process.execPath, [...nodeOptions, '--expose-gc', '--import', TSX, script, FROM_STDIN], { stdio: ['pipe', 'inherit', 'inherit'], env: process.env });
  // The outcome, whenever it comes: before run() (a child that could not start or died loading) or after it.
  const ended = new Promise<{ error?: Error; code?: number | null; signal?: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (error) => resolve({ error }));
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  // A child that died before its input was written: the write fails (EPIPE), and `ended` says why.
  child.stdin!.on('error', () => {});
  let used = false;
  return {
    hint(value) {
      if (!used) child.stdin!.write(`${HINT}${JSON.stringify(value)}\n`);
    },
    run(input, inputFile, what) {
      if (used) throw new Error(`${what}: a started child runs once`);
      used = true;
      writeFileSync(inputFile, JSON.stringify(input));
      child.stdin!.end(`${inputFile}\n`);
      return ended
        .then(({ error, code, signal }) => {
          if (error) throw error;
          if (code !== 0) throw new Error(`${what}: its build process failed (${signal ?? `exit ${code}`}); see the message above`);
        })
        .finally(() => rmSync(inputFile, { force: true }));
    },
    release() {
      if (!used) {
        used = true;
        child.stdin!.end();
        child.unref();
      }
      return ended.then(() => {});
    },
  };
}

/** A script run at once with its input. */
export function runChildScript(script: string, input: unknown, inputFile: string, what: string): Promise<void> {
  return startChildScript(script).run(input, inputFile, what);
}

/**
 * The input file's path, from the command line or (`-`) the first line of standard input that is not a
 * hint (each hint line is handed to `onHint` as it comes); null when standard input ended without one
 * (a started child let go).
 */
async function inputFileOf(arg: string, onHint: (hint: unknown) => void): Promise<string | null> {
  if (arg !== FROM_STDIN) return arg;
  // The line, as soon as it has come, not the end of standard input: that comes only when the parent's event
  // loop next turns, and the parent goes straight on with work of its own (build.ts reads the reused years' results
  // while the unit builds). Waiting for the end, an edit's unit in a built copy of the benchmark's 19-year record sat
  // 1.3 s between its input and its exit beyond its own 11.9 s; 0.3 s reading the first line. Paired edits, each code
  // in turn, ingest and build (load 2.2-2.7, 2026-12-05): 19.6-19.8 s in four, against 19.9-20.8 s in three (the
  // fourth compiled its code first); `npm run bench` at the record's size, 21.5 s (README, Benchmark).
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n')) {
      const line = text.slice(0, end).trim();
      text = text.slice(end + 1);
      if (!line.startsWith(HINT)) return line === '' ? null : line;
      onHint(JSON.parse(line.slice(HINT.length)));
    }
  }
  const line = text.trim();
  return line === '' ? null : line;
}

/**
 * The child's side: reads the input file named on the command line (or on
 * standard input, `-`), runs `body`, and on failure prints `build failed:
 * <what>: <message>` (a content error's message is "file:line: message"; no
 * stack) and exits non-zero. Standard input ending empty: nothing to do.
 */
export async function childScriptMain<T, H = never>(usage: string, what: (input: T) => string, body: (input: T) => unknown, onHint: (hint: H | null) => void = () => {}): Promise<void> {
  const arg = process.argv[2];
  if (!arg) {
    console.error(`usage: ${usage} <input.json | ->`);
    process.exit(2);
  }
  const inputFile = await inputFileOf(arg, onHint as (hint: unknown) => void);
  if (inputFile === null) return;
  const input = JSON.parse(readFileSync(inputFile, 'utf8')) as T;
  try {
    await body(input);
  } catch (err) {
    // Eleventy wraps a template's error: its originalError is the content error.
    const e = err as Error & { originalError?: Error };
    console.error(`build failed: ${what(input)}: ${(e.originalError ?? e).message}`);
    process.exitCode = 1;
  }
}
