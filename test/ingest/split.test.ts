import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseHeader, parseProgrammes } from '../../src/ingest/header.ts';
import { zhLayout } from '../../src/ingest/layout.ts';
import { splitReplies } from '../../src/ingest/split.ts';

const DOC = [
  'ITIB002 482 陳克勤 135 (2) 創新及科技 ', // 1: index
  '  審核 2023-24年度  答覆編號  ',
  ' 開支預算  ',
  'ITIB001 ',
  ' 管制人員的答覆  ',
  '(問題編號： 2875) ', // 6
  '答覆：正文',
  '– 完  –',
  'https://example.org/', // 9: after the end marker
  '(問題編號： 0482) ', // 10: header lost
  '答覆：正文，沒有結束標記',
  '第  17 節  ITIB - 第  3 頁  ',
];

test('replies split at question-number lines; a lost header starts at the question line', () => {
  const r = splitReplies(DOC, zhLayout);
  assert.is(r.length, 2);
  assert.equal([r[0]!.start, r[0]!.questionLine, r[0]!.end], [1, 5, 9]);
  assert.is(r[0]!.printedReplyNo, 'ITIB001');
  assert.is(r[0]!.headerFurniture, 3);
  assert.equal([r[1]!.start, r[1]!.end, r[1]!.questionNo, r[1]!.printedReplyNo], [9, 12, 482, null]);
});

test('header fields: wrapped values, 沒有指定, a reply with no 答覆 is an error naming the line', () => {
  const lines = [
    '(問題編號： 2042) ',
    '總目：  (155) 政府總部：創新科技署  ',
    '分目：  (000) 運作開支  ',
    '綱領：  (6) 資助金：香港生產力促進局，香港應用科技研究院有限',
    '',
    '公司   ',
    '管制人員：  創新科技署署長 (潘婷婷 ) ',
    '局長：  創新科技及工業局局長  ',
    '問題：  ',
    '問一個問題？',
    '提問人：周浩鼎議員 (立法會內部參考編號： 2) ',
    '答覆：  ',
    '回答。',
    '– 完  –',
  ];
  const region = { start: 0, questionLine: 0, end: lines.length, questionNo: 2042, printedReplyNo: null, replyNoLine: null, headerFurniture: 0 };
  const h = parseHeader(lines, region, zhLayout, new Uint8Array(lines.length), 'x.txt', 'ITIB104');
  assert.equal(h.head, { code: '155', name: '政府總部：創新科技署' });
  assert.is(h.subhead, '(000) 運作開支');
  assert.equal(h.programmes, [{ code: '6', name: '資助金：香港生產力促進局，香港應用科技研究院有限公司' }]);
  assert.is(h.controllingOfficer, '創新科技署署長(潘婷婷)');
  assert.is(h.member, '周浩鼎');
  assert.is(h.memberRef, '2');
  assert.equal(h.question, { from: 9, to: 10 });
  assert.is(h.endMarkerLine, 13);
  const broken = lines.filter((l) => !l.startsWith('答覆'));
  assert.throws(
    () => parseHeader(broken, { ...region, end: broken.length }, zhLayout, new Uint8Array(broken.length), 'x.txt', 'ITIB104'),
    /x\.txt:1: reply ITIB104 has no "答覆" line before the file ends/,
  );
});

test('two programmes separated by a comma, either width', () => {
  assert.equal(parseProgrammes('(1) 政府內部資訊科技的使用 ,  (2) 資訊科技基建及標準', 'x', 1, 'R').map((p) => p.name), ['政府內部資訊科技的使用', '資訊科技基建及標準']);
  assert.equal(parseProgrammes('(2) 資訊科技基建及標準， (3) 社會對資訊科技的使用', 'x', 1, 'R').map((p) => p.code), ['2', '3']);
});

test.run();
