/**
 * Golden tests on real replies chosen for difficulty. Every expectation below
 * was read off the source text (line numbers cited), not copied from output.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import MarkdownIt from 'markdown-it';
import { realDocument, reply, renderedText, section, splitMarkdown } from './_real.ts';

const g = realDocument();

test('all 263 replies ITIB001–ITIB263, every character accounted for, all agreeing with the index', () => {
  const names = [...g.files.keys()].sort();
  assert.is(names.length, 263);
  assert.is(names[0], 'itib001.md');
  assert.is(names[262], 'itib263.md');
  assert.is(g.summary.unaccounted, 0);
  assert.is(g.indexAgreement, 263);
  assert.is(g.warnings.filter((w) => /mismatch/.test(w.kind)).length, 0);
});

test('ITIB001: header fields, member reference, title override, source lines 591–660', () => {
  const { fm, body } = reply(g, 'ITIB001');
  assert.is(fm.id, '2023-24/ITIB001');
  assert.is(fm.lang, 'zh-Hant-HK');
  assert.is(fm.session, 17);
  assert.is(fm.questionNo, 2875);
  assert.is(fm.member, '陳振英');
  assert.is(fm.memberRef, '23');
  assert.equal(fm.head, { code: '135', name: '政府總部︰創新科技及工業局' });
  assert.is(fm.subhead, '');
  assert.equal(fm.programmes, [{ code: '2', name: '創新及科技' }]);
  assert.is(fm.controllingOfficer, '創新科技及工業局常任秘書長(麥德偉)');
  assert.is(fm.director, '創新科技及工業局局長');
  assert.is(fm.title, '「國際綠色科技周」的人手及開支預算'); // content/patches/titles.json
  assert.equal(fm.source.lines, [591, 660]);
  assert.equal(section(body, '問題'), ['財政司司長提及，將在今年年底舉辦「國際綠色科技周」，匯聚相關產業代表、企業及投資者。請提供，「國際綠色科技周」預計所需人手及開支預算清單？']);
  assert.is(section(body, '答覆').length, 1);
});

test('ITIB002: zero-padded question number 0482 → 482; numbered question parts kept; digit group kept', () => {
  const { fm, body } = reply(g, 'ITIB002');
  assert.is(fm.questionNo, 482);
  const q = section(body, '問題');
  assert.is(q.length, 3);
  assert.ok(q[0]!.startsWith('1\\. 過去三年，政府投入科學園和數碼港'), q[0]);
  assert.ok(q[2]!.startsWith('3\\. 使用什麼指標來評估'), q[2]);
  assert.ok(section(body, '答覆').some((p) => p.includes('累計約1 300間科技企業參與相關創科培育計劃')));
});

test('ITIB176: header block lost (source 24529–24536) — identified through the index by question 714', () => {
  const { fm, body } = reply(g, 'ITIB176');
  assert.is(fm.questionNo, 714);
  assert.is(fm.member, '周文港');
  assert.equal(fm.head, { code: '47', name: '政府總部：政府資訊科技總監辦公室' });
  assert.equal(fm.programmes, [{ code: '2', name: '資訊科技基建及標準' }]);
  assert.equal(fm.source.lines, [24529, 24639]);
  assert.ok(section(body, '問題')[0]!.startsWith('預算案當中提出，預留約二億元提升「智方便」平台的運作'));
  assert.ok(g.warnings.some((w) => w.replyNo === 'ITIB176' && w.kind === 'header-partial'));
  assert.ok(g.warnings.some((w) => w.replyNo === 'ITIB177' && w.kind === 'header-missing'));
});

test('ITIB128: no end marker — ends where ITIB129 begins (line 18607)', () => {
  const { fm, body } = reply(g, 'ITIB128');
  assert.equal(fm.source.lines, [18492, 18606]);
  const answer = section(body, '答覆');
  assert.ok(answer[answer.length - 1]!.endsWith('我們會繼續密切留意各項資助計劃的運作情況，適時推出優化措施。'));
  assert.ok(g.warnings.some((w) => w.replyNo === 'ITIB128' && w.kind === 'end-marker-missing'));
  assert.ok(!reply(g, 'ITIB129').body.includes('適時推出優化措施。'));
});

test('ITIB046: the link after the end marker (line 7134) stays with its reply', () => {
  const { fm, body } = reply(g, 'ITIB046');
  const answer = section(body, '答覆');
  assert.is(answer[answer.length - 1], 'https://kgcsl.edu.hku.hk/');
  assert.is(fm.source.lines[1], 7134);
  assert.not.ok(reply(g, 'ITIB047').body.includes('kgcsl'));
});

test('ITIB042: annexes 附件一 and 附件二 are sections of the reply, after the answer that cites them', () => {
  const { body } = reply(g, 'ITIB042');
  const headings = body.split('\n').filter((l) => l.startsWith('## '));
  assert.equal(headings, ['## 問題', '## 答覆', '## 附件一', '## 附件二']);
  assert.ok(body.indexOf('詳情載列於附件一。') < body.indexOf('## 附件一'));
});

test('ITIB153: a table split by a page break is recovered as one table whose rows sum to the printed 總計 30', () => {
  const { body } = reply(g, 'ITIB153');
  const rows = body.split('\n').filter((l) => l.startsWith('| '));
  assert.is(rows[0], '| 所屬行業 | 評審委員會支持申請宗數 |');
  const data = rows.slice(2, -1).map((r) => Number(r.split('|')[2]));
  assert.is(data.length, 10);
  assert.is(data.reduce((a, b) => a + b, 0), 30);
  assert.is(rows[rows.length - 1], '| 總計 | 30 |');
});

test('ITIB091: the two tables rebuilt by a reviewed patch; ITIB092 still cites pristine source lines', () => {
  const { body } = reply(g, 'ITIB091');
  assert.ok(body.includes('| 教育及培訓 | 1 574 | 1 301 | 105.73 |'));
  assert.ok(body.includes('| 總數 | 23 560 | 20 065 | 1,534.22 |'));
  assert.ok(body.includes('| 專業服務(包括法律及會計服務) | 596 | 591 | 94.90 |'));
  // ITIB092's reply number is on pristine line 13125 (the patches changed the line count above it).
  const next = reply(g, 'ITIB092').fm.source.lines[0];
  assert.ok(next <= 13125 && next >= 13120, String(next));
});

test('two programmes: ITIB190 (1)+(2) and ITIB237 (2)+(3); no programme: ITIB007 (沒有指定)', () => {
  assert.equal(reply(g, 'ITIB190').fm.programmes.map((p) => p.code), ['1', '2']);
  assert.equal(reply(g, 'ITIB237').fm.programmes, [
    { code: '2', name: '資訊科技基建及標準' },
    { code: '3', name: '社會對資訊科技的使用' },
  ]);
  assert.equal(reply(g, 'ITIB007').fm.programmes, []);
});

test('a programme name wrapped onto the next line is joined (ITIB104)', () => {
  assert.equal(reply(g, 'ITIB104').fm.programmes, [{ code: '6', name: '資助金：香港生產力促進局，香港應用科技研究院有限公司' }]);
});

test('honorific stripped even when printed twice (ITIB160 「陳克勤議員議員」); full-width parentheses read (ITIB099)', () => {
  assert.is(reply(g, 'ITIB160').fm.member, '陳克勤');
  assert.is(reply(g, 'ITIB099').fm.member, '陳學鋒');
  assert.is(reply(g, 'ITIB099').fm.memberRef, '21');
});

test('no body paragraph keeps a justification space between two Chinese characters', () => {
  for (const [name, md] of g.files) {
    const body = md.slice(md.indexOf('\n---\n') + 5);
    const paragraphs = body.split(/\n\n/).filter((p) => !p.startsWith('```') && !p.startsWith('|'));
    for (const p of paragraphs) assert.not.match(p, /[\u4e00-\u9fff] +[\u4e00-\u9fff]/, `${name}: ${p.slice(0, 60)}`);
  }
});

test('rendered with markdown-it (html off), no reply gains markup the source did not have', () => {
  const md = new MarkdownIt({ html: false });
  const allowed = new Set(['h2', 'p', 'pre', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
  for (const [name, file] of g.files) {
    const { body } = splitMarkdown(file);
    const html = md.render(body);
    for (const m of html.matchAll(/<\/?([a-z0-9]+)/g)) assert.ok(allowed.has(m[1]!), `${name}: <${m[1]}>`);
    // The source has no backslash: any in the rendered text would be a visible escape.
    assert.not.ok(renderedText(body).includes('\\'), `${name}: visible backslash`);
  }
});

test('characters Markdown would interpret reach the reader unchanged (source lines 7124, 19107, 21275)', () => {
  assert.ok(renderedText(reply(g, 'ITIB046').body).includes('上限為$28,808,000。'));
  assert.ok(renderedText(reply(g, 'ITIB132').body).includes('「R&D100」'));
  // a footnote starting with * is not a bullet list
  assert.ok(renderedText(reply(g, 'ITIB147').body).includes('*創新科技署(創科署)為應對2019冠狀病毒病'));
});

test.run();
