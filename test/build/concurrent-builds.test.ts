/**
 * Two builds of one output folder started 0.3 s apart (a second `npm start`,
 * a watch loop, two CI jobs sharing a workspace), on a scratch output and
 * cache: both used to print "Built _site" and leave a site without index.html
 * (cold), or fail on a file of the shared `_site.partial` (warm). Now the
 * second waits for the first (one line naming it) and the site is complete
 * after each pair, cold and warm; a killed build's `.old-*` and `.partial`
 * are gone after the next build (issue 21).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diskTree } from '../support/file-tree.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'legco-concurrent-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const out = path.join(scratch, '_site');
const env = { ...process.env, ARCHIVE_CONTENT: path.join(ROOT, 'content'), ARCHIVE_OUT: out, ARCHIVE_CACHE: path.join(scratch, '.cache') };

interface Run { code: number | null; stdout: string; stderr: string }

function build(): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((ok) => child.on('exit', (code) => ok({ code, stdout, stderr })));
}

async function twoBuilds(): Promise<[Run, Run]> {
  const first = build();
  await new Promise((ok) => setTimeout(ok, 300));
  const second = build();
  const runs = await Promise.all([first, second]);
  console.log(`  (two builds: exit ${runs.map((r) => r.code).join(' and ')})`);
  return runs;
}

/** Each build succeeded, or refused in one line naming the other; at least one built. */
function checkRuns(runs: Run[]): void {
  for (const r of runs) {
    if (r.code === 0) assert.match(r.stdout, /Built .*_site in /);
    else assert.match(r.stderr.trim(), /^build failed: [^\n]* is being written by pid \d+ on [^\n]*$/, r.stderr);
  }
  assert.ok(runs.some((r) => r.code === 0), 'neither build finished');
}

/** Path → sha256 of every file of the site. */
function fingerprint(dir: string): Map<string, string> {
  return new Map(diskTree(dir).files.map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
}

/** A complete site: home, search, every reply of content/ in both interfaces. */
function checkComplete(dir: string): void {
  const tree = diskTree(dir);
  for (const f of ['index.html', 'search/index.html', 'pagefind/pagefind.js', '404.html']) assert.ok(tree.hasFile(f), `no ${f}`);
  const replies = readdirSync(path.join(ROOT, 'content/replies/2023-24')).filter((f) => f.endsWith('.md'));
  const missing = replies.map((f) => `2023-24/${f.replace(/\.md$/, '').replace(/\..*$/, '').toLowerCase()}/index.html`).filter((p) => !tree.hasFile(p));
  assert.equal(missing.slice(0, 5), [], `${missing.length} reply pages missing`);
}

/** What may be beside the site once the detached deleter of the previous one is done: nothing. */
async function besideSite(): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const extra = readdirSync(scratch).filter((n) => n.startsWith('_site.'));
    if (extra.length === 0) return extra;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return readdirSync(scratch).filter((n) => n.startsWith('_site.'));
}

let cold: Map<string, string> | undefined;

test('cold cache: two builds 0.3 s apart leave a complete site', async () => {
  checkRuns(await twoBuilds());
  checkComplete(out);
  assert.equal(await besideSite(), []);
  cold = fingerprint(out);
});

test('warm cache, after a killed build: the leftovers go, two builds 0.3 s apart leave the same complete site', async () => {
  // What a build killed at the swap leaves: the previous site renamed away, and a half-written folder.
  const dead = spawn(process.execPath, ['-e', '0']);
  await new Promise((ok) => dead.on('exit', ok));
  for (const name of [`_site.old-${dead.pid}-1764740000000`, '_site.partial']) {
    mkdirSync(path.join(scratch, name, 'members'), { recursive: true });
    writeFileSync(path.join(scratch, name, 'index.html'), 'left over');
  }
  checkRuns(await twoBuilds());
  checkComplete(out);
  assert.equal(await besideSite(), []);
  assert.ok(cold, 'the cold test did not run');
  const warm = fingerprint(out);
  const differ = [...new Set([...cold!.keys(), ...warm.keys()])].filter((f) => cold!.get(f) !== warm.get(f));
  assert.equal(differ.slice(0, 10), [], `${differ.length} files differ between the cold and the warm site`);
});

test.run();
