/**
 * The open-data exports: replies.json (front-matter + URL + Markdown) and
 * replies.csv (one row per reply, UTF-8 with BOM so Excel shows Chinese).
 * Field order is fixed so the files are byte-stable.
 */
import { stringify } from 'csv-stringify/sync';
import { absoluteUrl } from '../lib/urls.ts';
import type { Reply } from './model.ts';

export const CSV_COLUMNS = [
  'id', 'year', 'lang', 'bureau', 'session', 'replyNo', 'questionNo', 'member', 'memberRef',
  'headCode', 'headName', 'subhead', 'programmes', 'controllingOfficer', 'director', 'title', 'url',
] as const;

export function replyRecord(r: Reply, siteUrl: string) {
  return {
    id: r.id,
    year: r.year,
    lang: r.lang,
    bureau: r.bureau,
    session: r.session,
    replyNo: r.replyNo,
    questionNo: r.questionNo,
    member: r.member,
    memberRef: r.memberRef,
    head: r.head,
    subhead: r.subhead,
    programmes: r.programmes,
    controllingOfficer: r.controllingOfficer,
    director: r.director,
    title: r.title,
    source: r.source,
    url: absoluteUrl(r.path, siteUrl),
    markdown: r.markdown,
  };
}

export function repliesJson(replies: readonly Reply[], siteUrl: string): string {
  return JSON.stringify(replies.map((r) => replyRecord(r, siteUrl)), null, 1) + '\n';
}

export function repliesCsv(replies: readonly Reply[], siteUrl: string): string {
  const rows = replies.map((r) => [
    r.id, r.year, r.lang, r.bureau, r.session, r.replyNo, r.questionNo, r.member, r.memberRef ?? '',
    r.head.code, r.head.name, r.subhead,
    r.programmes.map((p) => `(${p.code}) ${p.name}`).join('; '),
    r.controllingOfficer, r.director, r.title, absoluteUrl(r.path, siteUrl),
  ]);
  return '\uFEFF' + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows' });
}
