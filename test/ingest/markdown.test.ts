import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeParagraph, fenceFor, renderBlock } from '../../src/ingest/markdown.ts';
import MarkdownIt from 'markdown-it';
import { renderedText } from './_real.ts';

const md = new MarkdownIt({ html: false });

const tricky = [
  '1. 過去三年，政府投入科學園',
  '(a) 2023-24年度*預算*為 $28,808,000 & <b>粗體</b>',
  '- 項目_一_ [連結](http://x) `code` # 不是標題 | 不是表格 |',
  '+ 加號 = 等號 \\ 反斜線 ~~刪除~~',
  '# 井號開頭',
  '> 引用',
];

test('escaped paragraphs render to exactly the source text', () => {
  for (const text of tricky) {
    assert.is(renderedText(escapeParagraph(text)).trim(), text);
  }
});

test('original numbering is not turned into a Markdown list', () => {
  assert.is(escapeParagraph('1. 過去三年'), '1\\. 過去三年');
  assert.not.match(md.render(escapeParagraph('2. 第二項')), /<ol/);
});

test('an extracted block uses a fence longer than any backtick run inside it', () => {
  assert.is(fenceFor(['a ``` b']), '````');
  const block = renderBlock({ kind: 'extracted', lines: ['a ``` b', '<script>'], line: 1 });
  assert.ok(block.startsWith('````extracted\n'));
  assert.is(renderedText(block).trim(), 'a ``` b\n<script>');
});

test('a recovered table renders as a table with a header row, cells escaped', () => {
  const table = renderBlock({ kind: 'table', rows: [['部門', '金額'], ['A|B', '1 300']], source: [], line: 1 });
  const html = md.render(table);
  assert.match(html, /<th>部門<\/th>/);
  assert.match(html, /<td>A\|B<\/td>/);
  assert.match(html, /<td>1 300<\/td>/);
});

test.run();
