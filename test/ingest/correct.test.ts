/**
 * The reviewer's correction tool (npm run correct), on the real ITIB010 in a
 * scratch copy of the repository's content without its corrections: the
 * 1823 staffing table is flattened there, as the PDF extraction left it.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { correctDrafts, writeCorrection } from '../../src/ingest/correct.ts';
import { readDraft, tableShapeProblems } from '../../src/ingest/correction-draft.ts';
import { generateOne, readTitles } from '../../src/ingest/run.ts';
import { root } from './_real.ts';
import { tempDir } from '../support/builds.ts';
import { correctExample } from '../../src/ingest/correct-example.ts';

const SOURCE = 'content/sources/2023-24/zh-2023-24-ITIB.txt';

/** A repository-shaped scratch folder: the sources and titles, no patches. */
function scratch(): string {
  const dir = tempDir('correct');
  cpSync(path.join(root, 'content/sources'), path.join(dir, 'content/sources'), { recursive: true });
  cpSync(path.join(root, 'content/patches/titles.json'), path.join(dir, 'content/patches/titles.json'));
  return dir;
}

function draftFor(dir: string): string {
  const drafts = readdirSync(path.join(dir, '.corrections')).filter((f) => f.startsWith('2023-24-itib010-'));
  assert.is(drafts.length, 1);
  return path.join(dir, '.corrections', drafts[0]!);
}

/**
 * What the reviewer drops, and says so: the header row printed again after the page break, less the
 * label that flattening the two-level header repeats (實際非公務員合約僱員人數).
 */
const REPEATED_HEADER = '年度 實際公務員人數 全職 兼職 員工薪酬開支 營運開支(包括員工開支)';
const BECAUSE = 'the header row is printed again after the page break; the table has it once';

/** The reviewer's edit: the table as printed (source lines 1662–1712), header printed again after the page break dropped. */
function edit(draft: string, table: string[], drops = REPEATED_HEADER, because = BECAUSE): void {
  const text = readFileSync(draft, 'utf8');
  const start = text.indexOf('\n', text.indexOf('=== replacement')) + 1;
  const end = text.indexOf('=== original');
  writeFileSync(
    draft,
    (text.slice(0, start) + [' ', ...table, ' ', '第  17 節  ITIB - 第  16 頁', ' ', ''].join('\n') + text.slice(end))
      .replace(/^Why: $/m, 'Why: 1823 staffing and spending, 5 year rows × 6 columns on both pages')
      .replace(/^Name: table$/m, 'Name: staffing')
      .replace(/^Drops: .*$/m, `Drops: ${drops}`)
      .replace(/^Drops because: .*$/m, `Drops because: ${because}`),
  );
}

const TABLE = [
  '| 年度 | 實際公務員人數 | 實際非公務員合約僱員人數 全職 | 實際非公務員合約僱員人數 兼職 | 員工薪酬開支 | 營運開支(包括員工開支 ) |',
  '| --- | --- | --- | --- | --- | --- |',
  '| 2019-20 | 8 | 440 | 120 | 1.34億元 | 1.68億元 |',
  '| 2020-21 | 8 | 463 | 160 | 1.41億元 | 1.83億元 |',
  '| 2021-22 | 9 | 493 | 126 | 1.37億元 | 1.77億元 |',
  '| 2022-23 | 9 | 463 | 140 | 1.34億元 | 1.70億元 |',
  '| 2023-24 | 9 | 473 | 142 | 1.50億元 | 1.76億元 |',
];

