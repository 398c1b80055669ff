/**
 * Golden test: ITIB097's annex 「城市創科大挑戰」優勝方案 (source lines
 * 14046–14754 of content/sources/2023-24/zh-2023-24-ITIB.txt), rebuilt by
 * patch 150 as one table, one winning entry a row. Every expected cell below
 * was read off the pristine source (line numbers cited), not copied from output.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pipeTables } from '../../support/pipe-tables.ts';
import { realDocument, reply } from '../_real.ts';

const g = realDocument();

/** The reply's pipe tables, each as rows of cells (header first), Markdown escapes resolved. */
const tables = (replyNo: string): string[][][] => pipeTables(reply(g, replyNo).body).map((t) => t.rows);

const [annex] = tables('ITIB097');
const rows = annex!.slice(1);
/** The entry row numbered `no` under the 副題 `theme` (numbering restarts under each 副題). */
function entry(theme: string, no: string): string[] {
  const start = rows.findIndex((r) => r[0] === `副題:${theme}`);
  assert.ok(start >= 0, theme);
  const row = rows.slice(start + 1).find((r) => r[0] === no);
  assert.ok(row, `${theme} ${no}`);
  return row!;
}

test('ITIB097: no extracted block left; the annex is one table after its title (line 14046)', () => {
  const { body } = reply(g, 'ITIB097');
  assert.not.ok(body.includes('```extracted'));
  assert.is(tables('ITIB097').length, 1);
  assert.ok(body.includes('## 附件\n\n「城市創科大挑戰」優勝方案\n\n| 編號 |'));
});

test('ITIB097 annex: header, two 副題 group rows (lines 14050, 14502), 25 entry rows (15 + 10, the 25隊 of the text)', () => {
  assert.equal(annex![0], ['編號', '方案', '公司', '組別', '簡介']);
  for (const r of rows) assert.is(r.length, 5);
  assert.equal(rows[0], ['副題:保持社交聯繫', '', '', '', '']); // line 14050 "副題 : 保持社交聯繫"
  assert.equal(rows[16], ['副題:環境的可持續發展', '', '', '', '']); // line 14502 "副題 : 環境的可持續發展"
  const entries = rows.filter((r) => !r[0]!.startsWith('副題'));
  assert.is(entries.length, 25);
  assert.equal(rows.slice(1, 16).map((r) => r[0]), Array.from({ length: 15 }, (_, i) => `${i + 1}.`));
  assert.equal(rows.slice(17).map((r) => r[0]), Array.from({ length: 10 }, (_, i) => `${i + 1}.`));
  for (const r of entries) assert.ok(r.every((c) => c !== ''), r[1]);
});

test('ITIB097 annex: entries cell by cell as printed', () => {
  // Lines 14056 "1.  方案 :  智能演講訓練系統", 14058 "駿宙科技有限公司", 14060 "組別：大學／大專院校組",
  // description 14062 "SmartPresenter 幫助用家改善演講中難以自我察覺" … 14078 "好地準備演講。".
  const e1 = entry('保持社交聯繫', '1.');
  assert.equal(e1.slice(0, 4), ['1.', '智能演講訓練系統', '駿宙科技有限公司', '大學／大專院校組']);
  assert.ok(e1[4]!.startsWith('SmartPresenter幫助用家改善演講中難以自我察覺的不足之處'), e1[4]);
  assert.ok(e1[4]!.endsWith('幫助用家更好地準備演講。'), e1[4]);

  // Lines 14111 " 3.  方案 : 創新醫療科技", 14113 "Neuropix Technologies", 14115 "組別：公開組";
  // its three description paragraphs 14117–14123, 14126–14130, 14133–14135 in one cell.
  const e3 = entry('保持社交聯繫', '3.');
  assert.equal(e3.slice(0, 4), ['3.', '創新醫療科技', 'Neuropix Technologies', '公開組']);
  assert.ok(e3[4]!.includes('正受此等痛症影響。這個便攜式裝置'), e3[4]);
  assert.ok(e3[4]!.endsWith('包括治療阿爾茨海默症和柏金遜症的治療。'), e3[4]);

  // Lines 14185 "5.  方案 :  SEN 上門 .SEN 入屋", 14187 "星資教育有限公司", 14189 "組別：大學／大專院校組"
  // (after the page footer 第 17 節 ITIB - 第 196 頁 at line 14183).
  assert.equal(entry('保持社交聯繫', '5.').slice(0, 4), ['5.', 'SEN上門.SEN入屋', '星資教育有限公司', '大學／大專院校組']);

  // Lines 14447 "14.  方案 :  一站式醫療平台", 14449 "IMEDDY R&D LIMITED", 14451 "組別：大學／大專院校組".
  assert.equal(entry('保持社交聯繫', '14.').slice(0, 4), ['14.', '一站式醫療平台', 'IMEDDY R&D LIMITED', '大學／大專院校組']);

  // Lines 14607 "5.  方案 : 面包啤酒", 14609 "面包啤酒公司", 14611 "組別：大學／大專院校組",
  // 14615–14619 "Breer  是一家將食物升級再造的初創公司，主要收集" … "酒，減少食物浪費。".
  assert.equal(entry('環境的可持續發展', '5.'), [
    '5.',
    '面包啤酒',
    '面包啤酒公司',
    '大學／大專院校組',
    'Breer是一家將食物升級再造的初創公司，主要收集未經出售及食用的麵包和薄餅餅底，用以釀製麵包啤酒，減少食物浪費。',
  ]);

  // Lines 14673 " 8.  方案 :  廚餘再生俠", 14675 "聯誼工程 (國際控股 )有限公司", 14677 "組別：公開組".
  assert.equal(entry('環境的可持續發展', '8.').slice(0, 4), ['8.', '廚餘再生俠', '聯誼工程(國際控股)有限公司', '公開組']);

  // Lines 14706 " 9.  方案 : FEEDSPRESSO", 14708 "雅高得有限公司", 14710 "組別：公開組"; the three aims
  // printed as list items on lines 14720, 14722, 14724 stay apart (one space each).
  const e9 = entry('環境的可持續發展', '9.');
  assert.equal(e9.slice(0, 4), ['9.', 'FEEDSPRESSO', '雅高得有限公司', '公開組']);
  assert.ok(e9[4]!.includes('以達致以下目的：廚餘管理設施去中心化 減少碳和溫室氣體排放 建設可持續發展的綠色社區 一台FEEDSPRESSO'), e9[4]);
  assert.ok(e9[4]!.endsWith('即每年為香港減碳約36,500噸。'), e9[4]);

  // Lines 14740 "10.  方案 : 自動駕駛機械人船", 14742 "Open Ocean Engineering", 14744 "組別：公開組",
  // description 14746–14754, the last lines of the reply.
  assert.equal(entry('環境的可持續發展', '10.'), [
    '10.',
    '自動駕駛機械人船',
    'Open Ocean Engineering',
    '公開組',
    'Open Ocean Engineering是一家機械人科技公司，致力於研發支持人工智能的自動駕駛機械人船Clearbot，並使用電力和太陽能等高效能源代替傳統燃油。Clearbot完全無人駕駛，可以自主運行，從而徹底改變海洋運輸方式，減少碳排放並實現淨零排放及碳中和。',
  ]);
});

test('ITIB097: the reply still spans source lines 13943–14754', () => {
  assert.equal(reply(g, 'ITIB097').fm.source.lines, [13943, 14754]);
});

test.run();
