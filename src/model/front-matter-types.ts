/**
 * The reply model: the contract between the ingest (which writes it) and the
 * site, search, images and exports (which read it). Change it here first.
 *
 * One reply = one Markdown file per language edition of the document (file
 * names and the walker of content/: content-files.ts), each with this
 * front-matter (YAML) and a body in the conventions described below. The editions share the id; each carries its
 * own text, title and names. Two files per reply keep each edition's diff
 * reviewable on its own, and an edition can arrive years after the other.
 */

import type { Lang } from './languages.ts';

/** An edition's language: one of the archive's language set (src/model/languages.ts). */
export type ReplyLang = Lang;

export interface CodeName {
  /** As printed: head "155", programme "2". Strings, so "47" and "047" never merge by accident. */
  code: string;
  name: string;
}

export interface SourceRef {
  /** Path of the pristine source, relative to the repository root. */
  file: string;
  /** First and last line (1-based, inclusive) of the reply in the source. */
  lines: [number, number];
  /** Title of the official document, from the source's `.meta.json` (`title`). */
  title?: string;
  /**
   * Address of the official document (its PDF), from the `.meta.json` (`url`)
   * only when it gives one; the site links to `url#page=N`. Never guessed.
   */
  url?: string;
  /**
   * Printed pages, from the page footers the ingest strips
   * (`第 17 節 ITIB - 第 48 頁`; most footers were lost in extraction):
   * - `pagesExact: true`: the reply's own footers print these pages (from its
   *   first footer's page to its last one's, plus the next page when text
   *   follows that footer). The reply may begin on an earlier page when no
   *   footer closes the reply before it.
   * - `pagesExact: false`: no footer inside the reply; it lies somewhere on
   *   these pages, bounded by its neighbours' footers (after the footer before
   *   it, on or before the footer after it).
   * Absent when no footer follows the reply.
   */
  pages?: [number, number];
  pagesExact?: boolean;
}

export interface ReplyFrontMatter {
  /** `2023-24/ITIB001`: year + reply number; the stable identity. */
  id: string;
  /** Budget year, `2023-24`. */
  year: string;
  lang: ReplyLang;
  /** Bureau code as it prefixes the reply numbers, `ITIB`. */
  bureau: string;
  /** Finance Committee special meeting session number. */
  session: number;
  /** `ITIB001` */
  replyNo: string;
  /** Question serial number as a number (`0482` → 482). */
  questionNo: number;
  /** Member's name as printed, without the honorific (`陳振英`). */
  member: string;
  /** LegCo internal reference number, as printed, or null when absent. */
  memberRef: string | null;
  head: CodeName;
  /**
   * Subhead as printed after `分目：`, spacing normalised: `(000) 運作開支`,
   * `(700) 一般非經常開支`; an empty `()` (most replies) is "".
   */
  subhead: string;
  /** Zero, one or more programmes; empty means 沒有指定 (not specified). */
  programmes: CodeName[];
  controllingOfficer: string;
  director: string;
  /** Short descriptive title derived from the question (≤ ~40 chars), overridable by a correction. */
  title: string;
  source: SourceRef;
}

/**
 * Body conventions (Markdown rendered by markdown-it with `html: false`):
 *
 * - Sections are level-2 headings, in the reply's own language, exactly as the
 *   source labels them: `## 問題` then `## 答覆` (English: `## Question`,
 *   `## Reply`); each annex is a further `## 附件一` / `## Annex A` section.
 * - Paragraphs are separated by a blank line. Original numbering (`1.`, `(a)`,
 *   `(i)`) stays literal text at the start of its paragraph: Markdown list
 *   syntax is escaped (`1\.`) so nothing is renumbered.
 * - Every character from the source that Markdown would interpret
 *   (`\ * _ [ ] < > # | ` ` and a leading `+ - =`) is backslash-escaped, so the
 *   rendered text equals the source text.
 * - A recovered table is a GitHub-style pipe table with a header row.
 * - A table that could not be recovered with confidence is kept verbatim as a
 *   fenced block with the info string `extracted`:
 *       ```extracted
 *       …lines as extracted…
 *       ```
 *   (fence long enough that the content cannot close it).
 */
export interface ReplyDocument {
  frontMatter: ReplyFrontMatter;
  /** Markdown body, ending with a single newline. */
  body: string;
}

/** Front-matter of the background paper page `content/pages/background/<slug>.md`. */
export interface BackgroundFrontMatter {
  slug: string;
  lang: ReplyLang;
  title: string;
  date: string;
  committee: string;
  source: { file: string; lines: [number, number] };
}
