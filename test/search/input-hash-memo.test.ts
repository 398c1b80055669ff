/**
 * Keying a year's search index after an edit (src/search/input-hash-memo.ts):
 * an edition whose file and page are the files they were gives the hash the
 * memo kept; an edited file, or a page written anew, is hashed again, and every
 * hash equals inputHash made afresh.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputHashMemo } from '../../src/search/input-hash-memo.ts';
import { inputHash, pageOf } from '../../src/search/parts.ts';
import { CONTENT_DIR } from '../support/site.ts';

test('a memo gives the hash made afresh, and hashes again what changed', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'input-hash-memo-'));
  try {
    const file = path.join(root, 'itib001.md');
    copyFileSync(path.join(CONTENT_DIR, 'replies', '2023-24', 'itib001.md'), file);
    const siteDir = path.join(root, 'site');
    const entry = { file, kind: 'reply' as const, lang: 'zh-Hant-HK' as const, shard: '2023-24', replyNo: 'ITIB001' };
    const page = pageOf(entry, siteDir)!;
    mkdirSync(path.dirname(page), { recursive: true });
    writeFileSync(page, '<html><main><p id="p1">第一段</p></main></html>');
    const memoFile = path.join(root, 'memo', '2023-24.json');

    const first = new InputHashMemo(memoFile);
    const made = first.hash(entry, siteDir);
    assert.is(made, inputHash(entry, siteDir));
    first.save();

    // Unchanged: the memo's hash, which is the fresh one.
    assert.is(new InputHashMemo(memoFile).hash(entry, siteDir), made);

    // The page written anew with another <main>: hashed again.
    rmSync(page);
    writeFileSync(page, '<html><main><p id="p1">第二段落</p></main></html>');
    const again = new InputHashMemo(memoFile);
    const afterPage = again.hash(entry, siteDir);
    assert.is.not(afterPage, made);
    assert.is(afterPage, inputHash(entry, siteDir));
    again.save();

    // The edition's file edited: hashed again.
    writeFileSync(file, readFileSync(file, 'utf8').replace('。', '，已修訂。'));
    const edited = new InputHashMemo(memoFile).hash(entry, siteDir);
    assert.is.not(edited, afterPage);
    assert.is(edited, inputHash(entry, siteDir));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
