/**
 * Reading side of the ingest: find sources and corrections, run the pure
 * pipeline, merge the documents' results. The parse cache is parse-cache.ts,
 * the writing write.ts; the CLI (scripts/ingest.ts) only parses arguments and
 * prints.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestBackground } from './background.ts';
import { decodeSource } from './decode.ts';
import { ingestReplies, type RepliesResult } from './document.ts';
import { IngestError, type IngestWarning } from './errors.ts';
import { detectLang } from './layout.ts';
import { metaPathOf, readSourceMeta, type SourceMeta } from '../model/source-meta.ts';
import { editionFileName, sourceTexts } from '../model/content-files.ts';
import { isLang, LANGUAGES } from '../model/languages.ts';
import { crossCheckEditions, type EditionFacts } from './cross-check.ts';
import type { ReplyFrontMatter } from '../model/front-matter-types.ts';
import { applyCorrections, type Correction } from './patches.ts';
import { addSeams, noSeams, type SeamCounts } from './seams.ts';
import { checkJsonStrings, decodeUtf8, jsonKeyLine, stripBidi } from '../model/characters.ts';
import { segmentProblem, type SegmentKind } from '../model/safe-paths.ts';

export interface Summary {
  replies: number;
  unaccounted: number;
  warnings: number;
  tablesRecovered: number;
  tablesKept: number;
}

/** The result of ingesting one or more documents, its output files as `F` (their text, or a handle on it). */
export interface IngestResult<F> {
  /** Output path relative to the output root → file. */
  files: Map<string, F>;
  summary: Summary;
  warnings: IngestWarning[];
  indexAgreement: number;
  /** Extraction seams mended, by rule, summed over documents. */
  seams: SeamCounts;
  /** Non-whitespace characters per audit category, summed over documents. */
  audit: { total: number; index: number; furniture: number; header: number; body: number; unaccounted: number; unaccountedLines: string[] };
  /** Each reply edition written, with its output path: what the editions cross-check compares. */
  editions: EditionFacts[];
}

/** One document parsed: its files' text and each edition's whole front-matter. */
export interface Generated extends IngestResult<string> {
  editions: Array<{ file: string; fm: ReplyFrontMatter }>;
}

const posix = (p: string) => p.split(path.sep).join('/');

/** Every `*.txt` under content/sources (with its `.meta.json`), in a stable order: the one walker of content/ (src/model/content-files.ts). */
export function listSources(root: string): string[] {
  return sourceTexts(path.join(root, 'content'));
}

/** The source's metadata (the one reader and its checks: src/model/source-meta.ts), its language and kind filled in when absent. */
export function readMeta(sourcePath: string, lines: readonly string[], shownAs?: string): Partial<SourceMeta> & Pick<SourceMeta, 'lang' | 'kind'> {
  const meta = readSourceMeta(sourcePath, shownAs);
  return { ...meta, lang: meta.lang ?? detectLang(lines), kind: meta.kind ?? 'replies' };
}

/** Reviewed corrections for a source: content/patches/<source base name>/*.patch, in name order. */
export function readCorrections(root: string, sourcePath: string): Correction[] {
  const dir = path.join(root, 'content/patches', path.basename(sourcePath, '.txt'));
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.patch'))
    .sort()
    .map((n) => ({ file: posix(path.relative(root, path.join(dir, n))), text: readFileSync(path.join(dir, n), 'utf8') }));
}

/**
 * Title overrides: content/patches/titles.json, by the language of the source
 * they correct: `{ "zh-Hant-HK": { "2023-24/ITIB001": { "title": "…", "why": "…" } } }`. A Chinese
 * title must never land on an English edition of the same reply.
 */
export type TitleOverrides = Map<string, Map<string, string>>;

