/**
 * Titles that say what was asked (src/ingest/title-subject.ts) on the real
 * 2023-24 questions, and the reviewed overrides (content/patches/titles.json).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readTitles } from '../../src/ingest/run.ts';
import { SUBJECT_MAX, subjectTitle } from '../../src/ingest/title-subject.ts';
import { realDocument, reply } from './_real.ts';

const g = realDocument();
const length = (s: string) => Array.from(s).length;
const title = (no: string) => reply(g, no).fm.title;

test('every title is within the limit, and none is a cut phrase (no …, no trailing comma or 、)', () => {
  for (const e of g.editions) {
    const t = e.fm.title;
    assert.ok(length(t) <= SUBJECT_MAX, `${e.fm.replyNo}: ${t} (${length(t)})`);
    assert.not.match(t, /[…，、,：:]$/u, `${e.fm.replyNo}: ${t}`);
  }
});

test('the issue\'s cases: the subject of the request, not the preamble', () => {
  // ITIB147's preamble is about promoting local technology; it asks about 「公營機構試用計劃」.
  assert.ok(title('ITIB147').includes('公營機構試用計劃'), title('ITIB147'));
  // Reviewed overrides (each with its why): 工匠 on the talent list, land in 北部都會區, apps and cyber-security.
  assert.ok(title('ITIB059').includes('工匠') && title('ITIB059').includes('人才清單'), title('ITIB059'));
  assert.ok(title('ITIB146').includes('北部都會區'), title('ITIB146'));
  assert.ok(title('ITIB257').includes('應用程式') && title('ITIB257').includes('網絡安全'), title('ITIB257'));
});

test('ITIB121: the microelectronics institute and the money asked about ("政府打算用多少款項")', () => {
  assert.is(title('ITIB121'), '微電子研發院的開支');
});

test('a quoted scheme named once outweighs a broad word said around it (ITIB039: 「傑出創科學人計劃」, not 人才)', () => {
  assert.ok(title('ITIB039').startsWith('「傑出創科學人計劃」的'), title('ITIB039'));
});

test('what is asked is read from the request only: a preamble\'s 預算 does not make it a spending question', () => {
  const t = subjectTitle(['預算案提及將撥款推行「科技券」。就此，請告知本會：', '1. 過去三年的申請宗數為何？']);
  assert.is(t, '「科技券」的數字');
});

test('no subject found: null, so the caller keeps the first-clause rule', () => {
  assert.is(subjectTitle(['就此，請告知本會：', '會否檢討有關政策？']), null);
});

test('an override without its reason stops the ingest, naming the file and line', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'titles-'));
  try {
    mkdirSync(path.join(root, 'content/patches'), { recursive: true });
    writeFileSync(path.join(root, 'content/patches/titles.json'), '{\n  "zh-Hant-HK": {\n    "2023-24/ITIB002": { "title": "甲" }\n  }\n}\n');
    assert.throws(() => readTitles(root), (e: Error) => /titles\.json:3.*needs a "why"/.test(String(e)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
