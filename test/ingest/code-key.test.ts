/**
 * The code in the parse cache's key (src/ingest/code-key.ts): what the ingest
 * runs, the model it reads included, and not the site it never imports.
 */
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { importClosure } from '../../src/ingest/code-key.ts';
import { root } from './_real.ts';

test('the code key covers the parser and the model it reads, not the site, search or build', () => {
  const files = importClosure(path.join(root, 'src/ingest/run.ts')).map((f) => path.relative(root, f).split(path.sep).join('/'));
  for (const f of ['src/ingest/run.ts', 'src/ingest/document.ts', 'src/ingest/cross-check.ts', 'src/ingest/title-subject.ts', 'src/ingest/patches.ts', 'src/model/source-meta.ts', 'src/model/front-matter-types.ts', 'src/model/languages.ts']) {
    assert.ok(files.includes(f), `${f} is not in the code key`);
  }
  assert.equal(files.filter((f) => !/^src\/(ingest|model|lib)\//.test(f)), []);
  // The writer, the records of folders and the correction tool do not decide what a document parses to.
  for (const f of ['src/ingest/write.ts', 'src/ingest/folder-record.ts', 'src/ingest/correct.ts']) assert.not.ok(files.includes(f), f);
});

test.run();
