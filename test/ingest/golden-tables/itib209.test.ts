/**
 * Golden test: the school IT scheme tables of ITIB209 (patches 252–254), printed
 * again in ITIB177 (255–256) and ITIB159 (257–258). Every expected cell was
 * read off the pristine source content/sources/2023-24/zh-2023-24-ITIB.txt
 * (line numbers cited).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pipeTables } from '../../support/pipe-tables.ts';
import { realDocument, reply } from '../_real.ts';

const g = realDocument();
/** The reply's pipe tables, each as rows of cells (header first), Markdown escapes resolved. */
const tables = (replyNo: string): string[][][] => pipeTables(reply(g, replyNo).body).map((t) => t.rows);
const num = (c: string) => Number(c.replace(/[ ,]/g, ''));

test('ITIB209 applications (source 32229–32261): header joined from one piece per line, blank top-left cell', () => {
  const [t] = tables('ITIB209');
  // 32229–32249 合資格 / 學校數目, 已申請 / 學校數目, 獲批學 / 校數目, 正在審批中 / 學校數目, 還未申 / 請學校 / 數目
  assert.equal(t![0], ['', '合資格學校數目', '已申請學校數目', '獲批學校數目', '正在審批中學校數目', '還未申請學校數目']);
  // 32251/32253 「中學 IT創新 / 實驗室」計劃; 32255 513 459 430 29 54
  assert.equal(t![1], ['「中學IT創新實驗室」計劃', '513', '459', '430', '29', '54']);
  // 32257/32259 「奇趣 IT識多 / 啲」計劃; 32261 537 323 289 34 214
  assert.equal(t![2], ['「奇趣IT識多啲」計劃', '537', '323', '289', '34', '214']);
  for (const r of t!.slice(1)) assert.is(num(r[2]!), num(r[3]!) + num(r[4]!));
});

test('ITIB209 by year (source 32271–32412): 242 | 1 012 and 46 | 27 000 split as the 總計 row requires', () => {
  const [, lab, fun] = tables('ITIB209');
  // 32271–32295 學年 / 新增 獲批 學校 數目 / 資助活 動數目 / 活動內容 (例子 ) / 獲批金額 (百萬元 ) / 預計受 惠學生 人次
  assert.equal(lab![0], ['學年', '新增獲批學校數目', '資助活動數目', '活動內容(例子)', '獲批金額(百萬元)', '預計受惠學生人次']);
  // 32309 2021／ 22 242 1 012 如人工智能、編程、 … 32317; 32319 152 78 600
  assert.equal(lab![2], ['2021／22', '242', '1 012', '如人工智能、編程、無人機、機械人、擴增實境／虛擬實境、物聯網、等方面的課程、工作坊及比賽等', '152', '78 600']);
  // 32321–32325 2022／ 23 (截至 2023 年 2月 ); 32327 69 528 …; 32339 64 35 300
  assert.equal(lab![3]![0], '2022／23 (截至2023年2月)');
  assert.equal([lab![3]![1], lab![3]![2], lab![3]![4], lab![3]![5]], ['69', '528', '64', '35 300']);
  // 32341 總計  430 1 834; 32344 262 140 900
  assert.equal(lab![4], ['總計', '430', '1 834', '', '262', '140 900']);
  // 32371 2020／ 21 不適用 ×5; 32373 2021／ 22 195 545 …; 32385 46 44 000; 32409/32412 總計 289 977 / 81 81 700
  assert.equal(fun![1], ['2020／21', '不適用', '不適用', '不適用', '不適用', '不適用']);
  assert.equal([fun![2]![1], fun![2]![2], fun![2]![4], fun![2]![5]], ['195', '545', '46', '44 000']);
  assert.equal(fun![4], ['總計', '289', '977', '', '81', '81 700']);
  for (const t of [lab!, fun!]) {
    for (const c of [1, 2, 4, 5]) {
      const sum = t.slice(1, -1).reduce((a, r) => a + (num(r[c]!) || 0), 0);
      assert.is(sum, num(t[t.length - 1]![c]!), `column ${c}`);
    }
  }
});

