/**
 * The one reader of the content files: a Markdown file with YAML front-matter
 * is parsed and checked against the reply model (src/model/front-matter-types.ts; the
 * ingest writes it). The site (load.ts), the search index (src/search), the
 * benchmark and the tests read replies through readReply / readBackground.
 * Errors name the file and line, so a bad generated file is found at once
 * instead of surfacing as a broken page.
 *
 * Codes are coerced to strings ("047" must stay "047": the ingest quotes them,
 * and a bare YAML number is accepted only when it cannot have lost a digit).
 */
import { FAILSAFE_SCHEMA, Type, load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node } from 'yaml';
import type { BackgroundFrontMatter, CodeName, ReplyFrontMatter } from './front-matter-types.ts';
import { REPLY_FIELDS, type ReplyField } from './reply.ts';
import { checkJsonStrings } from './characters.ts';
import { isLang, LANGUAGES } from './languages.ts';
import { isSafeSegment, SEGMENT_RULES, segmentProblem } from './safe-paths.ts';

/**
 * YAML 1.2's core schema as `yaml` reads it (its tags' regular expressions),
 * for js-yaml: js-yaml's own core schema also takes binary (`0b101`) and
 * signed hexadecimal and octal (`-0x1F`, `+0o7`) as integers and misses
 * `-.5`, where `yaml` reads (and writes, unquoted) strings and a float. A
 * value of such a shape would change type (test/model/front-matter.test.ts).
 */
const scalar = (tag: string, pattern: RegExp, construct: (data: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (data: string | null) => pattern.test(data ?? ''), construct: (data: string | null) => construct(data ?? '') });
export const YAML_CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (d) => d[0] === 't' || d[0] === 'T'),
    scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (d) => (d.startsWith('0o') ? parseInt(d.slice(2), 8) : d.startsWith('0x') ? parseInt(d.slice(2), 16) : Number(d))),
    scalar('float', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (d) =>
      /nan$/i.test(d) ? NaN : /inf$/i.test(d) ? (d.startsWith('-') ? -Infinity : Infinity) : parseFloat(d),
    ),
  ],
});

/** `"zh-Hant-HK" or "en"`, for messages. */
const LANG_CHOICES = LANGUAGES.map((l) => `"${l}"`).join(' or ');

export class ContentError extends Error {}

interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** Finds the 1-based line of a top-level front-matter key (for messages). */
  lineOf(key: string): number;
}

