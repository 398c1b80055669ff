/** The shapes the templates read: one reply, and the groupings computed once per build. */
import type { BackgroundFrontMatter, ReplyFrontMatter } from '../../ingest/model.ts';
import type { BodyTable } from '../markdown/env.ts';

/**
 * The reply's front-matter fields (src/ingest/model.ts), in the order the
 * ingest writes them. The reader (front-matter.ts) checks each, the data
 * exports publish them in this order; the type check below fails when a
 * field is added to the model and not here.
 */
export const REPLY_FIELDS = [
  'id', 'year', 'lang', 'bureau', 'session', 'replyNo', 'questionNo', 'member', 'memberRef',
  'head', 'subhead', 'programmes', 'controllingOfficer', 'director', 'title', 'source',
] as const satisfies readonly (keyof ReplyFrontMatter)[];

export type ReplyField = (typeof REPLY_FIELDS)[number];
// Every field of the model is listed: this line fails to compile otherwise.
export const REPLY_FIELDS_COMPLETE: Exclude<keyof ReplyFrontMatter, ReplyField> extends never ? true : never = true;

export interface ReplyLink {
  replyNo: string;
  title: string;
  path: string;
  lang: ReplyFrontMatter['lang'];
}

export interface Reply extends ReplyFrontMatter {
  /** zh path, e.g. /2023-24/itib001/ (en: localize(path, 'en')). */
  path: string;
  /** Markdown body as in the file. */
  markdown: string;
  /** Body rendered once, reused by every interface language. */
  bodyHtml: string;
  /** The body's tables as data, in page order (their CSVs and tables.json). */
  tables: BodyTable[];
  /** Content-relative file, for messages. */
  file: string;
  prev: ReplyLink | null;
  next: ReplyLink | null;
}

export interface ProgrammeGroup {
  year: string;
  head: { code: string; name: string };
  /** null: 沒有指定 (no programme). */
  code: string | null;
  name: string | null;
  path: string;
  replies: Reply[];
  lang: ReplyFrontMatter['lang'];
}

export interface HeadGroup {
  year: string;
  code: string;
  name: string;
  path: string;
  replies: Reply[];
  programmes: ProgrammeGroup[];
  lang: ReplyFrontMatter['lang'];
}

export interface YearGroup {
  year: string;
  path: string;
  replies: Reply[];
  heads: HeadGroup[];
}

export interface MemberGroup {
  name: string;
  path: string;
  replies: Reply[];
  years: { year: string; heads: { code: string; name: string; path: string; replies: Reply[] }[] }[];
  lang: ReplyFrontMatter['lang'];
}

export interface BackgroundPage extends BackgroundFrontMatter {
  path: string;
  /** Content-relative file, for messages. */
  file: string;
  markdown: string;
  bodyHtml: string;
}

export interface SourceDocument {
  file: string;
  title: string;
  /** The official file name it was extracted from (e.g. ITIB-1-c2.docx), when known. */
  originalFile: string | null;
  session: number | null;
  lang: ReplyFrontMatter['lang'] | null;
  replies: number;
}

/** A table of a reply, with the path of its CSV. */
export interface ArchiveTable {
  reply: Reply;
  table: BodyTable;
  /** /2023-24/itib144/answer-table-1.csv */
  path: string;
}

export interface Archive {
  replies: Reply[];
  /** Every table of every reply, in reply order then page order. */
  tables: ArchiveTable[];
  years: YearGroup[];
  heads: HeadGroup[];
  programmes: ProgrammeGroup[];
  members: MemberGroup[];
  background: BackgroundPage[];
  sources: SourceDocument[];
}
