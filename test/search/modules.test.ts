/**
 * The search page's modules (src/browser/search/*.js, plain ES modules) in Node: what a
 * query asks for, how words combine into full and partial matches, where a result
 * opens, what the status says, the state in the URL. A fake Pagefind stands for the
 * index: each page holds the terms its text holds.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseQuery, splitWords, nameKey } from '../../src/browser/search/terms.js';
import { searchQuery } from '../../src/browser/search/ranked.js';
import { matchContext, mergedLocations, anchorAt } from '../../src/browser/search/page-context.js';
import { partialLabel, resultsText, searchedNotes } from '../../src/browser/search/status-text.js';
import { readState, stateUrl } from '../../src/browser/search/url-state.js';
import { segmentQuery } from '../../src/browser/search/query.js';
import { segmentText } from '../../src/search/segment.ts';
import { zhHantHK } from '../../_data/i18n/zh-Hant-HK.ts';

const terms = { synonyms: [['網絡安全', '網絡保安']], glossary: [{ en: ['Cyberport', 'Hong Kong Cyberport'], zh: ['數碼港'] }] };

test('words: spaces separate them, quotes make a phrase, letter-spaced Han is one word', () => {
  assert.equal(splitWords('數碼港 開支').map((w) => w.text), ['數碼港', '開支']);
  assert.equal(splitWords('創 科 生 態').map((w) => w.text), ['創科生態']);
  assert.equal(splitWords('"iAM Smart" 投訴'), [{ text: '投訴', phrase: false }, { text: 'iAM Smart', phrase: true }]);
  assert.equal(splitWords('「智方便」').map((w) => w.text), ['智方便']);
  assert.equal(splitWords('1 300 數碼港').map((w) => w.text), ['1300', '數碼港'], 'digit groups are one number');
});

test('synonyms and the glossary give a word its forms; the status says what was searched', () => {
  const p = parseQuery('網絡保安', terms);
  assert.equal(p.words[0]!.forms, ['網絡保安', '網絡安全']);
  const t = zhHantHK.search.ui as unknown as Record<string, string>;
  assert.match(searchedNotes(t, { parsed: p }), /網絡保安、網絡安全/);
  const en = parseQuery('cyberport', terms, { bridge: true });
  assert.equal(en.words[0]!.forms, ['數碼港']);
  assert.equal(en.glossary, { en: 'cyberport', zh: ['數碼港'] });
  assert.is(parseQuery('Zebra crossing', terms, { bridge: true }).glossary, null, 'no entry: searched as typed');
  assert.is(parseQuery('Cyberport', terms).glossary, null, 'no bridge in an English edition');
  assert.is(nameKey('Hong  Kong Cyberport.'), 'hong kong cyberport');
});

/**
 * A fake Pagefind over pages of text: a search returns the pages holding every token (quoted: as a run),
 * each with the positions of the tokens searched (`words`) as Pagefind 1.6 gives them: every position
 * of each token, or (quoted) the positions of the run's first occurrence only.
 */
