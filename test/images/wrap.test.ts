/** Wrapping card titles: Chinese breaks anywhere, punctuation rules, Latin runs whole, ellipsis, deterministic. */
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fitLine, textWidthEm, wrapBalanced, wrapText } from '../../src/site/images/wrap.ts';

const REPLIES = 'content/replies/2023-24';
const titles = readdirSync(REPLIES)
  .filter((f) => f.endsWith('.md'))
  .map((f) => /^title: (.*)$/m.exec(readFileSync(`${REPLIES}/${f}`, 'utf8'))?.[1]?.replace(/^"|"$/g, '') ?? '');

test('every real title wraps within 16 em and 3 lines, losing no text unless it ends in …', () => {
  assert.ok(titles.length >= 263, `read ${titles.length} titles`);
  for (const title of titles) {
    const { lines, truncated } = wrapText(title, 16, 3);
    assert.ok(lines.length >= 1 && lines.length <= 3, title);
    for (const line of lines) assert.ok(textWidthEm(line) <= 16, `${line} is ${textWidthEm(line)} em`);
    if (truncated) assert.ok(lines[2]!.endsWith('…'), title);
    else assert.is(lines.join('').replace(/\s/g, ''), title.replace(/\s/g, ''), 'all text kept');
  }
});

test('closing punctuation never starts a line; opening punctuation never ends one', () => {
  for (const title of titles) {
    for (const line of wrapText(title, 9, 6).lines) {
      assert.not.match(line, /^[，。、；：？！）」』]/u, `line starts with closing punctuation: ${line}`);
      assert.not.match(line, /[（「『]$/u, `line ends with opening punctuation: ${line}`);
    }
  }
  // A forced case: the comma would fall at the start of line 2 without the rule.
  assert.equal(wrapText('創新科技，工業', 4, 3).lines, ['創新科', '技，工業']);
});

test('numbers and Latin words stay whole; Chinese breaks between characters', () => {
  assert.equal(wrapText('於2023-24年度撥款1,300萬', 6, 5).lines, ['於2023-24年', '度撥款1,300', '萬']);
  assert.equal(wrapText('創新及科技基金', 3, 5).lines, ['創新及', '科技基', '金']);
});

test('too long: cut at the line budget with a trailing …, never after a comma', () => {
  const { lines, truncated } = wrapText('一二三四，五六七八九十一二三四五六', 5, 1);
  assert.ok(truncated);
  assert.equal(lines, ['一二三四…']);
  assert.is(fitLine('陳振英議員的問題', 4), '陳振英…');
  assert.is(fitLine('  短  ', 4), '短', 'white space collapsed');
});

test('balanced: no lonely last character; same line count and text as the greedy wrap, for every real title', () => {
  const title = '「國際綠色科技周」的人手及開支預算';
  assert.equal(wrapText(title, 16.4, 3).lines, ['「國際綠色科技周」的人手及開支預', '算']);
  assert.equal(wrapBalanced(title, 16.4, 3).lines, ['「國際綠色科技周」', '的人手及開支預算']);
  for (const t of titles) {
    const greedy = wrapText(t, 16.4, 3);
    const balanced = wrapBalanced(t, 16.4, 3);
    assert.is(balanced.lines.length, greedy.lines.length, t);
    assert.is(balanced.lines.join(''), greedy.lines.join(''), t);
    if (balanced.lines.length > 1) assert.ok(textWidthEm(balanced.lines.at(-1)!) >= 2, `${t}: last line ${balanced.lines.at(-1)}`);
  }
});

test('deterministic and free of control characters', () => {
  const a = wrapText('A\u0000B\u000c 創新\t科技', 3, 3);
  assert.equal(a, wrapText('A\u0000B\u000c 創新\t科技', 3, 3));
  assert.not.match(a.lines.join(''), /[\u0000-\u001f]/u);
});

test.run();
