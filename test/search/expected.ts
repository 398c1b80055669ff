/**
 * Expected results for the query set, computed from the reply files — never
 * from search output. A reply is expected for a query when the query (all
 * whitespace removed) is a substring of the reply file (front-matter and body,
 * Markdown backslash escapes undone, all whitespace removed). Case-insensitive
 * for Latin letters, as Pagefind is.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface QuerySpec {
  q: string;
  kind: string;
  target?: string;
  note?: string;
}

export interface ReplyText {
  /** `2023-24/itib001/` */
  path: string;
  flat: string;
  /** The reply's title, flattened the same way. */
  title: string;
}

const flatten = (s: string) => s.replace(/\\(.)/g, '$1').replace(/\s+/gu, '').toLowerCase();

export function loadQuerySet(): QuerySpec[] {
  const file = new URL('./query-set.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: QuerySpec[] }).queries;
}

export function loadReplyTexts(contentDir: string): ReplyText[] {
  const root = join(contentDir, 'replies');
  if (!existsSync(root)) throw new Error(`no replies under ${root}: run npm run ingest first`);
  const out: ReplyText[] = [];
  for (const year of readdirSync(root).sort()) {
    for (const f of readdirSync(join(root, year)).sort()) {
      if (!f.endsWith('.md')) continue;
      const text = readFileSync(join(root, year, f), 'utf8');
      const title = /^title:\s*(.*)$/m.exec(text)?.[1] ?? '';
      out.push({ path: `${year}/${f.replace(/\.md$/, '')}/`, flat: flatten(text), title: flatten(title) });
    }
  }
  return out;
}

export function expectedFor(q: string, replies: ReplyText[]): string[] {
  const needle = flatten(q);
  return replies.filter((r) => r.flat.includes(needle)).map((r) => r.path);
}

/**
 * The replies a citizen most likely wants for a query: an explicit target
 * (reply numbers), else the replies whose title contains the term.
 */
export function targetsFor(spec: QuerySpec, replies: ReplyText[]): string[] {
  if (spec.target) return [spec.target];
  const needle = flatten(spec.q);
  return replies.filter((r) => r.title.includes(needle)).map((r) => r.path);
}

export interface QueryScore {
  q: string;
  expected: number;
  found: number;
  recall: number;
  /** The first min(5, expected) results all contain the query. */
  top5Precise: boolean;
  /** One of the target replies is among the first five results (null when the query has no target). */
  targetTop5: boolean | null;
  missing: string[];
}

export function score(spec: QuerySpec, expected: string[], urls: string[], targets: string[] = spec.target ? [spec.target] : []): QueryScore {
  const got = new Set(urls);
  const missing = expected.filter((p) => !got.has(p));
  const exp = new Set(expected);
  const top5 = urls.slice(0, 5);
  // With fewer than five expected replies, only the first `expected` places can be judged.
  const judged = urls.slice(0, Math.min(5, expected.length));
  return {
    q: spec.q,
    expected: expected.length,
    found: expected.length - missing.length,
    recall: expected.length ? (expected.length - missing.length) / expected.length : 1,
    top5Precise: judged.every((u) => exp.has(u) || u.startsWith('background/')),
    targetTop5: targets.length ? targets.some((t) => top5.includes(t)) : null,
    missing,
  };
}

export function summarise(scores: QueryScore[]): string {
  const totalExp = scores.reduce((a, s) => a + s.expected, 0);
  const totalFound = scores.reduce((a, s) => a + s.found, 0);
  const perfect = scores.filter((s) => s.recall === 1).length;
  const lines = scores.map(
    (s) =>
      `  ${s.recall === 1 ? '✔' : '✖'} ${s.q.padEnd(12, '　')} recall ${s.found}/${s.expected}` +
      ` top5 ${s.top5Precise ? 'all relevant' : 'has irrelevant'}${s.targetTop5 === null ? '' : s.targetTop5 ? ', target in top 5' : ', TARGET NOT IN TOP 5'}`,
  );
  return [
    ...lines,
    `  queries with 100 % recall: ${perfect}/${scores.length}; pooled recall ${totalFound}/${totalExp} = ${((100 * totalFound) / Math.max(1, totalExp)).toFixed(1)} %`,
  ].join('\n');
}

/**
 * A broader, generated query set for comparing index strategies: every
 * Intl.Segmenter word of 2–4 Han characters in the reply titles, plus 3–4
 * character substrings of the titles (every 7th, deterministic) — terms that a
 * word segmenter may cut differently in running text.
 */
export function titleQueries(replies: ReplyText[]): QuerySpec[] {
  const seg = new Intl.Segmenter('zh-Hant-HK', { granularity: 'word' });
  const words = new Set<string>();
  const subs = new Set<string>();
  let i = 0;
  for (const r of replies) {
    for (const { segment, isWordLike } of seg.segment(r.title)) if (isWordLike && /^\p{Script=Han}{2,4}$/u.test(segment)) words.add(segment);
    for (const run of r.title.replace(/[^\p{Script=Han}]/gu, ' ').split(' ')) {
      for (let a = 0; a + 3 <= run.length; a++) if (i++ % 7 === 0) subs.add(run.slice(a, a + 3 + (a % 2)));
    }
  }
  return [...[...words].sort(), ...[...subs].sort()].map((q) => ({ q, kind: 'generated' }));
}
