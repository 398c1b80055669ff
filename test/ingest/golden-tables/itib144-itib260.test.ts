/**
 * Golden tables on real replies: ITIB144 (the Innovation and Technology Fund's
 * spending, and the university start-ups' outcomes) and ITIB260 (Wi-Fi
 * hotspots by district, and the Wi-Fi programme's spending), each rebuilt by a
 * reviewed correction. Every expected cell is read off the pristine source
 * (content/sources/2023-24/zh-2023-24-ITIB.txt); the comment gives its line.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pipeTables } from '../../support/pipe-tables.ts';
import { realDocument, reply } from '../_real.ts';

const tables = (body: string) => pipeTables(body).map((t) => t.rows);

const row = (t: string[][], label: string) => t.find((r) => r[0] === label);

test('ITIB144: the fund spending table, 6 columns, rows and 總數 as printed', () => {
  const [spending, outcomes] = tables(reply(realDocument(), 'ITIB144').body);
  assert.ok(spending && outcomes, 'two tables');
  // Header pieces printed one per line from line 20482 (基金下的分目細項, 2020-21年度, 修訂預算, (百萬元) …).
  assert.equal(spending![0], ['基金下的分目細項', '2020-21年度 修訂預算(百萬元)', '2020-21年度 實際開支金額(百萬元)', '2021-22年度 修訂預算(百萬元)', '2021-22年度 實際開支金額(百萬元)', '2022-23年度 修訂預算(百萬元)']);
  assert.equal(row(spending!, '研究人才庫'), ['研究人才庫', '414.3', '346.8', '346.2', '341.4', '343.0']); // line 20546
  assert.equal(row(spending!, '科技券'), ['科技券', '148.8', '95.4', '332.4', '319.4', '934.7']); // line 20552
  assert.equal(row(spending!, '總數'), ['總數', '2,133.2', '1,864.6', '2,270.7', '2,180.1', '2,832.7']); // line 20562
  assert.is(spending!.length, 21); // header, 分目090, the 分目101 group row, its 16 schemes, 分目110, 總數
});

test('ITIB144: the start-up outcomes table, one row per university and the 總數 row', () => {
  const outcomes = tables(reply(realDocument(), 'ITIB144').body)[1]!;
  assert.is(outcomes[0]!.length, 8);
  assert.equal(row(outcomes, '香港城市大學'), ['香港城市大學', '26', '27.2%', '2,400', '26', '51', '9', '20']); // line 20625
  assert.equal(row(outcomes, '香港大學'), ['香港大學', '49', '46.0%', '2,400', '49', '75', '19', '49']); // line 20635
  assert.equal(row(outcomes, '總數'), ['總數', '184', '36.9%', '14,323', '184', '515', '71', '168']); // line 20637
  assert.is(outcomes.length, 8); // header + six universities + 總數
});

test('ITIB260: hotspots by district, 18 districts under three regions, 總計 43 678', () => {
  const [hotspots, spending] = tables(reply(realDocument(), 'ITIB260').body);
  assert.equal(hotspots![0], ['地區', '熱點數目']); // line 39030
  assert.equal(row(hotspots!, '中西區'), ['中西區', '3 978']); // line 39034
  assert.equal(row(hotspots!, '觀塘'), ['觀塘', '2 053']); // line 39052
  assert.equal(row(hotspots!, '離島'), ['離島', '2 118']); // line 39072
  assert.equal(row(hotspots!, '總計'), ['總計', '43 678']); // line 39074
  // 港島, 九龍, 新界 printed on lines of their own: group rows with an empty cell.
  assert.equal(['港島', '九龍', '新界'].map((g) => row(hotspots!, g)?.[1]), ['', '', '']);
  assert.is(hotspots!.length - 1 - 3 - 1, 18); // rows less the group rows and 總計: the 全港18區 of the text
  // The spending table: items broken over lines (39167–39183) joined, one row each.
  assert.equal(row(spending!, '政府Wi-Fi服務的營運和維修費用'), ['政府Wi-Fi服務的營運和維修費用', '5,773', '2,274', '2,389', '9,200']); // lines 39167–39171
  assert.equal(row(spending!, '總計'), ['總計', '7,141', '3,835', '4,470', '11,220']); // line 39187
});

test.run();
