import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readBlocks, type Block } from '../../src/ingest/blocks.ts';
import { zhLayout } from '../../src/ingest/layout.ts';
import { recoverTables } from '../../src/ingest/table-recovery.ts';

const FULL = 70;
const blocks = (lines: string[]): Block[] => readBlocks(lines, 0, lines.length, zhLayout, new Uint8Array(lines.length), FULL);

test('a space-only line ends a paragraph; empty lines are double-spacing noise', () => {
  const b = blocks(['政府將在今年年底舉辦「國際綠色科技周」，匯聚相關產業代表、企業及', '', '投資者。  ', ' ', '第二段。']);
  assert.equal(b.map((x) => (x.kind === 'paragraph' ? x.text : x.kind)), ['政府將在今年年底舉辦「國際綠色科技周」，匯聚相關產業代表、企業及投資者。', '第二段。']);
});

test('page footers and stray header furniture inside text are dropped', () => {
  const b = blocks(['在2022年，共有12 387宗「科技券」申請獲批，與2020年及2021年分別批准的', '第  17 節  ITIB - 第  2 頁  ', '1 536宗及3 787宗申請比較。']);
  assert.is(b.length, 1);
  assert.equal(b[0], { kind: 'paragraph', text: '在2022年，共有12 387宗「科技券」申請獲批，與2020年及2021年分別批准的1 536宗及3 787宗申請比較。', line: 1 });
});

test('an annex heading is its own block', () => {
  const b = blocks(['詳情載列於附件一。', ' ', ' 附件一  ', ' ', '科技統籌(整體撥款)']);
  assert.equal(b.map((x) => x.kind), ['paragraph', 'annex', 'paragraph']);
  assert.is(b[1]!.kind === 'annex' && b[1]!.title, '附件一');
});

test('numbering labels on lines of their own are not table cells (ITIB072)', () => {
  const b = blocks(['1.', '', '及', '', '2.', '', '創科及工業局從基建、人才、資金、技術及科研 5大方面推動「新型', '', '工業化」：']);
  assert.equal(b, [{ kind: 'paragraph', text: '1.及2. 創科及工業局從基建、人才、資金、技術及科研5大方面推動「新型工業化」：', line: 1 }]);
});

test('a numbering label alone before a separator joins the paragraph after it (ITIB066)', () => {
  const b = blocks(['4. ', ' ', '政府於 2019年年底公布的「2027年人力資源推算」報告。']);
  assert.equal(b, [{ kind: 'paragraph', text: '4. 政府於2019年年底公布的「2027年人力資源推算」報告。', line: 1 }]);
});

test('an amount alone on its line is not run into the next row\'s text (ITIB082), but a number with its unit reads on', () => {
  const b = blocks(['0.9 ', '', '以無人飛機航拍進行河道監測之試驗 ', ' ', '2.5 ', '', '香港污水系統防腐蝕抗菌混凝土研究 ']);
  assert.equal(b.map((x) => (x.kind === 'paragraph' ? x.text : x.kind)), ['0.9', '以無人飛機航拍進行河道監測之試驗', '2.5', '香港污水系統防腐蝕抗菌混凝土研究']);
  const prose = blocks(['創新科技署為推動大學科研成果商品化及支援初創企業發展而預留的', '', '撥款，在二零二三至二四年度推行各項計劃的預算開支合共為', '', '1.5', '', '億元，較去年增加約百分之十二，主要用於支援大學的科技初創企業。']);
  assert.equal(prose.map((x) => (x.kind === 'paragraph' ? x.text : x.kind)), [
    '創新科技署為推動大學科研成果商品化及支援初創企業發展而預留的撥款，在二零二三至二四年度推行各項計劃的預算開支合共為1.5億元，較去年增加約百分之十二，主要用於支援大學的科技初創企業。',
  ]);
});

test('table rows the extraction separated like paragraphs stay one extracted table (ITIB114)', () => {
  const b = blocks(['相關項目表列如下：', ' ', '醫療器材 2 3,000萬', ' ', '納米纖維材料 2 2,780萬', ' ', '總計 30 2.7億', ' ', '此外，我們會繼續推動。']);
  assert.equal(b.map((x) => x.kind), ['paragraph', 'extracted', 'paragraph']);
  assert.equal(b[1]!.kind === 'extracted' && b[1]!.lines, ['醫療器材 2 3,000萬', '納米纖維材料 2 2,780萬', '總計 30 2.7億']);
});

test('a flattened table with ambiguous digit groups is kept line by line', () => {
  const lines = ['  2020年 2021年 2022年 ', '來電數目 4 743 772 4 648 551 6 472 280 ', '來函數目 498 344 640 999 712 147 '];
  const out = recoverTables(lines.map((l) => l.trim()), 10);
  assert.equal(out, [{ kind: 'extracted', lines: lines.map((l) => l.trim()), line: 10 }]);
});

test('a simple numeric table with one header cell per column is recovered', () => {
  const lines = ['年份 2020 2021 2022', '總管理參議主任 1 0 1', '高級管理參議主任 4 0 1'];
  const out = recoverTables(lines, 5);
  assert.is(out.length, 1);
  assert.equal(out[0]!.kind === 'table' && out[0]!.rows, [['年份', '2020', '2021', '2022'], ['總管理參議主任', '1', '0', '1'], ['高級管理參議主任', '4', '0', '1']]);
});

test('a row label broken by justification spaces makes the table uncertain', () => {
  const lines = ['地區 燈柱數目', '觀塘／啟德發展區 約 70', '油尖旺區 約 30'];
  assert.equal(recoverTables(lines, 1).map((b) => b.kind), ['extracted']);
});

test('a table continued after a page break with its header repeated is one table', () => {
  const lines = ['所屬行業 評審委員會支持申請宗數', '醫療器材 2', '建造材料 2', '所屬行業 評審委員會支持申請宗數', '電子 1', '其他 2'];
  const out = recoverTables(lines, 1);
  assert.is(out.length, 1);
  assert.is(out[0]!.kind === 'table' && out[0]!.rows.length, 5);
});

test('hand-rebuilt pipe rows (from a reviewed patch) become a table', () => {
  const b = blocks(['表列如下：', ' ', '| 界別 | 宗數 |', '| --- | --- |', '| 建造 | 696 |', ' ', '註：說明。']);
  assert.equal(b.map((x) => x.kind), ['paragraph', 'table', 'paragraph']);
  assert.equal(b[1]!.kind === 'table' && b[1]!.rows, [['界別', '宗數'], ['建造', '696']]);
});

test.run();
