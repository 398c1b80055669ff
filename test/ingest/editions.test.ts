/**
 * Both language editions of a document, side by side: the real Chinese
 * 2023-24 ITIB document and the English sample layout (a test fixture, never
 * published) in a scratch repository. Each edition of a reply is its own file;
 * the editions are cross-checked.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { root } from './_real.ts';
import { pairedRoot } from '../support/builds.ts';

function ingest(dir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/ingest.ts'), '--root', dir], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

test('an English edition beside the Chinese one: one file per edition, same id, no disagreement', () => {
  const dir = pairedRoot();
  const r = ingest(dir);
  assert.is(r.status, 0, r.err);
  const zh = readFileSync(path.join(dir, 'content/replies/2023-24/itib259.md'), 'utf8');
  const en = readFileSync(path.join(dir, 'content/replies/2023-24/itib259.en.md'), 'utf8');
  for (const md of [zh, en]) assert.match(md, /^id: 2023-24\/ITIB259$/m);
  assert.match(zh, /^lang: zh-Hant-HK$/m);
  assert.match(en, /^lang: en$/m);
  assert.match(en, /^member: YUNG Hoi-yan, Judy$/m);
  assert.match(en, /^## Question$/m);
  // Replies without an English edition have only the Chinese file.
  assert.ok(existsSync(path.join(dir, 'content/replies/2023-24/itib002.md')));
  assert.not.ok(existsSync(path.join(dir, 'content/replies/2023-24/itib002.en.md')));
  assert.not.match(r.out, /edition-mismatch/);
  // 263 Chinese + 3 English editions.
  assert.is(JSON.parse(r.out.trim().split('\n').pop()!).replies, 266);
});

test('editions that disagree on the question number: a warning naming both files and their source lines', () => {
  const dir = pairedRoot((t) => t.replace('(Question Serial No. 0431)', '(Question Serial No. 0432)'));
  const r = ingest(dir);
  assert.is(r.status, 0, r.err);
  const line = r.out.split('\n').find((l) => l.startsWith('warning edition-mismatch'));
  assert.ok(line, r.out);
  assert.match(line!, /ITIB259/);
  assert.match(line!, /question number: 431 in content\/replies\/2023-24\/itib259\.md \(content\/sources\/2023-24\/zh-2023-24-ITIB\.txt:\d+\), 432 in content\/replies\/2023-24\/itib259\.en\.md \(content\/sources\/2023-24\/en-2023-24-ITIB\.txt:104\)/);
});

test.run();
