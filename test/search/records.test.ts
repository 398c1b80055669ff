/** Search records come from the reply files: text as shown, metadata and filters from the front-matter. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { replyRecord } from '../../src/search/records.ts';
import { markdownToText } from '../../src/model/text.ts';
import { readReply } from '../../src/model/front-matter.ts';

test('Markdown syntax is removed, escaped source characters come back', () => {
  const text = markdownToText('## 問題\n\n1\\. 在 \\<b\\> 中 \\| a\n\n| 年度 | 數目 |\n| --- | --- |\n| 2022 | 3 |\n\n```extracted\n表 一\n```\n');
  assert.is(text, '問題：\n1. 在 <b> 中 | a\n年度   數目\n2022   3\n表 一');
});

test('the text reads as the reply does: no Markdown escape is left (ITIB132 printed 「R\\&D100」)', () => {
  const file = 'content/replies/2023-24/itib132.md';
  const { frontMatter, body } = readReply(readFileSync(file, 'utf8'), file);
  const r = replyRecord(frontMatter, body);
  assert.ok(r.text.includes('「R&D100」'), 'R&D100 as printed');
  assert.not.match(r.text, /\\[!-/:-@[-`{-~]/, 'a backslash escape is left');
});

test('a heading is followed by a colon, so an excerpt does not run it into the text', () => {
  assert.is(markdownToText('## 答覆\n\n政府\n\n### 附件一：\n\n表\n\n## Annex A\n\nText'), '答覆：\n政府\n附件一：\n表\nAnnex A:\nText');
});

test('a real reply becomes one record with its URL, metadata and the four filters', () => {
  const file = 'content/replies/2023-24/itib259.md';
  const { frontMatter, body } = readReply(readFileSync(file, 'utf8'), file);
  const r = replyRecord(frontMatter, body);
  assert.is(r.url, '/2023-24/itib259/');
  assert.is(r.meta.replyNo, 'ITIB259');
  assert.is(r.meta.member, '容海恩');
  assert.equal(r.filters.year, ['2023-24']);
  assert.equal(r.filters.member, ['容海恩']);
  assert.equal(r.filters.head, ['47 政府總部：政府資訊科技總監辦公室']);
  assert.equal(r.filters.programme, ['(2) 資訊科技基建及標準']);
  assert.ok(r.text.includes('就優化「智方便」的工作'));
  assert.not.ok(r.text.includes('##'), 'no Markdown heading syntax in the indexed text');
});

test('a reply without front-matter is rejected naming the file', () => {
  assert.throws(() => readReply('no front matter', 'content/replies/x.md'), /content\/replies\/x\.md:1: expected YAML front-matter/);
});

test.run();
