/**
 * Golden test: ITIB190's annex (government mobile apps: cost, downloads,
 * ratings), rebuilt from the flattened extraction by patches 100 and 101.
 * Every expected cell was read off the pristine source
 * content/sources/2023-24/zh-2023-24-ITIB.txt (line numbers cited), not copied
 * from the output.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { realDocument, reply } from '../_real.ts';

const { body } = reply(realDocument(), 'ITIB190');

/** The pipe tables of a Markdown body, each as rows of cells (header first, the | --- | rule left out), Markdown escapes undone. */
function tables(markdown: string): string[][][] {
  const out: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      current = null;
      continue;
    }
    if (/^\|(\s*---\s*\|)+$/.test(line)) continue;
    const cells = line
      .trim()
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\(.)/g, '$1'));
    if (current === null) out.push((current = []));
    current.push(cells);
  }
  return out;
}

const [main, continued] = tables(body);
const rowNo = (rows: string[][], no: number) => rows.find((r) => r[0] === `${no}.`)!;
const S = '於各商店所得評分';
const GONE = '已下架，資科辦沒有備存相關資料';

test('ITIB190: no extracted block left; the annex is two tables (apps 1.–115., and 116.–119. printed after the end mark)', () => {
  assert.not.match(body, /```extracted/);
  assert.is(tables(body).length, 2);
  // 115 numbered records (source 26479 "1." … 29055 "115."), 4 after the end mark (29141 "116." … 29221 "119.")
  assert.is(main!.length - 1, 115);
  assert.is(continued!.length - 1, 4);
  for (const t of [main!, continued!]) for (const r of t) assert.is(r.length, 10, r.join(' | '));
  assert.equal(main!.slice(1).map((r) => r[0]), Array.from({ length: 115 }, (_, i) => `${i + 1}.`));
});

test('ITIB190: headers as printed, the store-rating label flattened over its three columns', () => {
  // source 26434–26477: 編/號, 局／部門/(註), 名稱 開發費用, 每年維護費用 截至 2023/年 1 月 31/日的總下載/次數,
  // 於各商店所得評分 over Apple/App/Store, Google/Play/Store, Huawei/App/Gallery, 開發及維護/企業所在地
  assert.equal(main![0], ['編號', '局／部門(註)', '名稱', '開發費用', '每年維護費用', '截至 2023年 1 月 31日的總下載次數', `${S} Apple App Store`, `${S} Google Play Store`, `${S} Huawei App Gallery`, '開發及維護企業所在地']);
  // source 29082–29139: the header printed again after the end mark, without (註), 截至2023年/1月31日的/總下載次數
  assert.equal(continued![0], ['編號', '局／部門', '名稱', '開發費用', '每年維護費用', '截至2023年1月31日的總下載次數', `${S} Apple App Store`, `${S} Google Play Store`, `${S} Huawei App Gallery`, '開發及維護企業所在地']);
});

test('ITIB190: cells taken from the source', () => {
  // source 26479–26486: "1.  漁農自然" / "護理署" / "郊野樂行  38,000元  45,000元  450 000 1.7  2.8  未有" / "評分" / "本地"
  assert.equal(rowNo(main!, 1), ['1.', '漁農自然護理署', '郊野樂行', '38,000元', '45,000元', '450 000', '1.7', '2.8', '未有評分', '本地']);
  // source 26519–26533: "2 ,618,000元", "2  500" / "(2022年 5" / "月推出 )", rating "5 .0" then two 未有/評分
  assert.equal(rowNo(main!, 5), ['5.', '屋宇署', '窗安無事', '2,618,000元', '70,000元', '2 500 (2022年 5月推出 )', '5.0', '未有評分', '未有評分', '本地']);
  // source 26672–26676: "230,000元  50,000元  28 000 3  3  5  本地" — downloads 28 000, then three one-digit ratings
  assert.equal(rowNo(main!, 12), ['12.', '香港海關', '香港汽車首次登記稅', '230,000元', '50,000元', '28 000', '3', '3', '5', '本地']);
  // source 26747–26765: "20 000 未有" / "評分" / "4.4  未有" / "評分" — no Apple rating, Google 4.4
  assert.equal(rowNo(main!, 16).slice(5), ['20 000', '未有評分', '4.4', '未有評分', '本地']);
  // source 27067–27099: "2  900 000 4.3" / "4 .5  4 .8  本地"
  assert.equal(rowNo(main!, 32).slice(5), ['2 900 000', '4.3', '4.5', '4.8', '本地']);
  // source 27716–27751: "120  000  000" / "( 測 試 次" / "數 )", location 英國
  assert.equal(rowNo(main!, 56).slice(5), ['120 000 000 ( 測試次數 )', '2.6', '4.1', '未有評分', '英國']);
  // source 27874–27914: 智方便, "超過" / "1 800 000" / "人已登記" / "「智方" / "便」", "1 .8  2 .5  3 .5  內地"
  assert.equal(rowNo(main!, 63).slice(2), ['智方便', '應用程式與「智方便」平台一同開發。由於並非獨立項目，相關開支不能分拆。', '應用程式與「智方便」平台一同開發。由於並非獨立項目，相關開支不能分拆。', '超過1 800 000人已登記「智方便」', '1.8', '2.5', '3.5', '內地']);
  // source 29221–29234: "119.  香港電台  RTHK Vox" / "#" / "380,000元  調配內部資源" … "18 000*" / "(2023 年 2" / "月下架 )"
  assert.equal(rowNo(continued!, 119).slice(0, 6), ['119.', '香港電台', 'RTHK Vox #', '380,000元', '調配內部資源維護，不涉及額外開支。', '18 000* (2023 年 2月下架 )']);
});

test('ITIB190: merged cells repeated in each cell they cover', () => {
  // source 27005–27021: one cell across 開發費用 and 每年維護費用: "應用程式的研發和維護及升" / "級的相關開支約為 1,300,000" / "元。"
  const r28 = rowNo(main!, 28);
  assert.is(r28[3], '應用程式的研發和維護及升級的相關開支約為 1,300,000元。');
  assert.is(r28[4], r28[3]);
  // source 28991–29033: "Reading Town" / "2及 Reading" / "Town 3共" / "920,000元" printed once for 111. and 112.
  assert.is(rowNo(main!, 111)[3], 'Reading Town 2及 Reading Town 3共920,000元');
  assert.is(rowNo(main!, 112)[3], 'Reading Town 2及 Reading Town 3共920,000元');
  // source 28298–28329: 81., 民政事務/總署/深水埗民/政事務處 (the 4-character department column), Chocola te/Rain #
  assert.equal(rowNo(main!, 81).slice(0, 3), ['81.', '民政事務總署深水埗民政事務處', 'Chocolate Rain #']);
  // 已下架，資科辦沒有備存相關資料 printed once a page (28329, 28541, 28848, 29163) over ratings and location of the taken-down apps
  const gone = [...main!.slice(1), ...continued!.slice(1)].filter((r) => /下架 \)$/.test(r[5]!));
  assert.is(gone.length, 39); // the answer: 過去5年，共有39個流動應用程式下架
  for (const r of gone) assert.equal(r.slice(6), [GONE, GONE, GONE, GONE], r[0]);
  assert.equal(gone.map((r) => r[0]), Array.from({ length: 39 }, (_, i) => `${i + 81}.`));
});

test('ITIB190: the notes stay under the first table (source 29068–29074)', () => {
  for (const note of ['註：以英文名稱開首排列', '\\#只備英文版本', '^為特定用戶群組使用', '\\*截至下架前的總下載次數']) assert.ok(body.includes(`\n${note}\n`), note);
});

test.run();
