/** The anchors plugin: stable paragraph ids with a visible link on focus/hover. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderBody } from '../../src/site/markdown/index.ts';

const reply = (md: string) => renderBody(md, 'zh-Hant-HK', 'reply');

test('anchors: every paragraph gets an id and a keyboard-reachable link to itself', () => {
  const out = reply('## 答覆\n\n現就問題回覆如下：\n\n詳情如下。\n');
  assert.match(out, '<p id="answer-1">現就問題回覆如下： <a class="pa" href="#answer-1" aria-label="連結至此段（answer-1）">#</a></p>');
  assert.match(out, '<p id="answer-2">詳情如下。');
});

test('anchors: numbered parts are named after their number, so "part 3 of the answer" has a link', () => {
  const out = reply(
    '## 答覆\n\n回覆如下：\n\n1\\.及3\\. 第一及第三部分。\n\n2\\. 第二部分：\n\n(a) 甲；\n\n(b) 乙；\n\n(i) 羅馬數字不是字母；\n\n說明段落。\n\n2\\.5億元不是編號。\n',
  );
  assert.match(out, '<p id="answer-1">回覆如下：');
  assert.match(out, '<p id="answer-part-1">1.及3. 第一及第三部分。 <a class="pa" href="#answer-part-1"');
  assert.match(out, '<p id="answer-part-2">2. 第二部分：');
  assert.match(out, '<p id="answer-part-2-a">(a) 甲；');
  assert.match(out, '<p id="answer-part-2-b">(b) 乙；');
  assert.match(out, '<p id="answer-6">(i) 羅馬數字不是字母；');
  assert.match(out, '<p id="answer-7">說明段落。');
  assert.match(out, '<p id="answer-8">2.5億元不是編號。');
  // numbering stays literal text, never an <ol> that could renumber
  assert.not.match(out, '<ol');
});

test('anchors: lettered parts before any number, and a numbering that restarts keeps unique ids', () => {
  const out = reply('## 問題\n\n(a) 甲？\n\n(b) 乙？\n\n## 附件一\n\n1\\. 一\n\n1\\. 又一\n');
  assert.match(out, '<p id="question-part-a">(a) 甲？');
  assert.match(out, '<p id="question-part-b">(b) 乙？');
  assert.match(out, '<p id="annex-1-part-1">1. 一');
  assert.match(out, '<p id="annex-1-2">1. 又一');
});

test('anchors: ids are unique even when a label repeats', () => {
  const out = reply('## 答覆\n\n甲\n\n## 答覆\n\n乙\n');
  assert.match(out, 'id="answer-1"');
  assert.match(out, '<section id="answer-2"');
  assert.match(out, 'id="answer-2-1"');
});

test.run();
