/**
 * Excerpt highlights cover exactly what the reader typed, on real reply text
 * tokenised the way the index is (a term that ends inside a bigram must not
 * mark the next character).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { excerptSegments, type ExcerptToken } from '../../src/browser/search/excerpt.js';
import { indexTokens, queryTokens } from '../../src/browser/search/query.js';

/** The text as index tokens, with the tokens Pagefind would report for `query` marked (case-folded, prefix match on the last one). */
function tokensFor(text: string, query: string): ExcerptToken[] {
  const q = queryTokens(query).map((w) => w.toLowerCase());
  const raw = indexTokens(text);
  const toks = raw.map((w) => w.toLowerCase());
  const marked = new Set<number>();
  for (let i = 0; i + q.length <= toks.length; i++) {
    const hit = q.every((w, k) => (k === q.length - 1 ? toks[i + k]!.startsWith(w) : toks[i + k] === w));
    if (hit) q.forEach((_, k) => marked.add(i + k));
  }
  return raw.map((t, i) => ({ t, marked: marked.has(i) }));
}

const marks = (text: string, query: string) =>
  excerptSegments(tokensFor(text, query), query).filter((s) => s.marked).map((s) => s.text);
const shown = (text: string, query: string) => excerptSegments(tokensFor(text, query), query).map((s) => s.text).join('');

test('a term ending mid-bigram is highlighted exactly: 2018年 in 2018年時 marks 2018年, not 年時', () => {
  assert.equal(marks('根據政府於2018年時公布的政策', '2018年'), ['2018年']);
  assert.equal(marks('於2018年10月公布', '2018年'), ['2018年']);
  assert.equal(marks('數碼港公司的數碼港計劃', '數碼港'), ['數碼港', '數碼港']);
  assert.equal(marks('推行再工業化資助計劃', '再工業化'), ['再工業化']);
  assert.equal(marks('市民使用智方便的數目', '智方'), ['智方']);
});

test('the excerpt reads as the original text, with Latin words spaced', () => {
  assert.is(shown('根據政府於2018年時公布的政策', '2018年'), '根據政府於2018年時公布的政策');
  assert.is(shown('iAM Smart 平台', 'iAM Smart'), 'iAM Smart平台');
  assert.equal(marks('iAM Smart 平台', 'iam smart'), ['iAM', 'Smart']);
});

test('English edition text (indexed as its own words): every space stays, the typed words are marked', () => {
  const words = 'the number of registered users of "iAM Smart", in the past 3 years.'.split(' ');
  const tokens = words.map((t) => ({ t, marked: t === 'registered' || t === 'users' }));
  const segments = excerptSegments(tokens, 'registered users', true);
  assert.is(segments.map((s) => s.text).join(''), 'the number of registered users of "iAM Smart", in the past 3 years.');
  assert.equal(segments.filter((s) => s.marked).map((s) => s.text), ['registered', 'users']);
});

test.run();
