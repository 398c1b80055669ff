import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deriveTitle } from '../../src/ingest/title.ts';
import { splitClauses } from '../../src/ingest/title-clauses.ts';
import { realDocument, reply } from './_real.ts';

// Questions below are the real 2023-24 ITIB questions (first paragraphs, as the ingest joins them);
// each expectation says what a citizen scanning the list should learn from the title.

const length = (s: string) => Array.from(s).length;

test('clauses end at clause punctuation, never inside a number, a bracket pair or a 「」 quotation', () => {
  const c = splitClauses('在科技統籌(整體撥款)項下的撥款114,359,000元，以2：1的配對形式，「匯聚產業代表，企業及投資者」。');
  assert.equal(c.map((x) => x.text), ['在科技統籌(整體撥款)項下的撥款114,359,000元', '以2：1的配對形式', '「匯聚產業代表，企業及投資者」']);
  assert.equal(c.map((x) => x.end), ['，', '，', '。']);
});

test('ITIB042: mentions 科技統籌 and keeps the whole sum (was cut at the comma inside 114,359,000)', () => {
  const t = deriveTitle('在科技統籌(整體撥款)項下的撥款114,359,000元，用作資助各局／部門推行各項20萬元以上但不超過1,000萬元的項目，以採用科技提升公共服務質素、效率或效益，或利用科技改善運作，讓市民受惠。就此，當局可否告知本會：');
  assert.ok(t.includes('科技統籌'), t);
  assert.ok(t.includes('114,359,000元'), t);
});

test('ITIB028: the 在總目135—政府總部︰… heading is skipped for the clause about 效率促進辦公室', () => {
  const t = deriveTitle('在總目135—政府總部︰創新科技及工業局中，綱領(3)效率促進辦公室在各綱領的撥款分配情況及員工人數中均佔最多。就此，可否告知本會：');
  assert.not.ok(t.includes('總目'), t);
  assert.ok(t.includes('效率促進辦公室'), t);
});

test('ITIB174: a sum written 2億6,500萬元 is never cut', () => {
  const t = deriveTitle('預算案宣布，會為數碼港預留2億6,500萬元，以推出一項針對智慧生活初創企業的培育計劃，企業可獲最高資助額為50萬元，預期未來5年，每年有約90間合資格初創企業受惠。就此：');
  assert.ok(t.includes('數碼港預留2億6,500萬元'), t);
  assert.not.ok(t.startsWith('預算案宣布'), t);
});

test('ITIB262: a first paragraph that is only the request formula gives way to the first item', () => {
  const t = deriveTitle(['政府可否告知本會：', '1. 負責推動各政府網站元數據整合的人手編制、職級和相關開支；']);
  assert.ok(t.startsWith('負責推動各政府網站元數據整合'), t);
  assert.not.ok(t.includes('告知'), t);
});

test('ITIB221: the estimates heading 需要特別留意的事項包括︰ is skipped for the item it introduces', () => {
  const t = deriveTitle('在此綱領中，政府資訊科技總監辦公室在2023至24年度需要特別留意的事項包括︰繼續透過長者外展及培訓計劃，推動長者應用資訊及通訊科技；請告知本會，在過去的2022至23年度中，當局用於推動長者應用資訊及通訊科技的開支是多少？');
  assert.ok(t.includes('長者外展及培訓計劃'), t);
  assert.not.ok(t.includes('事項'), t);
});

test('ITIB226: "…的工作包括︰" introduces the work the question is about', () => {
  const t = deriveTitle('在此綱領中，政府資訊科技總監辦公室的工作包括︰繼續提高政府內部的資訊保安意識，並監察各局和部門遵行政府資訊保安規定的情況；請告知本會，');
  assert.ok(t.startsWith('繼續提高政府內部的資訊保安意識'), t);
});

test('ITIB055: a quoted speech becomes the title of the quotation, its own quotes kept', () => {
  const t = deriveTitle('財政司司長在預算案演辭第63段中提及︰「政府將在今年年底舉辦「國際綠色科技周」，匯聚相關產業代表、企業及投資者。」請告知本會，有關活動的開支是多少？');
  assert.is(t, '政府將在今年年底舉辦「國際綠色科技周」');
});

