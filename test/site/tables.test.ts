/** The tables plugin: captions, header scope, row headers, numeric cells, CSP-safe alignment, scroll region. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { renderBody } from '../../src/site/markdown/index.ts';
import { isNumericCell } from '../../src/site/markdown/numeric.ts';

const reply = (md: string) => renderBody(md, 'zh-Hant-HK', 'reply');
/** A real reply's body as committed under content/replies. */
const realBody = (no: string) => readFileSync(`content/replies/2023-24/${no}.md`, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

test('tables: caption from the section, th scope=col, alignment as a class, focusable scroll region', () => {
  const out = reply('## 附件一\n\n| 年度 | 開支 |\n| --- | ---: |\n| 2022-23 | 1 300 |\n');
  assert.match(out, '<section class="table-scroll" tabindex="0" aria-labelledby="annex-1-table-1-c">');
  // No sentence introduces it: the caption names it by its columns.
  assert.match(out, '<caption id="annex-1-table-1-c">附件一：表 1：年度及開支</caption>');
  assert.match(out, '<th scope="col">年度</th>');
  assert.match(out, '<th class="al-r" scope="col">開支</th>');
  assert.match(out, '<th class="num" scope="row">2022-23</th>');
  assert.match(out, '<td class="al-r num">1 300</td>');
  assert.not.match(out, 'style=', 'no inline style: the CSP forbids it');
});

test('the numeric-cell rule: numbers, amounts, percentages, years and year ranges, dashes; not text that contains a number', () => {
  for (const yes of ['1 869 000', '14,323', '1,534.22', '-3.5', '2.7億', '9,500萬', '4,800萬元', '$227,924,028', '27.2%', '20 (87%)', '2020年', '2021-22', '2020-2021', '2019-20年度', '2020/21年', '-', '–', '約 1 300'])
    assert.ok(isNumericCell(yes), `numeric: ${yes}`);
  for (const no of ['', '其他', '總計', '申請公司數目註1', '2022-23 (截至2月底)', '自然流失人數 2020', '11至30歲', '分目090 院校中游研發計劃(整體撥款)', '2020-21年度 修訂預算(百萬元)'])
    assert.not.ok(isNumericCell(no), `text: ${no}`);
});

test('ITIB144 (content/replies/2023-24/itib144.md lines 45–64): row headers, numeric cells, dashes, year headings kept whole', () => {
  const out = reply(realBody('itib144'));
  // Line 47: the first cell of a body row is its header, for screen readers announcing a figure with its row.
  assert.match(out, '<th scope="row">分目<span class="nb">090</span> 院校中游研發計劃(整體撥款) (自<span class="nb">2021年</span>6月起納入創新及科技支援計劃內)</th>');
  assert.match(out, '<td class="num">40.6</td>');
  // Line 52: a dash is nil, numeric.
  assert.match(out, '<tr>\n<th scope="row">內地與香港聯合資助計劃</th>\n<td class="num">4.0</td>\n<td class="num">-</td>');
  // Line 45: year headings of numeric columns align right over their figures, the year kept whole.
  assert.match(out, '<th scope="col" class="al-r"><span class="nb">2020-21年度</span> 修訂預算(百萬元)</th>');
  assert.not.match(out, /<td>\d/, 'every cell starting with a digit here is numeric');
});

test('ITIB145 (itib145.md lines 76–81): amounts in 億/萬 are numeric; a year row header with a note keeps its numbers whole', () => {
  const out = reply(realBody('itib145'));
  assert.match(out, '<th class="num" scope="row">2020-2021</th>\n<td class="num">7</td>\n<td class="num">1.35億</td>\n<td class="num">9,500萬</td>');
  assert.match(out, '<th scope="row"><span class="nb">2022-2023</span> (截至<span class="nb">2023年</span>3月中)</th>');
  assert.match(out, '<th scope="row">總計</th>\n<td class="num">30</td>');
});

test('ITIB040 (itib040.md lines 53–58): an empty corner cell, year column headings numeric, digit groups with spaces', () => {
  const out = reply(realBody('itib040'));
  assert.match(out, '<th scope="col"></th>\n<th class="num al-r" scope="col">2020年</th>');
  assert.match(out, '<th scope="row">查詢：所有個案</th>\n<td class="num">1 869 000</td>');
});

test('on an English page, captions and paragraph links are English and say so; the section name keeps its language', () => {
  const md = '## 答覆\n\n1\\. 政府的回覆。\n\n| 年度 | 開支 |\n| --- | --- |\n| 2022-23 | 1 300 |\n\n```extracted\n表 甲\n```\n';
  const out = renderBody(md, 'zh-Hant-HK', 'reply', 'en');
  assert.match(out, '<caption id="answer-table-1-c" lang="en"><span lang="zh-Hant-HK">答覆</span>: table 1: <span lang="zh-Hant-HK">年度及開支</span></caption>');
  assert.match(out, /<figcaption id="answer-table-2-c" lang="en"><span lang="zh-Hant-HK">答覆<\/span>: table 2 \(kept as extracted/);
  assert.match(out, '<a class="pa" href="#answer-part-1" aria-label="Link to part 1 of the reply" lang="en">');
  // The Chinese interface renders the same body with no language switches.
  assert.not.match(reply(md), 'lang=');
});

test.run();
