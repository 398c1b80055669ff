/**
 * Nothing is written to a reply after it is read (issue 16): the groupings
 * make new replies and groups from the replies as read, so the same read can
 * be shared (the catalogue and a year's unit) or kept between edits. The
 * replies as read are deep-frozen here: in strict ESM a write to a frozen
 * object throws, so any grouping step that still fills in a field fails.
 */
import { isDeepStrictEqual } from 'node:util';
import { test } from 'uvu';
import { deepFreeze } from '../support/freeze.ts';
import * as assert from 'uvu/assert';
import { loadArchive, readReplies } from '../../src/site/data/load.ts';
import { groupArchive, memberIdentity } from '../../src/site/data/group.ts';
import type { LoadedReply } from '../../src/model/reply.ts';

const read = readReplies('content');
const before = structuredClone(read);
const frozen: readonly LoadedReply[] = deepFreeze(read);

test('a frozen reply throws on a write (the check below would catch a grouping that writes)', () => {
  assert.throws(() => {
    (frozen[0] as { title: string }).title = 'x';
  }, TypeError);
  assert.throws(() => {
    (frozen[0]!.programmes as unknown[]).push({ code: '9', name: 'x' });
  }, TypeError);
});

const grouped = groupArchive(frozen);
const byNo = (no: string) => grouped.replies.find((r) => r.replyNo === no)!;

test('the replies as read group without a write, and are unchanged by it', () => {
  assert.ok(isDeepStrictEqual(read, before), 'the replies as read are as they were');
  assert.is(grouped.replies.length, read.length);
  for (const r of grouped.replies) assert.not.ok(read.includes(r), `${r.id} is a new object`);
});

test('grouped from frozen replies, a reply still has its neighbours, member page, names and same answers', () => {
  const r = byNo('ITIB002');
  assert.is(r.prev?.replyNo, 'ITIB001');
  assert.is(r.next?.replyNo, 'ITIB003');
  assert.is(byNo('ITIB001').prev, null);
  const member = grouped.members.find((m) => m.replies.includes(r))!;
  assert.is(r.memberPage, member.path);
  assert.equal(r.labels.member, member.names);
  const head = grouped.heads.find((h) => h.replies.includes(r))!;
  assert.equal(r.labels.head, head.names);
  for (const p of r.programmes) {
    const group = grouped.programmes.find((g) => g.code === p.code && g.replies.includes(r))!;
    assert.equal(r.labels.programmes[p.code], group.names);
  }
  const withSame = grouped.replies.filter((x) => x.sameAnswers.length > 0);
  assert.ok(withSame.length > 0, 'some answers are given to several members');
  for (const x of withSame) for (const id of x.sameAnswers) assert.ok(grouped.replies.find((o) => o.id === id)!.sameAnswers.includes(x.id), `${x.id} ↔ ${id}`);
});

test('the groups hold the new replies, every reply once per year, head and member', () => {
  const ids = grouped.replies.map((r) => r.id);
  assert.equal(grouped.years.flatMap((y) => y.replies.map((r) => r.id)), ids);
  assert.is(grouped.heads.reduce((n, h) => n + h.replies.length, 0), ids.length);
  assert.is(grouped.members.reduce((n, m) => n + m.replies.length, 0), ids.length);
  for (const h of grouped.heads) for (const r of h.replies) assert.ok(grouped.replies.includes(r));
});

test("a year's unit groups frozen replies with the catalogue's member identity, naming members as the archive does", () => {
  const archive = loadArchive('content');
  const identity = deepFreeze(memberIdentity(archive.members, new Set([archive.years[0]!.year])));
  const unit = groupArchive(frozen, identity);
  assert.equal(unit.members.map((m) => [m.path, m.names]), archive.members.map((m) => [m.path, m.names]));
  assert.equal(unit.replies.map((r) => r.memberPage), archive.replies.map((r) => r.memberPage));
});

test.run();
