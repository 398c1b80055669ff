/**
 * Reply Markdown → search records. The index is built from the generated
 * reply files (the model contract in src/ingest/model.ts), not by scraping
 * rendered HTML: the records then hold exactly the question, answer and
 * annexes plus metadata, never navigation or footers, and no HTML parser is
 * needed. Files are read by the site's one reader (src/site/data/front-matter.ts)
 * and URLs come from the site's URL scheme (src/site/lib/urls.ts).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { PRIMARY_LANG, type ReplyFrontMatter, type BackgroundFrontMatter, type ReplyLang } from '../ingest/model.ts';
import { readBackground, readReply } from '../site/data/front-matter.ts';
import type { Archive } from '../site/data/model.ts';
import type { RouteTable } from '../site/data/routes.ts';
import { backgroundPath, localize, replyPath } from '../site/lib/urls.ts';
import { blockIds, pageAnchors } from './page-anchors.ts';
import { sameColon } from '../site/search/query.js';

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

/**
 * Markdown body (model conventions) → plain text as the page shows it:
 * headings and fences lose their syntax (a heading is followed by a colon),
 * backslash escapes (before any ASCII punctuation, as CommonMark reads them) are undone, table pipes become spaces. Line breaks are kept as spaces between blocks.
 */
export function markdownToText(body: string): string {
  const lines: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    if (/^\s*(`{3,}|~{3,})/.test(raw)) continue; // fence lines (```extracted)
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(raw)) continue; // table delimiter row
    let line = raw;
    const heading = /^#{1,6}\s+(.*)$/.exec(raw)?.[1]!.trim();
    // A heading ends with a colon in the text, as the source prints 問題： and 答覆：,
    // so an excerpt reads "問題：就…" rather than running the heading into the text.
    if (heading !== undefined) line = /\p{P}$/u.test(heading) ? heading : heading + (/\p{Script=Han}$/u.test(heading) ? '：' : ':');
    line = line.replace(/(?<!\\)\|/g, ' ');
    // CommonMark: a backslash before any ASCII punctuation is an escape (the ingest escapes & too: 「R\&D100」).
    line = line.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    lines.push(line.trim());
  }
  return lines.filter(Boolean).join('\n');
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
    // Pagefind sorts strings; the reply number is zero-padded (ITIB001) so it sorts as a number within a bureau.
    sort: { replyNo: `${fm.year} ${fm.replyNo}` },
  };
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

function listMarkdown(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listMarkdown(p));
    else if (entry.name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** A file to index: a reply edition (its shard is its year directory) or a background page (primary shard). */
export interface SourceFile {
  file: string;
  kind: 'reply' | 'background';
  /** The edition's language: each language's editions make their own index (src/search/build-index.ts). */
  lang: ReplyLang;
  /** Year directory of a reply (`2023-24`); 'background' for background pages. */
  shard: string;
}

/** Every reply (content/replies/<year>/*.md) and background page (content/pages/background/*.md), sorted by path. */
export function listSources(contentDir: string): SourceFile[] {
  const replies = join(contentDir, 'replies');
  return [
    ...listMarkdown(replies).map((file) => ({ file, kind: 'reply' as const, lang: editionLangOf(file), shard: relative(replies, file).split(sep)[0] ?? '' })),
    ...listMarkdown(join(contentDir, 'pages', 'background')).map((file) => ({ file, kind: 'background' as const, lang: PRIMARY_LANG, shard: 'background' })),
  ];
}

/** The language of a reply edition's file: `itib001.en.md` is English, `itib001.md` the primary language (src/ingest/model.ts editionFileName). */
function editionLangOf(file: string): ReplyLang {
  return /\.en\.md$/.test(file) ? 'en' : PRIMARY_LANG;
}

/**
 * The files behind the route table's searchable pages: every edition of each
 * reply and each background page (their routes in the default language; the
 * other interface languages show the same texts), in route order.
 */
export function searchSources(archive: Archive, routes: RouteTable): SourceFile[] {
  const first = routes.all[0]?.lang;
  const replies = routes.byKind.reply.filter((r) => r.lang === first).map((r) => archive.replies[r.index]!);
  const background = routes.byKind.background.filter((r) => r.lang === first).map((r) => archive.background[r.index]!);
  return [
    ...replies.flatMap((r) => Object.values(r.editions).map((e) => ({ file: resolve(e.file), kind: 'reply' as const, lang: e.lang, shard: r.year }))),
    ...background.map((b) => ({ file: resolve(b.file), kind: 'background' as const, lang: b.lang, shard: 'background' })),
  ];
}

/** Where the built page of a record's edition is under `siteDir` (null: no site, or no page there). */
function pageHtmlOf(siteDir: string | undefined, url: string, lang: ReplyLang): string | undefined {
  if (!siteDir) return undefined;
  const file = join(siteDir, localize(url, lang), 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** A source file's record; `siteDir`: the built site, whose pages give the blocks their element ids. */
export function readRecord(src: SourceFile, siteDir?: string): SearchRecord {
  const name = relative(process.cwd(), src.file);
  const text = readFileSync(src.file, 'utf8');
  if (src.kind === 'background') {
    const { frontMatter, body } = readBackground(text, name);
    return backgroundRecord(frontMatter, body);
  }
  const { frontMatter, body } = readReply(text, name);
  return replyRecord(frontMatter, body, pageHtmlOf(siteDir, replyPath(frontMatter), frontMatter.lang));
}

export function readRecords(contentDir: string): SearchRecord[] {
  return listSources(contentDir).map((s) => readRecord(s));
}