export function readTitles(root: string): TitleOverrides {
  const file = 'content/patches/titles.json';
  const p = path.join(root, file);
  const out: TitleOverrides = new Map();
  if (!existsSync(p)) return out;
  const fail = (line: number, message: string): never => {
    throw new IngestError(file, line, message);
  };
  const text = decodeUtf8(readFileSync(p), file, fail);
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    fail(1, 'not valid JSON');
  }
  // No control character, lone surrogate (Pagefind panicked on one, naming no file) or bidirectional control in a title.
  checkJsonStrings(raw, (key) => jsonKeyLine(text, key), fail);
  for (const [lang, byId] of Object.entries(raw)) {
    if (lang.startsWith('$')) continue; // "$comment" keys document the file
    if (!isLang(lang)) throw new IngestError(file, 1, `"${lang}" is not a source language (${LANGUAGES.join(' or ')}): overrides are grouped by the language of the source they correct`);
    if (typeof byId !== 'object' || byId === null) throw new IngestError(file, 1, `"${lang}" must map reply ids to titles`);
    const titles = new Map<string, string>();
    for (const [id, entry] of Object.entries(byId)) {
      // Each override says why, as every patch does: a reviewer must see what the rule got wrong.
      const e = entry as { title?: unknown; why?: unknown } | null;
      const at = jsonKeyLine(text, id);
      if (typeof e !== 'object' || e === null || typeof e.title !== 'string' || e.title.trim() === '') throw new IngestError(file, at, `override for ${lang} ${id} must be {"title": "…", "why": "…"} with a non-empty title`);
      if (typeof e.why !== 'string' || e.why.trim() === '') throw new IngestError(file, at, `override for ${lang} ${id} needs a "why": what the derived title gets wrong`);
      titles.set(id, e.title);
    }
    out.set(lang, titles);
  }
  return out;
}

/** A source decoded and corrected (readCorrectedSource). */
export interface CorrectedSource {
  /** Repository-relative path of the pristine source. */
  rel: string;
  meta: ReturnType<typeof readMeta>;
  /** The source's lines with every reviewed correction applied. */
  lines: string[];
  /** Corrected line (1-based) → pristine line; absent when there are no corrections. */
  originLine?: (line: number) => number;
  /** Bidirectional controls removed from the pristine text, by line. */
  warnings: IngestWarning[];
}

/**
 * A pristine source cannot be edited, so its bidirectional controls (a U+202E
 * turns the text after it around on every page, feed, CSV cell and card that
 * shows it) are removed here, before corrections and parsing, each line named
 * in a warning; corrections are written against the text without them.
 */
function withoutBidi(lines: string[], rel: string): { lines: string[]; warnings: IngestWarning[] } {
  const warnings: IngestWarning[] = [];
  const out = lines.map((l, i) => {
    const { text, removed } = stripBidi(l);
    if (removed > 0) warnings.push({ kind: 'bidi-removed', replyNo: rel, line: i + 1, message: `${removed} bidirectional control character(s) removed (they would reorder the text around them)` });
    return text;
  });
  return { lines: out, warnings };
}

/**
 * The bytes a document's output is made from, besides the title overrides and
 * the code: its text, its `.meta.json` (null when it has none) and its
 * reviewed corrections. Read once: the parse cache keys on them
 * (parse-cache.ts) and the parser reads them.
 */
export interface SourceInputs {
  /** Repository-relative path of the pristine source. */
  rel: string;
  /** The source file as given (absolute or relative to the working directory). */
  sourcePath: string;
  text: Buffer;
  meta: Buffer | null;
  corrections: Correction[];
}

/** A source's path as messages and front-matter name it: relative to the repository root, with `/`. */
export const sourceRel = (root: string, sourcePath: string) => posix(path.relative(root, path.resolve(sourcePath)));

export function readSourceInputs(root: string, sourcePath: string): SourceInputs {
  const rel = sourceRel(root, sourcePath);
  return { rel, sourcePath, text: readFileSync(sourcePath), meta: readMetaBytes(sourcePath), corrections: readCorrections(root, sourcePath) };
}

/** The bytes of a source's `.meta.json`, or null when it has none. */
export function readMetaBytes(sourcePath: string): Buffer | null {
  const file = metaPathOf(sourcePath);
  return existsSync(file) ? readFileSync(file) : null;
}

/** A source read, decoded and corrected: what the parser (and the correction tool) starts from. */
export function readCorrectedSource(root: string, sourcePath: string): CorrectedSource {
  return correctSource(readSourceInputs(root, sourcePath));
}

/** The inputs decoded, their bidirectional controls removed and their corrections applied. */
export function correctSource(inputs: SourceInputs): CorrectedSource {
  const { rel, sourcePath, corrections } = inputs;
  const { lines: pristine, warnings } = withoutBidi(decodeSource(inputs.text, rel), rel);
  const meta = readMeta(sourcePath, pristine, metaPathOf(rel));
  if (corrections.length === 0) return { rel, meta, lines: pristine, warnings };
  const corrected = applyCorrections(pristine.join('\n') + '\n', rel, corrections);
  const lines = corrected.text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return { rel, meta, lines, originLine: corrected.originLine, warnings };
}

