import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deriveTitle } from '../../src/ingest/title.ts';

test('the first clause, skipping a who-said-it preamble', () => {
  assert.is(deriveTitle('財政司司長提及，將在今年年底舉辦「國際綠色科技周」，匯聚相關產業代表。'), '將在今年年底舉辦「國際綠色科技周」');
});

test('a where-in-the-estimates preamble is skipped', () => {
  assert.is(deriveTitle('在此綱領下，2023-24年度的撥款為2.4億元，請告知：'), '2023-24年度的撥款為2.4億元');
});

test('leading numbering is dropped; short clauses are extended', () => {
  assert.is(deriveTitle('1. 就政府Wifi，請告知本會現時的熱點數目。'), '就政府Wifi，請告知本會現時的熱點數目');
});

test('at most about 40 characters, a bracket left open is closed', () => {
  const t = deriveTitle('創新科技及工業局其中一個職責是「監察創新及科技基金下各項資助及支援計劃的推行情況」，請告知。');
  assert.ok(Array.from(t).length <= 41, t);
  assert.ok(t.endsWith('…」'), t);
});

test.run();
