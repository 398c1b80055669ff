/** Edition file names and the one walker of content/ (src/model/content-files.ts). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backgroundFiles, editionFileName, editionFiles, editionLangOf, sourceTexts } from '../../src/model/content-files.ts';
import { LANGUAGES } from '../../src/model/languages.ts';

test('an edition file name gives back the language it was named for', () => {
  assert.is(editionFileName('ITIB002', 'zh-Hant-HK'), 'itib002.md');
  assert.is(editionFileName('ITIB002', 'en'), 'itib002.en.md');
  for (const lang of LANGUAGES) assert.is(editionLangOf(editionFileName('ITIB002', lang)), lang);
});

test('the walker finds every edition, background page and source in a stable order, and nothing else', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-files-'));
  try {
    const put = (rel: string) => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), '');
    };
    for (const f of ['replies/2024-25/itib001.md', 'replies/2023-24/itib002.en.md', 'replies/2023-24/itib002.md', 'replies/2023-24/notes.txt', 'replies/README.md',
      'pages/background/b.md', 'pages/background/a.md', 'sources/2023-24/zh.txt', 'sources/2023-24/zh.meta.json', 'sources/background/p.txt']) put(f);
    const rel = (f: string) => path.relative(dir, f).split(path.sep).join('/');
    assert.equal(editionFiles(dir).map((e) => [rel(e.file), e.year, e.lang]), [
      ['replies/2023-24/itib002.en.md', '2023-24', 'en'],
      ['replies/2023-24/itib002.md', '2023-24', 'zh-Hant-HK'],
      ['replies/2024-25/itib001.md', '2024-25', 'zh-Hant-HK'],
    ]);
    assert.equal(backgroundFiles(dir).map(rel), ['pages/background/a.md', 'pages/background/b.md']);
    assert.equal(sourceTexts(dir).map(rel), ['sources/2023-24/zh.txt', 'sources/background/p.txt']);
    assert.equal(editionFiles(path.join(dir, 'missing')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