function fakePagefind(pages: Record<string, string>) {
  const tokens = Object.fromEntries(Object.entries(pages).map(([id, text]) => [id, segmentText(text).split(' ')]));
  const holds = (id: string, q: string) => {
    const phrase = q.startsWith('"');
    const words = q.replace(/"/g, '').split(' ');
    const toks = tokens[id]!;
    if (phrase) return toks.some((_, i) => words.every((w, k) => toks[i + k] === w));
    return words.every((w) => toks.some((t) => t.startsWith(w)));
  };
  const positions = (id: string, q: string) => {
    const words = q.replace(/"/g, '').split(' ');
    const toks = tokens[id]!;
    if (!q.startsWith('"')) return toks.flatMap((t, i) => (words.some((w) => t.startsWith(w)) ? [i] : []));
    const first = toks.findIndex((_, i) => words.every((w, k) => toks[i + k] === w));
    return words.map((_, k) => first + k);
  };
  return {
    async search(q: string | null) {
      const ids = Object.keys(pages).filter((id) => q === null || holds(id, q));
      return { results: ids.map((id, i) => ({ id, score: ids.length - i, words: q === null ? [] : positions(id, q), data: async () => ({ url: id, content: segmentText(pages[id]!), locations: [] }) })) };
    },
  };
}

test('several words: full matches hold every word, partial ones say which they lack', async () => {
  const pf = fakePagefind({ a: '數碼港的開支', b: '數碼港的工作', c: '開支及數碼港', d: '公務員' });
  const r = await searchQuery(pf, parseQuery('數碼港 開支', terms), {});
  assert.is(r.exact, 2);
  assert.equal(r.items.slice(0, 2).map((i) => i.id).sort(), ['a', 'c']);
  assert.equal(r.items.slice(2).map((i) => [i.id, i.lacking]), [['b', ['開支']]]);
  assert.is(r.items[0]!.hits.length, 2, 'a full match carries each word’s hit (for its excerpt and anchor)');
});

test('a synonym form is a full match; a form in no page adds nothing', async () => {
  const pf = fakePagefind({ a: '網絡安全', b: '網絡的開支及網絡保安', c: '網絡的安全', d: '保安及網絡安排' });
  const r = await searchQuery(pf, parseQuery('網絡保安', terms), {});
  assert.equal(r.items.slice(0, r.exact).map((i) => i.id).sort(), ['a', 'b']);
  assert.equal(r.items.slice(r.exact).map((i) => i.id).sort(), ['c', 'd'], 'the words apart: partial matches');
});

test('a year is a whole word of the query', async () => {
  const pf = fakePagefind({ a: '2022-23年度', b: '2022/23年度的數碼港', c: '於2022年有23項' });
  const r = await searchQuery(pf, parseQuery('2022-23', terms), {});
  assert.equal(r.items.slice(0, r.exact).map((i) => i.id).sort(), ['a', 'b']);
  assert.is(segmentQuery('2022-23'), '2022y23');
});

test('a result opens at the prose paragraph of its first hit, not the title, a table or the facts', () => {
  const anchors = [{ id: 'question-1', location: 5 }, { id: 'answer-table-1', location: 20 }, { id: 'answer-2', location: 40 }];
  const meta = { bodyStart: '5', factsStart: '60' };
  assert.equal(matchContext({ locations: [1, 22, 45, 61], anchors, meta }), { location: 45, anchor: 'answer-2' });
  assert.equal(matchContext({ locations: [1, 22], anchors, meta }), { location: 22, anchor: 'answer-table-1' });
  assert.equal(matchContext({ locations: [1, 62], anchors, meta }), { location: 62, anchor: null }, 'facts only: the top of the reply');
  assert.equal(mergedLocations([{ locations: [9, 3] }, { locations: [3, 7] }]), [3, 7, 9]);
  assert.is(anchorAt(anchors, 39)?.id, 'answer-table-1');
});

test('status: full matches of several words, partial labels name the words lacking', () => {
  const t = zhHantHK.search.ui as unknown as Record<string, string>;
  assert.match(resultsText(t, 10, 7, true), /10.*7.*全部字詞/);
  assert.match(partialLabel(t, ['開支']), /不含「開支」/);
  assert.is(partialLabel(t, null), t.partialMatch);
});

test('the state round-trips through the URL', () => {
  const s = readState('?q=%E6%95%B8%E7%A2%BC%E6%B8%AF+%E9%96%8B%E6%94%AF&head=47+%E6%94%BF%E5%BA%9C%E7%B8%BD%E9%83%A8%EF%B8%B0x&sort=replyNo');
  assert.is(s.q, '數碼港 開支');
  assert.is(s.head, '47 政府總部：x', 'one colon');
  assert.is(stateUrl(s, '/search/'), '/search/?q=%E6%95%B8%E7%A2%BC%E6%B8%AF+%E9%96%8B%E6%94%AF&head=47+%E6%94%BF%E5%BA%9C%E7%B8%BD%E9%83%A8%EF%BC%9Ax&sort=replyNo');
});

test.run();
