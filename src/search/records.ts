/**
 * Reply Markdown → search records. The index is built from the generated
 * reply files (the model contract in src/model/front-matter-types.ts), not by scraping
 * rendered HTML: the records then hold exactly the question, answer and
 * annexes plus metadata, never navigation or footers, and no HTML parser is
 * needed. Files are read by the one reader (src/model/front-matter.ts)
 * and URLs come from the one URL scheme (src/model/urls.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ReplyFrontMatter, BackgroundFrontMatter, ReplyLang } from '../model/front-matter-types.ts';
import { PRIMARY_LANG } from '../model/languages.ts';
import { backgroundFiles, editionFiles, readBackgroundFile, readEditionFile } from '../model/content-files.ts';
import type { Archive } from '../model/reply.ts';
import { backgroundPath, localize, replyPath } from '../model/urls.ts';
import { blockIds, pageAnchors } from './page-anchors.ts';
import { sameColon } from '../browser/search/query.js';
import { markdownToText } from '../model/text.ts';

export interface SearchRecord {
  /** Site-root-relative URL with a trailing slash, e.g. `/2023-24/itib001/`. */
  url: string;
  /** Budget year, used for sharding. */
  year: string;
  /** Reply number and title: indexed with a heading's weight, so a reply about a term outranks one that mentions it. */
  heading: string;
  /** Plain text of the page (member, head, programmes, question, answer, annexes), unsegmented. */
  text: string;
  /** The same text in blocks by where it stands, in order: the index weighs each (record-html.ts). */
  blocks: TextBlock[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Where a stretch of a reply's text stands: its question, its answer's prose, a table, the page's facts (member, head, officers). */
export type BlockKind = 'question' | 'prose' | 'table' | 'facts';

export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** The element of the reply's page that shows this block (page-anchors.ts), when known. */
  id?: string;
  /** A heading line (問題, 答覆, 附件一). */
  heading?: boolean;
  /** A fenced block (the extraction's flattened text). */
  fenced?: boolean;
}

const QUESTION_HEADING = /^##\s+(問題|question)[\s:：]*$/iu;
const HEADING = /^#{2,6}\s/;
const TABLE_LINE = /^\s*\|/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * A body's Markdown in blocks as the page shows them: each heading, paragraph, table
 * and fenced (flattened) table on its own, with its kind: the question section (its
 * `## 問題` heading up to the next level-2 heading), tables, or the other prose.
 */
