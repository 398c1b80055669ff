/**
 * A unit's exports after an edit (src/build/file-reuse.ts): a file whose bytes
 * are what the year's previous build wrote is that very file, linked (no new
 * copy for the site's placement to link again); a file whose bytes changed is
 * written anew, and the previous build's file is left as it was.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReusingWriter } from '../../src/build/file-reuse.ts';

test('unchanged bytes are linked from the previous entry, changed ones written; the manifest lists both', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'file-reuse-'));
  try {
    const first = path.join(root, 'entry-1');
    mkdirSync(first);
    const one = new ReusingWriter(path.join(first, 'site'), null);
    one.write('/2023-24/itib001/reply.json', '{"replyNo":"ITIB001"}');
    one.write('/2023-24/itib002/reply.json', '{"replyNo":"ITIB002"}');
    one.save(first);
    assert.is(one.linked, 0);

    const second = path.join(root, 'entry-2');
    mkdirSync(second);
    const two = new ReusingWriter(path.join(second, 'site'), first);
    two.write('/2023-24/itib001/reply.json', '{"replyNo":"ITIB001"}');
    two.write('/2023-24/itib002/reply.json', '{"replyNo":"ITIB002","edited":true}');
    two.write('/2023-24/data/tables.json', new TextEncoder().encode('[]'));
    two.save(second);
    assert.is(two.linked, 1);

    const at = (entry: string, p: string) => path.join(entry, 'site', p);
    assert.is(statSync(at(second, '/2023-24/itib001/reply.json')).ino, statSync(at(first, '/2023-24/itib001/reply.json')).ino);
    assert.is.not(statSync(at(second, '/2023-24/itib002/reply.json')).ino, statSync(at(first, '/2023-24/itib002/reply.json')).ino);
    assert.is(readFileSync(at(second, '/2023-24/itib002/reply.json'), 'utf8'), '{"replyNo":"ITIB002","edited":true}');
    assert.is(readFileSync(at(first, '/2023-24/itib002/reply.json'), 'utf8'), '{"replyNo":"ITIB002"}');
    assert.is(readFileSync(at(second, '/2023-24/data/tables.json'), 'utf8'), '[]');
    assert.equal(Object.keys(JSON.parse(readFileSync(path.join(second, 'files.json'), 'utf8'))), [
      '/2023-24/data/tables.json',
      '/2023-24/itib001/reply.json',
      '/2023-24/itib002/reply.json',
    ]);
    assert.throws(() => two.write('/2023-24/itib001/reply.json', 'x'), /written twice/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
