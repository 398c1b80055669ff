/** The shapes the templates read: one reply, and the groupings computed once per build. */
import type { BackgroundFrontMatter, ReplyFrontMatter } from '../../ingest/model.ts';

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

export interface Archive {
  replies: Reply[];
  years: YearGroup[];
  heads: HeadGroup[];
  programmes: ProgrammeGroup[];
  members: MemberGroup[];
  background: BackgroundPage[];
  sources: SourceDocument[];
}
