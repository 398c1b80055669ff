/**
 * Where a reply lies in the printed document, from the page footers the ingest
 * strips. Golden cases on the real 2023-24 document; every line cited was read
 * in content/sources/2023-24/zh-2023-24-ITIB.txt (footers print as
 * `第  17 節  ITIB - 第  48 頁`).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { zhLayout } from '../../src/ingest/layout.ts';
import { documentRef } from '../../src/ingest/meta.ts';
import { findFooters, placeOnPages } from '../../src/ingest/pages.ts';
import { realDocument, reply, ZH_SOURCE } from './_real.ts';
import { readFileSync } from 'node:fs';

const g = realDocument();
const source = (id: string) => reply(g, id).fm.source;

test('a footer that closes the reply prints its page: ITIB027 ends with page 48 (line 3595)', () => {
  assert.equal(source('ITIB027').lines, [3468, 3595]);
  assert.equal(source('ITIB027').pages, [48, 48]);
  assert.is(source('ITIB027').pagesExact, true);
});

test('footers inside the reply, text after the last: ITIB072 prints pages 139 (line 10297) and 141 (line 10482), ends on 142 (line 10522)', () => {
  assert.equal(source('ITIB072').pages, [139, 142]);
  assert.is(source('ITIB072').pagesExact, true);
});

test('two footers, the last closing the reply: ITIB151 prints 316 (line 21697) and ends with 317 (line 21729)', () => {
  assert.equal(source('ITIB151').pages, [316, 317]);
  assert.is(source('ITIB151').pagesExact, true);
});

test('a reply between two footers that close its neighbours: ITIB220 after page 464 (line 33583), ending with 465 (line 33660)', () => {
  assert.equal(source('ITIB220').pages, [465, 465]);
  assert.is(source('ITIB220').pagesExact, true);
});

test('no footer of its own: ITIB028 lies after page 48 (line 3595, ITIB027) and on or before page 85 (line 6822, inside ITIB044)', () => {
  assert.equal(source('ITIB028').pages, [49, 85]);
  assert.is(source('ITIB028').pagesExact, false);
});

test('no footer after the reply (the last footer is page 506, line 36418, inside ITIB247): no pages claimed', () => {
  assert.equal(source('ITIB247').pages, [506, 507]);
  assert.is(source('ITIB248').pages, undefined);
  assert.is(source('ITIB248').pagesExact, undefined);
  assert.is(source('ITIB263').pages, undefined);
});

test('every footer of the source is found, the spacing as printed varies', () => {
  const lines = readFileSync(ZH_SOURCE, 'utf8').split(/\r?\n/);
  const footers = findFooters(lines, zhLayout);
  assert.is(footers.length, 33);
  assert.equal(footers[0], { line: 659, page: 2 });
  assert.equal(findFooters(['第17節 ITIB-第 9頁', ' 第 17 節 ITIB - 第 10 頁 '], zhLayout).map((f) => f.page), [9, 10]);
});

test('placeOnPages: page 1 when no footer precedes; nothing when footers contradict', () => {
  assert.equal(placeOnPages([{ line: 50, page: 3 }], 0, 40), { pages: [1, 3], pagesExact: false });
  assert.is(placeOnPages([{ line: 5, page: 9 }, { line: 50, page: 3 }], 10, 40), null);
});

test('the official document is named from the .meta.json; no address when it gives none', () => {
  assert.is(source('ITIB001').title, '審核二零二三至二四年度開支預算 — 管制人員對立法會議員初步問題的答覆（創新科技及工業局）');
  assert.is(source('ITIB001').url, undefined);
  assert.equal(documentRef({ title: 'T', url: 'https://example.org/a.pdf' }), { title: 'T', url: 'https://example.org/a.pdf' });
  assert.equal(documentRef({ title: 'T', url: 'a.pdf' }), { title: 'T' }, 'only an absolute http(s) address is a link');
});

test.run();
