/** The anchors plugin: stable paragraph ids with a visible link on focus/hover. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderBody } from '../../src/site/markdown/index.ts';

const reply = (md: string) => renderBody(md, 'zh-Hant-HK', 'reply');

test('anchors: every paragraph gets <section>-<n> and a keyboard-reachable link to itself', () => {
  const out = reply('## 答覆\n\n現就問題回覆如下：\n\n1\\. 第一部分。\n\n2\\. 第二部分。\n');
  assert.match(out, '<p id="answer-2">1. 第一部分。 <a class="pa" href="#answer-2" aria-label="連結至此段（answer-2）">#</a></p>');
  assert.match(out, '<p id="answer-3">2. 第二部分。');
  // numbering stays literal text, never an <ol> that could renumber
  assert.not.match(out, '<ol');
});

test('anchors: ids are unique even when a label repeats', () => {
  const out = reply('## 答覆\n\n甲\n\n## 答覆\n\n乙\n');
  assert.match(out, 'id="answer-1"');
  assert.match(out, '<section id="answer-2"');
  assert.match(out, 'id="answer-2-1"');
});

test.run();
