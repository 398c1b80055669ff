/**
 * npm run publish-units -- [--site _site] [--out publish] [--previous FILE] [--domain HOST] [--commit SHA] [--github-output FILE]
 *
 * Compares the deploy units of the built site (each `<year>/` and the shell)
 * with the manifest of the last publish (`--previous`, the shell's
 * publish-manifest.json; missing: nothing published yet) and writes, under
 * `--out`, one folder per unit to push and `plan.json`. With
 * `--github-output` it also writes the workflow's outputs: `years` (JSON list
 * of changed years, each with its repository and deploy-key secret) and
 * `shell` (true/false). Exits 1 naming the unit and file when a unit breaks
 * GitHub's limits (1 GB a Pages site, 100 MiB a file). See README "Publishing".
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deployUnits, SHELL } from '../src/publish/deploy-units.ts';
import { deployKeySecret, limitProblems, planPublish, writeArtifacts, type Manifest } from '../src/publish/plan.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: '_site' },
    out: { type: 'string', default: 'publish' },
    previous: { type: 'string' },
    domain: { type: 'string' },
    commit: { type: 'string' },
    'github-output': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`publish-units: ${message}`);
  process.exit(1);
}

function readManifest(file: string | undefined): Manifest | null {
  if (!file || !existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    fail(`${file}:1: not valid JSON (${(err as Error).message})`);
  }
  const units = (parsed as Manifest | null)?.units;
  if (typeof units !== 'object' || units === null || Object.values(units).some((u) => typeof u?.hash !== 'string')) {
    fail(`${file}:1: not a publish manifest ({"units": {"<name>": {"hash": …}}})`);
  }
  return parsed as Manifest;
}

if (!existsSync(path.join(values.site, 'index.html'))) fail(`${values.site}/index.html is missing: build the site first (npm run build)`);
if (values.domain !== undefined && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(values.domain)) {
  fail(`--domain must be a host name such as budget.example.org, got "${values.domain}"`);
}

const units = deployUnits(values.site);
const problems = limitProblems(units);
if (problems.length) fail(`the site does not fit GitHub's limits:\n  ${problems.join('\n  ')}`);

const previous = readManifest(values.previous);
const plan = await planPublish(units, previous, values.commit);
const written = writeArtifacts(units, plan, values.out, values.domain);
writeFileSync(path.join(values.out, 'plan.json'), JSON.stringify(plan, null, 2) + '\n');

const MB = 1024 ** 2;
for (const u of units) {
  const state = written.includes(u.name) ? 'push' : 'unchanged';
  console.log(`${u.name.padEnd(8)} ${state.padEnd(9)} ${(u.bytes / MB).toFixed(1).padStart(8)} MB ${String(u.files.length).padStart(7)} files`);
}
if (!previous) console.log(`no previous manifest${values.previous ? ` at ${values.previous}` : ''}: every unit is pushed`);
for (const name of plan.removed) console.log(`${name}: published before, not in this build — its repository is left as it is (README, Publishing)`);

if (values['github-output']) {
  const years = plan.changed.filter((name) => name !== SHELL).map((unit) => ({ unit, repo: unit, secret: deployKeySecret(unit) }));
  appendFileSync(values['github-output'], `years=${JSON.stringify(years)}\nshell=${plan.pushShell}\n`);
}
