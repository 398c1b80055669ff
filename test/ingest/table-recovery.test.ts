import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readRow } from '../../src/ingest/table-cells.ts';
import { recoverTables } from '../../src/ingest/table-recovery.ts';
import { pipeTables } from '../support/pipe-tables.ts';
import { realDocument, reply } from './_real.ts';

const g = realDocument();
/** The reply's pipe tables, each as rows of cells (header first), Markdown escapes resolved. */
const tables = (replyNo: string): string[][][] => pipeTables(reply(g, replyNo).body).map((t) => t.rows);

test('a row is read only when exactly one reading gives the header\'s column count', () => {
  assert.equal(readRow('2020年  8 708 39 708', 2), { label: '2020年', values: ['8 708', '39 708'] });
  assert.equal(readRow('2019 347 1 535 $9,888,589', 3), { label: '2019', values: ['347', '1 535', '$9,888,589'] });
  assert.equal(readRow('與疫情有關的個案  513 000 796 000 867 000', 3)?.values, ['513 000', '796 000', '867 000']);
  // 498 344 | 640 999 | 712 147 or 498 | 344 640 | 999 712 147 …: a guess, so no row.
  assert.is(readRow('來函數目 498 344 640 999 712 147', 3), null);
  // A footnote mark is not a row; a label broken by justification spaces is not certain.
  assert.is(readRow('註 2', 1), null);
  assert.is(readRow('觀塘／啟德發展區 約 70', 1), null);
});

test('ITIB110: year rows, digit groups and $ amounts, the header repeated after a page break, 總數 that adds up', () => {
  const [t] = tables('ITIB110');
  assert.equal(t![0], ['年份', '公開課程登記申請宗數', '受資助本地企業人員人次', '資助總額']);
  assert.equal(t![2], ['2019', '347', '1 535', '$9,888,589']);
  assert.equal(t![4], ['2021', '1 515', '5 958', '$47,366,203']);
  assert.equal(t![t!.length - 1], ['總數', '4 435', '21 419', '$227,924,028']);
  assert.is(t!.length, 7); // header + 2018…2022 + 總數: the repeated header row is not a data row
});

test('ITIB205: 「場地數目 熱點數目」 — 8 708 and 39 708 are two cells; a unit line joins its column header', () => {
  const ts = tables('ITIB205');
  assert.equal(ts[0]![0], ['', '場地數目', '熱點數目']);
  assert.equal(ts[0]![1], ['2020年', '8 708', '39 708']);
  assert.equal(ts[1]![0], ['年度', '開支(萬元)']);
  assert.equal(ts[1]![1], ['2020-21 (實際)', '7,141']);
  assert.equal(ts[3]![ts[3]!.length - 1], ['總計', '181']);
});

test('ITIB120: year columns printed one per line (2019-20 / 年度) and 總計： rows that add up', () => {
  const ts = tables('ITIB120');
  assert.is(ts.length, 4); // 表1–表3 recovered by rule; 表4 rebuilt by reviewed patch 353
  // 表4 (source lines 17617-17680): centres as group rows, the 註 2 marks on the 2021-22 cells that do not add up.
  assert.equal(ts[3]![0], ['', '2019-20年度', '2020-21年度', '2021-22年度']);
  assert.equal(ts[3]![1], ['汽車科技研發中心', '', '', '']);
  assert.equal(ts[3]![2], ['商品化及其他收入(萬元)', '263', '220', '340註2']); // source 17626-17627
  assert.equal(ts[3]![4], ['合約服務', '260', '120', '160']); // source 17630
  assert.equal(ts[3]![26], ['商品化及其他收入(萬元)', '1,230', '1,780', '1,410註2']); // source 17672-17673
  assert.equal(ts[3]![30], ['來自業界的收入水平', '47%', '42%', '43%']); // source 17680
  assert.is(ts[3]!.length, 31);
  assert.equal(ts[0]![0], ['', '2019-20年度', '2020-21年度', '2021-22年度']);
  assert.equal(ts[0]![2], ['香港應用科技研究院', '170.2', '174.0', '181.8']);
  assert.equal(ts[1]![6], ['總計：', '706.2', '657.9', '704.1']);
  // The caption above each table stays readable text, not an extracted block.
  assert.ok(reply(g, 'ITIB120').body.includes('\n\n表2：研發開支\n\n研發開支(百萬元)\n\n| '));
});

