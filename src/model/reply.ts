/** The shapes the templates read: one reply, and the groupings computed once per build. */
import type { BackgroundFrontMatter, ReplyFrontMatter, ReplyLang } from './front-matter-types.ts';

/**
 * The reply's front-matter fields (src/model/front-matter-types.ts), in the order the
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

/** A name in each language the archive prints it in (at least one). */
export type Names = Partial<Record<ReplyLang, string>>;

export interface ReplyLink {
  replyNo: string;
  title: string;
  path: string;
  lang: ReplyFrontMatter['lang'];
  /** The title of each edition. */
  titles: Names;
}

/** One language edition of a reply: its own front-matter (text, title, names) and body. */
export interface Edition extends ReplyFrontMatter {
  /** Markdown body as in the file. */
  markdown: string;
  /** Body rendered once, in the edition's language, reused by every interface language. */
  bodyHtml: string;
  /** The body's tables as data, in page order (their CSVs and tables.json). */
  tables: BodyTable[];
  /** Content-relative file, for messages. */
  file: string;
}

/**
 * A reply (year + reply number) with its editions, as the reader makes it
 * (site/data/load.ts replyOf). Its own fields are those of its primary
 * edition: the Chinese one (PRIMARY_LANG) when the archive has it, else the
 * one it has; `editions` holds every edition by language, the primary
 * included. Nothing writes to it after it is read: the groupings make a new
 * Reply from it (site/data/group.ts groupArchive).
 */
export interface LoadedReply extends Edition {
  /** zh path, e.g. /2023-24/itib001/ (en: localize(path, 'en')). */
  readonly path: string;
  readonly editions: Readonly<Partial<Record<ReplyLang, Edition>>>;
}

/** The reply's member, head and programmes as their groups name them in each language. */
export interface ReplyLabels {
  readonly member: Readonly<Names>;
  readonly head: Readonly<Names>;
  readonly programmes: Readonly<Record<string, Readonly<Names>>>;
}

/**
 * A reply as the pages read it: the loaded reply and what the groupings say
 * about it. A page picks the edition of its interface language (editionFor).
 */
export interface Reply extends LoadedReply {
  /**
   * The reply's member, head and programmes as their groups name them in each
   * language (shared with the member, head and programme groups): a page in a
   * language the reply has no edition in still names them in that language
   * when another reply's edition does.
   */
  readonly labels: ReplyLabels;
  /** The member's page (zh path): the member is one person across editions, named by the Chinese name when known. */
  readonly memberPage: string;
  readonly prev: ReplyLink | null;
  readonly next: ReplyLink | null;
  /** Ids of the other replies of the year given the same answer (site/data/same-answers.ts), found once when the archive is grouped. */
  readonly sameAnswers: readonly string[];
}

export interface ProgrammeGroup {
  year: string;
  head: { code: string; name: string; names: Names };
  /** null: 沒有指定 (no programme). */
  code: string | null;
  name: string | null;
  /** The programme's name in each language (empty for 沒有指定). */
  names: Names;
  path: string;
  replies: Reply[];
  lang: ReplyFrontMatter['lang'];
}

export interface HeadGroup {
  year: string;
  code: string;
  name: string;
  names: Names;
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
  /** The name the member page is known by (its path's slug): the Chinese name when the archive has it. */
  name: string;
  /** The member's name in each language: one member across the editions (joined by the reply and the member reference they share). */
  names: Names;
  path: string;
  replies: Reply[];
  years: { year: string; heads: { code: string; name: string; names: Names; path: string; replies: Reply[] }[] }[];
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
  /** From the `.meta.json`: budget year, bureau code and name (what the archive covers: lib/scope.ts). */
  year: string | null;
  bureau: string | null;
  bureauName: string | null;
}

/** A table of a reply's edition, with the path of its CSV (beside that edition's page). */
export interface ArchiveTable {
  reply: Reply;
  edition: Edition;
  table: BodyTable;
  /** /2023-24/itib144/answer-table-1.csv */
  path: string;
}

export interface Archive {
  replies: Reply[];
  /** Every table of every reply's editions, in reply order, the primary edition first, then page order. */
  tables: ArchiveTable[];
  years: YearGroup[];
  heads: HeadGroup[];
  programmes: ProgrammeGroup[];
  members: MemberGroup[];
  background: BackgroundPage[];
  sources: SourceDocument[];
}

/** The edition a page in `lang` shows: the reply's edition in that language, else its primary edition. */
export function editionFor(r: LoadedReply, lang: ReplyLang): Edition {
  return r.lang === lang ? r : (r.editions[lang] ?? r);
}

/** A name for a page in `lang`: in that language when the archive has it, else in the first language it has (the primary first). */
export function nameFor(names: Names, lang: ReplyLang): { text: string; lang: ReplyLang } | null {
  const found = names[lang];
  if (found !== undefined) return { text: found, lang };
  for (const l of Object.keys(names) as ReplyLang[]) return { text: names[l]!, lang: l };
  return null;
}

/** A table of a body as data: cells as the reader sees them (Markdown escapes resolved). */
export interface BodyTable {
  /** The table's anchor on the page, stable per section: `answer-table-1`. */
  id: string;
  /** The caption as plain text in the label language: `答覆：表 1`. */
  caption: string;
  header: string[];
  rows: string[][];
}
