/** The card as SVG: data text escaped, long titles wrapped and cut, the same card always the same SVG. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cardSvg } from '../../src/site/images/card-svg.ts';

const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

test('names and titles with <&"> are escaped, never markup', () => {
  const svg = cardSvg({ kicker: '<b>', aside: '', title: '<script>alert(1)</script> & "x"', meta: ['陳<英>&'] }, 'A & B');
  assert.not.match(svg, /<script|<b>|<英>/);
  assert.ok(texts(svg).includes('&lt;b&gt;'));
  assert.ok(texts(svg).includes('陳&lt;英&gt;&amp;'));
  assert.ok(texts(svg).includes('A &amp; B'));
});

test('a short title is drawn large on one line; a long one in three lines ending with …', () => {
  const short = cardSvg({ kicker: '議員', aside: '', title: '陳振英議員的問題', meta: [] }, '檔案');
  assert.match(short, /font-size="84" font-weight="700" fill="#ffffff">陳振英議員的問題</);
  const long = cardSvg({ kicker: 'ITIB001', aside: '2023-24', title: '創新科技'.repeat(20), meta: ['a', 'b', 'c', 'd'] }, '檔案');
  const titleLines = [...long.matchAll(/font-size="64" font-weight="700" fill="#ffffff">([^<]*)</g)].map((m) => m[1]!);
  assert.is(titleLines.length, 3);
  assert.ok(titleLines[2]!.endsWith('…'));
  assert.is([...long.matchAll(/font-size="34"/g)].length, 3, 'at most three lines of facts');
});

test('deterministic: the same card gives the same SVG', () => {
  const card = { kicker: 'ITIB002', aside: '2023-24', title: '科學園和數碼港初創培育計劃的資金及成效', meta: ['提問議員：陳克勤'] };
  assert.is(cardSvg(card, '檔案'), cardSvg({ ...card }, '檔案'));
});

test.run();
