/**
 * The open-data exports: replies.json (front-matter + URL + Markdown) and
 * replies.csv (one row per reply; lib/csv.ts: UTF-8 with BOM so Excel shows Chinese, formulas inert).
 * Field order is fixed so the files are byte-stable.
 */
import { csvFile } from '../lib/csv.ts';
import { publicUrl } from '../lib/urls.ts';
import { REPLY_FIELDS, type Reply } from './model.ts';

export const CSV_COLUMNS = [
  'id', 'year', 'lang', 'bureau', 'session', 'replyNo', 'questionNo', 'member', 'memberRef',
  'headCode', 'headName', 'subhead', 'programmes', 'controllingOfficer', 'director', 'title', 'url',
] as const;

/** One reply in replies.json: its front-matter fields in the model's order, its URL (its path when the site has no address) and its Markdown. */
export function replyRecord(r: Reply, siteUrl: string | null) {
  return {
    ...Object.fromEntries(REPLY_FIELDS.map((f) => [f, r[f]])),
    url: publicUrl(r.path, siteUrl),
    markdown: r.markdown,
  };
}

export function repliesJson(replies: readonly Reply[], siteUrl: string | null): string {
  return JSON.stringify(replies.map((r) => replyRecord(r, siteUrl)), null, 1) + '\n';
}

/** Every cell made inert for spreadsheets (lib/csv.ts). */
export function repliesCsv(replies: readonly Reply[], siteUrl: string | null): string {
  const rows = replies.map((r) => [
    r.id, r.year, r.lang, r.bureau, r.session, r.replyNo, r.questionNo, r.member, r.memberRef ?? '',
    r.head.code, r.head.name, r.subhead,
    r.programmes.map((p) => `(${p.code}) ${p.name}`).join('; '),
    r.controllingOfficer, r.director, r.title, publicUrl(r.path, siteUrl),
  ]);
  return csvFile([[...CSV_COLUMNS], ...rows]);
}
