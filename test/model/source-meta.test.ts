/** A source's .meta.json is read once, with one set of checks, by the ingest and the site alike (src/model/source-meta.ts). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { metaPathOf, readSourceMeta } from '../../src/model/source-meta.ts';

function withMeta(json: string, run: (source: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'source-meta-'));
  try {
    const source = path.join(dir, 'zh-2023-24-ITIB.txt');
    writeFileSync(metaPathOf(source), json);
    run(source);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the metadata beside a source is read as written; none is {}', () => {
  withMeta('{\n  "year": "2023-24",\n  "session": 17,\n  "lang": "zh-Hant-HK",\n  "kind": "replies"\n}\n', (source) => {
    assert.equal(readSourceMeta(source), { year: '2023-24', session: 17, lang: 'zh-Hant-HK', kind: 'replies' });
  });
  assert.equal(readSourceMeta(path.join(tmpdir(), 'no-such-source.txt')), {});
});

test('a field of the wrong type is an error naming the file and the line, never silently dropped', () => {
  withMeta('{\n  "year": "2023-24",\n  "session": "17"\n}\n', (source) => {
    assert.throws(() => readSourceMeta(source, 'content/sources/2023-24/zh-2023-24-ITIB.meta.json'), /^content\/sources\/2023-24\/zh-2023-24-ITIB\.meta\.json:3: "session" must be a whole number$/);
  });
  withMeta('{ "lang": "zh-CN" }', (source) => {
    assert.throws(() => readSourceMeta(source, 'x.meta.json'), /x\.meta\.json:1: "lang" must be one of zh-Hant-HK, en/);
  });
  withMeta('{ "title": ', (source) => {
    assert.throws(() => readSourceMeta(source, 'x.meta.json'), /x\.meta\.json:1: not valid JSON/);
  });
});

test.run();
