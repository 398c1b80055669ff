import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { IngestError } from '../../src/ingest/errors.ts';
import { applyCorrections } from '../../src/ingest/patches.ts';
import { mergeGenerated, readCorrectedSource } from '../../src/ingest/run.ts';
import { noSeams } from '../../src/ingest/seams.ts';
import { outputFiles } from '../../src/ingest/output-file.ts';
import { compareWithDisk, MANAGED_DIRS, writeAtomically } from '../../src/ingest/write.ts';
import { ingestReplies } from '../../src/ingest/document.ts';
import { realDocument, root, ZH_SOURCE } from './_real.ts';
import { tempDir } from '../support/builds.ts';

const SOURCE = 'a\nb\nc\nd\n';
const PATCH = 'Adds: 1b2\n--- a/x.txt\n+++ b/x.txt\n@@ -1,4 +1,5 @@\n a\n-b\n+b1\n+b2\n c\n d\n';

test('a correction applies and line numbers map back to the pristine source', () => {
  const r = applyCorrections(SOURCE, 'x.txt', [{ file: 'p/001.patch', text: PATCH }]);
  assert.is(r.text, 'a\nb1\nb2\nc\nd\n');
  assert.is(r.originLine(4), 3); // "c" was line 3 before the patch
  assert.is(r.originLine(1), 1);
});

test('a rebuilt table maps back onto the lines it replaced, first on first and last on last, whatever padding it has', () => {
  // A flattened table (rows on lines 3, 5, 7, 9 with blank and one-space lines between) replaced by a padded pipe table.
  const source = ['intro', '', 'a 1', ' ', 'b 2', '', 'c 3', ' ', 'd 4', '', 'after', ''].join('\n');
  const patch = ['Adds: ', '--- a/x.txt', '+++ b/x.txt', '@@ -2,10 +2,10 @@', ' ', '-a 1', '- ', '-b 2', '-', '-c 3', '- ', '-d 4', '+ ', '+| a | 1 |', '+| --- | --- |', '+| b | 2 |', '+| c | 3 |', '+| d | 4 |', '+ ', ' ', ' after', ''].join('\n');
  const r = applyCorrections(source, 'x.txt', [{ file: 'p/001.patch', text: patch }]);
  const lines = r.text.split('\n');
  assert.is(lines.indexOf('| a | 1 |') + 1, 4);
  assert.is(r.originLine(4), 3); // the header row: the first row it replaced
  assert.is(r.originLine(8), 9); // the last row: the last row it replaced, not a blank line far back
  assert.is(r.originLine(lines.indexOf('after') + 1), 11);
});

test('a correction must declare the text it drops or adds: the audit only sees the corrected text', () => {
  const drop = '--- a/x.txt\n+++ b/x.txt\n@@ -1,4 +1,3 @@\n a\n-b\n c\n d\n';
  try {
    applyCorrections(SOURCE, 'x.txt', [{ file: 'content/patches/x/002.patch', text: drop }]);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, IngestError);
    assert.match((e as Error).message, /^content\/patches\/x\/002\.patch:1: the patch drops "b" but declares nothing/);
  }
  const declared = `Why: a repeated line\nDrops: b\n${drop}`;
  assert.is(applyCorrections(SOURCE, 'x.txt', [{ file: 'p/002.patch', text: declared }]).text, 'a\nc\nd\n');
  // Table syntax (pipes, rules) is what a table rebuild adds, and needs no declaration.
  const table = '--- a/x.txt\n+++ b/x.txt\n@@ -1,4 +1,4 @@\n a\n-b\n+| b |\n c\n d\n';
  assert.is(applyCorrections(SOURCE, 'x.txt', [{ file: 'p/003.patch', text: table }]).text, 'a\n| b |\nc\nd\n');
});

test('a correction that no longer applies stops the ingest, naming the patch', () => {
  try {
    applyCorrections('a\nB changed\nc\nd\n', 'x.txt', [{ file: 'content/patches/x/001.patch', text: PATCH }]);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, IngestError);
    assert.match((e as Error).message, /^content\/patches\/x\/001\.patch:1: correction no longer applies to x\.txt/);
  }
});