test('ITIB040: year header after a caption; 1 869 000 read as one cell', () => {
  const [t] = tables('ITIB040');
  assert.equal(t![0], ['', '2020年', '2021年', '2022年']);
  assert.equal(t![1], ['查詢：所有個案', '1 869 000', '2 298 000', '2 178 000']);
  assert.equal(t![4], ['與疫情有關的個案', '22 000', '23 000', '17 000']);
});

test('ITIB243: a note under a recovered table, wrapped over two lines, reads as one paragraph', () => {
  const [t] = tables('ITIB243');
  assert.equal(t![t!.length - 1], ['總計', '32 943 000']);
  assert.ok(reply(g, 'ITIB243').body.includes('\n\n註:另外有超過34萬人次透過「智方便」接達及使用私營機構的服務\n\n'));
});

test('a 總計 row that does not add up keeps the table extracted', () => {
  const lines = ['年份  批出宗數', '2016 5', '2017 246', '總計  250'];
  assert.equal(recoverTables(lines, 1).map((b) => b.kind), ['extracted']);
});

test('ITIB138: a last row broken across lines keeps the whole table extracted (no table missing its last row)', () => {
  const lines = ['財政年度  參與實習人次', '2020-21 1 685', '2021-22 3 076', '2022-23', '(截至 2023 年 2 月底 )', '3 516'];
  assert.equal(recoverTables(lines, 1).map((b) => b.kind), ['extracted']);
});

test('reviewed patch 301: ITIB138 internships by year (source lines 19769-19779), the broken last row joined', () => {
  const ts = tables('ITIB138');
  assert.is(ts.length, 1);
  assert.equal(ts[0], [
    ['財政年度', '參與實習人次'],
    ['2020-21', '1 685'], // source line 19771
    ['2021-22', '3 076'], // 19773
    ['2022-23 (截至2023年2月底)', '3 516'], // 19775, 19777, 19779
  ]);
});

test('ITIB111: the tail of a wrapped header cell (持申請宗數) is not taken for a header', () => {
  const lines = ['所屬行業  評審委員會支', '持申請宗數', '食品製造和加工 (包括健康食品 ) 14', '醫療器材  2', '建造材料  2'];
  assert.equal(recoverTables(lines, 1).map((b) => b.kind), ['extracted']);
});

test('a recovered table carries every character of its source lines', () => {
  for (const replyNo of ['ITIB040', 'ITIB110', 'ITIB120', 'ITIB124', 'ITIB127', 'ITIB205', 'ITIB243', 'ITIB257']) {
    assert.ok(tables(replyNo).length > 0, replyNo);
  }
  assert.is(g.summary.unaccounted, 0);
});

test('reviewed patches 003/004: ITIB043 staff wastage (總 = 自然 + 非自然 each year) and ITIB144 fund spending (總數 per column)', () => {
  // ITIB043's first tables are the question's (patch 250) and the age tables (patch 251); the wastage table's header starts 職級.
  const w = tables('ITIB043').find((t) => t[0]![0] === '職級');
  assert.equal(w![0]!.slice(0, 2), ['職級', '自然流失人數 2020']);
  for (const row of w!.slice(1)) {
    const n = row.slice(1).map(Number);
    for (let y = 0; y < 3; y++) assert.is(n[6 + y], n[y]! + n[3 + y]!, row[0]);
  }
  const [f] = tables('ITIB144');
  assert.equal(f![f!.length - 1], ['總數', '2,133.2', '1,864.6', '2,270.7', '2,180.1', '2,832.7']);
  for (let c = 1; c <= 5; c++) {
    const sum = f!.slice(1, -1).reduce((a, r) => a + (Number(r[c]!.replace(/,/g, '')) || 0), 0);
    assert.is(sum.toFixed(1), f![f!.length - 1]![c]!.replace(/,/g, ''), `column ${c}`);
  }
  assert.equal(f!.find((r) => r[0] === '科技券'), ['科技券', '148.8', '95.4', '332.4', '319.4', '934.7']);
});

test.run();
