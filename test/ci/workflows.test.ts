/**
 * The GitHub workflows, parsed as GitHub reads them (YAML): every push and pull
 * request runs the README's test command through .ci/run; Pages deploys only a
 * main commit whose tests passed; every action is pinned to a full commit SHA
 * with its version beside it; no job that runs repository code (npm ci runs
 * install scripts) may write Pages or mint an OIDC token. GitHub cannot be
 * reached from here, so the SHAs themselves are checked by GitHub on the first run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import semver from 'semver';
import { parseDocument } from 'yaml';

const test = suite('GitHub workflows');
const DIR = '.github/workflows';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on'?: string;
  container?: string | { image: string };
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string> | string;
  steps?: Step[];
}
interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

/** Each workflow file, parsed; a YAML error fails with the file's name and line. */
function workflows(): Map<string, { wf: Workflow; text: string }> {
  const out = new Map<string, { wf: Workflow; text: string }>();
  for (const f of readdirSync(DIR).filter((x) => /\.ya?ml$/.test(x)).sort()) {
    const text = readFileSync(join(DIR, f), 'utf8');
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length) throw new Error(`${DIR}/${f}: ${doc.errors.map((e) => e.message).join('; ')}`);
    out.set(f, { wf: doc.toJS() as Workflow, text });
  }
  return out;
}

const all = workflows();
const get = (f: string) => {
  const w = all.get(f);
  if (!w) throw new Error(`${DIR}/${f} is missing`);
  return w;
};

test('every action is pinned to a full commit SHA with its version in a comment', () => {
  const bad: string[] = [];
  for (const [f, { text }] of all) {
    for (const [i, line] of text.split('\n').entries()) {
      const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
      if (!m) continue;
      const [, ref, rest] = m;
      if (ref!.startsWith('./')) continue; // a local action is the repository's own code
      if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref!) || !/#\s*v\d+(\.\d+)*\b/.test(rest!)) bad.push(`${f}:${i + 1}: ${line.trim()}`);
    }
  }
  assert.equal(bad, []);
});

test('the tests run on every push and pull request, through .ci/run, on Node 24', () => {
  const { wf } = get('test.yml');
  assert.ok('push' in wf.on && 'pull_request' in wf.on, `on: ${Object.keys(wf.on).join(', ')}`);
  const runs = Object.values(wf.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.run ?? ''));
  assert.ok(runs.some((r) => /^\.ci\/run\b/.test(r.trim())), 'a step runs .ci/run');
  const images = Object.values(wf.jobs).map((j) => (typeof j.container === 'string' ? j.container : j.container?.image ?? ''));
  assert.ok(images.every((i) => /^node:24\b/.test(i)), `containers: ${images.join(', ')}`);
  // .ci/run is what runs the README's command, with the generated-content check inside it.
  const ciRun = readFileSync('.ci/run', 'utf8');
  assert.match(ciRun, /fonts-noto-cjk/);
  assert.match(ciRun, /^npm ci\b/m);
  assert.match(ciRun, /^npm test$/m);
  assert.match(readFileSync('scripts/test.ts', 'utf8'), /'ingest', '--', '--check'/);
});

test('Pages deploys only a main commit whose tests passed, the commit that was tested', () => {
  const { wf } = get('pages.yml');
  assert.equal(Object.keys(wf.on), ['workflow_run'], 'no other trigger bypasses the tests');
  const run = wf.on.workflow_run as { workflows: string[]; types: string[]; branches: string[] };
  assert.equal(run.workflows, [get('test.yml').wf.name]);
  assert.equal(run.types, ['completed']);
  assert.equal(run.branches, ['main']);
  // Every job waits, directly or through needs, for a job that checks the tests' conclusion.
  const gated = (name: string, seen = new Set<string>()): boolean => {
    const job = wf.jobs[name]!;
    if (/workflow_run\.conclusion == 'success'/.test(job.if ?? '')) return true;
    const needs = [job.needs ?? []].flat();
    return needs.length > 0 && needs.every((n) => !seen.has(n) && gated(n, new Set([...seen, name])));
  };
  assert.equal(Object.keys(wf.jobs).filter((j) => !gated(j)), []);
  const checkouts = Object.values(wf.jobs).flatMap((j) => (j.steps ?? []).filter((s) => s.uses?.startsWith('actions/checkout@')));
  assert.ok(checkouts.length > 0 && checkouts.every((s) => s.with?.ref === '${{ github.event.workflow_run.head_sha }}'));
  const configure = Object.values(wf.jobs).flatMap((j) => j.steps ?? []).find((s) => s.uses?.startsWith('actions/configure-pages@'));
  assert.equal(configure?.with?.enablement, true, 'configure-pages turns Pages on');
  const node = Object.values(wf.jobs).flatMap((j) => j.steps ?? []).find((s) => s.uses?.startsWith('actions/setup-node@'));
  assert.equal(node?.with?.['node-version'], 24);
});

test('least privilege: no job that runs repository code can write Pages or mint an OIDC token', () => {
  for (const [f, { wf }] of all) {
    assert.ok(wf.permissions !== undefined, `${f}: top-level permissions set`);
    assert.not.equal(wf.permissions, 'write-all', f);
    for (const [name, job] of Object.entries(wf.jobs)) {
      const perms = { ...(typeof wf.permissions === 'object' ? wf.permissions : {}), ...(typeof job.permissions === 'object' ? job.permissions : {}) };
      assert.ok(job.permissions !== undefined, `${f} ${name}: permissions per job`);
      const runsCode = (job.steps ?? []).some((s) => s.run !== undefined || s.uses?.startsWith('actions/checkout@')) || job.container !== undefined;
      const writes = Object.entries(perms).filter(([, v]) => v === 'write').map(([k]) => k);
      if (runsCode) assert.equal(writes, [], `${f} ${name} runs repository code with ${writes.join(', ')}: write`);
      if (perms['id-token'] === 'write') assert.equal(name, 'deploy', `${f}: id-token only for the deploy job`);
    }
  }
});

test('package.json states a Node range every installed package accepts (engines), and CI runs inside it', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } | string[]; cpu?: string[] }>;
  };
  // Prebuilt binaries for one CPU (sharp's win32-ia32 asks ^20.9.0) install only there.
  const ours = pkg.engines.node;
  const refused = Object.entries(lock.packages)
    .flatMap(([name, p]) => (p.engines && !Array.isArray(p.engines) && p.engines.node && !p.cpu?.includes('ia32') ? [[name, p.engines.node] as const] : []))
    .filter(([, theirs]) => !semver.subset(ours, theirs))
    .map(([name, theirs]) => `${name.replace(/^.*node_modules\//, '')} needs ${theirs}`);
  assert.equal(refused, [], `engines.node "${ours}" allows versions that these refuse`);
  // Not wider than needed either: the lowest version of the range is what some package requires.
  assert.ok(semver.satisfies(semver.minVersion(ours)!, ours));
  assert.ok(semver.satisfies('24.0.0', ours), 'the workflows\' Node 24 is inside the range');
});

test.run();
