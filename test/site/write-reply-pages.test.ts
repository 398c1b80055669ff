/** Reply pages are written outside Eleventy: check they land where links point, with page-relative links. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadArchive } from '../../src/site/data/load.ts';
import { writeReplyPages } from '../../src/site/render/write-reply-pages.ts';

const archive = loadArchive('test/fixtures/site');

function withOut(fn: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'reply-pages-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('every reply is written once per interface language, at its URL', () => {
  withOut((out) => {
    assert.is(writeReplyPages(archive, out, false), archive.replies.length * 2);
    for (const r of archive.replies) {
      assert.ok(existsSync(path.join(out, r.path, 'index.html')), r.path);
      assert.ok(existsSync(path.join(out, 'en', r.path, 'index.html')), `/en${r.path}`);
    }
  });
});

test('links are page-relative; offline, directory links end in index.html', () => {
  withOut((out) => {
    writeReplyPages(archive, out, false);
    const page = readFileSync(path.join(out, '2023-24/itib002/index.html'), 'utf8');
    assert.match(page, '<link rel="stylesheet" href="../../assets/site.css">');
    assert.match(page, 'href="../itib007/" rel="next"');
    assert.match(page, 'href="../../en/2023-24/itib002/" hreflang="en"');
    assert.not.match(page, / (?:href|src|action)="\/(?!\/)/);
  });
  withOut((out) => {
    writeReplyPages(archive, out, true);
    const page = readFileSync(path.join(out, 'en/2023-24/itib002/index.html'), 'utf8');
    assert.match(page, 'href="../itib007/index.html" rel="next"');
    assert.match(page, 'action="../../search/index.html"');
  });
});

test.run();
