/**
 * Golden test: ITIB043's tables rebuilt by patches 251 (the answer's age tables)
 * and 250 (the question's two blank tables, printed one character per line).
 * Every expected cell was read off the pristine source
 * content/sources/2023-24/zh-2023-24-ITIB.txt (line numbers cited).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pipeTables } from '../../support/pipe-tables.ts';
import { realDocument, reply } from '../_real.ts';

const g = realDocument();
/** The reply's pipe tables, each as rows of cells (header first), Markdown escapes resolved. */
const tables = (replyNo: string): string[][][] => pipeTables(reply(g, replyNo).body).map((t) => t.rows);

const BANDS = ['18-25歲', '26-30歲', '31-35歲', '36-40歲', '41-45歲', '46-50歲', '51-55歲', '56-60歲', '61-65歲'];

test('ITIB043: no extracted block left; question tables, age tables and the wastage table in order', () => {
  const { body } = reply(g, 'ITIB043');
  assert.not.ok(body.includes('```extracted'));
  const ts = tables('ITIB043');
  assert.equal(ts.map((t) => t[0]![0]), ['2022年', '2022年', '截至2020年12月31日', '截至2021年12月31日', '截至2022年12月31日', '職級']);
  assert.equal(ts.map((t) => t.length), [5, 5, 5, 5, 5, 5]);
});

test('ITIB043 question table 1 (officers by age band): 2022年 and nine bands printed one character or piece per line', () => {
  const [t] = tables('ITIB043');
  // 6350 2022年; 6352/6354 18- 25歲 … 6384/6386 61- 65歲
  assert.equal(t![0], ['2022年', '', ...BANDS]);
  // 6388–6400 總 管 理 參 議 主 任, one per line; 6402 人數 followed by 18 spaces (nine blank cells)
  assert.equal(t![1], ['總管理參議主任', '人數', ...Array(9).fill('')]);
  // 6404–6418 高 級 管 理 參 議 主 任; 6420 a line of 18 spaces
  assert.equal(t![2], ['高級管理參議主任', ...Array(10).fill('')]);
  // 6422–6435 一 級 管 理 參 議 主 任
  assert.equal(t![3], ['一級管理參議主任', ...Array(10).fill('')]);
  // 6437–6451 二 級 管 理 參 議 主 任
  assert.equal(t![4], ['二級管理參議主任', ...Array(10).fill('')]);
});

test('ITIB043 question table 2 (wastage): header joined from 6459–6465, rank rows from 6467–6487', () => {
  const t = tables('ITIB043')[1]!;
  // 6459 2022年; 6461 自然流失人數  非 自 然 流 失 人; 6463 數; 6465 總流失人數
  assert.equal(t[0], ['2022年', '自然流失人數', '非自然流失人數', '總流失人數']);
  // 6467/6469 總 管 理 參 議 主 / 任; 6471 six spaces (three blank cells)
  assert.equal(t[1], ['總管理參議主任', '', '', '']);
  // 6473/6475 高 級 管 理 參 議 / 主任
  assert.equal(t[2], ['高級管理參議主任', '', '', '']);
  // 6485/6487 二 級 管 理 參 議 / 主任
  assert.equal(t[4], ['二級管理參議主任', '', '', '']);
});

test('ITIB043 answer: age distribution at 31 December 2020, 2021, 2022 (source 6511–6702)', () => {
  const ts = tables('ITIB043');
  const [y2020, y2021, y2022] = [ts[2]!, ts[3]!, ts[4]!];
  // 6511 截至 2020年 12月 31日; 6513–6517 18- / 25 / 歲 … 6561–6565 61- / 65 / 歲
  assert.equal(y2020[0], ['截至2020年12月31日', ...BANDS]);
  // 6567 總管理參議主任  0 0 0 0 1 9 11 3 0
  assert.equal(y2020[1], ['總管理參議主任', '0', '0', '0', '0', '1', '9', '11', '3', '0']);
  // 6573 二級管理參議主任  10 23 3 0 0 1 0 0 0
  assert.equal(y2020[4], ['二級管理參議主任', '10', '23', '3', '0', '0', '1', '0', '0', '0']);
  // 6574 截至 2021年 12月 31日; 6632 高級管理參議主任  0 0 5 5 5 22 13 6 0
  assert.equal(y2021[0]![0], '截至2021年12月31日');
  assert.equal(y2021[2], ['高級管理參議主任', '0', '0', '5', '5', '5', '22', '13', '6', '0']);
  // 6640 截至 2022年 12月 31日; 6700 一級管理參議主任  0 5 16 6 3 4 1 2 0
  assert.equal(y2022[0], ['截至2022年12月31日', ...BANDS]);
  assert.equal(y2022[3], ['一級管理參議主任', '0', '5', '16', '6', '3', '4', '1', '2', '0']);
  for (const t of [y2020, y2021, y2022]) for (const row of t.slice(1)) assert.is(row.length, 10, row[0]);
});

test.run();
