/**
 * The stats of many files at once (src/lib/stat-many.ts, used by the ingest's and the build's checks
 * that the content is as they last saw it) are each file's own, in order, as fs gives them one by one,
 * whether the calling thread or a helper thread took it; a file that cannot be stat-ed fails the call
 * with fs's error naming it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lstatSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { statMany } from '../../src/lib/stat-many.ts';
import { CONTENT_DIR } from '../support/site.ts';
import { tempDir } from '../support/builds.ts';

const editions = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

test('the content\'s files, stat-ed at once, have their own size, time and inode, in order', () => {
  // Every file four times over: enough chunks for the helper threads to take some.
  const once = editions(CONTENT_DIR);
  const files = [...once, ...once, ...once, ...once];
  assert.ok(files.length > 1000, `${files.length} files`);
  // Three times over, so that helpers started by the first call take part in the others.
  for (let round = 0; round < 3; round++) {
    const stats = statMany(files);
    assert.is(stats.length, files.length);
    files.forEach((file, i) => {
      const st = lstatSync(file);
      assert.equal(stats[i], { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino }, file);
    });
  }
});

test('a symbolic link is itself, not what it names', () => {
  const dir = tempDir('stat-many');
  const target = path.join(dir, 'reply.md');
  writeFileSync(target, '回覆內容\n'.repeat(100));
  // Many links, so that the call is shared with the helpers.
  const links = Array.from({ length: 2000 }, (_, i) => {
    const link = path.join(dir, `link-${i}.md`);
    symlinkSync(target, link);
    return link;
  });
  const own = statMany(links);
  links.forEach((link, i) => {
    const st = lstatSync(link);
    assert.equal(own[i], { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino }, link);
    assert.is.not(own[i]!.ino, statSync(target).ino);
  });
});

test('a file that is not there fails the call with ENOENT naming it', () => {
  const dir = tempDir('stat-many-missing');
  mkdirSync(path.join(dir, 'replies'));
  const files = Array.from({ length: 3000 }, (_, i) => path.join(dir, 'replies', `r${i}.md`));
  files.forEach((f) => writeFileSync(f, 'x'));
  const missing = path.join(dir, 'replies', 'ITIB999.md');
  const err = (() => {
    try {
      statMany([...files.slice(0, 1500), missing, ...files.slice(1500)]);
    } catch (e) {
      return e as NodeJS.ErrnoException;
    }
    return null;
  })();
  assert.ok(err, 'the call failed');
  assert.is(err!.code, 'ENOENT');
  assert.ok(err!.message.includes(missing), err!.message);
});

test.run();
