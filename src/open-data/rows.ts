/**
 * The reply model → the rows of the open data's tables (schema.ts), for one
 * year: every later form (SQLite, CSV, the Data Package's resources) is
 * written from these rows, so they cannot disagree. A row is keyed by the
 * schema's column names; null is an empty cell / SQL NULL.
 */
import type { ReplyLang } from '../model/front-matter-types.ts';
import { markdownToText } from '../model/text.ts';
import type { Archive, Edition, Names, Reply } from '../model/reply.ts';
import { editionPath, publicUrl, tableCsvPath } from '../model/urls.ts';
import { indexTokens } from '../browser/search/query.js';
import { HEADS, MEMBERS, PROGRAMMES, REPLIES, REPLY_PROGRAMMES, TABLE_CELLS, TABLES, type TableSpec } from './schema.ts';

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

/** Rows of every table of the schema, by table name. */
export interface YearRows {
  year: string;
  tables: Record<string, Row[]>;
}

/** A reply's editions, its primary edition first (the model keeps that order). */
export function editionsOf(r: Reply): Edition[] {
  return Object.values(r.editions) as Edition[];
}

/**
 * A cell as a figure when it is a plain number as the replies print them:
 * digit groups with spaces or commas (1 300, 2,133.2), a sign (-5, –3);
 * not a percentage, a range or a year (2020-21), which stay text only.
 */
export function cellNumber(text: string): number | null {
  const t = text.trim();
  if (!/^[-+–—]?\d{1,3}(?:[ ,]\d{3})*(?:\.\d+)?$|^[-+–—]?\d+(?:\.\d+)?$/.test(t)) return null;
  return Number(t.replace(/[ ,]/g, '').replace(/^[–—]/, '-'));
}

/** The text the full-text index (schema.ts FTS_TABLE) holds for an edition (its replies row): its title and body as the page shows them, as the search index's tokens, space-separated. */
export function ftsText(row: Row): string {
  return indexTokens(`${String(row.title)}\n${markdownToText(String(row.markdown))}`).join(' ');
}

const nameIn = (names: Names, lang: ReplyLang) => names[lang] ?? null;

/** The rows of `year` from the archive (which may hold other years: only `year`'s replies, heads and programmes are taken). */
export function yearRows(archive: Archive, year: string, siteUrl: string | null): YearRows {
  const url = (path: string) => publicUrl(path, siteUrl);
  const replies = archive.replies.filter((r) => r.year === year);
  const memberOf = new Map<string, Archive['members'][number]>();
  for (const m of archive.members) for (const r of m.replies) if (r.year === year) memberOf.set(r.id, m);
  const members = [...new Set(replies.map((r) => memberOf.get(r.id)!))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const repliesRows: Row[] = [];
  const replyProgrammes: Row[] = [];
  const tables: Row[] = [];
  const cells: Row[] = [];
  for (const r of replies) {
    const memberId = memberOf.get(r.id)?.name;
    if (memberId === undefined) throw new Error(`open data: ${r.file}: reply ${r.id} belongs to no member group`);
    r.programmes.forEach((p, i) => replyProgrammes.push({ id: r.id, position: i + 1, year: r.year, headCode: r.head.code, programmeCode: p.code }));
    for (const e of editionsOf(r)) {
      repliesRows.push({
        id: e.id, year: e.year, lang: e.lang, bureau: e.bureau, session: e.session, replyNo: e.replyNo, questionNo: e.questionNo,
        member: e.member, memberRef: e.memberRef, memberId, headCode: e.head.code, headName: e.head.name, subhead: e.subhead,
        programmes: e.programmes.map((p) => `(${p.code}) ${p.name}`).join('; '),
        controllingOfficer: e.controllingOfficer, director: e.director, title: e.title,
        sourceFile: e.source.file, sourceFirstLine: e.source.lines[0], sourceLastLine: e.source.lines[1],
        sourceFirstPage: e.source.pages?.[0] ?? null, sourceLastPage: e.source.pages?.[1] ?? null,
        url: url(editionPath(e)), markdown: e.markdown,
      });
      e.tables.forEach((t, i) => {
        const tableNo = i + 1;
        tables.push({
          id: e.id, lang: e.lang, tableNo, anchor: t.id, caption: t.caption, columns: t.header.length, rows: t.rows.length,
          csvUrl: url(tableCsvPath(editionPath(e), t.id)),
        });
        [t.header, ...t.rows].forEach((cellsOfRow, row) =>
          cellsOfRow.forEach((value, c) => cells.push({
            id: e.id, lang: e.lang, tableNo, row, col: c + 1, heading: t.header[c] ?? null, value, number: row === 0 ? null : cellNumber(value),
          })),
        );
      });
    }
  }
  const out: Record<string, Row[]> = {
    [MEMBERS.name]: members.map((m) => ({ memberId: m.name, nameZh: nameIn(m.names, 'zh-Hant-HK'), nameEn: nameIn(m.names, 'en'), url: url(m.path) })),
    [HEADS.name]: archive.heads.filter((h) => h.year === year).map((h) => ({ year, code: h.code, nameZh: nameIn(h.names, 'zh-Hant-HK'), nameEn: nameIn(h.names, 'en'), url: url(h.path) })),
    [PROGRAMMES.name]: archive.programmes
      .filter((p) => p.year === year && p.code !== null)
      .map((p) => ({ year, headCode: p.head.code, code: p.code, nameZh: nameIn(p.names, 'zh-Hant-HK'), nameEn: nameIn(p.names, 'en'), url: url(p.path) })),
    [REPLIES.name]: repliesRows,
    [REPLY_PROGRAMMES.name]: replyProgrammes,
    [TABLES.name]: tables,
    [TABLE_CELLS.name]: cells,
  };
  return { year, tables: out };
}

/** A row's values in the table's column order (a missing key is a bug of this file: it throws). */
export function valuesOf(spec: TableSpec, row: Row, columns = spec.columns): Value[] {
  return columns.map((c) => {
    if (!(c.name in row)) throw new Error(`open data: ${spec.name} row has no ${c.name}`);
    return row[c.name]!;
  });
}
