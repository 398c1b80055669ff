/**
 * Checks parsed front-matter against the reply model (src/ingest/model.ts).
 * Codes are coerced to strings ("047" must stay "047": the ingest quotes them,
 * and a bare YAML number is accepted only when it cannot have lost a digit).
 */
import type { BackgroundFrontMatter, CodeName, ReplyFrontMatter } from '../../ingest/model.ts';
import { ContentError, type ParsedFile } from './front-matter.ts';

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isNonEmpty: Check = (v) => typeof v === 'string' && v.trim() !== '';
const isInt: Check = (v) => typeof v === 'number' && Number.isInteger(v);
const isLang: Check = (v) => v === 'zh-Hant-HK' || v === 'en';

function fail(file: string, parsed: ParsedFile, key: string, what: string): never {
  throw new ContentError(`${file}:${parsed.lineOf(key)}: front-matter "${key}" ${what}`);
}

function need(file: string, parsed: ParsedFile, key: string, check: Check, what: string): void {
  const value = parsed.data[key];
  if (value === undefined) fail(file, parsed, key, 'is missing');
  if (!check(value)) fail(file, parsed, key, `must be ${what} (found ${JSON.stringify(value)})`);
}

function code(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  return null;
}

function codeName(value: unknown): CodeName | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const c = code(v.code);
  if (c === null || typeof v.name !== 'string') return null;
  return { code: c, name: v.name };
}

function sourceRef(value: unknown): ReplyFrontMatter['source'] | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const pair = (p: unknown): p is [number, number] =>
    Array.isArray(p) && p.length === 2 && p.every((n) => Number.isInteger(n));
  const optional = (x: unknown, ok: (x: unknown) => boolean) => x === undefined || x === null || ok(x);
  if (typeof v.file !== 'string' || !pair(v.lines)) return null;
  if (!optional(v.pages, pair) || !optional(v.pagesExact, (x) => typeof x === 'boolean')) return null;
  if (!optional(v.title, isString) || !optional(v.url, (x) => typeof x === 'string' && /^https?:\/\//.test(x))) return null;
  return {
    file: v.file,
    lines: v.lines,
    ...(typeof v.title === 'string' ? { title: v.title } : {}),
    ...(typeof v.url === 'string' ? { url: v.url } : {}),
    ...(pair(v.pages) ? { pages: v.pages, pagesExact: v.pagesExact === true } : {}),
  };
}

export function validateReply(file: string, parsed: ParsedFile): ReplyFrontMatter {
  const d = parsed.data;
  need(file, parsed, 'id', isNonEmpty, 'a non-empty string');
  need(file, parsed, 'year', isNonEmpty, 'a string like "2023-24"');
  need(file, parsed, 'lang', isLang, '"zh-Hant-HK" or "en"');
  need(file, parsed, 'bureau', isNonEmpty, 'a non-empty string');
  need(file, parsed, 'session', isInt, 'an integer');
  need(file, parsed, 'replyNo', isNonEmpty, 'a non-empty string');
  need(file, parsed, 'questionNo', isInt, 'an integer');
  need(file, parsed, 'member', isNonEmpty, 'a non-empty string');
  need(file, parsed, 'memberRef', (v) => v === null || isString(v) || isInt(v), 'a string or null');
  need(file, parsed, 'head', (v) => codeName(v) !== null, 'a {code, name} mapping');
  need(file, parsed, 'subhead', (v) => isString(v) || isInt(v), 'a string');
  need(file, parsed, 'programmes', (v) => Array.isArray(v) && v.every((p) => codeName(p) !== null), 'a list of {code, name}');
  need(file, parsed, 'controllingOfficer', isString, 'a string');
  need(file, parsed, 'director', isString, 'a string');
  need(file, parsed, 'title', isNonEmpty, 'a non-empty string');
  need(file, parsed, 'source', (v) => sourceRef(v) !== null, 'a {file, lines: [from, to]} mapping');
  const replyNo = d.replyNo as string;
  if (!/^[A-Za-z0-9-]+$/.test(replyNo)) fail(file, parsed, 'replyNo', `must be letters and digits (found "${replyNo}")`);
  if (!/^[0-9A-Za-z-]+$/.test(d.year as string)) fail(file, parsed, 'year', `must be like "2023-24" (found "${String(d.year)}")`);
  return {
    id: d.id as string,
    year: d.year as string,
    lang: d.lang as ReplyFrontMatter['lang'],
    bureau: d.bureau as string,
    session: d.session as number,
    replyNo,
    questionNo: d.questionNo as number,
    member: (d.member as string).trim(),
    memberRef: d.memberRef === null ? null : String(d.memberRef),
    head: codeName(d.head)!,
    subhead: String(d.subhead),
    programmes: (d.programmes as unknown[]).map((p) => codeName(p)!),
    controllingOfficer: d.controllingOfficer as string,
    director: d.director as string,
    title: d.title as string,
    source: sourceRef(d.source)!,
  };
}

export function validateBackground(file: string, parsed: ParsedFile): BackgroundFrontMatter {
  const d = parsed.data;
  need(file, parsed, 'slug', (v) => typeof v === 'string' && /^[a-z0-9-]+$/.test(v), 'a lower-case slug');
  need(file, parsed, 'lang', isLang, '"zh-Hant-HK" or "en"');
  need(file, parsed, 'title', isNonEmpty, 'a non-empty string');
  need(file, parsed, 'date', (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), 'a date "YYYY-MM-DD" (quoted)');
  need(file, parsed, 'committee', isString, 'a string');
  need(file, parsed, 'source', (v) => sourceRef(v) !== null, 'a {file, lines: [from, to]} mapping');
  return {
    slug: d.slug as string,
    lang: d.lang as BackgroundFrontMatter['lang'],
    title: d.title as string,
    date: d.date as string,
    committee: d.committee as string,
    source: sourceRef(d.source)! as BackgroundFrontMatter['source'],
  };
}
