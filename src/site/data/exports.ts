/**
 * The open-data exports: replies.json (front-matter + URL + Markdown, and the
 * same for each other edition) and replies.csv (one row per edition of each
 * reply, UTF-8 with BOM so Excel shows Chinese).
 * Field order is fixed so the files are byte-stable.
 */
import { stringify } from 'csv-stringify/sync';
import type { ReplyLang } from '../../ingest/model.ts';
import { absoluteUrl, localize } from '../lib/urls.ts';
import { REPLY_FIELDS, type Edition, type Reply } from './model.ts';

export const CSV_COLUMNS = [
  'id', 'year', 'lang', 'bureau', 'session', 'replyNo', 'questionNo', 'member', 'memberRef',
  'headCode', 'headName', 'subhead', 'programmes', 'controllingOfficer', 'director', 'title', 'url',
] as const;

/** An edition's front-matter fields in the model's order, the URL of its page and its Markdown. */
function editionRecord(e: Edition, path: string, siteUrl: string) {
  return {
    ...Object.fromEntries(REPLY_FIELDS.map((f) => [f, e[f]])),
    url: absoluteUrl(localize(path, e.lang), siteUrl),
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
export function replyRecord(r: Reply, siteUrl: string) {
  const others = otherEditions(r);
  return {
    ...editionRecord(r, r.path, siteUrl),
    ...(others.length ? { editions: Object.fromEntries(others.map((e) => [e.lang, editionRecord(e, r.path, siteUrl)])) } : {}),
  };
}

export function repliesJson(replies: readonly Reply[], siteUrl: string): string {
  return JSON.stringify(replies.map((r) => replyRecord(r, siteUrl)), null, 1) + '\n';
}

/** replies.csv: one row per edition (the primary first, then the others; `lang` tells them apart, `id` pairs them). */
export function repliesCsv(replies: readonly Reply[], siteUrl: string): string {
  const rows = replies.flatMap((r) => [r as Edition, ...otherEditions(r)].map((e) => [
    e.id, e.year, e.lang, e.bureau, e.session, e.replyNo, e.questionNo, e.member, e.memberRef ?? '',
    e.head.code, e.head.name, e.subhead,
    e.programmes.map((p) => `(${p.code}) ${p.name}`).join('; '),
    e.controllingOfficer, e.director, e.title, absoluteUrl(localize(r.path, e.lang), siteUrl),
  ]));
  return '\uFEFF' + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows' });
}
