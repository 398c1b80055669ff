/**
 * `npm test`: every check a change must pass, in the order that gives the
 * clearest failure first — types, generated content up to date, a full build,
 * then every uvu test (unit, golden, browser, search) against that build.
 */
import { spawnSync } from 'node:child_process';

const steps: Array<[label: string, command: string, args: string[]]> = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['generated content matches the sources', 'npm', ['run', '--silent', 'ingest', '--', '--check']],
  ['build the site', 'npm', ['run', '--silent', 'build']],
  ['uvu tests', 'npm', ['run', '--silent', 'test:unit']],
];

for (const [label, command, args] of steps) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${seconds} s)`);
}
