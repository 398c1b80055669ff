/**
 * The benchmark's corpus is only worth its figures if the real pipeline reads
 * it like a real document: deterministic, parsed whole with nothing
 * unaccounted, spread over several years; and the benchmark's "edit one reply"
 * must change exactly one reply.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectPieces, synthesize, synthesizeYear } from '../../src/bench/synthesize.ts';
import { editOneReply, prepareCorpus } from '../../src/bench/run-bench.ts';
import { sameAnswerGroups } from '../../src/site/data/same-answers.ts';

const REPLIES = 600;
const scratch = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
test.after(() => rmSync(scratch, { recursive: true, force: true }));

function ingest(): { replies: number; unaccounted: number } {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/ingest.ts', '--root', scratch, '--quiet'], { encoding: 'utf8' });
  assert.is(r.status, 0, `ingest of the synthetic corpus failed:\n${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as { replies: number; unaccounted: number };
}

/** Every generated reply file, path → text. */
function replies(): Map<string, string> {
  const root = join(scratch, 'content', 'replies');
  const out = new Map<string, string>();
  for (const year of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, year)).sort()) out.set(`${year}/${name}`, readFileSync(join(root, year, name), 'utf8'));
  }
  return out;
}

test('the same size gives the same documents, over several years', () => {
  const pieces = collectPieces(readFileSync('content/sources/2023-24/zh-2023-24-ITIB.txt', 'utf8'));
  const a = synthesize(pieces, REPLIES);
  const b = synthesize(pieces, REPLIES);
  assert.equal(a.map((d) => d.text), b.map((d) => d.text));
  assert.ok(new Set(a.map((d) => d.year)).size >= 2, `years: ${a.map((d) => d.year).join(', ')}`);
});

test('--per-year: budget years of that many replies, newest first; the year the benchmark adds leaves the others as they were', () => {
  const pieces = collectPieces(readFileSync('content/sources/2023-24/zh-2023-24-ITIB.txt', 'utf8'));
  const perYear = 300;
  const docs = synthesize(pieces, 700, { perYear });
  const count = new Map<string, number>();
  for (const d of docs) count.set(d.year, (count.get(d.year) ?? 0) + d.replies.length);
  assert.equal([...count], [['2023-24', 300], ['2022-23', 300], ['2021-22', 100]]);
  // A larger corpus is the smaller one plus more: the same documents for the years both have.
  const larger = synthesize(pieces, 900, { perYear }).filter((d) => d.year !== '2021-22');
  assert.equal(larger.map((d) => d.text), docs.filter((d) => d.year !== '2021-22').map((d) => d.text));
  const added = synthesizeYear(pieces, 3, 700, perYear);
  assert.equal([...new Set(added.map((d) => d.year))], ['2020-21']);
  assert.is(added.reduce((n, d) => n + d.replies.length, 0), perYear);
  assert.is(added[0]!.replies[0]!.n, 700);
});

test('the real ingest parses the whole synthetic corpus, and editing one reply changes one reply', () => {
  prepareCorpus(REPLIES, scratch);
  const first = ingest();
  assert.is(first.replies, REPLIES);
  assert.is(first.unaccounted, 0);
  const before = replies();
  assert.is(before.size, REPLIES);

  editOneReply(scratch);
  assert.is(ingest().replies, REPLIES);
  const after = replies();
  const changed = [...after].filter(([file, text]) => before.get(file) !== text);
  assert.is(changed.length, 1, `changed: ${changed.map(([f]) => f).join(', ')}`);
  assert.match(changed[0]![1], '並經基準測試修訂');
  // Answers are recombined, not repeated: about as few replies give "the same answer" as in the real document
  // (45 of 263, groups of 2-6), not every one of them (whole answers repeated every 263 replies).
  const items = [...before].filter(([file]) => !file.endsWith('.en.md')).map(([file, markdown]) => ({ id: file, year: file.slice(0, 7), markdown }));
  const grouped = sameAnswerGroups(items);
  assert.ok(grouped.flat().length <= 0.3 * items.length, `${grouped.flat().length} of ${items.length} replies in same-answer groups`);
  assert.ok(Math.max(...grouped.map((g) => g.length)) <= 12, `largest group ${Math.max(...grouped.map((g) => g.length))}`);
});

test('--english 0.1: a tenth of the replies also get a synthetic English edition that agrees with the Chinese one', () => {
  prepareCorpus(REPLIES, scratch, 0.1);
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/ingest.ts', '--root', scratch], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  assert.not.match(r.stdout, /edition-mismatch/, 'the editions agree on question number, head, programmes and member reference');
  const summary = JSON.parse(r.stdout.trim().split('\n').pop()!) as { replies: number; unaccounted: number };
  assert.is(summary.unaccounted, 0);
  const files = [...replies().keys()];
  const english = files.filter((f) => f.endsWith('.en.md'));
  assert.is(english.length, REPLIES / 10);
  assert.is(summary.replies, REPLIES + REPLIES / 10);
  // Every English edition sits beside its Chinese one, and says it is synthetic.
  for (const f of english) assert.ok(files.includes(f.replace(/\.en\.md$/, '.md')), f);
  assert.match(readFileSync(join(scratch, 'content/sources', english[0]!.split('/')[0]!, `en-${english[0]!.split('/')[0]}-SYAA.meta.json`), 'utf8'), 'not official text');
});

test.run();