export function markdownBlocks(body: string): TextBlock[] {
  const out: TextBlock[] = [];
  let inQuestion = false;
  let fence: string[] | null = null;
  let para: { lines: string[]; table: boolean } | null = null;
  const kindOf = (table: boolean): BlockKind => (inQuestion ? 'question' : table ? 'table' : 'prose');
  const flush = () => {
    if (para) out.push({ kind: kindOf(para.table), text: markdownToText(para.lines.join('\n')) });
    para = null;
  };
  for (const line of body.split(/\r?\n/)) {
    if (fence) {
      if (FENCE.test(line)) {
        out.push({ kind: kindOf(true), text: markdownToText(fence.join('\n')), fenced: true });
        fence = null;
      } else fence.push(line);
      continue;
    }
    if (FENCE.test(line)) {
      flush();
      fence = [];
      continue;
    }
    if (HEADING.test(line)) {
      flush();
      if (/^##\s/.test(line)) inQuestion = QUESTION_HEADING.test(line.trim());
      out.push({ kind: kindOf(false), text: markdownToText(line), heading: true });
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const table = TABLE_LINE.test(line);
    if (para && para.table !== table) flush();
    para ??= { lines: [], table };
    para.lines.push(line);
  }
  if (fence) out.push({ kind: kindOf(true), text: markdownToText(fence.join('\n')), fenced: true });
  flush();
  return out.filter((b) => b.text);
}

/**
 * A reply's record; `fm` as checked by the reader (readReply). `pageHtml`: the built
 * page of this edition, whose element ids the blocks take (page-anchors.ts).
 */
export function replyRecord(fm: ReplyFrontMatter, body: string, pageHtml?: string): SearchRecord {
  const url = replyPath(fm);
  const head = `${fm.head.code} ${sameColon(fm.head.name)}`;
  const programmes = fm.programmes.map((p) => `(${p.code}) ${sameColon(p.name)}`);
  // Every fact the reply page shows is findable, as on the page.
  const facts = [fm.member, head, fm.subhead, ...programmes, fm.controllingOfficer, fm.director].filter(Boolean).join(fm.lang === 'en' ? '; ' : '；');
  const blocks: TextBlock[] = [...markdownBlocks(body), { kind: 'facts' as const, text: facts }];
  if (pageHtml) {
    const ids = blockIds(blocks, pageAnchors(pageHtml));
    blocks.forEach((b, i) => {
      if (ids[i]) b.id = ids[i];
    });
  }
  return {
    url,
    year: fm.year,
    heading: `${fm.replyNo} ${fm.title}`,
    // Facts last: a reply's excerpt should open on its question, not on its metadata.
    text: blocks.map((b) => b.text).join('\n'),
    blocks,
    meta: {
      title: fm.title,
      replyNo: fm.replyNo,
      member: fm.member,
      head,
      year: fm.year,
      kind: 'reply',
    },
    filters: {
      year: [fm.year],
      head: [head],
      programme: programmes,
      member: [fm.member],
    },
    sort: { replyNo: replySortKey(fm) },
  };
}

/**
 * The order of "sort by reply number" (Pagefind sorts strings; the reply number is zero-padded,
 * ITIB001, so it sorts as a number within a bureau), and of a year's index parts (parts.ts).
 */
export function replySortKey(r: { year: string; replyNo: string }): string {
  return `${r.year} ${r.replyNo}`;
}

/** A background page's record; `fm` as checked by the reader (readBackground). */
export function backgroundRecord(fm: BackgroundFrontMatter, body: string): SearchRecord {
  const year = fm.date.slice(0, 4);
  return {
    url: backgroundPath(fm.slug),
    year: 'background',
    heading: fm.title,
    text: markdownToText(body),
    blocks: [{ kind: 'prose', text: markdownToText(body) }],
    meta: { title: fm.title, kind: 'background', year },
    filters: {},
    sort: { replyNo: `~background ${fm.slug}` },
  };
}

/** A file to index: a reply edition (its shard is its year directory) or a background page (primary shard). */
export interface IndexEntry {
  file: string;
  kind: 'reply' | 'background';
  /** The edition's language: each language's editions make their own index (src/search/build-index.ts). */
  lang: ReplyLang;
  /** Year directory of a reply (`2023-24`); 'background' for background pages. */
  shard: string;
  /**
   * A reply's number, when the caller knows it (indexEntries): the year's index is cut into
   * parts in reply-number order, and a part's key reads the edition's page, without parsing
   * the edition (parts.ts).
   */
  replyNo?: string;
}

/** Every reply edition and background page of contentDir, from the one walker of content/ (src/model/content-files.ts). */
export function listIndexEntries(contentDir: string): IndexEntry[] {
  return [
    ...editionFiles(contentDir).map(({ file, year, lang }) => ({ file, kind: 'reply' as const, lang, shard: year })),
    ...backgroundFiles(contentDir).map((file) => ({ file, kind: 'background' as const, lang: PRIMARY_LANG, shard: 'background' })),
  ];
}

/** What indexEntries reads of the site's route table (src/site/data/routes.ts RouteTable): plain data, so search does not import the site. */
export interface IndexedRoutes {
  byKind: { reply: readonly { lang: string; key: string }[]; background: readonly { lang: string; key: string }[] };
}

/**
 * The files behind the route table's searchable pages: every edition of each
 * reply and each background page (their routes in the default language; the
 * other interface languages show the same texts), in route order.
 */
export function indexEntries(archive: Archive, routes: IndexedRoutes): IndexEntry[] {
  // A route's key is its item's path (routes.ts Route.key).
  const byPath = <T extends { path: string }>(items: readonly T[]) => new Map(items.map((item) => [item.path, item]));
  const found = <T>(map: Map<string, T>, key: string): T => {
    const item = map.get(key);
    if (!item) throw new Error(`search: no page ${key} in the archive`);
    return item;
  };
  const replyAt = byPath(archive.replies);
  const backgroundAt = byPath(archive.background);
  const replies = routes.byKind.reply.filter((r) => r.lang === PRIMARY_LANG).map((r) => found(replyAt, r.key));
  const background = routes.byKind.background.filter((r) => r.lang === PRIMARY_LANG).map((r) => found(backgroundAt, r.key));
  return [
    ...replies.flatMap((r) => Object.values(r.editions).map((e) => ({ file: resolve(e.file), kind: 'reply' as const, lang: e.lang, shard: r.year, replyNo: e.replyNo }))),
    ...background.map((b) => ({ file: resolve(b.file), kind: 'background' as const, lang: b.lang, shard: 'background' })),
  ];
}

/** The file of a page (site-root path) under `siteDir`. */
export function pageFile(siteDir: string, page: string): string {
  return join(siteDir, page, 'index.html');
}

/** The built page of a record's edition under `siteDir` (undefined: no site, or no page there). */
function pageHtmlOf(siteDir: string | undefined, url: string, lang: ReplyLang): string | undefined {
  if (!siteDir) return undefined;
  const file = pageFile(siteDir, localize(url, lang));
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** An entry's record; `siteDir`: the built site, whose pages give the blocks their element ids. */
export function readRecord(entry: IndexEntry, siteDir?: string): SearchRecord {
  const name = relative(process.cwd(), entry.file);
  if (entry.kind === 'background') {
    const { frontMatter, body } = readBackgroundFile(entry.file, name);
    return backgroundRecord(frontMatter, body);
  }
  const { frontMatter, body } = readEditionFile(entry.file, name);
  return replyRecord(frontMatter, body, pageHtmlOf(siteDir, replyPath(frontMatter), frontMatter.lang));
}

export function readRecords(contentDir: string): SearchRecord[] {
  return listIndexEntries(contentDir).map((e) => readRecord(e));
}
