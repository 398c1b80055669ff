/**
 * "Did you mean" draws on the words of the whole text (issue 17): the frequent words
 * without fragments of longer ones, names the text sets apart first among equals.
 * The vocabulary is built from the real replies' records, as the index build does.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Lexicon, lexiconOf, VOCABULARY_SIZE } from '../../src/search/lexicon.ts';
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

test.run();
