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
import { isLang, LANGUAGES, type Lang } from './languages.ts';

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

const STRING_FIELDS = ['year', 'bureau', 'bureauName', 'title', 'originalFile', 'url', 'date', 'slug', 'committee'] as const;

/**
 * The metadata of the source whose text is `sourceFile` (absolute, or relative
 * to the working directory); `{}` when it has none. `shownAs` names the
 * metadata file in messages.
 */
export function readSourceMeta(sourceFile: string, shownAs = metaPathOf(sourceFile)): Partial<SourceMeta> {
  const file = metaPathOf(sourceFile);
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8');
  const lineOf = (key: string) => {
    const i = text.split('\n').findIndex((l) => l.includes(`"${key}"`));
    return i < 0 ? 1 : i + 1;
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ContentError(`${shownAs}:1: not valid JSON (${(err as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ContentError(`${shownAs}:1: must be a JSON object`);
  const meta = raw as Record<string, unknown>;
  const fail = (key: string, what: string): never => {
    throw new ContentError(`${shownAs}:${lineOf(key)}: "${key}" ${what}`);
  };
  for (const key of STRING_FIELDS) if (key in meta && typeof meta[key] !== 'string') fail(key, 'must be a string');
  if ('session' in meta && !(typeof meta.session === 'number' && Number.isInteger(meta.session))) fail('session', 'must be a whole number');
  if ('lang' in meta && !isLang(meta.lang)) fail('lang', `must be one of ${LANGUAGES.join(', ')}`);
  if ('kind' in meta && meta.kind !== 'replies' && meta.kind !== 'background') fail('kind', 'must be "replies" or "background"');
  return meta as Partial<SourceMeta>;
}
