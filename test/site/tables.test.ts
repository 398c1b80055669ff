/** The tables plugin: captions, header scope, CSP-safe alignment, scroll region. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderBody } from '../../src/site/markdown/index.ts';

const reply = (md: string) => renderBody(md, 'zh-Hant-HK', 'reply');

test('tables: caption from the section, th scope=col, alignment as a class, focusable scroll region', () => {
  const out = reply('## 附件一\n\n| 年度 | 開支 |\n| --- | ---: |\n| 2022-23 | 1 300 |\n');
  assert.match(out, '<section class="table-scroll" tabindex="0" aria-labelledby="annex-1-table-1-c">');
  assert.match(out, '<caption id="annex-1-table-1-c">附件一：表 1</caption>');
  assert.match(out, '<th scope="col">年度</th>');
  assert.match(out, '<th class="al-r" scope="col">開支</th>');
  assert.match(out, '<td class="al-r">1 300</td>');
  assert.not.match(out, 'style=', 'no inline style: the CSP forbids it');
});

test('on an English page, captions and paragraph links are English and say so; the section name keeps its language', () => {
  const md = '## 答覆\n\n1\\. 政府的回覆。\n\n| 年度 | 開支 |\n| --- | --- |\n| 2022-23 | 1 300 |\n\n```extracted\n表 甲\n```\n';
  const out = renderBody(md, 'zh-Hant-HK', 'reply', 'en');
  assert.match(out, '<caption id="answer-table-1-c" lang="en"><span lang="zh-Hant-HK">答覆</span>: table 1</caption>');
  assert.match(out, /<figcaption id="answer-table-2-c" lang="en"><span lang="zh-Hant-HK">答覆<\/span>: table 2 \(kept as extracted/);
  assert.match(out, /<a class="pa" href="#answer-part-1" aria-label="Link to this paragraph \(answer-part-1\)" lang="en">/);
  // The Chinese interface renders the same body with no language switches.
  assert.not.match(reply(md), 'lang=');
});

test.run();
