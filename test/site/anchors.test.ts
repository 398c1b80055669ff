/** The anchors plugin: stable paragraph ids with a visible link on focus/hover. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderBody } from '../../src/site/markdown/index.ts';

const reply = (md: string) => renderBody(md, 'zh-Hant-HK', 'reply');

test('anchors: every paragraph gets an id and a link to itself that a listener understands', () => {
  const out = reply('## 答覆\n\n現就問題回覆如下：\n\n詳情如下。\n');
  assert.match(out, '<p id="answer-1">現就問題回覆如下： <a class="pa" href="#answer-1" aria-label="連結至答覆第 1 段">#</a></p>');
  assert.match(out, '<p id="answer-2">詳情如下。 <a class="pa" href="#answer-2" aria-label="連結至答覆第 2 段">#</a></p>');
  const en = renderBody('## 問題\n\n請問？\n\n## 附件一\n\n表。\n', 'zh-Hant-HK', 'reply', 'en');
  assert.match(en, '<a class="pa" href="#question-1" aria-label="Link to paragraph 1 of the question" lang="en">#</a>');
  assert.match(en, 'aria-label="Link to paragraph 1 of the annex 1" lang="en"');
});

test('anchors: in a section with numbered parts, only the parts are tab stops; the paragraphs between keep a pointer-only link', () => {
  const out = reply('## 答覆\n\n回覆如下：\n\n1\\. 第一。\n\n說明。\n\n2\\. 第二：\n\n(a) 甲；\n');
  assert.match(out, '<p id="answer-1">回覆如下： <a class="pa" href="#answer-1" tabindex="-1" aria-hidden="true">#</a></p>');
  assert.match(out, '<a class="pa" href="#answer-part-1" aria-label="連結至答覆第 1 點">#</a>');
  assert.match(out, '<p id="answer-3">說明。 <a class="pa" href="#answer-3" tabindex="-1" aria-hidden="true">#</a></p>');
  assert.match(out, '<a class="pa" href="#answer-part-2-a" aria-label="連結至答覆第 2(a) 點">#</a>');
});

test('web addresses in the text become links: http(s) only, whole, without the sentence around them', () => {
  const out = reply(
    '## 答覆\n\n網頁https://www.itf.gov.hk/tc/project-search/index.html供公衆參閲。(http://www.smartcity.gov.hk)。見https://www.it-lab.gov.hk/tc/approved\\_application.php 及 javascript:alert(1) mailto:a@b.c www.x.com ftp://x.org data:text/html,x。\n',
  );
  const links = [...out.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
  assert.equal(links, [
    ['https://www.itf.gov.hk/tc/project-search/index.html', 'https://www.itf.gov.hk/tc/project-search/index.html'],
    ['http://www.smartcity.gov.hk', 'http://www.smartcity.gov.hk'],
    ['https://www.it-lab.gov.hk/tc/approved_application.php', 'https://www.it-lab.gov.hk/tc/approved_application.php'],
  ]);
  assert.match(out, '供公衆參閲。(');
  assert.not.match(out, /href="(?:javascript|mailto|ftp|data):/);
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
