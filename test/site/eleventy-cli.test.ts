/**
 * Eleventy's own command line, as a newcomer would type it in the repository:
 * with no config it renders nothing (.eleventyignore: README, content/ and test
 * fixtures are not pages), and with .eleventy.ts it renders the archive's
 * pages from src/site/pages only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const test = suite('the Eleventy CLI in the repository');

const eleventy = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });

test('npx @11ty/eleventy with no config renders no README, content or fixture', () => {
  const r = eleventy('--dryrun');
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /Wrote 0 files/);
});

test('--config=.eleventy.ts renders the page templates and nothing else', () => {
  const out = mkdtempSync(join(tmpdir(), 'eleventy-cli-'));
  let r;
  try {
    r = spawnSync(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=.eleventy.ts'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ARCHIVE_OUT: out },
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  assert.is(r.status, 0, r.stderr);
  const inputs = new Set([...r.stdout.matchAll(/ from \.\/(\S+)/g)].map((m) => m[1]!));
  assert.ok(inputs.size > 5, r.stdout.slice(-500));
  assert.equal([...inputs].filter((f) => !/^src\/site\/pages\/[\w-]+\.11ty\.ts$/.test(f)), []);
});

test.run();
