/** The sections plugin: each level-2 heading opens a labelled <section>. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderBody } from '../../src/site/markdown/index.ts';

const reply = (md: string) => renderBody(md, 'zh-Hant-HK', 'reply');

test('sections: 問題, 答覆 and each annex become labelled sections with stable ids', () => {
  const out = reply('## 問題\n\n甲\n\n## 答覆\n\n乙\n\n## 附件一\n\n丙\n\n## 附件二\n\n丁\n');
  assert.match(out, '<section id="question" aria-labelledby="question-h">\n<h2 id="question-h">問題</h2>');
  assert.match(out, '<section id="answer" aria-labelledby="answer-h">');
  assert.match(out, '<section id="annex-1" aria-labelledby="annex-1-h">\n<h2 id="annex-1-h">附件一</h2>');
  assert.match(out, '<section id="annex-2"');
  assert.is(out.match(/<section/g)?.length, 4);
  assert.is(out.match(/<\/section>/g)?.length, 4);
});

test('sections: English labels map to the same ids; pages number their sections', () => {
  const en = renderBody('## Question\n\nA\n\n## Reply\n\nB\n\n## Annex A\n\nC\n', 'en', 'reply');
  assert.match(en, 'id="question"');
  assert.match(en, 'id="answer"');
  assert.match(en, 'id="annex-1"');
  const page = renderBody('引言\n\n## 背景\n\n甲\n\n## 工作重點\n\n乙\n', 'zh-Hant-HK', 'page');
  assert.match(page, '<p id="intro-1">引言');
  assert.match(page, '<section id="section-1"');
  assert.match(page, '<section id="section-2"');
});

test.run();
