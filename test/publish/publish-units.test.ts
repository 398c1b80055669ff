/**
 * Publishing the record unit by unit (README, Publishing): the workflow is
 * read as GitHub reads it (YAML) and must publish only a tested commit, pin
 * every action to a commit, and keep repository code and deploy keys in
 * different jobs; publish-units must push a year only when its files changed,
 * always carry the manifest in the shell, and refuse a unit over GitHub's limits.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, { workflows?: string[]; types?: string[]; branches?: string[] }>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const FILE = '.github/workflows/publish-units.yml';
const text = readFileSync(FILE, 'utf8');
const wf = parse(text) as Workflow;

const workflow = suite('publish-units workflow');

workflow('runs only after the Tests workflow succeeded on main', () => {
  assert.equal(Object.keys(wf.on), ['workflow_run']);
  assert.equal(wf.on.workflow_run!.workflows, ['Tests']);
  assert.equal(wf.on.workflow_run!.branches, ['main']);
  assert.match(wf.jobs.build!.if ?? '', "github.event.workflow_run.conclusion == 'success'");
  // Every other job waits for the build, which is gated.
  for (const [name, job] of Object.entries(wf.jobs)) {
    if (name !== 'build') assert.ok([job.needs].flat().includes('build'), `${name} does not need build`);
  }
});

workflow('every action is pinned to a full commit SHA, with its version beside it', () => {
  const uses = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
  assert.ok(uses.length >= 4, `uses: ${uses.length}`);
  for (const line of uses) assert.match(line, /uses:\s*[\w.-]+\/[\w.-]+@[0-9a-f]{40}\s+#\s*v\d+(\.\d+)*\s*$/, line.trim());
});

workflow('no job may write with GITHUB_TOKEN; pushes use deploy keys', () => {
  assert.equal(wf.permissions, {});
  for (const [name, job] of Object.entries(wf.jobs)) {
    assert.ok(job.permissions !== undefined, `${name} states its permissions`);
    for (const [scope, level] of Object.entries(job.permissions ?? {})) assert.is.not(level, 'write', `${name}: ${scope}: write`);
  }
});

/** Whether a job runs the repository's code: checks it out, installs (npm ci runs install scripts) or runs its scripts. */
const runsRepositoryCode = (job: Job) =>
  job.steps.some((s) => (s.uses ?? '').startsWith('actions/checkout@') || /\b(npm|npx|tsx|node)\b/.test(s.run ?? ''));
const usesSecrets = (job: Job) => JSON.stringify(job).includes('secrets');

