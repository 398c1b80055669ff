/**
 * Which values from content may become a path (issue 21): a year, slug, code
 * or file name that climbs out of its folder is refused by the rule, and a
 * writer's resolveInside refuses whatever a rule might miss.
 */
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OutsideFolderError, resolveInside, segmentProblem } from '../../src/model/safe-paths.ts';
import { stripBidi } from '../../src/model/characters.ts';

test('the archive\'s own values pass', () => {
  for (const [kind, v] of [['year', '2023-24'], ['year', '1999-00'], ['slug', '2015-itb-priorities'], ['bureau', 'ITIB'], ['replyNo', 'ITIB001'], ['code', '155'], ['fileName', 'ITIB-1-c2.docx']] as const) {
    assert.is(segmentProblem(kind, v), null, `${kind} ${v}`);
  }
});

test('paths, dots, separators, controls and impossible years are refused, each saying what is wanted', () => {
  const bad: Array<[Parameters<typeof segmentProblem>[0], unknown]> = [
    ['year', '../../../../x'], ['year', '2023-25'], ['year', '2023-24/..'], ['year', 2023],
    ['slug', '../../x'], ['slug', 'a/b'], ['slug', '.'], ['slug', 'A'],
    ['bureau', 'ITIB/..'], ['bureau', '..'], ['replyNo', '../ITIB001'], ['replyNo', 'ITIB001\u0000'],
    ['code', '..'], ['code', '1/2'], ['fileName', '..'], ['fileName', '../../etc/passwd'], ['fileName', 'a\\b'], ['fileName', 'a\u0007b'],
  ];
  for (const [kind, v] of bad) assert.ok(segmentProblem(kind, v)?.startsWith('must be '), `${kind} ${JSON.stringify(v)}`);
});

test('resolveInside refuses any path outside its folder, and the folder itself', () => {
  const dir = path.resolve('/tmp/out');
  assert.is(resolveInside(dir, 'content/replies/2023-24/itib001.md'), path.join(dir, 'content/replies/2023-24/itib001.md'));
  assert.is(resolveInside(dir, '..name.md'), path.join(dir, '..name.md'));
  for (const rel of ['../x', 'content/replies/../../../x', '/etc/passwd', '', '.', 'a/../..']) {
    assert.throws(() => resolveInside(dir, rel), (e: unknown) => e instanceof OutsideFolderError, rel);
  }
});

test('stripBidi removes overrides, embeddings, isolates and marks, and counts them', () => {
  assert.equal(stripBidi('提問人：\u202Egnp.exe\u202C 張議員\u2066x\u2069\u200F'), { text: '提問人：gnp.exe 張議員x', removed: 5 });
  assert.equal(stripBidi('plain 文字'), { text: 'plain 文字', removed: 0 });
});

test.run();