function splitFrontMatter(text: string, file: string): ParsedFile {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!src.startsWith('---\n')) throw new ContentError(`${file}:1: expected YAML front-matter starting with "---"`);
  const end = src.indexOf('\n---\n', 3);
  const endAtEof = end < 0 && src.endsWith('\n---') ? src.length - 4 : end;
  if (endAtEof < 0) throw new ContentError(`${file}:1: front-matter is not closed by a "---" line`);
  const yamlText = src.slice(4, endAtEof + 1);
  // The common case, a well-formed header, by js-yaml (YAML 1.2's core schema as `yaml` reads it: YAML_CORE): `yaml`'s
  // parseDocument builds a syntax tree first, and was 10 of the 21 CPU s of reading a year of 11,000 editions
  // (--cpu-prof of loadArchive over the benchmark's 5,500-reply year, 2026-12-03). A header js-yaml refuses, and a
  // message needing a key's line, go through `yaml`'s document, whose errors carry positions.
  let data: unknown;
  let doc: Document.Parsed | null = null;
  const counter = new LineCounter();
  const parsedDoc = (): Document.Parsed => (doc ??= parseDocument(yamlText, { lineCounter: counter, prettyErrors: false }));
  try {
    data = loadYaml(yamlText, { schema: YAML_CORE, filename: file });
  } catch {
    const firstError = parsedDoc().errors[0];
    if (firstError) {
      const line = counter.linePos(firstError.pos[0]).line + 1;
      throw new ContentError(`${file}:${line}: invalid YAML front-matter: ${firstError.message.split('\n')[0]}`);
    }
    try {
      data = parsedDoc().toJS() as unknown;
    } catch (err) {
      // An alias to no anchor (`a: *missing`) is found only when the document is turned into values.
      throw new ContentError(`${file}:2: invalid YAML front-matter: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentError(`${file}:2: front-matter must be a mapping of fields`);
  }
  const lineOf = (key: string): number => {
    const contents = parsedDoc().contents;
    if (isMap(contents)) {
      for (const item of contents.items) {
        if (isScalar(item.key) && item.key.value === key) {
          const range = (item.key as Node).range;
          if (range) return counter.linePos(range[0]).line + 1;
        }
      }
    }
    return 2;
  };
  const bodyStart = endAtEof + 5;
  return { data: data as Record<string, unknown>, body: src.slice(Math.min(bodyStart, src.length)), lineOf };
}


type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isNonEmpty: Check = (v) => typeof v === 'string' && v.trim() !== '';
const isInt: Check = (v) => typeof v === 'number' && Number.isInteger(v);
/** A name that can name a page (the member's slug, urls.ts): at least one letter or digit, no control character. */
const isName: Check = (v) => typeof v === 'string' && /[\p{L}\p{N}]/u.test(v) && !/\p{Cc}/u.test(v);

function fail(file: string, parsed: ParsedFile, key: string, what: string): never {
  throw new ContentError(`${file}:${parsed.lineOf(key)}: front-matter "${key}" ${what}`);
}

/**
 * No control character, lone surrogate or bidirectional control in any field
 * (characters.ts): the ingest never writes one, so one here was put in by
 * hand, and would reach pages, feeds, CSVs and cards.
 */
function checkCharacters(file: string, parsed: ParsedFile): void {
  for (const [key, value] of Object.entries(parsed.data)) {
    checkJsonStrings(value, () => parsed.lineOf(key), (_line, message) => fail(file, parsed, key, message.replace(/^"[^"]*" holds|^a value holds/, 'holds')));
  }
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
  if (c === null || !isSafeSegment('code', c) || typeof v.name !== 'string') return null; // a path segment (/heads/<code>/)
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
  if (!optional(v.title, (x) => typeof x === 'string') || !optional(v.url, (x) => typeof x === 'string' && /^https?:\/\//.test(x))) return null;
  return {
    file: v.file,
    lines: v.lines,
    ...(typeof v.title === 'string' ? { title: v.title } : {}),
    ...(typeof v.url === 'string' ? { url: v.url } : {}),
    ...(pair(v.pages) ? { pages: v.pages, pagesExact: v.pagesExact === true } : {}),
  };
}

/** What each field of a reply must be: [check, as said in the error]. */
const REPLY_RULES: Record<ReplyField, [Check, string]> = {
  id: [isNonEmpty, 'a non-empty string'],
  year: [isNonEmpty, 'a string like "2023-24"'],
  lang: [isLang, LANG_CHOICES],
  bureau: [isNonEmpty, 'a non-empty string'],
  session: [isInt, 'an integer'],
  replyNo: [isNonEmpty, 'a non-empty string'],
  questionNo: [isInt, 'an integer'],
  member: [isName, 'a name with a letter or digit and no control character'],
  memberRef: [(v) => v === null || isString(v) || isInt(v), 'a string or null'],
  head: [(v) => codeName(v) !== null, 'a {code, name} mapping whose code is letters, digits and "-"'],
  subhead: [(v) => isString(v) || isInt(v), 'a string'],
  programmes: [(v) => Array.isArray(v) && v.every((p) => codeName(p) !== null), 'a list of {code, name} whose codes are letters, digits and "-"'],
  controllingOfficer: [isString, 'a string'],
  director: [isString, 'a string'],
  title: [isNonEmpty, 'a non-empty string'],
  source: [(v) => sourceRef(v) !== null, 'a {file, lines: [from, to]} mapping'],
};

function validateReply(file: string, parsed: ParsedFile): ReplyFrontMatter {
  const d = parsed.data;
  for (const field of REPLY_FIELDS) need(file, parsed, field, ...REPLY_RULES[field]);
  const replyNo = d.replyNo as string;
  // Path segments (/<year>/<replyno>/): the one rule the ingest checked before writing (safe-paths.ts).
  for (const [key, kind] of [['replyNo', 'replyNo'], ['year', 'year']] as const) {
    const problem = segmentProblem(kind, d[key]);
    if (problem) fail(file, parsed, key, problem);
  }
  checkCharacters(file, parsed);
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

function validateBackground(file: string, parsed: ParsedFile): BackgroundFrontMatter {
  const d = parsed.data;
  need(file, parsed, 'slug', (v) => isSafeSegment('slug', v), SEGMENT_RULES.slug.what);
  need(file, parsed, 'lang', isLang, LANG_CHOICES);
  need(file, parsed, 'title', isNonEmpty, 'a non-empty string');
  need(file, parsed, 'date', (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), 'a date "YYYY-MM-DD" (quoted)');
  need(file, parsed, 'committee', isString, 'a string');
  need(file, parsed, 'source', (v) => sourceRef(v) !== null, 'a {file, lines: [from, to]} mapping');
  checkCharacters(file, parsed);
  return {
    slug: d.slug as string,
    lang: d.lang as BackgroundFrontMatter['lang'],
    title: d.title as string,
    date: d.date as string,
    committee: d.committee as string,
    source: sourceRef(d.source)! as BackgroundFrontMatter['source'],
  };
}

/** A reply file's text → its checked front-matter and Markdown body (`file` names it in errors). */
export function readReply(text: string, file: string): { frontMatter: ReplyFrontMatter; body: string; lineOf: (key: string) => number } {
  const parsed = splitFrontMatter(text, file);
  return { frontMatter: validateReply(file, parsed), body: parsed.body, lineOf: parsed.lineOf };
}

/** A background page's text → its checked front-matter and Markdown body. */
export function readBackground(text: string, file: string): { frontMatter: BackgroundFrontMatter; body: string } {
  const parsed = splitFrontMatter(text, file);
  return { frontMatter: validateBackground(file, parsed), body: parsed.body };
}
