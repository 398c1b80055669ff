/**
 * Chinese fragments carry their text in Han runs (src/search/fragment-text.ts), which the
 * search page expands back to the index's words (src/browser/search/fragment-text.js):
 * on the 263 replies' records, on the built site's fragments (whose word counts are the
 * positions Pagefind reports), and a fragment that is not in the index's form fails the build.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { compactText, expandText } from '../../src/browser/search/fragment-text.js';
import { compactFragments } from '../../src/search/fragment-text.ts';
import { SIGNATURE, unzipPagefindFile } from '../../src/search/pagefind-files.ts';
import { indexedBlocks } from '../../src/search/record-html.ts';
import { readRecords } from '../../src/search/records.ts';
import { INDEX_LANGUAGE } from '../../src/search/segment.ts';
import { CONTENT_DIR, requireSite, SITE_DIR } from '../support/site.ts';

test('a run is written once and expands to its bigrams and last character', () => {
  const words = 'ITIB001 「 國際 際綠 綠色 色科 科技 技周 周 」 的人 人手 手. 問題 題 ： 港 2022y23 5G';
  assert.is(compactText(words), 'ITIB001 「 國際綠色科技周 」 的人手. 問題 ： 港 2022y23 5G');
  assert.is(expandText(compactText(words)!), words);
  assert.is(compactText('數碼 碼港'), null, 'a run without its last character is not the index’s form');
});

test('the 263 replies: every record’s indexed words come back from their runs, in about half the characters', () => {
  let before = 0;
  let after = 0;
  for (const r of readRecords(CONTENT_DIR)) {
    const words = indexedBlocks(r, INDEX_LANGUAGE).join(' ').trim();
    const runs = compactText(words);
    assert.ok(runs !== null, `${r.url}: not in the index's form`);
    assert.is(expandText(runs!), words, r.url);
    before += [...words].length;
    after += [...runs!].length;
  }
  console.log(`  the replies' indexed text: ${before} characters as index words, ${after} in runs`);
  assert.ok(after < 0.6 * before, `${after} of ${before}`);
});

test('the built site: Chinese fragments are in runs, and expand to as many words as Pagefind counted', () => {
  const site = requireSite(SITE_DIR);
  const folders = [join(site, 'pagefind', 'fragment'), join(site, '2023-24', 'pagefind', 'fragment')];
  let n = 0;
  for (const dir of folders) {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      const f = JSON.parse(unzipPagefindFile(file).subarray(SIGNATURE.length).toString('utf8')) as { content: string; word_count: number; han_runs?: boolean };
      assert.is(f.han_runs, true, file);
      assert.is(expandText(f.content).split(' ').length, f.word_count, file);
      n++;
    }
  }
  assert.ok(n > 263, `${n} fragments`);
});

/** A one-fragment bundle in `lang`, as Pagefind writes one. */
function bundle(lang: string, content: string): { dir: string; fragment: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fragment-text-'));
  writeFileSync(join(dir, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { [lang]: { hash: `${lang}_0a1b2c3`, wasm: null, page_count: 1 } } }));
  mkdirSync(join(dir, 'fragment'));
  const fragment = join(dir, 'fragment', 'x.pf_fragment');
  writeFileSync(fragment, gzipSync(Buffer.concat([SIGNATURE, Buffer.from(JSON.stringify({ url: '/x/', content, word_count: content.split(' ').length }))])));
  return { dir, fragment };
}

test('a fragment not in the index’s form fails, naming it; another language’s bundle is left as written', () => {
  const broken = bundle(INDEX_LANGUAGE, '數碼 碼港');
  const english = bundle('en', 'Cyberport 數碼港 grants');
  try {
    assert.throws(() => compactFragments(broken.dir), (e: Error) => e.message.includes(broken.fragment));
    const before = readFileSync(english.fragment);
    compactFragments(english.dir);
    assert.equal(readFileSync(english.fragment), before);
  } finally {
    rmSync(broken.dir, { recursive: true, force: true });
    rmSync(english.dir, { recursive: true, force: true });
  }
});

test.run();
