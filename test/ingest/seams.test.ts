/**
 * Golden tests of the seam rules (src/ingest/seams.ts) on the real document:
 * each expectation was read off the source text at the line cited, and each
 * rule is also checked not to touch what only looks like a seam.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { joinAddresses, joinDigits, noSeams, splitItems } from '../../src/ingest/seams.ts';
import { realDocument, renderedText, reply, section } from './_real.ts';

const g = realDocument();
const answer = (no: string) => section(reply(g, no).body, '答覆').map(renderedText).map((t) => t.trim());
const question = (no: string) => section(reply(g, no).body, '問題').map(renderedText).map((t) => t.trim());

test('the ingest still accounts for every character with the seams mended, and counts each rule', () => {
  assert.is(g.summary.unaccounted, 0);
  // Counted over the whole document; each case below is one of them.
  assert.ok(g.seams.pageBreakJoins >= 3, `page-break joins ${g.seams.pageBreakJoins}`);
  assert.ok(g.seams.digitJoins >= 4, `digit joins ${g.seams.digitJoins}`);
  assert.ok(g.seams.addressJoins >= 5, `address joins ${g.seams.addressJoins}`);
  assert.ok(g.seams.itemSplits >= 5, `item splits ${g.seams.itemSplits}`);
});

test('ITIB247 and ITIB116: a sentence broken by a page footer (source lines 16865, 36418) reads whole', () => {
  assert.ok(answer('ITIB247').some((p) => p.includes('學習資訊科技氛圍，激發學生對資訊科技的興趣')));
  assert.not.ok(answer('ITIB247').some((p) => p.startsWith('發學生')));
  assert.ok(answer('ITIB116').some((p) => p.includes('配對學生、協助本署發放實習津貼予學生等')));
});

test('ITIB120: note 1 gives its formula on one line (patch 363), not as three paragraphs', () => {
  const note = answer('ITIB120').find((p) => p.startsWith('註1：'));
  assert.ok(note?.includes('(承諾的業界贊助額+承諾的其他來源財務贊助額+商品化及其他收入) ÷獲批的研發項目開支× 100%'), note);
  assert.not.ok(answer('ITIB120').includes('獲批的研發項目開支'));
});

test('numbers split by the extraction are joined: ITIB165 《2022年施政報告》, ITIB201 1,395,000元', () => {
  const body165 = reply(g, 'ITIB165').body;
  assert.ok(body165.includes('《2022年施政報告》亦訂立了指標'));
  assert.not.match(body165, /\d \d \d/);
  const body201 = reply(g, 'ITIB201').body;
  assert.ok(body201.includes('| 1,395,000元 |'));
  assert.not.match(body201, /\d ,\d/);
});

test('digit groups printed with a space stay as the document writes thousands', () => {
  const c = noSeams();
  assert.is(joinDigits('增至2025年的1 750萬次', c), '增至2025年的1 750萬次');
  assert.is(joinDigits('43 678 個', c), '43 678 個');
  assert.is(c.digitJoins, 0);
});

test('ITIB177: the address cut at a line end (source line 24916) is whole, so its link works', () => {
  const p = answer('ITIB177').find((t) => t.includes('專題網站'));
  assert.ok(p?.includes('https://www.it-lab.gov.hk/tc/approved_application_know-it.php'), p);
  assert.ok(answer('ITIB165').some((t) => t.includes('https://www.iamsmart.gov.hk/tc/e-service.html')));
});

test('an address followed by a dash and words is not joined', () => {
  const c = noSeams();
  assert.is(joinAddresses('見 https://www.gov.hk - 政府網站', c), '見 https://www.gov.hk - 政府網站');
  assert.is(c.addressJoins, 0);
});

test('ITIB190: question items (iv) and (v) (source lines 26242, 26244) are two paragraphs', () => {
  const q = question('ITIB190');
  assert.ok(q.includes('(iv)研發及維護費用；及'));
  assert.ok(q.some((p) => p.startsWith('(v)有多少應用程式')));
});

test('an item is split only before its own successor label', () => {
  const c = noSeams();
  assert.equal(splitItems('(a) 甲；及(c)丙', c), ['(a) 甲；及(c)丙']);
  assert.equal(splitItems('(ii) 乙；或(iii)丙', c), ['(ii) 乙；或', '(iii)丙']);
  assert.is(c.itemSplits, 1);
});

test.run();
