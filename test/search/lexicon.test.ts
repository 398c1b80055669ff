/**
 * "Did you mean" draws on the words of the whole text (issue 17): the frequent words
 * without fragments of longer ones, names the text sets apart first among equals.
 * The vocabulary is built from the real replies' records, as the index build does.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Lexicon, lexiconOf, VOCABULARY_SIZE } from '../../src/search/lexicon.ts';
import { closeGaps } from '../../src/browser/search/query.js';
import { readRecords } from '../../src/search/records.ts';
import { suggestions } from '../../src/browser/search/suggest.js';
import { CONTENT_DIR } from '../support/site.ts';

const lexicon = new Lexicon();
lexicon.add(lexiconOf(readRecords(CONTENT_DIR)));
const vocabulary = lexicon.vocabulary();

test('the vocabulary is bounded, and holds words of the text that are no name', () => {
  assert.ok(vocabulary.length <= VOCABULARY_SIZE);
  const words = new Map(vocabulary.map(([w, n, named]) => [w, { n, named }]));
  assert.ok(words.has('人手') && !words.get('人手')!.named, '人手, a word of the text');
  assert.not.ok(words.has('科技及'), '科技及 is a fragment of 科技及工業局');
  assert.not.ok(words.has('科技的'), '科技的 ends with a joining character');
});

test('typos of ordinary words offer the word: 科技卷 → 科技券, 人工知能 → 人工智能, 公務貝 → 公務員', () => {
  for (const [typo, word] of [['科技卷', '科技券'], ['人工知能', '人工智能'], ['公務貝', '公務員'], ['數碼巷', '數碼港']]) {
    assert.is(suggestions(typo!, vocabulary)[0], word, typo);
  }
});

/** The stretches counted the plain way, as strings in Maps: what lexiconOf's table (ngram-table.ts) must give. */
function stretchesByStrings(texts: string[]): { grams: string[]; words: [string, number][] } {
  const grams = new Set<string>();
  const words = new Map<string, number>();
  for (const text of texts) {
    for (const [run] of closeGaps(text).matchAll(/\p{Script=Han}+/gu)) {
      const c = [...run];
      for (let i = 0; i < c.length; i++) {
        grams.add(c[i]!);
        for (let n = 2; n <= 5 && i + n <= c.length; n++) {
          const w = c.slice(i, i + n).join('');
          if (n === 2) grams.add(w);
          words.set(w, (words.get(w) ?? 0) + 1);
        }
      }
    }
  }
  return { grams: [...grams], words: [...words].filter(([, n]) => n >= 3) };
}

test("the lexicon's characters and pairs (in the order first seen) and frequent words are those of the text (all real replies, and characters beyond the BMP)", () => {
  const records = readRecords(CONTENT_DIR);
  // A name with a character outside the Basic Multilingual Plane (𠝹, U+20779), three times.
  const rare = { heading: '', text: '𠝹𠝹港鐵𠝹𠝹港鐵𠝹𠝹港鐵', meta: {}, filters: {} };
  const all = [...records, rare];
  const part = lexiconOf(all);
  const plain = stretchesByStrings(all.map((r) => `${r.heading}\n${r.text}`));
  assert.ok(plain.words.length > 10000, `the real replies give many stretches (${plain.words.length}): the table grows many times`);
  assert.equal(part.grams, plain.grams);
  const sorted = (words: [string, number][]) => [...words].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  assert.equal(sorted(part.words), sorted(plain.words));
  assert.ok(part.words.some(([w, n]) => w === '𠝹𠝹港' && n === 3));
});

test.run();
