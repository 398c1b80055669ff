/**
 * The one reader of an official document's metadata, the small
 * `<name>.meta.json` beside its text under content/sources/ (a "source" is
 * always that: the document's pristine text and this file). The ingest reads it
 * to fill in the reply model; the site reads it to describe the documents on
 * the about page. Both get the same checks: a field of the wrong type is an
 * error naming the file and line, never silently dropped by one reader and
 * passed on by the other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ContentError } from './front-matter.ts';
import { checkJsonStrings, decodeUtf8, jsonKeyLine } from './characters.ts';
import { isLang, LANGUAGES, type Lang } from './languages.ts';
import { segmentProblem, type SegmentKind } from './safe-paths.ts';

/** The small metadata file next to each source (`<name>.meta.json`). Every field is optional in the file. */
export interface SourceMeta {
  kind: 'replies' | 'background';
  lang: Lang;
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

/** The metadata file of a source's text: `x.txt` → `x.meta.json`. */
export function metaPathOf(sourceFile: string): string {
  return sourceFile.replace(/\.[^./]+$/, '') + '.meta.json';
}

/** Metadata fields that name (part of) a path, and the segment rule each follows (model/safe-paths.ts). */
const PATH_FIELDS: Array<[keyof SourceMeta, SegmentKind]> = [['year', 'year'], ['bureau', 'bureau'], ['slug', 'slug'], ['originalFile', 'fileName']];

const STRING_FIELDS = ['year', 'bureau', 'bureauName', 'title', 'originalFile', 'url', 'date', 'slug', 'committee'] as const;

/**
 * The metadata of the source whose text is `sourceFile` (absolute, or relative
 * to the working directory); `{}` when it has none. `shownAs` names the
 * metadata file in messages.
 */
export function readSourceMeta(sourceFile: string, shownAs = metaPathOf(sourceFile)): Partial<SourceMeta> {
  const file = metaPathOf(sourceFile);
  if (!existsSync(file)) return {};
  const failAt = (line: number, message: string): never => {
    throw new ContentError(`${shownAs}:${line}: ${message}`);
  };
  // Strict UTF-8, reported at its line and column (readFileSync's 'utf8' turns a bad byte into U+FFFD, silently).
  const text = decodeUtf8(readFileSync(file), shownAs, failAt).replace(/^\uFEFF/, '');
  const lineOf = (key: string) => jsonKeyLine(text, key);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the file's first bytes: never shown (a file that is not metadata may be anything).
    failAt(1, 'not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ContentError(`${shownAs}:1: must be a JSON object`);
  const meta = raw as Record<string, unknown>;
  const fail = (key: string, what: string): never => failAt(lineOf(key), `"${key}" ${what}`);
  // No control character, lone surrogate or bidirectional control in any string (model/characters.ts).
  checkJsonStrings(meta, lineOf, failAt);
  for (const key of STRING_FIELDS) if (key in meta && typeof meta[key] !== 'string') fail(key, 'must be a string');
  if ('session' in meta && !(typeof meta.session === 'number' && Number.isInteger(meta.session))) fail('session', 'must be a whole number');
  if ('lang' in meta && !isLang(meta.lang)) fail('lang', `must be one of ${LANGUAGES.join(', ')}`);
  if ('kind' in meta && meta.kind !== 'replies' && meta.kind !== 'background') fail('kind', 'must be "replies" or "background"');
  // Fields that become a path (content/replies/<year>/, content/pages/background/<slug>.md, …), checked
  // before anything is written: "year": "../../../../x" once made the ingest write 263 replies outside the clone.
  for (const [key, kind] of PATH_FIELDS) {
    const problem = key in meta ? segmentProblem(kind, meta[key]) : null;
    if (problem) fail(key, problem);
  }
  return meta as Partial<SourceMeta>;
}
