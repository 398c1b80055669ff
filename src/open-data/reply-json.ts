/**
 * One reply as data, beside its page (/2023-24/itib144/reply.json, linked from
 * the page with rel="alternate" type="application/json"): both editions with
 * every front-matter field, the Markdown, the tables with their cells as the
 * page shows them, the source (document, lines, printed pages, the official
 * document's address when known) and the permalink. The field names are
 * documented on /data/ and stable; key order is fixed, so the bytes are too.
 */
import type { Edition, Reply } from '../model/reply.ts';
import { editionPath, publicUrl, replyPath, tableCsvPath } from '../model/urls.ts';
import { editionsOf } from './rows.ts';

/** The format's version: raised only when a field changes meaning or goes away (adding one does not). */
export const REPLY_JSON_VERSION = 1;

function edition(e: Edition, siteUrl: string | null) {
  const url = (path: string) => publicUrl(path, siteUrl);
  const page = e.source.pages?.[0];
  return {
    lang: e.lang,
    url: url(editionPath(e)),
    replyNo: e.replyNo,
    questionNo: e.questionNo,
    session: e.session,
    bureau: e.bureau,
    member: e.member,
    memberRef: e.memberRef,
    head: { code: e.head.code, name: e.head.name },
    subhead: e.subhead,
    programmes: e.programmes.map((p) => ({ code: p.code, name: p.name })),
    controllingOfficer: e.controllingOfficer,
    director: e.director,
    title: e.title,
    source: {
      file: e.source.file,
      lines: e.source.lines,
      title: e.source.title ?? null,
      pages: e.source.pages ?? null,
      pagesExact: e.source.pagesExact ?? null,
      // The official document at the reply's first page, only when its address is known (never guessed).
      url: e.source.url === undefined ? null : page === undefined ? e.source.url : `${e.source.url}#page=${page}`,
    },
    tables: e.tables.map((t, i) => ({
      tableNo: i + 1,
      anchor: t.id,
      caption: t.caption,
      csvUrl: url(tableCsvPath(editionPath(e), t.id)),
      header: t.header,
      rows: t.rows,
    })),
    markdown: e.markdown,
  };
}

/** The reply's JSON document. */
export function replyJson(r: Reply, siteUrl: string | null): string {
  const doc = {
    version: REPLY_JSON_VERSION,
    id: r.id,
    year: r.year,
    replyNo: r.replyNo,
    permalink: publicUrl(replyPath(r), siteUrl),
    // Every edition the archive has, the primary (Chinese) first.
    editions: Object.fromEntries(editionsOf(r).map((e) => [e.lang, edition(e, siteUrl)])),
  };
  // One line, no indentation: a program or jq reads it, a browser's JSON viewer lays it out; indented, the
  // file was 8.6 % larger (8.16 → 7.51 MB for the benchmark corpus's 1,500 bilingual replies, size measurement of 2026-12-03).
  return JSON.stringify(doc) + '\n';
}
