/**
 * Budget years and grouped numbers are whole tokens, the same at index and at query
 * time (issue 17): each way the replies print a year finds the others, a year is not
 * a word 2022 followed by a word 23, and 1 300 is the number 1,300.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { segmentText } from '../../src/search/segment.ts';
import { segmentQuery, tokenText } from '../../src/browser/search/query.js';

/** Whether the indexed text holds the query's tokens as a consecutive run (what a phrase search finds). */
const finds = (text: string, query: string) => ` ${segmentText(text)} `.includes(` ${segmentQuery(query)} `);

test('every printed form of a budget year finds every other', () => {
  const forms = ['2022-23年度', '2022/23年度', '2022–23年度', '2022至23年度', '2022-2023年度', '二零二二至二三年度'];
  for (const text of forms) for (const q of ['2022-23', '2022/23', '二零二二至二三', '2022-2023']) assert.ok(finds(`審核${text}開支`, q), `${q} in ${text}`);
});

test('a year is one token: 2022-23 does not match 2022 beside a 23 elsewhere, nor the next year', () => {
  assert.not.ok(finds('於2022年完成23項', '2022-23'));
  assert.not.ok(finds('2023-24年度', '2022-23'));
  // A range of years that do not follow each other is left as it is printed.
  assert.ok(finds('2019-2023期間', '2019'));
  assert.not.ok(segmentText('2019-2023').includes('y'));
});

test('the first year alone still finds the budget year (prefix of its token)', () => {
  assert.ok(segmentText('2022-23年度').split(' ')[0]!.startsWith(segmentQuery('2022')));
});

test('grouped numbers: 1 300, 1,300 and 1300 are one number; decimals keep their point', () => {
  for (const text of ['約1 300間', '約1,300間', '約1300間']) for (const q of ['1 300', '1,300', '1300間']) assert.ok(finds(text, q), `${q} in ${text}`);
  assert.not.ok(finds('1 3000', '1300'));
  assert.ok(finds('約45.7億元', '45.7億元'));
});

test('an excerpt shows a year token as the text usually prints it', () => {
  assert.is(tokenText(segmentText('2022/23')), '2022-23');
  assert.is(tokenText('數碼'), '數碼');
});

test.run();
