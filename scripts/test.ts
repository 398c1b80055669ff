/**
 * `npm test`: every check a change must pass, in the order that gives the
 * clearest failure first — types, generated content up to date, a full build,
 * then every uvu test (unit, golden, browser, search) against that build.
 *
 * Every step runs with TMPDIR set to one folder made for this run and removed
 * after it, so nothing a test, chromium or a library writes to the temporary
 * folder outlives the run (`ls /tmp` is the same before and after); what was
 * left there by a test is named, so it can be fixed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const steps: Array<[label: string, command: string, args: string[]]> = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['generated content matches the sources', 'npm', ['run', '--silent', 'ingest', '--', '--check']],
  ['build the site', 'npm', ['run', '--silent', 'build']],
  ['uvu tests', 'npm', ['run', '--silent', 'test:unit']],
];

const scratch = mkdtempSync(path.join(tmpdir(), 'archive-test-'));
const env = { ...process.env, TMPDIR: scratch };
const started = Date.now();
let failed = 0;
try {
  for (const [label, command, args] of steps) {
    console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
    const stepStarted = Date.now();
    const result = spawnSync(command, args, { stdio: 'inherit', env });
    const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
    if (result.status !== 0) {
      console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
      failed = result.status ?? 1;
      break;
    }
    console.log(`✔ ${label} (${seconds} s)`);
  }
} finally {
  // tsx keeps its compile cache there (tsx-<uid>): a cache, not a leftover of a test.
  const left = readdirSync(scratch).filter((name) => !/^tsx-\d+$/.test(name));
  if (left.length > 0) console.log(`\nnpm test: the run left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in its temporary folder (removed now): ${left.slice(0, 10).join(', ')}${left.length > 10 ? ', …' : ''}`);
  rmSync(scratch, { recursive: true, force: true });
}
if (!failed) console.log(`\nnpm test: all passed in ${((Date.now() - started) / 60000).toFixed(1)} min`);
process.exit(failed);
