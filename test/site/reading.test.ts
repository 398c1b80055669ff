/**
 * Reading a reply (issue 18), on the real archive as committed: the same
 * answers linked, contents for long replies, and the archive's scope stated
 * where counts are read — each page rendered by its template as the build does.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { settingsFromEnv } from '../../_data/site.ts';
import { loadArchive } from '../../src/site/data/load.ts';
import { routeTable, type TemplateData } from '../../src/site/data/routes.ts';
import { answerInk, jaccard, SAME_ANSWER_THRESHOLD, sameAnswerGroups, sameAnswerIndex, sameAnswerIndexOf, sameAnswers, shingles } from '../../src/site/data/same-answers.ts';
import { contentsOf } from '../../src/site/lib/contents.ts';
import { archiveScope } from '../../src/site/lib/scope.ts';
import { render as renderHome } from '../../src/site/pages/home.11ty.ts';
import { render as renderMember } from '../../src/site/pages/member.11ty.ts';
import { render as renderMembers } from '../../src/site/pages/members.11ty.ts';
import { render as renderReply } from '../../src/site/pages/reply.11ty.ts';
import { render as renderYear } from '../../src/site/pages/year.11ty.ts';

const archive = loadArchive('content');
const settings = settingsFromEnv({});
const routes = routeTable(archive, settings);
const page = (kind: string, pick: (path: string) => boolean, lang: 'zh-Hant-HK' | 'en' = 'zh-Hant-HK'): TemplateData => {
  const route = routes.all.find((r) => r.kind === kind && r.lang === lang && pick(r.path));
  if (!route) throw new Error(`no ${kind} route`);
  return { archive, routes, settings, route };
};
const items = archive.replies.map((r) => ({ id: r.replyNo, year: r.year, markdown: r.markdown }));

test('same answers: 15 groups of 45 replies at Jaccard ≥ 0.8 of 5-character shingles; the microelectronics institute is one', () => {
  assert.is(SAME_ANSWER_THRESHOLD, 0.8);
  const groups = sameAnswerGroups(items);
  assert.is(groups.length, 15);
  assert.is(groups.flat().length, 45);
  assert.ok(groups.some((g) => ['ITIB103', 'ITIB121', 'ITIB122', 'ITIB133', 'ITIB140', 'ITIB148'].every((id) => g.includes(id))));
});

test('same answers: the join finds exactly the groups that comparing every pair finds, on answers cut and spliced from the real ones', () => {
  // Half of one real answer and half of another, as the benchmark's years are made: many near pairs, many far ones.
  const spliced = items.flatMap((a, i) => {
    const b = items[(i * 7 + 3) % items.length]!;
    const cut = (m: string, head: boolean) => (head ? m.slice(0, m.length >> 1) : m.slice(m.length >> 1));
    return [a, { id: `${a.id}-S`, year: a.year, markdown: cut(a.markdown, true) + cut(b.markdown, false) }];
  });
  const sets = spliced.map((i) => shingles(answerInk(i.markdown)));
  const parent = spliced.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < sets.length; i++) {
    for (let j = 0; j < i; j++) if (sets[i]!.size > 0 && sets[j]!.size > 0 && jaccard(sets[i]!, sets[j]!) >= SAME_ANSWER_THRESHOLD) parent[find(i)] = find(j);
  }
  const byRoot = new Map<number, string[]>();
  spliced.forEach((item, i) => byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), item.id]));
  const everyPair = [...byRoot.values()].filter((g) => g.length > 1);
  assert.ok(everyPair.length > 15, 'the splicing made more groups than the real replies have');
  assert.equal(sameAnswerGroups(spliced), everyPair);
});

test('same answers: a pair at exactly the threshold is the same answer (a repeated answer with a short sentence before it)', () => {
  // 32 characters: 28 distinct shingles; 7 characters more in front: 35, all 28 shared, Jaccard exactly 28/35 = 0.8
  // (sizes at which t/(1+t)·(|A|+|B|) is a hair above 28 in floating point).
  const b = '本局一直與業界緊密合作推動創新科技發展並會繼續檢視各項措施的成效';
  const a = `補充說明政府立${b}`;
  assert.is(jaccard(shingles(a), shingles(b)), SAME_ANSWER_THRESHOLD);
  const groups = sameAnswerGroups([{ id: 'A', year: '2023-24', markdown: `## 答覆\n\n${a}` }, { id: 'B', year: '2023-24', markdown: `## 答覆\n\n${b}` }]);
  assert.equal(groups, [['A', 'B']]);
});

test('same answers: a word-for-word copy joins its answer\'s group (the group of near-identical answers too); empty answers never group', () => {
  const micro = items.find((i) => i.id === 'ITIB103')!;
  const copies = [...items, { ...micro, id: 'COPY1' }, { ...micro, id: 'COPY2' }, { id: 'EMPTY1', year: micro.year, markdown: '## 答覆\n' }, { id: 'EMPTY2', year: micro.year, markdown: '## 答覆\n' }];
  const groups = sameAnswerGroups(copies);
  const micros = groups.find((g) => g.includes('ITIB103'))!;
  for (const id of ['ITIB121', 'ITIB122', 'COPY1', 'COPY2']) assert.ok(micros.includes(id), id);
  assert.is(groups.length, 15, 'no new group: the copies joined the existing one');
  assert.not.ok(groups.flat().some((id) => id.startsWith('EMPTY')));
});

test('same answers made ahead (a unit process, from the editions it read while it waited) are used only for the very answers they were made from', () => {
  const ahead = sameAnswers(items);
  assert.ok(sameAnswerIndexOf(items.map((i) => ({ ...i })), ahead) === ahead.index, 'the same texts: the index made ahead');
  // ITIB121 edited since (its answer no longer the microelectronics institute's): the index is made again, without it.
  const edited = items.map((i) => (i.id === 'ITIB121' ? { ...i, markdown: '## 答覆\n\n經編輯的另一個答覆，與其他答覆不同。' } : i));
  const index = sameAnswerIndexOf(edited, ahead);
  assert.ok(ahead.index.get('ITIB103')!.includes('ITIB121'));
  assert.not.ok(index.get('ITIB103')!.includes('ITIB121'));
  assert.equal(index, sameAnswerIndex(edited));
  // One reply fewer, or the same texts in another order, is not the same either.
  assert.equal(sameAnswerIndexOf(items.slice(1), ahead), sameAnswerIndex(items.slice(1)));
  assert.ok(sameAnswerIndexOf([...items].reverse(), ahead) !== ahead.index);
  assert.equal(sameAnswerIndexOf(items), ahead.index);
});

test('same answers: every pair in a group is linked by the rule, and replies outside stay apart', () => {
  const ink = new Map(items.map((i) => [i.id, shingles(answerInk(i.markdown))]));
  // ITIB103 and ITIB121 answer the same; ITIB103 and ITIB001 do not.
  assert.ok(jaccard(ink.get('ITIB103')!, ink.get('ITIB121')!) >= 0.8);
  assert.ok(jaccard(ink.get('ITIB103')!, ink.get('ITIB001')!) < 0.2);
  // Only the answer counts: a different question with the same answer is the case the link exists for.
  assert.is(answerInk('## 問題\n\n甲乙丙丁戊\n\n## 答覆\n\n己庚辛\\*'), '己庚辛*');
});

test('same answers: the reply page says so and links every other reply of the group, with the rule', () => {
  const out = renderReply(page('reply', (p) => p.endsWith('/itib121/')));
  const aside = /<aside class="same-answer"[\s\S]*?<\/aside>/.exec(out)?.[0] ?? '';
  assert.match(aside, '同一答覆亦給了以下問題：');
  for (const no of ['itib103', 'itib122', 'itib133', 'itib140', 'itib148']) assert.match(aside, `${no}/`);
  assert.not.match(aside, 'itib121/');
  assert.match(aside, '80%');
  assert.match(out, /<dt>相同的答覆<\/dt><dd><a href="#same-answer-h">ITIB103、ITIB122/);
  const en = renderReply(page('reply', (p) => p.endsWith('/itib121/'), 'en'));
  assert.match(en, 'The same answer was given to:');
});

test('contents: a long reply lists its sections and the tables in each; a short one has none', () => {
  const r201 = archive.replies.find((r) => r.replyNo === 'ITIB201')!;
  const c = contentsOf(r201.bodyHtml);
  assert.equal(c.slice(0, 2).map((e) => e.id), ['question-h', 'answer-h']);
  assert.ok(c.filter((e) => e.id.startsWith('annex-')).length >= 2, c.map((e) => e.id).join(' '));
  assert.ok(c.reduce((n, e) => n + e.tables.length, 0) >= 3);
  const out = renderReply(page('reply', (p) => p.endsWith('/itib201/')));
  assert.match(out, /<details class="contents contents-top">\n<summary>目錄：\d+ 個部分、\d+ 個表<\/summary>/);
  // The phone's copy opens the answer, its labels marked with their language.
  assert.match(out, /<h2 id="answer-h">答覆<\/h2>\n<details class="contents contents-answer" lang="zh-Hant-HK">/);
  assert.match(out, '<a href="#annex-1-table-1">表 1：');
  assert.not.match(renderReply(page('reply', (p) => p.endsWith('/itib001/'))), 'class="contents ');
  const withContents = archive.replies.filter((r) => /class="contents /.test(renderReply(page('reply', (p) => p.endsWith(`/${r.replyNo.toLowerCase()}/`)))));
  assert.ok(withContents.some((r) => r.replyNo === 'ITIB190'));
  assert.is(withContents.length, 16);
});

test('scope: from the catalogue of sources, stated on the home, year, members and member pages', () => {
  assert.equal(archiveScope(archive.sources), [{ year: '2023-24', bureaus: [{ code: 'ITIB', name: '創新科技及工業局' }] }]);
  const want = /<p class="scope">本檔案庫目前收錄[^<]*2023[^<]*創新科技及工業局的答覆/;
  assert.match(renderHome(page('home', () => true)), want);
  assert.match(renderYear(page('year', () => true)), want);
  assert.match(renderMembers(page('members', () => true)), want);
  assert.match(renderMember(page('member', () => true)), want);
  assert.match(renderHome(page('home', () => true, 'en')), /<p class="scope">The archive holds the replies of [^<]*<span lang="zh-Hant-HK">創新科技及工業局<\/span> \(ITIB\)/);
});

test('scope: a second bureau or year in the catalogue appears without a template change', () => {
  const more = [...archive.sources, { ...archive.sources.find((s) => s.bureau === 'ITIB')!, file: 'x.txt', year: '2024-25', bureau: 'CEDB', bureauName: '商務及經濟發展局' }];
  assert.equal(archiveScope(more).map((e) => `${e.year} ${e.bureaus.map((b) => b.code).join('+')}`), ['2023-24 ITIB', '2024-25 CEDB']);
});

test.run();
