/**
 * Same input → same bytes. Two builds of the same content into two different
 * directories must give identical trees: same file list, same SHA-256 of every
 * file. Output directories differ on purpose, so an absolute path leaking into
 * a page shows up too. Run on the fixture corpus and on the real corpus.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diskTree } from '../support/file-tree.ts';
import { buildSite, offlineBuild, runScript, tempDir, xssContent, xssSite } from '../support/builds.ts';
import { CONTENT_DIR } from '../support/site.ts';

const test = suite('deterministic builds');

function hashes(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of diskTree(dir).files) map.set(f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex'));
  return map;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [f, h] of a) {
    if (!b.has(f)) out.push(`only in first: ${f}`);
    else if (b.get(f) !== h) out.push(`differs: ${f}`);
  }
  for (const f of b.keys()) if (!a.has(f)) out.push(`only in second: ${f}`);
  return out.sort();
}

// The search index is rebuilt, not restored from the shard cache, so that
// Pagefind's own output is what is compared.
const FRESH_INDEX = { SEARCH_CACHE_DIR: 'off' };

test('fixture corpus: two builds are byte-identical', () => {
  const first = hashes(xssSite());
  const second = hashes(buildSite(xssContent(), join(tempDir('xss-site-2'), 'site'), FRESH_INDEX));
  const diff = differences(first, second);
  console.log(`  fixture: ${first.size} files, ${diff.length} differences`);
  assert.equal(diff.slice(0, 30), [], `${diff.length} files differ between two builds`);
});

// Two fresh builds rather than one against _site: _site may predate a content
// change (a developer's earlier build), which would be a false alarm.
test('real corpus: two builds are byte-identical', () => {
  const first = hashes(buildSite(CONTENT_DIR, join(tempDir('real-site-1'), 'site'), FRESH_INDEX));
  const second = hashes(buildSite(CONTENT_DIR, join(tempDir('real-site-2'), 'site'), FRESH_INDEX));
  const diff = differences(first, second);
  console.log(`  real corpus: ${first.size} files, ${diff.length} differences`);
  assert.ok(first.size > 100, `only ${first.size} files built from ${CONTENT_DIR}`);
  assert.equal(diff.slice(0, 30), [], `${diff.length} files differ between two builds`);
});

// The offline zip carries the search page and index rebuilt as classic scripts (esbuild):
// no build path may leak into them.
test('offline zip: two builds in different folders give the same bytes', () => {
  const first = offlineBuild().zip;
  const dir = tempDir('offline-2');
  runScript('scripts/build-offline.ts', ['--site', join(dir, 'elsewhere'), '--zip', join(dir, 'again.zip')], FRESH_INDEX);
  const second = readFileSync(join(dir, 'again.zip'));
  console.log(`  offline zip: ${first.length} and ${second.length} bytes`);
  assert.ok(Buffer.from(first).equals(second), 'the two offline zips differ');
});

test.run();