workflow('the job that runs repository code holds no secret; each job holding a deploy key runs none', () => {
  const jobs = Object.entries(wf.jobs);
  assert.ok(jobs.some(([, j]) => runsRepositoryCode(j)), 'no job builds the site');
  for (const [name, job] of jobs) {
    assert.ok(!(runsRepositoryCode(job) && usesSecrets(job)), `${name} runs repository code and reads a secret`);
  }
  // One key per job: a year's job reads only the secret its matrix entry names.
  const year = JSON.stringify(wf.jobs.year);
  assert.equal([...year.matchAll(/secrets[.[]\s*([\w.[\]]+)/g)].map((m) => m[1]), ['matrix.secret]']);
});

workflow('the shell goes last, after every changed year', () => {
  assert.equal([wf.jobs.shell!.needs].flat().sort(), ['build', 'year']);
  assert.match(wf.jobs.shell!.if ?? '', "needs.year.result == 'success'");
});

workflow.run();

// publish-units on a built site of its own: two years and a shell.
const changes = suite('publish-units change detection');
const scratch = mkdtempSync(join(tmpdir(), 'publish-units-'));
const site = join(scratch, '_site');
changes.after(() => rmSync(scratch, { recursive: true, force: true }));

function write(rel: string, content: string): void {
  const file = join(site, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, content);
}

interface Plan {
  changed: string[];
  unchanged: string[];
  removed: string[];
  pushShell: boolean;
}

/** Runs publish-units against the last run's manifest (the shell it pushed), as the workflow does. */
function publish(run: string, previousRun?: string): { plan: Plan; out: string; stdout: string; outputs: string } {
  const out = join(scratch, run);
  const outputs = join(scratch, `${run}.outputs`);
  writeFileSync(outputs, '');
  const args = ['scripts/publish-units.ts', '--site', site, '--out', out, '--domain', 'budget.example.org', '--github-output', outputs];
  if (previousRun) args.push('--previous', join(scratch, previousRun, 'shell', 'publish-manifest.json'));
  const r = spawnSync('node_modules/.bin/tsx', args, { encoding: 'utf8' });
  assert.is(r.status, 0, `publish-units failed:\n${r.stderr}`);
  return { plan: JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as Plan, out, stdout: r.stdout, outputs: readFileSync(outputs, 'utf8') };
}

changes('the first publish pushes every unit; each year at its repository root, the shell with manifest and CNAME', () => {
  write('index.html', '<h1>home</h1>');
  write('members/index.html', 'members');
  write('2023-24/index.html', 'year 2023-24');
  write('2023-24/itib001/index.html', 'reply');
  write('2023-24/en/itib001/index.html', 'reply en');
  write('2022-23/index.html', 'year 2022-23');
  const { plan, out, outputs } = publish('first');
  assert.equal(plan.changed, ['2022-23', '2023-24', 'shell']);
  assert.equal(readdirSync(out).sort(), ['2022-23', '2023-24', 'plan.json', 'shell']);
  assert.is(readFileSync(join(out, '2023-24', 'en', 'itib001', 'index.html'), 'utf8'), 'reply en');
  assert.ok(existsSync(join(out, '2023-24', '.nojekyll')));
  assert.not.ok(existsSync(join(out, 'shell', '2023-24')), 'the shell holds a year');
  assert.is(readFileSync(join(out, 'shell', 'CNAME'), 'utf8'), 'budget.example.org\n');
  assert.ok(existsSync(join(out, 'shell', 'members', 'index.html')));
  const years = JSON.parse(/^years=(.*)$/m.exec(outputs)![1]!) as Array<{ unit: string; repo: string; secret: string }>;
  assert.equal(years, [
    { unit: '2022-23', repo: '2022-23', secret: 'DEPLOY_KEY_2022_23' },
    { unit: '2023-24', repo: '2023-24', secret: 'DEPLOY_KEY_2023_24' },
  ]);
  assert.match(outputs, /^shell=true$/m);
});

changes('nothing changed: nothing is pushed', () => {
  const { plan, out, outputs } = publish('same', 'first');
  assert.equal(plan.changed, []);
  assert.is(plan.pushShell, false);
  assert.equal(readdirSync(out), ['plan.json']);
  assert.match(outputs, /^years=\[\]$/m);
  assert.match(outputs, /^shell=false$/m);
});

changes('one reply edited: its year and the shell (the manifest) are pushed, the other year is not', () => {
  write('2023-24/itib001/index.html', 'reply, corrected');
  const { plan, out } = publish('edit', 'first');
  assert.equal(plan.changed, ['2023-24']);
  assert.equal(plan.unchanged, ['2022-23', 'shell']);
  assert.is(plan.pushShell, true);
  assert.equal(readdirSync(out).sort(), ['2023-24', 'plan.json', 'shell']);
});

changes('a year added: only it (and the shell) are pushed', () => {
  write('2021-22/index.html', 'year 2021-22');
  const { plan } = publish('added', 'edit');
  assert.equal(plan.changed, ['2021-22']);
});

changes('a year gone from the build is reported, never pushed or deleted', () => {
  rmSync(join(site, '2021-22'), { recursive: true });
  const { plan, stdout } = publish('gone', 'added');
  assert.equal(plan.removed, ['2021-22']);
  assert.match(stdout, '2021-22: published before, not in this build');
});

changes('a file over GitHub\'s 100 MiB is refused, naming the unit and the file, and nothing is written', () => {
  write('2022-23/data/replies.sqlite', '');
  truncateSync(join(site, '2022-23', 'data', 'replies.sqlite'), 100 * 1024 * 1024 + 1);
  const out = join(scratch, 'too-big');
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/publish-units.ts', '--site', site, '--out', out], { encoding: 'utf8' });
  assert.is(r.status, 1);
  assert.match(r.stderr, 'unit 2022-23: data/replies.sqlite: 104857601 bytes');
  assert.not.ok(existsSync(out));
});

changes.run();
