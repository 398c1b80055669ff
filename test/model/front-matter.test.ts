/**
 * The front-matter reader's fast path (src/model/front-matter.ts): js-yaml's
 * core schema must read every header as `yaml` (the reader of record, whose
 * errors carry positions) does — on every committed reply and background page,
 * and on the scalars where YAML readers are known to part ways.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { backgroundFiles, editionFiles } from '../../src/model/content-files.ts';
import { ContentError, readReply, YAML_CORE } from '../../src/model/front-matter.ts';
import { load } from 'js-yaml';

const header = (file: string) => {
  const text = readFileSync(file, 'utf8');
  return text.slice(4, text.indexOf('\n---\n', 3) + 1);
};

test('every committed header reads the same by js-yaml (YAML_CORE) as by yaml', () => {
  const files = [...editionFiles('content').map((e) => e.file), ...backgroundFiles('content'), ...editionFiles('test/fixtures/site').map((e) => e.file)];
  assert.ok(files.length > 263, `${files.length} files`);
  for (const file of files) assert.equal(load(header(file), { schema: YAML_CORE }), parse(header(file)), file);
});

test('the scalars readers part on read alike: codes with leading zeros, YAML 1.1 booleans, octal, dates, nulls, quoting', () => {
  const tricky = [
    'code: 047', 'code: "047"', "code: '047'", 'n: 0o17', 'n: 017', 'n: 0x1F', 'n: 1_000', 'n: 1e3', 'n: .5', 'n: -0',
    'n: 0b101', 'n: -0x1F', 'n: -0o17', 'n: +0o7', 'n: 0x', 'n: 0o8', 'n: +12', 'n: 1.5e+3', 'n: -.5', 'n: 1.', 'n: +.5e-2', 'n: -.inf', 'n: .Inf',
    'n: 12:30', 'n: 1,000', 'n: 0.1.2', 'x: Null', 'x: NULL', 'x: nULL', 'b: True', 'b: FALSE', 'b: fAlse',
    'b: yes', 'b: No', 'b: on', 'b: TRUE', 'b: y', 'd: 2023-03-01', 'd: 2023-03-01T10:00:00Z', 'x: ~', 'x: null', 'x:', 'x: ""',
    's: "第一行\\n第二行"', "s: 'it''s'", 's: >-\n  folded\n  text', 's: |\n  kept\n  lines\n', 's: 「國際綠色科技周」所需人手及開支', 's: a #not a comment', 's: "a: b"',
    'l:\n  - 1\n  - "2"\n  - three', 'm:\n  code: "135"\n  name: 工業貿易署', 'v: .inf', 'v: .NaN', 'k: =', 'k: <<',
  ];
  for (const yaml of tricky) assert.equal(load(yaml, { schema: YAML_CORE }), parse(yaml), yaml);
});

test('a header js-yaml refuses is reported by yaml, with the file and line', () => {
  const bad = '---\nid: 2023-24/ITIB001\ntitle: [unclosed\nyear: "2023-24"\n---\n\nbody\n';
  try {
    readReply(bad, 'content/replies/2023-24/itib001.md');
    assert.unreachable('a bad header was read');
  } catch (err) {
    assert.instance(err, ContentError);
    assert.match((err as Error).message, /^content\/replies\/2023-24\/itib001\.md:\d+: invalid YAML front-matter: /);
  }
});

test('an alias to no anchor is a content error with the file, not a bare exception', () => {
  assert.throws(() => readReply('---\nid: 2023-24/ITIB001\ntitle: *missing\n---\n\nbody\n', 'content/replies/2023-24/itib001.md'), (err: Error) => err instanceof ContentError && /^content\/replies\/2023-24\/itib001\.md:\d+: invalid YAML front-matter/.test(err.message));
});

test.run();
