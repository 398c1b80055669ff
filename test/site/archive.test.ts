/**
 * The groupings the listing pages show, on the real 2023-24 replies
 * (content/), and the loader's errors on bad files (fixtures written to a
 * temporary directory).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadArchive } from '../../src/site/data/load.ts';

const archive = loadArchive('content');
const byNo = (no: string) => archive.replies.find((r) => r.replyNo === no)!;

test('all 263 replies load, in reply-number order, chained by previous/next', () => {
  assert.is(archive.replies.length, 263);
  assert.is(archive.replies[0]!.replyNo, 'ITIB001');
  assert.is(archive.replies[262]!.replyNo, 'ITIB263');
  assert.is(byNo('ITIB002').prev?.replyNo, 'ITIB001');
  assert.is(byNo('ITIB002').next?.replyNo, 'ITIB003');
  assert.is(byNo('ITIB001').prev, null);
  assert.is(byNo('ITIB263').next, null);
});

test('heads in numeric order with every reply counted once; programme counts add up with multi-programme replies', () => {
  const year = archive.years[0]!;
  assert.equal(year.heads.map((h) => h.code), ['47', '111', '135', '155']);
  assert.is(year.heads.reduce((n, h) => n + h.replies.length, 0), 263);
  for (const h of year.heads) {
    const listed = h.programmes.reduce((n, p) => n + p.replies.length, 0);
    const expected = h.replies.reduce((n, r) => n + Math.max(1, r.programmes.length), 0);
    assert.is(listed, expected, `head ${h.code}`);
  }
});

test('a reply with two programmes is listed under both; no programme means the "none" group, last', () => {
  const r = byNo('ITIB190');
  assert.is(r.programmes.length, 2);
  const lists = archive.programmes.filter((p) => p.replies.includes(r));
  assert.equal(lists.map((p) => p.path), ['/2023-24/heads/47/programmes/1/', '/2023-24/heads/47/programmes/2/']);
  const h135 = archive.heads.find((h) => h.code === '135')!;
  const none = h135.programmes.at(-1)!;
  assert.is(none.code, null);
  assert.is(none.path, '/2023-24/heads/135/programmes/none/');
  assert.ok(none.replies.some((x) => x.replyNo === 'ITIB007'));
});

test('a head printed two ways is listed under the name most replies print', () => {
  const h135 = archive.heads.find((h) => h.code === '135')!;
  const spellings = new Map<string, number>();
  for (const r of h135.replies) spellings.set(r.head.name, (spellings.get(r.head.name) ?? 0) + 1);
  const top = [...spellings].sort((a, b) => b[1] - a[1])[0]![0];
  assert.is(h135.name, top);
  for (const p of h135.programmes) assert.is(p.head.name, top);
});

test('a member page groups their questions by year and head', () => {
  const m = archive.members.find((x) => x.name === '陳紹雄')!;
  assert.is(m.path, '/members/陳紹雄/');
  assert.ok(m.replies.length >= 5);
  assert.equal(m.replies.slice(0, 5).map((r) => r.replyNo), ['ITIB005', 'ITIB006', 'ITIB007', 'ITIB008', 'ITIB009']);
  assert.is(m.years[0]!.year, '2023-24');
  assert.is(m.years[0]!.heads.flatMap((h) => h.replies).length, m.replies.length);
});

function withContent(name: string, text: string, fn: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'site-test-'));
  try {
    mkdirSync(path.join(dir, 'replies', '2023-24'), { recursive: true });
    writeFileSync(path.join(dir, 'replies', '2023-24', name), text);
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const good = readFileSync('test/fixtures/site/replies/2023-24/itib001.md', 'utf8');

test('bad input: the error names the file and the line of the faulty field', () => {
  withContent('itib001.md', good.replace('questionNo: 2875', 'questionNo: "two"'), (dir) => {
    assert.throws(() => loadArchive(dir), /itib001\.md:8: front-matter "questionNo" must be an integer/);
  });
  withContent('itib001.md', good.replace(/^member: .*\n/m, ''), (dir) => {
    assert.throws(() => loadArchive(dir), /itib001\.md:\d+: front-matter "member" is missing/);
  });
  withContent('itib009.md', good, (dir) => {
    assert.throws(() => loadArchive(dir), /replyNo ITIB001 belongs in a file named itib001\.md/);
  });
  withContent('itib001.md', good.replace('title: ', 'title: [unclosed'), (dir) => {
    assert.throws(() => loadArchive(dir), /itib001\.md:\d+: invalid YAML front-matter/);
  });
});

test.run();
