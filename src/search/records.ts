/**
 * Reply Markdown → search records. The index is built from the generated
 * reply files (the model contract in src/model/front-matter-types.ts), not by scraping
 * rendered HTML: the records then hold exactly the question, answer and
 * annexes plus metadata, never navigation or footers, and no HTML parser is
 * needed. Files are read by the one reader (src/model/front-matter.ts)
 * and URLs come from the one URL scheme (src/model/urls.ts).
 */
import { relative, resolve } from 'node:path';
import type { ReplyFrontMatter, BackgroundFrontMatter, ReplyLang } from '../model/front-matter-types.ts';
import { PRIMARY_LANG } from '../model/languages.ts';
import { backgroundFiles, editionFiles, readBackgroundFile, readEditionFile } from '../model/content-files.ts';
import type { Archive } from '../model/reply.ts';
import { backgroundPath, replyPath } from '../model/urls.ts';
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
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** A reply's record; `fm` as checked by the reader (readReply). */
export function replyRecord(fm: ReplyFrontMatter, body: string): SearchRecord {
  const url = replyPath(fm);
  const head = `${fm.head.code} ${sameColon(fm.head.name)}`;
  const programmes = fm.programmes.map((p) => `(${p.code}) ${sameColon(p.name)}`);
  // Every fact the reply page shows is findable, as on the page.
  const facts = [fm.member, head, fm.subhead, ...programmes, fm.controllingOfficer, fm.director].filter(Boolean).join(fm.lang === 'en' ? '; ' : '；');
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

/** A background page's record; `fm` as checked by the reader (readBackground). */
export function backgroundRecord(fm: BackgroundFrontMatter, body: string): SearchRecord {
  const year = fm.date.slice(0, 4);
  return {
    url: backgroundPath(fm.slug),
    year: 'background',
    heading: fm.title,
    text: markdownToText(body),
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
    ...replies.flatMap((r) => Object.values(r.editions).map((e) => ({ file: resolve(e.file), kind: 'reply' as const, lang: e.lang, shard: r.year }))),
    ...background.map((b) => ({ file: resolve(b.file), kind: 'background' as const, lang: b.lang, shard: 'background' })),
  ];
}

export function readRecord(entry: IndexEntry): SearchRecord {
  const name = relative(process.cwd(), entry.file);
  if (entry.kind === 'background') {
    const { frontMatter, body } = readBackgroundFile(entry.file, name);
    return backgroundRecord(frontMatter, body);
  }
  const { frontMatter, body } = readEditionFile(entry.file, name);
  return replyRecord(frontMatter, body);
}

export function readRecords(contentDir: string): SearchRecord[] {
  return listIndexEntries(contentDir).map(readRecord);
}