test('the check reports missing, differing and stale files', () => {
  const dir = tempDir('ingest-check');
  mkdirSync(path.join(dir, 'content/replies/2023-24'), { recursive: true });
  writeFileSync(path.join(dir, 'content/replies/2023-24/itib001.md'), 'old');
  writeFileSync(path.join(dir, 'content/replies/2023-24/itib999.md'), 'stale');
  const files = outputFiles(
    new Map([
      ['content/replies/2023-24/itib001.md', 'new'],
      ['content/replies/2023-24/itib002.md', 'x'],
    ]),
  );
  assert.equal(compareWithDisk(dir, files, ['content/replies']), [
    'differs: content/replies/2023-24/itib001.md',
    'missing: content/replies/2023-24/itib002.md',
    'not generated: content/replies/2023-24/itib999.md',
  ]);
  writeAtomically(dir, files, ['content/replies']);
  assert.equal(compareWithDisk(dir, files, ['content/replies']), []);
  assert.not.ok(existsSync(path.join(dir, 'content/replies/2023-24/itib999.md')));
});

test('the committed content/ is what the sources generate (same check as CI)', () => {
  const g = realDocument();
  const root = path.resolve(import.meta.dirname, '../..');
  for (const [name, md] of g.files) {
    assert.is(readFileSync(path.join(root, 'content/replies/2023-24', name), 'utf8'), md, name);
  }
});

/** A process id that is not running: the highest id the kernel would give, probed until one is free. */
function deadPid(): number {
  for (let pid = 4_194_303; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

test('what a killed ingest left (its staging folder, a directory renamed aside) is removed by the next one', () => {
  const out = tempDir('ingest-stale');
  const dead = deadPid();
  mkdirSync(path.join(out, `.ingest-staging-${dead}/content/replies/2023-24`), { recursive: true });
  mkdirSync(path.join(out, `content/replies.old-${dead}/2023-24`), { recursive: true });
  // A folder of an ingest that is still running (this process's parent) is left alone.
  mkdirSync(path.join(out, `.ingest-staging-${process.ppid}`));
  writeAtomically(out, outputFiles(new Map([['content/replies/2023-24/itib001.md', 'x\n']])), MANAGED_DIRS);
  assert.not.ok(existsSync(path.join(out, `.ingest-staging-${dead}`)));
  assert.not.ok(existsSync(path.join(out, `content/replies.old-${dead}`)));
  assert.ok(existsSync(path.join(out, `.ingest-staging-${process.ppid}`)));
  assert.is(readFileSync(path.join(out, 'content/replies/2023-24/itib001.md'), 'utf8'), 'x\n');
});

test('two documents generating the same file stop the merge, naming both sources and lines', () => {
  const part = (file: string, line: number) => ({
    files: new Map([['content/replies/2023-24/itib001.md', 'x']]),
    summary: { replies: 1, unaccounted: 0, warnings: 0, tablesRecovered: 0, tablesKept: 0 },
    warnings: [],
    indexAgreement: 1,
    seams: noSeams(),
    audit: { total: 0, index: 0, furniture: 0, header: 0, body: 0, unaccounted: 0, unaccountedLines: [] },
    editions: [{ file: 'content/replies/2023-24/itib001.md', fm: { id: '2023-24/ITIB001', lang: 'zh-Hant-HK' as const, replyNo: 'ITIB001', questionNo: 1, memberRef: null, head: { code: '47' }, programmes: [], source: { file, lines: [line, line + 9] as [number, number] } } }],
  });
  assert.throws(() => mergeGenerated([part('content/sources/2023-24/a.txt', 10), part('content/sources/2023-24/b.txt', 20)]), /content\/replies\/2023-24\/itib001\.md:1: two sources generate the same output file \(content\/sources\/2023-24\/a\.txt:10 and content\/sources\/2023-24\/b\.txt:20\)/);
});

test('the last reply without an end marker is said to run to the end of the document, not to the next reply', () => {
  const src = readCorrectedSource(root, ZH_SOURCE);
  const end = src.lines.map((l) => /^–\s*完\s*–$/.test(l.trim())).lastIndexOf(true);
  const lines = src.lines.filter((_, i) => i !== end);
  const r = ingestReplies({ lines, file: src.rel, meta: src.meta });
  const w = r.warnings.filter((x) => x.kind === 'end-marker-missing');
  assert.equal(w.map((x) => x.replyNo), ['ITIB128', 'ITIB263']);
  assert.match(w[1]!.message, /the last reply runs to the end of the document/);
  assert.match(w[0]!.message, /ends where the next begins/);
});

test.run();