test('ITIB010: the draft shows the block with its source lines; the edited draft becomes a checked patch and a table', () => {
  const dir = scratch();
  const shown = correctDrafts(dir, 'ITIB010', undefined, false);
  // The block as the source prints it: header from line 1662, the first year row at 1680, the footer at 1690.
  assert.match(shown, /block 1: source lines 1662-1712/);
  assert.match(shown, / 1680 {2}2019-20 8 440 120 1\.34億元 {2}1\.68億元/);
  const draft = draftFor(dir);
  edit(draft, TABLE);
  const said = writeCorrection(dir, draft, 21);
  assert.match(said, /ITIB010: extracted blocks 1 → 0/);
  const patch = readFileSync(path.join(dir, 'content/patches/zh-2023-24-ITIB/021-itib010-staffing.patch'), 'utf8');
  assert.match(patch, /^Why: 1823 staffing/);
  // Dropped as the reviewer wrote it, with the reason: the tool copies, never computes, the Drops: line.
  assert.match(patch, `\nDrops: ${REPEATED_HEADER}\nDrops because: ${BECAUSE}\n`);
  assert.not.match(patch, /^Adds:/m);
  const md = generateOne(dir, path.join(dir, SOURCE), 'flat', readTitles(dir)).files.get('itib010.md')!;
  assert.ok(md.includes(TABLE.join('\n')), 'the reply holds the table as reviewed');
  assert.not.match(md, /```extracted/);
  // The page footer, moved below the table, is still stripped as page furniture (and counted as such by the audit).
  assert.ok(!md.includes('第  16 頁'));
});

test('a table that is not rectangular is refused, naming the draft and line; no patch is written', () => {
  const dir = scratch();
  correctDrafts(dir, 'ITIB010', undefined, false);
  const draft = draftFor(dir);
  edit(draft, [...TABLE.slice(0, 3), '| 2020-21 | 8 463 | 160 | 1.41億元 | 1.83億元 |', ...TABLE.slice(4)]);
  assert.throws(() => writeCorrection(dir, draft, 21), /2023-24-itib010-L1662\.md:\d+: the table is not rectangular: line \d+ has 5 cells, the table's header has 6/);
  assert.not.ok(existsSync(path.join(dir, 'content/patches/zh-2023-24-ITIB')) && readdirSync(path.join(dir, 'content/patches/zh-2023-24-ITIB')).length > 0);
});

test('a draft whose original lines changed under it (another correction) is refused', () => {
  const dir = scratch();
  correctDrafts(dir, 'ITIB010', undefined, false);
  const draft = draftFor(dir);
  edit(draft, TABLE);
  writeCorrection(dir, draft, 21);
  // The same draft again: its lines are now the table, not the extracted text.
  assert.throws(() => writeCorrection(dir, draft, 22), /original lines are no longer in the corrected/);
});

/** Nothing under the source's patch folder: what a refused draft must leave. */
const noPatch = (dir: string) => !existsSync(path.join(dir, 'content/patches/zh-2023-24-ITIB')) || readdirSync(path.join(dir, 'content/patches/zh-2023-24-ITIB')).length === 0;

test('a draft that loses a data row or one digit is refused, listing what it loses; no patch is written', () => {
  const dir = scratch();
  correctDrafts(dir, 'ITIB010', undefined, false);
  const draft = draftFor(dir);
  edit(draft, TABLE.filter((r) => !r.startsWith('| 2021-22')));
  // The row's characters beyond those the header repeat explains: 2021-22, 9, 493, 126, 1.37億元, 1.77億元.
  assert.throws(() => writeCorrection(dir, draft, 21), /L1662\.md:6: the replacement loses "[^"]*" .*which "Drops:" does not declare/);
  assert.ok(noPatch(dir));
  edit(draft, TABLE.map((r) => r.replace('| 493 |', '| 93 |')));
  let message = '';
  try {
    writeCorrection(dir, draft, 21);
  } catch (err) {
    message = (err as Error).message;
  }
  assert.match(message, 'the replacement loses "4"');
  assert.ok(noPatch(dir));
});

test('a replacement with no table for the table block is refused, even with its loss on Drops:', () => {
  const dir = scratch();
  correctDrafts(dir, 'ITIB010', undefined, false);
  const draft = draftFor(dir);
  edit(draft, ['just text, no table']);
  assert.throws(() => writeCorrection(dir, draft, 21), /L1662\.md:\d+: the replacement holds no table/);
  assert.ok(noPatch(dir));
});

test('characters on Drops: without a reason, or more than the replacement loses, are refused', () => {
  const dir = scratch();
  correctDrafts(dir, 'ITIB010', undefined, false);
  const draft = draftFor(dir);
  edit(draft, TABLE, REPEATED_HEADER, '');
  assert.throws(() => writeCorrection(dir, draft, 21), /L1662\.md:6: say on the "Drops because:" line/);
  edit(draft, TABLE, `${REPEATED_HEADER} 2019-20`);
  assert.throws(() => writeCorrection(dir, draft, 21), /"Drops:" declares "[-0129]+", which the replacement keeps/);
  assert.ok(noPatch(dir));
});

test('a draft whose Source: is not a source document says so without reading or quoting that file', () => {
  const dir = scratch();
  correctDrafts(dir, 'ITIB010', undefined, false);
  const draft = draftFor(dir);
  edit(draft, TABLE);
  const secret = path.join(dir, 'secret.txt');
  writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
  writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^Source: \S+/m, `Source: ${path.relative(dir, secret)}`));
  let message = '';
  try {
    writeCorrection(dir, draft, 21);
  } catch (err) {
    message = (err as Error).message;
  }
  assert.match(message, /:4: "Source:" must name a source document/);
  assert.not.match(message, 'root:x');
});

test('a draft without its reason is refused at the Why: line', () => {
  assert.throws(() => readDraft('Why: \nName: x\nReply: ITIB010\nSource: a lines 1-2\nAt: 1-2\n', '.corrections/d.md'), /^\.corrections\/d\.md:1: say on the "Why:" line/);
});

test('tableShapeProblems: each table is checked against its own header', () => {
  assert.equal(tableShapeProblems(['| a | b |', '| --- | --- |', '| 1 | 2 |', '', '| x |', '| --- |', '| 1 | 2 |']), ['line 7 has 2 cells, the table\'s header has 1']);
});

test('--example shows the tool on the shipped repository: ITIB043 without its corrections has blocks and proposed tables', () => {
  const out = correctExample(root);
  assert.match(out, /2023-24\/ITIB043: [1-9]\d* extracted block\(s\)/);
  assert.match(out, /proposed \d+ rows × \d+ columns/);
});

test.run();
