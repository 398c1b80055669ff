import { checkJsonStrings, decodeUtf8, jsonKeyLine } from '../model/characters.ts';
import { segmentProblem, type SegmentKind } from '../model/safe-paths.ts';
import { IngestError } from './errors.ts';
import type { Layout } from './layout.ts';
import type { ReplyLang } from './model.ts';

/** The small metadata file next to each source (`<name>.meta.json`). */
export interface SourceMeta {
  kind: 'replies' | 'background';
  lang: ReplyLang;
  year?: string;
  bureau?: string;
  bureauName?: string;
  session?: number;
  title?: string;
  originalFile?: string;
  /** Address of the official document (its PDF), only when known; never guessed. */
  url?: string;
  /** Background papers. */
  date?: string;
  slug?: string;
  committee?: string;
}

/** Metadata fields that become (part of) a path, and the segment rule each follows. */
const PATH_FIELDS: Array<[keyof SourceMeta, SegmentKind]> = [['year', 'year'], ['bureau', 'bureau'], ['slug', 'slug'], ['originalFile', 'fileName']];

/**
 * A `.meta.json` read and checked before anything is written: strict UTF-8,
 * no control character, lone surrogate or bidirectional control in any
 * string, and every field that names a path (year, bureau, slug, file name)
 * a safe segment, else `file:line` of the field. `"year": "../../../../x"`
 * once made the ingest write 263 replies outside the clone.
 */
export function parseSourceMeta(bytes: Uint8Array, file: string): Partial<SourceMeta> {
  const fail = (line: number, message: string): never => {
    throw new IngestError(file, line, message);
  };
  const text = decodeUtf8(bytes, file, fail).replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    fail(1, 'not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(1, 'must be a JSON object of fields');
  const lineOf = (key: string) => jsonKeyLine(text, key);
  checkJsonStrings(raw, lineOf, fail);
  const meta = raw as Record<string, unknown>;
  for (const [key, kind] of PATH_FIELDS) {
    if (meta[key] === undefined) continue;
    const problem = segmentProblem(kind, meta[key]);
    if (problem) fail(lineOf(key), `"${key}" ${problem}`);
  }
  if (meta.lang !== undefined && meta.lang !== 'zh-Hant-HK' && meta.lang !== 'en') fail(lineOf('lang'), `"lang" must be "zh-Hant-HK" or "en"`);
  if (meta.kind !== undefined && meta.kind !== 'replies' && meta.kind !== 'background') fail(lineOf('kind'), `"kind" must be "replies" or "background"`);
  return meta as Partial<SourceMeta>;
}

export interface DocumentFacts {
  year: string;
  session: number;
  bureau: string;
}

/**
 * Year, session and bureau: from the metadata when given, otherwise read from the
 * document's own title block and reply numbers, so a new source needs no code change.
 */
export function documentFacts(lines: readonly string[], meta: Partial<SourceMeta>, layout: Layout, firstReplyNo: string | undefined, file: string): DocumentFacts {
  let year = meta.year;
  let session = meta.session;
  for (let i = 0; i < lines.length && (year === undefined || session === undefined); i++) {
    const line = lines[i] ?? '';
    year ??= layout.year.exec(line)?.[1];
    const s = layout.session.exec(line)?.[1];
    if (session === undefined && s !== undefined) session = Number(s);
  }
  const bureau = meta.bureau ?? firstReplyNo?.replace(/\d+$/, '');
  if (year === undefined) throw new IngestError(file, 1, 'cannot tell the budget year (no metadata and no "2023-24年度" in the title block)');
  if (session === undefined) throw new IngestError(file, 1, 'cannot tell the session number (no metadata and no "第 17 節" in the title block)');
  if (bureau === undefined) throw new IngestError(file, 1, 'cannot tell the bureau (no metadata and no reply numbers)');
  // Read from the document: a path segment all the same (content/replies/<year>/).
  for (const [kind, value] of [['year', year], ['bureau', bureau]] as const) {
    const problem = segmentProblem(kind, value);
    if (problem) throw new IngestError(file, 1, `the document's ${kind} ${problem}`);
  }
  return { year, session, bureau };
}

/** The official document a reply cites: its title, and its address only when the metadata gives one. */
export function documentRef(meta: Partial<SourceMeta>): { title?: string; url?: string } {
  return {
    ...(typeof meta.title === 'string' && meta.title !== '' ? { title: meta.title } : {}),
    ...(typeof meta.url === 'string' && /^https?:\/\//.test(meta.url) ? { url: meta.url } : {}),
  };
}