test('ITIB209 enrichment classes (source 32453–32509): blank cells where only classes, amount and students are printed', () => {
  const t = tables('ITIB209')[3]!;
  // 32453–32471 學年 / 參與學 校數目 / 增潤班 數目 / 增潤班課程 (例子 ) / 資助金額 (萬元 ) / 預計受惠 學生人數
  assert.equal(t[0], ['學年', '參與學校數目', '增潤班數目', '增潤班課程(例子)', '資助金額(萬元)', '預計受惠學生人數']);
  // 32473–32489 2020／ 21 8間伙伴 / 學校 / 24班  解難技巧及編寫 … 科技探索等 / 740 約 710人
  assert.equal(t[1], ['2020／21', '8間伙伴學校', '24班', '解難技巧及編寫程式、三維模型及擴增實境、機器人技術及傳感器、軟件開發及科技探索等', '740', '約710人']);
  // 32491 2021／ 22 16班  550 約 440人
  assert.equal(t[2], ['2021／22', '', '16班', '', '550', '約440人']);
  // 32501–32505 總計  8間伙伴 / 學校 / 共 48班   1,390 約 710人 *
  assert.equal(t[4], ['總計', '8間伙伴學校', '共48班', '', '1,390', '約710人*']);
  assert.ok(reply(g, 'ITIB209').body.includes('\\*註：增潤班採用「班級」制'));
});

test('ITIB177 (source 24713–24908) and ITIB159 (source 22575–22760) print the same two tables as ITIB209', () => {
  const ref = tables('ITIB209').slice(0, 3);
  for (const replyNo of ['ITIB177', 'ITIB159']) {
    assert.not.ok(reply(g, replyNo).body.includes('```extracted'), replyNo);
    assert.equal(tables(replyNo), ref, replyNo);
  }
  // ITIB177 24739 513 459 430 29 54; ITIB159 22689 64 35 300
  assert.equal(tables('ITIB177')[0]![1]!.slice(1), ['513', '459', '430', '29', '54']);
  assert.equal(tables('ITIB159')[1]![3]!.slice(4), ['64', '35 300']);
});

test('ITIB107 Productivity Council (source 15741–15758) and ITIB164 smart lampposts (source 23259–23275)', () => {
  const [p] = tables('ITIB107');
  // 15741 財政年度  2020-21 2021-22 2022-23; 15743 (截至 2 月底 )
  assert.equal(p![0], ['財政年度', '2020-21', '2021-22', '2022-23 (截至2月底)']);
  // 15745/15747/15749 服務香港境內企業 / 的數目 / 534 473 436
  assert.equal(p![1], ['服務香港境內企業的數目', '534', '473', '436']);
  // 15751 相關收入 (億港元 ) 1.94 2.17 2.27
  assert.equal(p![2], ['相關收入(億港元)', '1.94', '2.17', '2.27']);
  // 15752–15758 佔該年度生產力局 / 總服務收入的比例 / (%) / 36 35 35
  assert.equal(p![3], ['佔該年度生產力局總服務收入的比例(%)', '36', '35', '35']);
  const [l] = tables('ITIB164');
  // 23259 地區  燈柱數目  感應裝置類別
  assert.equal(l![0], ['地區', '燈柱數目', '感應裝置類別']);
  // 23261–23269 觀塘／啟德發展區  約 70 LED燈、氣象感應器、空 / … / 和光學雷達
  assert.equal(l![1], ['觀塘／啟德發展區', '約70', 'LED燈、氣象感應器、空氣質素感應器、熱能探測器、無線射頻識別標籤、地理二維碼、藍牙傳送器和光學雷達']);
  // 23271 油尖旺區  約 30; 23275 中環／金鐘  0
  assert.equal(l![2], ['油尖旺區', '約30', '']);
  assert.equal(l![4], ['中環／金鐘', '0', '']);
});

test.run();
