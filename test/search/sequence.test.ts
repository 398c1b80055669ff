/**
 * A term of four or more Han characters is searched from half its bigrams
 * (src/browser/search/sequence.js). On the 263 real replies, as the index holds
 * them (record-html.ts indexedBlocks: each word at its position), the pages where
 * the loaded bigrams sit in sequence are the pages holding every bigram of the
 * term in a run (what the phrase search of all of them finds), for the query
 * set's terms and for stretches of the replies' own text.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadedTokens, pagesInSequence } from '../../src/browser/search/sequence.js';
import { closeGaps, queryTokens } from '../../src/browser/search/query.js';
import { indexedBlocks } from '../../src/search/record-html.ts';
import { readRecords } from '../../src/search/records.ts';
import { INDEX_LANGUAGE } from '../../src/search/segment.ts';
import { CONTENT_DIR } from '../support/site.ts';
import { loadQuerySet } from './expected.ts';

const loadedWords = (q: string) => {
  const tokens = queryTokens(q);
  return loadedTokens(tokens).map((i) => tokens[i]);
};

test('a run of bigrams loads its first, every second one, and its last; other tokens are all loaded', () => {
  assert.equal(loadedWords('網絡保安'), ['網絡', '保安']);
  assert.equal(loadedWords('再工業化'), ['再工', '業化'], '工業 is never fetched');
  assert.equal(loadedWords('創新科技署'), ['創新', '科技', '技署'], 'an odd length: the last two overlap');
  assert.equal(loadedWords('再工業化資助計劃'), ['再工', '業化', '資助', '計劃']);
  assert.equal(loadedWords('數碼港'), ['數碼', '碼港'], 'three characters: both bigrams');
  assert.equal(loadedWords('5G網絡保安'), ['5G', '網絡', '保安']);
  assert.equal(loadedWords('產學研1+計劃'), queryTokens('產學研1+計劃'), 'no run of four: every token');
  assert.equal(loadedWords('創新、科技'), queryTokens('創新、科技'), 'two runs of two: every token');
});

test('pages in sequence: each loaded token at its offset from the first', () => {
  // 網絡 絡保 保安 → loaded 網絡 (0) and 保安 (2).
  const located = [
    new Map([['a', [4, 20, 30]], ['b', [7]], ['c', [1]]]),
    new Map([['a', [22, 6, 32]], ['b', [8]], ['d', [3]]]),
  ];
  assert.equal([...pagesInSequence([0, 2], located)], [['a', [4, 20, 30]]], 'a: at 4, 20 and 30; b: 7 and 8 are adjacent, not two apart');
});

/** Each record's words with their positions, as Pagefind numbers them: the blocks' words one after another. */
function positionsOf(blocks: string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  blocks.join(' ').split(' ').filter(Boolean).forEach((w, i) => at.set(w, [...(at.get(w) ?? []), i]));
  return at;
}

test('on the 263 replies, in sequence is exactly every bigram in a run (but where two blocks meet)', () => {
  const records = readRecords(CONTENT_DIR);
  const indexed = records.map((r) => {
    const blocks = indexedBlocks(r, INDEX_LANGUAGE);
    return { url: r.url, at: positionsOf(blocks), blocks: blocks.map((b) => ` ${b} `), words: ` ${blocks.join(' ')} `.replace(/ +/g, ' ') };
  });
  // The query set's Han terms of four characters or more, and stretches of 4–7 characters of the replies' own text.
  const terms = new Set(loadQuerySet().map((s) => s.q).filter((q) => /^\p{Script=Han}{4,}$/u.test(q)));
  records.forEach((r, i) => {
    const runs = closeGaps([r.heading, ...r.blocks.map((b) => b.text)].join('\n')).match(/\p{Script=Han}{8,}/gu) ?? [];
    runs.filter((_, k) => (i + k) % 7 === 0).forEach((run, k) => terms.add([...run].slice(k % 3, k % 3 + 4 + (k % 4)).join('')));
  });
  assert.ok(terms.size > 500, `${terms.size} terms`);
  let pages = 0;
  const acrossBlocks: string[] = [];
  for (const term of terms) {
    const tokens = queryTokens(term);
    const loaded = loadedTokens(tokens);
    assert.ok(loaded.length < tokens.length, `${term}: loads every bigram`);
    const located = loaded.map((k) => new Map(indexed.flatMap((r) => (r.at.has(tokens[k]!) ? [[r.url, r.at.get(tokens[k]!)!] as const] : []))));
    const inSequence = pagesInSequence(loaded, located);
    // What the phrase search of every bigram finds: the bigrams as a run of words.
    const run = ` ${tokens.join(' ')} `;
    const phrase = new Set(indexed.filter((r) => r.words.includes(run)).map((r) => r.url));
    for (const url of phrase) assert.ok(inSequence.has(url), `${term}: ${url} holds it, not found in sequence`);
    for (const url of inSequence.keys()) {
      if (phrase.has(url)) continue;
      // Only where a block's last run meets the next block's first: the term's characters are in two blocks.
      const r = indexed.find((x) => x.url === url)!;
      const chars = [...term];
      const split = chars.some((_, cut) => cut > 0 && r.blocks.some((b, j) => b.trimEnd().endsWith(` ${chars.slice(cut - 1, cut).join('')}`) && (r.blocks[j + 1] ?? '').startsWith(` ${tokens[cut]}`)));
      assert.ok(split, `${term}: ${url} found in sequence, but does not hold it`);
      acrossBlocks.push(`${term} ${url}`);
    }
    pages += phrase.size;
  }
  console.log(`  ${terms.size} terms, ${pages} pages holding them; found in sequence across two blocks besides: ${acrossBlocks.length} (${acrossBlocks.slice(0, 5).join(', ')})`);
  assert.ok(pages > terms.size, 'the terms are in the replies');
});

test.run();