/**
 * Ingest one source into output files. `layout: 'tree'` gives repository paths
 * (content/replies/<year>/…, content/pages/background/…); `'flat'` puts the files
 * directly in the output directory.
 */
export function generateOne(root: string, sourcePath: string, mode: 'tree' | 'flat', overrides: TitleOverrides): Generated {
  return generateFrom(readCorrectedSource(root, sourcePath), mode, overrides);
}

/** One corrected source into output files (see generateOne). */
export function generateFrom(source: CorrectedSource, mode: 'tree' | 'flat', overrides: TitleOverrides): Generated {
  const { rel, meta, lines, originLine, warnings } = source;
  const files = new Map<string, string>();
  if (meta.kind === 'background') {
    const need = (k: 'slug' | 'title' | 'date' | 'committee') => {
      const v = meta[k];
      if (typeof v !== 'string' || v === '') throw new IngestError(rel.replace(/\.txt$/, '.meta.json'), 1, `background metadata needs "${k}"`);
      return v;
    };
    const needSlug = () => {
      const problem = segmentProblem('slug', need('slug'));
      if (problem) throw new IngestError(rel.replace(/\.txt$/, '.meta.json'), 1, `"slug" ${problem}`);
      return meta.slug!;
    };
    const bg = ingestBackground({ lines, file: rel, meta: { slug: needSlug(), lang: meta.lang, title: need('title'), date: need('date'), committee: need('committee') } });
    files.set(mode === 'tree' ? `content/pages/background/${bg.frontMatter.slug}.md` : `${bg.frontMatter.slug}.md`, bg.markdown);
    const a = bg.audit;
    return { files, summary: { replies: 0, unaccounted: a.unaccounted, warnings: warnings.length, tablesRecovered: 0, tablesKept: 0 }, warnings, indexAgreement: 0, seams: noSeams(), audit: { ...a, unaccountedLines: a.unaccountedLines.map((l) => `${rel}:${l}`) }, editions: [] };
  }
  const titles = overrides.get(meta.lang) ?? new Map<string, string>();
  const result: RepliesResult = ingestReplies({ lines, file: rel, meta, titles, ...(originLine ? { originLine } : {}) });
  const editions: Generated['editions'] = [];
  for (const r of result.replies) {
    const fm = r.doc.frontMatter;
    checkPathFields(fm);
    const name = editionFileName(fm.replyNo, fm.lang);
    const file = mode === 'tree' ? `content/replies/${fm.year}/${name}` : name;
    files.set(file, r.markdown);
    editions.push({ file, fm });
  }
  const a = result.audit;
  return {
    files,
    summary: { replies: result.replies.length, unaccounted: a.unaccounted, warnings: warnings.length + result.warnings.length, tablesRecovered: result.tablesRecovered, tablesKept: result.tablesKept },
    warnings: [...warnings, ...result.warnings],
    indexAgreement: result.indexAgreement,
    seams: result.seams,
    audit: { ...a, unaccountedLines: a.unaccountedLines.map((l) => `${rel}:${l}`) },
    editions,
  };
}

/** Every field of a reply that names a path (content/replies/<year>/<replyNo>.md, /heads/<code>/…), checked before anything is written. */
function checkPathFields(fm: ReplyFrontMatter): void {
  const fields: Array<[string, SegmentKind, unknown]> = [
    ['year', 'year', fm.year],
    ['bureau', 'bureau', fm.bureau],
    ['reply number', 'replyNo', fm.replyNo],
    ['head code', 'code', fm.head.code],
    ...fm.programmes.map((p): [string, SegmentKind, unknown] => ['programme code', 'code', p.code]),
  ];
  for (const [what, kind, value] of fields) {
    const problem = segmentProblem(kind, value);
    if (problem) throw new IngestError(fm.source.file, fm.source.lines[0], `reply ${fm.replyNo}: its ${what} ${problem}`);
  }
}

/** A result's facts without its files and editions: what a budget year's folder kept as it was brings to a run (folder-facts.ts). */
export type ResultFacts = Omit<IngestResult<never>, 'files' | 'editions'>;

