/** Names and cells from the source made safe where they become a path segment (memberSlug) or a CSV cell (inertCell). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inertCell } from '../../src/open-data/csv.ts';
import { memberPath, memberSlug } from '../../src/model/urls.ts';
import { readReply } from '../../src/model/front-matter.ts';
import { readFileSync } from 'node:fs';

test('a member slug is never a scheme, never "." or "..", never leaves /members/; real names stay readable', () => {
  assert.is(memberSlug('陳振英'), '陳振英');
  assert.is(memberSlug('Hon CHAN Chun-ying, JP'), 'Hon-CHAN-Chun-ying-JP');
  assert.is(memberSlug('javascript:alert(document.domain)<!--'), 'javascript-alert-document.domain');
  assert.is(memberSlug("=cmd|' /C calc'!A0"), 'cmd-C-calc-A0');
  for (const name of ['a/../../b', '..\\..\\x', 'x?y#z%2e', ' ./a ', 'data:text/html,<b>', 'a\u0000b']) {
    const slug = memberSlug(name);
    assert.not.match(slug, /[:/\\?#%<>"'\s\u0000]/, `${name} → ${slug}`);
    assert.ok(slug !== '.' && slug !== '..' && !/^[.-]|[.-]$/.test(slug), `${name} → ${slug}`);
    assert.is(new URL(memberPath(name), 'https://h.test/').pathname.split('/').length, 4, `${name} → ${memberPath(name)}`);
  }
  for (const name of ['..', '.', '-', ' ', '<!-->']) assert.throws(() => memberSlug(name), /no letter or digit/, name);
});

test('a CSV cell that a spreadsheet would run as a formula gets a leading apostrophe; plain numbers and text do not', () => {
  assert.is(inertCell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  assert.is(inertCell('=HYPERLINK("http://x","y")'), '\'=HYPERLINK("http://x","y")');
  for (const c of ['+1+1', '-1+cmd', '@SUM(A1)', '\t=1', '\r=1', '+']) assert.is(inertCell(c), `'${c}`, JSON.stringify(c));
  // A lone dash is how the tables print "nil"; a spreadsheet shows it as text, so it stays as printed.
  for (const c of ['-12', '+3.5', '1e3', '0', '2023-24', '陳振英', '(135) 政府總部', '', 'a=b', '-']) assert.is(inertCell(c), c, JSON.stringify(c));
  assert.is(inertCell(17), '17');
  assert.is(inertCell(null), '');
});

test('the reader of the reply model rejects, with file and line, a member or code that cannot name a page', () => {
  const file = 'content/replies/2023-24/itib001.md';
  const text = readFileSync(file, 'utf8');
  assert.throws(() => readReply(text.replace(/^member: .*$/m, 'member: ".."'), file), /itib001\.md:9: front-matter "member" must be a name with a letter or digit/);
  assert.throws(() => readReply(text.replace(/^  code: "135"$/m, '  code: "../x"'), file), /itib001\.md:\d+: front-matter "head" must be/);
});

test.run();
