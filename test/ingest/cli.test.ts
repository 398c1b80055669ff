/** The command-line contract that users and CI script against. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EN_SAMPLE, root } from './_real.ts';
import { tempDir } from '../support/builds.ts';

function ingest(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/ingest.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempOut(): { parent: string; out: string } {
  const parent = tempDir('ingest-cli');
  const out = path.join(parent, 'out');
  mkdirSync(out);
  writeFileSync(path.join(out, 'previous.md'), 'previous content\n');
  return { parent, out };
}

test('one document into a directory; the last line is the JSON summary', () => {
  const { out } = tempOut();
  const r = ingest(EN_SAMPLE, '--out', out);
  assert.is(r.status, 0, r.stderr);
  const last = r.stdout.trim().split('\n').pop()!;
  assert.equal(JSON.parse(last), { replies: 3, unaccounted: 0, warnings: 0, tablesRecovered: 0, tablesKept: 1 });
  assert.equal(readdirSync(out).sort(), ['itib001.en.md', 'itib259.en.md', 'itib263.en.md']);
  // content/patches/titles.json corrects the Chinese ITIB001; the English edition keeps its own title.
  const title = /^title: (.*)$/m.exec(readFileSync(path.join(out, 'itib001.en.md'), 'utf8'))?.[1] ?? '';
  assert.ok(title.length > 0 && !/\p{Script=Han}/u.test(title), `English ITIB001 title: ${title}`);
});

test('--out refuses a directory holding anything but Markdown (it replaces the whole directory), and leaves it untouched', () => {
  const { out } = tempOut();
  writeFileSync(path.join(out, 'notes.txt'), 'my notes\n');
  mkdirSync(path.join(out, 'sub'));
  const r = ingest(EN_SAMPLE, '--out', out);
  assert.is(r.status, 1);
  assert.match(r.stderr, `--out ${out} holds files the ingest did not write (notes.txt, sub/)`);
  assert.equal(readdirSync(out).sort(), ['notes.txt', 'previous.md', 'sub']);
  assert.is(readFileSync(path.join(out, 'notes.txt'), 'utf8'), 'my notes\n');
  // The repository itself is the worst case of a wrong --out.
  const repo = ingest(EN_SAMPLE, '--out', root);
  assert.is(repo.status, 1);
  assert.match(repo.stderr, 'holds files the ingest did not write');
});

const BAD: Array<[file: string, message: RegExp]> = [
  ['empty.txt', /empty\.txt:1: empty source/],
  ['binary.txt', /binary\.txt:\d+: binary data/],
  ['big5.txt', /big5\.txt:2: not valid UTF-8/],
  ['truncated.txt', /truncated\.txt:210: reply ITIB263 has no "Controlling Officer:" line before the file ends/],
  ['duplicate-reply.txt', /duplicate-reply\.txt:197: duplicated reply number ITIB259 \(already at line 104\)/],
  ['no-reply-section.txt', /no-reply-section\.txt:46: reply ITIB001 has no "Reply:" line/],
  ['index-row-without-reply.txt', /index-row-without-reply\.txt:32: index row ITIB262 \(question 442\) has no reply/],
  ['reply-missing-from-index.txt', /reply-missing-from-index\.txt:209: reply ITIB263 is missing from the index table/],
];

for (const [file, message] of BAD) {
  test(`bad input ${file}: clear error with file and line, non-zero exit, previous output untouched`, () => {
    const { parent, out } = tempOut();
    const r = ingest(path.join(root, 'test/fixtures/ingest/bad', file), '--out', out);
    assert.is.not(r.status, 0);
    assert.match(r.stderr, message);
    assert.equal(readdirSync(out), ['previous.md']);
    assert.is(readFileSync(path.join(out, 'previous.md'), 'utf8'), 'previous content\n');
    assert.equal(readdirSync(parent), ['out'], 'no staging directory left behind');
  });
}

test('usage errors exit non-zero', () => {
  assert.is.not(ingest(EN_SAMPLE).status, 0);
  assert.is.not(ingest('--bogus').status, 0);
});

test('deterministic: two runs give the same bytes', () => {
  const a = tempOut().out;
  const b = tempOut().out;
  assert.is(ingest(EN_SAMPLE, '--out', a).status, 0);
  assert.is(ingest(EN_SAMPLE, '--out', b).status, 0);
  for (const name of readdirSync(a)) assert.ok(readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name))), name);
});

test.run();
