/**
 * The open-data exports: replies.json (front-matter + URL + Markdown, and the
 * same for each other edition) and replies.csv (one row per edition of each
 * reply; lib/csv.ts: UTF-8 with BOM so Excel shows Chinese, formulas inert).
 * Field order is fixed so the files are byte-stable.
 */
import type { ReplyLang } from '../../model/front-matter-types.ts';
import { csvFile } from '../lib/csv.ts';
import { editionPath, publicUrl } from '../../model/urls.ts';
import { REPLY_FIELDS, type Edition, type Reply } from '../../model/reply.ts';

export const CSV_COLUMNS = [
  'id', 'year', 'lang', 'bureau', 'session', 'replyNo', 'questionNo', 'member', 'memberRef',
  'headCode', 'headName', 'subhead', 'programmes', 'controllingOfficer', 'director', 'title', 'url',
] as const;

/** An edition's front-matter fields in the model's order, the URL of its page (its path when the site has no address) and its Markdown. */
function editionRecord(e: Edition, siteUrl: string | null) {
  return {
    ...Object.fromEntries(REPLY_FIELDS.map((f) => [f, e[f]])),
    url: publicUrl(editionPath(e), siteUrl),
    markdown: e.markdown,
  };
}

/** The reply's editions other than its primary one, in a fixed language order. */
function otherEditions(r: Reply): Edition[] {
  return (Object.keys(r.editions) as ReplyLang[]).sort().map((l) => r.editions[l]!).filter((e) => e.lang !== r.lang);
}

/**
 * One reply in replies.json: its primary edition's fields (the Chinese one when
 * the archive has it), its URL and its Markdown; a reply with another edition
 * adds `editions`, the same fields for each other language
 * (`editions.en`: the English text, title and names).
 */
export function replyRecord(r: Reply, siteUrl: string | null) {
  const others = otherEditions(r);
  return {
    ...editionRecord(r, siteUrl),
    ...(others.length ? { editions: Object.fromEntries(others.map((e) => [e.lang, editionRecord(e, siteUrl)])) } : {}),
  };
}

export function repliesJson(replies: readonly Reply[], siteUrl: string | null): string {
  return JSON.stringify(replies.map((r) => replyRecord(r, siteUrl)), null, 1) + '\n';
}

/** replies.csv: one row per edition (the primary first, then the others; `lang` tells them apart, `id` pairs them); every cell made inert for spreadsheets (lib/csv.ts). */
export function repliesCsv(replies: readonly Reply[], siteUrl: string | null): string {
  const rows = replies.flatMap((r) => [r as Edition, ...otherEditions(r)].map((e) => [
    e.id, e.year, e.lang, e.bureau, e.session, e.replyNo, e.questionNo, e.member, e.memberRef ?? '',
    e.head.code, e.head.name, e.subhead,
    e.programmes.map((p) => `(${p.code}) ${p.name}`).join('; '),
    e.controllingOfficer, e.director, e.title, publicUrl(editionPath(e), siteUrl),
  ]));
  return csvFile([[...CSV_COLUMNS], ...rows]);
}