const noFacts = (): ResultFacts => ({ summary: { replies: 0, unaccounted: 0, warnings: 0, tablesRecovered: 0, tablesKept: 0 }, warnings: [], indexAgreement: 0, seams: noSeams(), audit: { total: 0, index: 0, furniture: 0, header: 0, body: 0, unaccounted: 0, unaccountedLines: [] } });

/** `more`'s facts added to `into`'s: counts summed, warnings and unaccounted lines after `into`'s. */
function addFacts(into: ResultFacts, more: ResultFacts): void {
  for (const key of Object.keys(into.summary) as Array<keyof Summary>) into.summary[key] += more.summary[key];
  into.warnings.push(...more.warnings);
  into.indexAgreement += more.indexAgreement;
  addSeams(into.seams, more.seams);
  for (const key of ['total', 'index', 'furniture', 'header', 'body', 'unaccounted'] as const) into.audit[key] += more.audit[key];
  into.audit.unaccountedLines.push(...more.audit.unaccountedLines);
}

/** The folder an output file is in (`content/replies/2023-24`). */
export const folderOf = (file: string) => path.posix.dirname(file);

/** The folder a document writes its files to (the first file's): where its facts are counted; '' when it writes none. */
const documentFolder = (files: Iterable<string>) => {
  for (const f of files) return folderOf(f);
  return '';
};

/** Fails when two documents generate the same output file, naming both and their first lines. */
function refuseSharedOutputs<F>(parts: ReadonlyArray<IngestResult<F>>): void {
  const from = new Map<string, IngestResult<F>>();
  const where = (g: IngestResult<F> | undefined, k: string) => {
    const source = g?.editions.find((e) => e.file === k)?.fm.source;
    return source ? `${source.file}:${source.lines[0]}` : 'a source';
  };
  for (const g of parts) {
    for (const k of g.files.keys()) {
      if (from.has(k)) throw new IngestError(k, 1, `two sources generate the same output file (${where(from.get(k), k)} and ${where(g, k)}): the same reply, year and language twice`);
      from.set(k, g);
    }
  }
}

/**
 * Documents' results as one, a folder at a time: no output file generated
 * twice; for each folder (a budget year's `content/replies/<year>`), in path
 * order, the facts of the documents that write to it, in their order, then
 * the cross-check of the editions in it (a reply's editions are all in its
 * year's folder). `kept`: folders whose documents were not read, with their
 * facts as recorded (folder-facts.ts); the result is then the one reading
 * them would give. `byFolder`: each folder's facts.
 */
export function mergeByFolder<F>(parts: ReadonlyArray<IngestResult<F>>, kept: ReadonlyMap<string, ResultFacts> = new Map()): { result: IngestResult<F>; byFolder: Map<string, ResultFacts> } {
  refuseSharedOutputs(parts);
  const byFolder = new Map<string, ResultFacts>();
  const facts = (folder: string) => {
    let f = byFolder.get(folder);
    if (!f) byFolder.set(folder, (f = noFacts()));
    return f;
  };
  const files = new Map<string, F>();
  const editions: EditionFacts[] = [];
  const editionsIn = new Map<string, EditionFacts[]>();
  for (const g of parts) {
    for (const [k, v] of g.files) files.set(k, v);
    editions.push(...g.editions);
    for (const e of g.editions) {
      const folder = folderOf(e.file);
      const list = editionsIn.get(folder);
      if (list) list.push(e);
      else editionsIn.set(folder, [e]);
    }
    addFacts(facts(documentFolder(g.files.keys())), g);
  }
  for (const [folder, inIt] of editionsIn) {
    const mismatches = crossCheckEditions(inIt);
    const f = facts(folder);
    f.warnings.push(...mismatches);
    f.summary.warnings += mismatches.length;
  }
  for (const [folder, f] of kept) {
    if (byFolder.has(folder)) throw new Error(`ingest: ${folder} is both kept as it was and written by a document read now`);
    byFolder.set(folder, f);
  }
  const out: IngestResult<F> = { files, ...noFacts(), editions };
  const ordered = new Map([...byFolder].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const f of ordered.values()) addFacts(out, f);
  return { result: out, byFolder: ordered };
}

/** Documents' results as one (mergeByFolder), every document read. */
export function mergeGenerated<F>(parts: ReadonlyArray<IngestResult<F>>): IngestResult<F> {
  return mergeByFolder(parts).result;
}
