import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeSource } from '../../src/ingest/decode.ts';
import { ingestReplies } from '../../src/ingest/document.ts';
import { detectLang } from '../../src/ingest/layout.ts';
import { generateOne } from '../../src/ingest/run.ts';
import { EN_SAMPLE, root, reply, section, splitMarkdown } from './_real.ts';

const g = generateOne(root, EN_SAMPLE, 'flat', new Map());

test('the English layout parses into the same model with lang: en', () => {
  const { fm, body } = reply(g, 'ITIB259');
  assert.is(fm.lang, 'en');
  assert.is(fm.id, '2023-24/ITIB259');
  assert.is(fm.questionNo, 431); // printed 0431
  assert.is(fm.member, 'YUNG Hoi-yan, Judy'); // "Hon " stripped
  assert.is(fm.memberRef, '21');
  assert.equal(fm.head, { code: '47', name: 'Government Secretariat: Office of the Government Chief Information Officer' });
  assert.equal(fm.programmes, [{ code: '2', name: 'IT Infrastructure and Standards' }]);
  assert.is(fm.controllingOfficer, 'Government Chief Information Officer (Acting) (Tony WONG)');
  assert.is(fm.title, 'Regarding the enhancement of "iAM Smart"');
  assert.ok(body.startsWith('## Question\n'));
  const q = section(body, 'Question');
  assert.is(q[1], '1\\. the number of staff responsible for the operation and promotion of "iAM Smart", their ranks and the expenditure involved; and');
  assert.ok(section(body, 'Reply').some((p) => p.startsWith('```extracted')), 'the multi-line-header staff table is kept as extracted');
  assert.is(g.summary.unaccounted, 0);
  assert.is(g.indexAgreement, 3);
});

test('a head name wrapped onto the next line and a two-line officer are joined (ITIB001)', () => {
  const { fm } = reply(g, 'ITIB001');
  assert.is(fm.head.name, 'Government Secretariat: Innovation, Technology and Industry Bureau');
  assert.is(fm.controllingOfficer, 'Permanent Secretary for Innovation, Technology and Industry (Eddie MAK)');
});

test('general: another bureau prefix, another session, CRLF and a BOM give the same replies', () => {
  const text = readFileSync(EN_SAMPLE, 'utf8').replace(/ITIB/g, 'CEDB').replace(/Session No\.: 17/, 'Session No.: 5').replace(/Session 17/g, 'Session 5');
  const bytes = new TextEncoder().encode(`\ufeff${text.replace(/\n/g, '\r\n')}`);
  const lines = decodeSource(bytes, 'x.txt');
  const r = ingestReplies({ lines, file: 'x.txt', meta: { lang: detectLang(lines) } });
  assert.is(r.replies.length, 3);
  const fm = r.replies[1]!.doc.frontMatter;
  assert.is(fm.replyNo, 'CEDB259');
  assert.is(fm.bureau, 'CEDB');
  assert.is(fm.session, 5);
  assert.is(fm.lang, 'en');
  const original = reply(g, 'ITIB259');
  assert.is(r.replies[1]!.doc.body, original.body.replace(/ITIB/g, 'CEDB'));
});

test.run();
