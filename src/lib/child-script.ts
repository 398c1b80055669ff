/**
 * Runs one of the build's TypeScript scripts in a child process of its own
 * (a year's unit, the catalogue's summary): its memory is given back when it
 * ends. The script is handed its input as a JSON file (argv[2]) and prints its
 * own errors (a content error as "file:line: message"); a failure rejects
 * with a line naming what failed, pointing at that message.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';

const TSX = import.meta.resolve('tsx');

export function runChildScript(script: string, input: unknown, inputFile: string, what: string): Promise<void> {
  writeFileSync(inputFile, JSON.stringify(input));
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, script, inputFile], { stdio: 'inherit', env: process.env });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${what}: its build process failed (${signal ?? `exit ${code}`}); see the message above`));
    });
  }).finally(() => rmSync(inputFile, { force: true }));
}
