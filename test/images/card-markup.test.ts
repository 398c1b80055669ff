/** The card as Pango markup: data text escaped, long titles wrapped and cut, every block the same height, the same card always the same markup. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CARD_HEIGHT, brandMarkup, cardMarkup } from '../../src/site/images/card-markup.ts';

/** The text of every run (span with a foreground) of a markup, in order. */
const runs = (markup: string) => [...markup.matchAll(/<span foreground="[^"]*" size="(\d+)"[^>]*>([^<]*)<\/span>/g)].map((m) => ({ size: Number(m[1]) / 1024, text: m[2]! }));
/** The line heights (px) of a markup's lines. */
const lineHeights = (markup: string) => [...markup.matchAll(/<span line_height="(\d+)">/g)].map((m) => Number(m[1]) / 1024);

test('names and titles with <&"> are escaped, never markup', () => {
  const markup = cardMarkup({ kicker: '<b>', aside: '', title: '<script>alert(1)</script> & "x"', meta: ['陳<英>&'] });
  assert.not.match(markup, /<script|<b>|<英>/);
  const texts = runs(markup).map((r) => r.text);
  assert.ok(texts.includes('&lt;b&gt;'), texts.join(' | '));
  assert.ok(texts.includes('陳&lt;英&gt;&amp;'));
  assert.ok(runs(brandMarkup('A & B')).some((r) => r.text === 'A &amp; B'));
});

test('a short title is drawn large on one line; a long one in three lines ending with …', () => {
  const short = runs(cardMarkup({ kicker: '議員', aside: '', title: '陳振英議員的問題', meta: [] }));
  const shortTitle = short.filter((r) => r.size >= 32);
  assert.equal(shortTitle.map((r) => r.text), ['陳振英議員的問題']);
  assert.ok(shortTitle[0]!.size > 32, 'bigger than a wrapped title');
  const long = runs(cardMarkup({ kicker: 'ITIB001', aside: '2023-24', title: '創新科技'.repeat(20), meta: ['a', 'b', 'c', 'd'] }));
  const titleLines = long.filter((r) => r.size === 32).map((r) => r.text);
  assert.is(titleLines.length, 3);
  assert.ok(titleLines[2]!.endsWith('…'));
  assert.equal(long.filter((r) => r.text.length === 1 && /[a-d]/.test(r.text)).map((r) => r.text), ['a', 'b', 'c'], 'at most three lines of facts');
});

test('every card block is exactly one card tall, whatever its title and facts (cards are cut from one picture)', () => {
  const blocks = [
    { kicker: '', aside: '', title: '短', meta: [] },
    { kicker: 'ITIB001', aside: '2023-24', title: '「國際綠色科技周」的人手及開支預算', meta: ['提問議員：陳振英'] },
    { kicker: 'ITIB002', aside: '2023-24', title: '創新科技'.repeat(20), meta: ['a', 'b', 'c', 'd'] },
  ].map((c) => lineHeights(cardMarkup(c)).reduce((a, b) => a + b, 0));
  assert.equal(blocks, [CARD_HEIGHT, CARD_HEIGHT, CARD_HEIGHT]);
});

test('deterministic: the same card gives the same markup', () => {
  const card = { kicker: 'ITIB002', aside: '2023-24', title: '科學園和數碼港初創培育計劃的資金及成效', meta: ['提問議員：陳克勤'] };
  assert.is(cardMarkup(card), cardMarkup({ ...card }));
});

test.run();
