import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { joinLines, normaliseSpaces } from '../../src/ingest/text.ts';

test('wrapped Chinese lines join with no space', () => {
  assert.is(joinLines(['財政司司長提及，將在今年年底舉辦「國際綠色科技周」，匯聚相關產業', '代表、企業及投資者。']), '財政司司長提及，將在今年年底舉辦「國際綠色科技周」，匯聚相關產業代表、企業及投資者。');
});

test('wrapped English lines join with one space', () => {
  assert.is(joinLines(['The Government will hold the', 'event at the end']), 'The Government will hold the event at the end');
});

test('justification spaces between Chinese characters are removed', () => {
  assert.is(normaliseSpaces('和 家 長 使 用 。 基 金 將 會'), '和家長使用。基金將會');
});

test('digit groups, English words and codes keep their spaces', () => {
  assert.is(normaliseSpaces('截至 2023年 1月底，累計約 1 300間科技企業'), '截至2023年1月底，累計約1 300間科技企業');
  assert.is(normaliseSpaces('「創科培育計劃 (Incubation Programme)」'), '「創科培育計劃(Incubation Programme)」');
  assert.is(normaliseSpaces('Analyst/Programmer II 6 2 4.38'), 'Analyst/Programmer II 6 2 4.38');
});

test('numbering is kept exactly, with one space before the text', () => {
  assert.is(normaliseSpaces('1.  過去三年，政府'), '1. 過去三年，政府');
  assert.is(normaliseSpaces('(a)  過去三年'), '(a) 過去三年');
  assert.is(joinLines(['1.及', '3. ', '科技園公司早於 2001年推出']), '1.及3. 科技園公司早於2001年推出');
});

test('full-width punctuation is untouched', () => {
  assert.is(normaliseSpaces('（一） 創新，「官產學研」；'), '（一） 創新，「官產學研」；');
});

test.run();
