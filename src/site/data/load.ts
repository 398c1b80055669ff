/**
 * Loads the content directory once per build: every reply under
 * replies/<year>/*.md and every background page under pages/background/*.md.
 * Bodies are rendered here, once, and the groupings computed here, once; the
 * page templates only look things up. What is read is not written to
 * afterwards: readReplies returns the replies as read, and groupArchive
 * (group.ts) makes the named and linked replies from them.
 */
import path from 'node:path';
import { renderBody } from '../markdown/index.ts';
import { backgroundPath, editionPath, replyPath, tableCsvPath } from '../../model/urls.ts';
import { PRIMARY_LANG } from '../../model/languages.ts';
import { backgroundFiles, editionFileName, editionFiles, readBackgroundFile, readEditionFile } from '../../model/content-files.ts';
import { ContentError } from '../../model/front-matter.ts';
import { metaPathOf, readSourceMeta } from '../../model/source-meta.ts';
import { compareCodes, groupArchive, type MemberIdentity } from './group.ts';
import type { SameAnswers } from './same-answers.ts';
import type { Archive, BackgroundPage, BodyTable, Edition, LoadedReply, SourceDocument } from '../../model/reply.ts';

/** One edition's file → its edition; the file's name and folder must match its reply number, language and year. `bodies: false`: front-matter only (the catalogue: no body rendered, no Markdown kept). */
export function loadEdition(absFile: string, shownAs: string, bodies = true): Edition {
  const parsed = readEditionFile(absFile, shownAs);
  const fm = parsed.frontMatter;
  const expected = editionFileName(fm.replyNo, fm.lang);
  if (path.basename(absFile) !== expected) {
    throw new ContentError(`${shownAs}:${parsed.lineOf('replyNo')}: replyNo ${fm.replyNo} belongs in a file named ${expected}`);
  }
  if (path.basename(path.dirname(absFile)) !== fm.year) {
    throw new ContentError(`${shownAs}:${parsed.lineOf('year')}: year ${fm.year} does not match its folder`);
  }
  // Each edition's tables are data beside its own page (/2023-24/en/itib144/answer-table-1.csv for the English one).
  if (!bodies) return { ...fm, markdown: '', bodyHtml: '', tables: [], file: shownAs };
  const tables: BodyTable[] = [];
  const body = renderBody(parsed.body, fm.lang, 'reply', fm.lang, { dataPath: editionPath(fm), tables });
  return { ...fm, markdown: parsed.body, bodyHtml: body, tables, file: shownAs };
}

/** The editions of one reply (same id) → the reply: its primary edition's fields, every edition by language (named and linked by groupArchive). */
export function replyOf(editions: readonly Edition[]): LoadedReply {
  const primary = editions.find((e) => e.lang === PRIMARY_LANG) ?? editions[0]!;
  // The primary edition first, so every walk over `editions` (tables, exports) lists it first.
  const byLang: Partial<Record<Edition['lang'], Edition>> = { [primary.lang]: primary };
  for (const e of editions) byLang[e.lang] = e;
  return { ...primary, path: replyPath(primary), editions: byLang };
}

function loadBackground(absFile: string, shownAs: string): BackgroundPage {
  const parsed = readBackgroundFile(absFile, shownAs);
  const fm = parsed.frontMatter;
  return { ...fm, path: backgroundPath(fm.slug), file: shownAs, markdown: parsed.body, bodyHtml: renderBody(parsed.body, fm.lang, 'page') };
}

/** Source documents cited by the replies/pages, described by their `.meta.json` when present. */
function describeSources(replies: readonly LoadedReply[], background: BackgroundPage[], repoRoot: string): SourceDocument[] {
  const counts = new Map<string, number>();
  for (const r of replies) for (const e of Object.values(r.editions)) counts.set(e.source.file, (counts.get(e.source.file) ?? 0) + 1);
  for (const b of background) if (!counts.has(b.source.file)) counts.set(b.source.file, 0);
  return [...counts.keys()].sort().map((file) => {
    const meta = readSourceMeta(path.join(repoRoot, file), metaPathOf(file));
    return {
      file,
      title: meta.title ?? path.basename(file),
      originalFile: meta.originalFile ?? null,
      session: meta.session ?? null,
      lang: meta.lang ?? null,
      replies: counts.get(file) ?? 0,
      year: meta.year ?? null,
      bureau: meta.bureau ?? null,
      bureauName: meta.bureauName ?? null,
    };
  });
}

/** What part of the content an archive is read from (src/build: the catalogue reads every year without bodies, a year's unit one year with them). */
export interface LoadOptions {
  /** Only these budget years' replies (default: every year). */
  years?: readonly string[];
  /** Render bodies (default true); false: front-matter only. */
  bodies?: boolean;
  /** Who each reply's member is across every year (the catalogue's member identity); default: found from the replies read. */
  identity?: MemberIdentity;
  /** Read the background pages (default true). */
  background?: boolean;
  /** How to read one year's editions (default: each file with loadEdition); the catalogue reads them through its cache. */
  readYear?: (year: string, files: string[], shownAs: (file: string) => string) => Edition[];
  /** The same-answer groups made ahead (same-answers.ts sameAnswerIndexOf: used only when made from the replies read). */
  sameAnswers?: SameAnswers;
}

/** The edition files of each year (content-files.ts editionFiles), by year; of `years` only, when given (a unit lists its own year's folder, not the record's 19). */
export function filesByYear(contentDir: string, years?: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { file, year } of editionFiles(contentDir, years && new Set(years))) {
    const files = out.get(year) ?? [];
    files.push(file);
    out.set(year, files);
  }
  return out;
}

/** The replies of `contentDir` as read, one per id with its editions, in file order; not grouped (groupArchive). */
export function readReplies(contentDir: string, repoRoot = process.cwd(), options: Pick<LoadOptions, 'years' | 'bodies' | 'readYear'> = {}): LoadedReply[] {
  // Every edition file, grouped by id (the editions of one reply); an id has one file per language.
  const byId = new Map<string, Edition[]>();
  const shownAs = (file: string) => path.relative(repoRoot, file) || file;
  const readYear = options.readYear ?? ((_year: string, files: string[]) => files.map((f) => loadEdition(f, shownAs(f), options.bodies ?? true)));
  for (const [year, files] of filesByYear(contentDir, options.years)) {
    for (const edition of readYear(year, files, shownAs)) {
      const editions = byId.get(edition.id) ?? [];
      const clash = editions.find((e) => e.lang === edition.lang);
      if (clash) throw new ContentError(`${edition.file}:2: id ${edition.id} (lang ${edition.lang}) is also used by ${clash.file}`);
      editions.push(edition);
      byId.set(edition.id, editions);
    }
  }
  return [...byId.values()].map(replyOf);
}

export function loadArchive(contentDir: string, repoRoot = process.cwd(), options: LoadOptions = {}): Archive {
  const { replies, years, heads, programmes, members } = groupArchive(readReplies(contentDir, repoRoot, options), options.identity, options.sameAnswers);
  const background = (options.background === false ? [] : backgroundFiles(contentDir)).map((f) =>
    loadBackground(f, path.relative(repoRoot, f) || f),
  );
  background.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareCodes(a.slug, b.slug)));
  return {
    replies,
    // Every edition's tables, the primary edition's first (replyOf).
    tables: replies.flatMap((reply) =>
      Object.values(reply.editions).flatMap((edition) => edition.tables.map((table) => ({ reply, edition, table, path: tableCsvPath(editionPath(edition), table.id) }))),
    ),
    years,
    heads,
    programmes,
    members,
    background,
    sources: describeSources(replies, background, repoRoot),
  };
}
