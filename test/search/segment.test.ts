/** Build-time segmentation and the query module agree, on the artefacts the PDF text really has. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { closeHanGaps, segmentText } from '../../src/search/segment.ts';
import { segmentQuery, parseReplyNumber, replyJumps } from '../../src/site/search/query.js';

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

test('a query is split into the same words as the indexed text around it', () => {
  for (const term of ['智方便', '數碼港', '再工業化', '科技人才入境計劃', '北部都會區']) {
    const indexed = ` ${segmentText(`推動「${term}」的發展`)} `;
    assert.ok(indexed.includes(` ${segmentQuery(term)} `), `${term}: query "${segmentQuery(term)}" not in "${indexed}"`);
  }
  assert.is(segmentQuery('創 科 生 態'), segmentQuery('創科生態'));
});

test('reply numbers: ITIB259, itib259, "itib 259" and 259 all mean reply 259', () => {
  assert.equal(parseReplyNumber('ITIB259'), { bureau: 'ITIB', n: 259 });
  assert.equal(parseReplyNumber('itib 259'), { bureau: 'ITIB', n: 259 });
  assert.equal(parseReplyNumber(' 259 '), { bureau: null, n: 259 });
  assert.is(parseReplyNumber('智方便'), null);
  assert.is(parseReplyNumber('0'), null);
  const replies = { '2023-24': { ITIB: 263 } };
  assert.equal(replyJumps('259', replies), [{ year: '2023-24', replyNo: 'ITIB259', path: '2023-24/itib259/' }]);
  assert.equal(replyJumps('itib1', replies)[0]?.replyNo, 'ITIB001');
  assert.equal(replyJumps('264', replies), [], 'no reply 264 in 2023-24');
  assert.equal(replyJumps('CSB001', replies), [], 'another bureau');
});

test.run();
