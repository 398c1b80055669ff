/**
 * The reviewed synonyms and glossary (content/search/) stay true to the text: every
 * form occurs where its entry says (derived from the replies, never from search
 * output), every glossary entry's Chinese name is in a reply; bad files are rejected
 * naming file and line.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readRecords } from '../../src/search/records.ts';
import { deriveOccurrences, occurrences, readSearchTerms } from '../../src/search/search-terms.ts';
import { CONTENT_DIR } from '../support/site.ts';

const terms = readSearchTerms(join(CONTENT_DIR, 'search'));
const records = readRecords(CONTENT_DIR);

test('each synonym entry records the replies where each form occurs, as the text has them', () => {
  assert.ok(terms.synonyms.some((e) => e.forms.includes('網絡安全') && e.forms.includes('網絡保安')));
  const { stale, entries } = deriveOccurrences(terms.synonyms, records);
  assert.equal(stale, [], 'run npm run search-terms, review, then -- --write');
  for (const e of entries) for (const f of e.forms) assert.ok(e.occurs[f]!.length > 0, `${f} occurs in no reply`);
});

test('every glossary entry names a source and a Chinese name the replies hold', () => {
  assert.ok(terms.glossary.some((g) => g.en.includes('Cyberport') && g.zh.includes('數碼港')));
  for (const g of terms.glossary) {
    assert.ok(g.source.length > 10, `${g.en[0]}: source`);
    assert.ok(g.zh.some((z) => occurrences(z, records).length > 0), `${g.en[0]}: ${g.zh.join(', ')} in no reply`);
  }
});

test('a bad entry is rejected with file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'terms-'));
  try {
    writeFileSync(join(dir, 'synonyms.json'), '{\n  "entries": [\n    { "forms": ["網絡安全"], "reviewed": "x" }\n  ]\n}\n');
    assert.throws(() => readSearchTerms(dir), /synonyms\.json:3: entry 1 needs "forms": two or more strings/);
    writeFileSync(join(dir, 'synonyms.json'), '{ "entries": [ }');
    assert.throws(() => readSearchTerms(dir), /synonyms\.json:1: not valid JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
