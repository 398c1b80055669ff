/** Index and query tokenisation (one shared implementation) agree, on the artefacts the PDF text really has. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { closeHanGaps, segmentText } from '../../src/search/segment.ts';
import { segmentQuery, parseReplyNumber, replyJumps } from '../../src/browser/search/query.js';

test('justified and cell-wrapped Chinese is closed up, so 無人機 split over lines is one term', () => {
  assert.is(closeHanGaps('創 科 生 態'), '創科生態');
  assert.is(closeHanGaps('編程、無\n人機、機械人'), '編程、無人機、機械人');
  assert.is(closeHanGaps('效率促\n進辦公\n室'), '效率促進辦公室');
});

test('letter-spaced digits join; digit groups and Latin words keep their space', () => {
  assert.is(closeHanGaps('me@1 8 2 3  v2'), 'me@1823  v2');
  assert.is(closeHanGaps('2 0 2 2年'), '2022年');
  assert.is(closeHanGaps('超過3 300萬人次'), '超過3 300萬人次');
  assert.is(closeHanGaps('iAM Smart'), 'iAM Smart');
});

test('a term typed is a consecutive run of the indexed tokens, whatever surrounds it in the text', () => {
  const contexts = ['推動「X」的發展', 'X', '科技X項目', '於2023年X，', 'X5G網絡'];
  for (const term of ['智方便', '數碼港', '善用', '創新', '再工業化', '科技人才入境計劃', '業化', '港']) {
    for (const ctx of contexts) {
      const indexed = ` ${segmentText(ctx.replace('X', term))} `;
      assert.ok(indexed.includes(` ${segmentQuery(term)} `) || indexed.includes(` ${segmentQuery(term)}`), `${term} in ${ctx}: "${segmentQuery(term)}" not in "${indexed}"`);
    }
  }
  assert.is(segmentText('數碼港'), '數碼 碼港 港');
  assert.is(segmentQuery('數碼港'), '數碼 碼港', 'no final character: 數碼港公司 must match too');
  assert.is(segmentQuery('2018年'), '2018 年');
  assert.is(segmentQuery('產學研1+計劃'), '產學 學研 研 1 計劃', 'punctuation dropped, inner run keeps its end');
  assert.is(segmentQuery('創 科 生 態'), segmentQuery('創科生態'));
});

test('reply numbers: ITIB259, itib259, "itib 259" and 259 all mean reply 259', () => {
  assert.equal(parseReplyNumber('ITIB259'), { bureau: 'ITIB', n: 259 });
  assert.equal(parseReplyNumber('itib 259'), { bureau: 'ITIB', n: 259 });
  assert.equal(parseReplyNumber(' 259 '), { bureau: null, n: 259 });
  assert.is(parseReplyNumber('智方便'), null);
  assert.is(parseReplyNumber('0'), null);
  const replies = { '2023-24': { ITIB: 263 } };
  assert.equal(replyJumps('259', replies, '/{year}/{replyno}/'), [{ year: '2023-24', replyNo: 'ITIB259', path: '2023-24/itib259/' }]);
  assert.equal(replyJumps('itib1', replies, '/{year}/en/{replyno}/')[0]?.replyNo, 'ITIB001');
  assert.equal(replyJumps('264', replies, '/{year}/{replyno}/'), [], 'no reply 264 in 2023-24');
  assert.equal(replyJumps('CSB001', replies, '/{year}/{replyno}/'), [], 'another bureau');
});

test.run();