test('ITIB069: a duty quoted after a long preamble — the title is the duty, brackets whole', () => {
  const t = deriveTitle('創新科技及工業局其中一個職責是「推展在落馬洲河套地區發展港深創新及科技園(港深創科園)的工作」，就此政府可否告知本會：');
  assert.ok(t.includes('港深創新及科技園(港深創科園)'), t);
  assert.ok(length(t) <= 40, t);
});

test('ITIB003: a purpose clause naming nothing is skipped for the clause with the money and 數碼港', () => {
  const t = deriveTitle('為了配合發展智慧城市及數字經濟的政策，預算案將為數碼港預留2.65億元，以推出一項針對智慧生活初創企業的培育計劃。');
  assert.ok(t.includes('數碼港預留2.65億元'), t);
});

test('ITIB127 and ITIB094: topic marker and request formula around the subject are dropped', () => {
  assert.is(deriveTitle('有關「科技人才入境計劃」政府可否告知本會：'), '科技人才入境計劃');
  assert.is(deriveTitle('就效率促進辦公室，政府可否告知本會：'), '效率促進辦公室');
});

test('ITIB204 and ITIB099: "表示將「…」" after a where-in-the-estimates lead-in gives the quoted work', () => {
  assert.is(deriveTitle('就來年工作事項中，表示將「繼續透過智慧政府創新實驗室及科技統籌(整體撥款)計劃，推動各局和部門採用創新科技」，就此當局可否告知本會：'), '繼續透過智慧政府創新實驗室及科技統籌(整體撥款)計劃');
  assert.is(deriveTitle('在綱領(2)「二零二三至二四年度需要特別留意的事項」中，表示將「推行產學研1+計劃」。就此，政府可否告知本會：'), '推行產學研1+計劃');
});

test('ITIB002: numbering and a time clause are dropped; the question mark of the question stays', () => {
  assert.is(deriveTitle('1. 過去三年，政府投入科學園和數碼港支持創新創業的資金總額是多少？在科學園及數碼港創科培育及加速計劃的投資安排是怎樣的？'), '政府投入科學園和數碼港支持創新創業的資金總額是多少？');
});

test('ITIB120: a clause too long is cut before a bracket it cannot hold whole, with an ellipsis', () => {
  const t = deriveTitle('關於創新科技署轄下五所研發中心(即汽車科技研發中心、香港應用科技研究院、香港紡織及成衣研發中心、物流及供應鏈多元技術研發中心、以及納米及先進材料研發院)。請告知本會：');
  assert.is(t, '創新科技署轄下五所研發中心…');
});

test('a short clause is extended by the next, and a request formula is not added', () => {
  assert.is(deriveTitle('1. 就政府Wifi，請告知本會現時的熱點數目。'), '政府Wifi，現時的熱點數目');
  assert.is(deriveTitle('財政司司長提及，將在今年年底舉辦「國際綠色科技周」，匯聚相關產業代表。'), '將在今年年底舉辦「國際綠色科技周」');
});

test('every derived title of the real document: short, not boilerplate, not ending mid-number, brackets balanced', () => {
  const g = realDocument();
  for (let n = 1; n <= 263; n++) {
    const id = `ITIB${String(n).padStart(3, '0')}`;
    const { fm } = reply(g, id);
    const t = fm.title;
    assert.ok(length(t) >= 4 && length(t) <= 41, `${id}: ${t}`);
    assert.not.ok(/^(?:就此|請告知|政府可否告知|據悉|在總目|在此綱領)/.test(t), `${id}: ${t}`);
    assert.not.ok(/需要特別留意的事項(?:中|包括)?$/.test(t), `${id}: ${t}`);
    // Never a number cut short: a title does not end in a digit group separator or a digit before 「…」.
    assert.not.ok(/\d[,.]$|\d…$/.test(t), `${id}: ${t}`);
    for (const [open, close] of [['「', '」'], ['(', ')'], ['《', '》']] as const) {
      assert.is(t.split(open).length, t.split(close).length, `${id}: ${t}`);
    }
  }
});

test.run();
