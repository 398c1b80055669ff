/**
 * Runs one of the build's TypeScript scripts in a child process of its own
 * (a year's unit, the catalogue's summary): its memory is given back when it
 * ends. The script is handed its input as a JSON file (argv[2]) and prints its
 * own errors (a content error as "file:line: message"); a failure rejects
 * with a line naming what failed, pointing at that message. Both sides are
 * here: runChildScript (the build) and childScriptMain (the script).
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const TSX = import.meta.resolve('tsx');

export function runChildScript(script: string, input: unknown, inputFile: string, what: string): Promise<void> {
  writeFileSync(inputFile, JSON.stringify(input));
  return new Promise<void>((resolve, reject) => {
    // --expose-gc: a script may collect its garbage between its steps (unit-process.ts, before a year's search index).
    const child = spawn(process.execPath, ['--expose-gc', '--import', TSX, script, inputFile], { stdio: 'inherit', env: process.env });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${what}: its build process failed (${signal ?? `exit ${code}`}); see the message above`));
    });
  }).finally(() => rmSync(inputFile, { force: true }));
}

/**
 * The child's side: reads the input file named on the command line, runs
 * `body`, and on failure prints `build failed: <what>: <message>` (a content
 * error's message is "file:line: message"; no stack) and exits non-zero.
 */
export async function childScriptMain<T>(usage: string, what: (input: T) => string, body: (input: T) => unknown): Promise<void> {
  const inputFile = process.argv[2];
  if (!inputFile) {
    console.error(`usage: ${usage} <input.json>`);
    process.exit(2);
  }
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
