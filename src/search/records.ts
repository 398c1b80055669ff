/**
 * Reply Markdown → search records. The index is built from the generated
 * reply files (the model contract in src/ingest/model.ts), not by scraping
 * rendered HTML: the records then hold exactly the question, answer and
 * annexes plus metadata, never navigation or footers, and no HTML parser is
 * needed. URLs follow the site's scheme (`/2023-24/itib001/`).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ReplyFrontMatter, BackgroundFrontMatter } from '../ingest/model.ts';

export interface SearchRecord {
  /** Site-root-relative URL with a trailing slash, e.g. `/2023-24/itib001/`. */
  url: string;
  /** Budget year, used for sharding. */
  year: string;
  /** Reply number and title: indexed with a heading's weight, so a reply about a term outranks one that mentions it. */
  heading: string;
  /** Plain text of the page (member, head, programmes, question, answer, annexes), unsegmented. */
  text: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export class RecordError extends Error {}

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function splitFrontMatter(source: string, file: string): { data: unknown; body: string } {
  const m = FRONT.exec(source);
  if (!m) throw new RecordError(`${file}:1: missing YAML front-matter (--- … ---)`);
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? '');
  } catch (e) {
    throw new RecordError(`${file}:1: front-matter is not valid YAML: ${(e as Error).message}`);
  }
  return { data, body: source.slice(m[0].length) };
}

/**
 * Markdown body (model conventions) → plain text as the page shows it:
 * headings and fences lose their syntax (a heading is followed by a colon),
 * backslash escapes are undone, table pipes become spaces. Line breaks are kept as spaces between blocks.
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
    line = line.replace(/\\([\\`*_{}[\]()<>#+\-.!|=~])/g, '$1');
    lines.push(line.trim());
  }
  return lines.filter(Boolean).join('\n');
}

/**
 * The source prints the head's colon two ways (政府總部︰ U+FE30 and 政府總部： U+FF1A);
 * one spelling per head keeps one filter entry per head.
 */
export function sameColon(name: string): string {
  return name.replace(/\uFE30/g, '\uFF1A');
}

function need(cond: unknown, file: string, field: string): asserts cond {
  if (!cond) throw new RecordError(`${file}:1: front-matter field "${field}" is missing or has the wrong type`);
}

export function replyRecord(fm: ReplyFrontMatter, body: string, file: string): SearchRecord {
  need(typeof fm.id === 'string' && fm.id.includes('/'), file, 'id');
  need(typeof fm.year === 'string', file, 'year');
  need(typeof fm.replyNo === 'string', file, 'replyNo');
  need(typeof fm.title === 'string', file, 'title');
  need(typeof fm.member === 'string', file, 'member');
  need(fm.head && typeof fm.head.code === 'string', file, 'head');
  need(Array.isArray(fm.programmes), file, 'programmes');
  const url = `/${fm.year}/${fm.replyNo.toLowerCase()}/`;
  const head = `${fm.head.code} ${sameColon(fm.head.name)}`;
  const programmes = fm.programmes.map((p) => `(${p.code}) ${sameColon(p.name)}`);
  // Every fact the reply page shows is findable, as on the page.
  const facts = [fm.member, head, fm.subhead, ...programmes, fm.controllingOfficer, fm.director].filter(Boolean).join('；');
  return {
    url,
    year: fm.year,
    heading: `${fm.replyNo} ${fm.title}`,
    // Facts last: a reply's excerpt should open on its question, not on its metadata.
    text: `${markdownToText(body)}\n${facts}`,
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

export function backgroundRecord(fm: BackgroundFrontMatter, body: string, file: string): SearchRecord {
  need(typeof fm.slug === 'string', file, 'slug');
  need(typeof fm.title === 'string', file, 'title');
  const year = typeof fm.date === 'string' ? fm.date.slice(0, 4) : String(fm.date ?? '');
  return {
    url: `/background/${fm.slug}/`,
    year: 'background',
    heading: fm.title,
    text: markdownToText(body),
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

/** A file to index: a reply (its shard is its year directory) or a background page (primary shard). */
export interface SourceFile {
  file: string;
  kind: 'reply' | 'background';
  /** Year directory of a reply (`2023-24`); 'background' for background pages. */
  shard: string;
}

/** Every reply (content/replies/<year>/*.md) and background page (content/pages/background/*.md), sorted by path. */
export function listSources(contentDir: string): SourceFile[] {
  const replies = join(contentDir, 'replies');
  return [
    ...listMarkdown(replies).map((file) => ({ file, kind: 'reply' as const, shard: relative(replies, file).split(sep)[0] ?? '' })),
    ...listMarkdown(join(contentDir, 'pages', 'background')).map((file) => ({ file, kind: 'background' as const, shard: 'background' })),
  ];
}

export function readRecord(src: SourceFile): SearchRecord {
  const name = relative(process.cwd(), src.file);
  const { data, body } = splitFrontMatter(readFileSync(src.file, 'utf8'), name);
  return src.kind === 'reply'
    ? replyRecord(data as ReplyFrontMatter, body, name)
    : backgroundRecord(data as BackgroundFrontMatter, body, name);
}

export function readRecords(contentDir: string): SearchRecord[] {
  return listSources(contentDir).map(readRecord);
}
