import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { generateOne } from '../../src/ingest/run.ts';
import { renderedText, root } from './_real.ts';

const g = generateOne(root, path.join(root, 'content/sources/background/background-zh-2015-12-14-ITB-paper.txt'), 'tree', new Map());
const md = g.files.get('content/pages/background/2015-itb-priorities.md')!;
const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(md) ?? [];

test('the 2015 paper becomes its own page with the background front-matter', () => {
  assert.equal(parse(yaml), {
    slug: '2015-itb-priorities',
    lang: 'zh-Hant-HK',
    title: '創新及科技局的工作',
    date: '2015-12-14',
    committee: '立法會資訊科技及廣播事務委員會及工商事務委員會',
    source: { file: 'content/sources/background/background-zh-2015-12-14-ITB-paper.txt', lines: [1, 325] },
  });
  assert.is(g.summary.unaccounted, 0);
});

test('section headings, the nine priorities as sub-headings, numbered paragraphs kept', () => {
  const headings = body.split('\n').filter((l) => l.startsWith('#'));
  assert.equal(headings.slice(0, 2), ['## 背景', '## 發展方向和工作重點']);
  assert.is(headings.filter((h) => h.startsWith('### ')).length, 9);
  assert.is(headings[2], '### (一)推動科研合作');
  assert.equal(headings.slice(-2), ['## 關鍵績效指標', '## 總結']);
  assert.ok(renderedText(body).includes('2. 為推動社會和經濟持續及多元化發展，特區政府決心發展本地創新及科技產業'));
});

test.run();
