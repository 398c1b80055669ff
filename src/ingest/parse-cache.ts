/**
 * Each source document's parse, kept between runs, so an ingest parses again
 * only the documents whose inputs changed (issue 16: one synthetic year of
 * 11,000 editions took ~15 s to read and parse, so one edited sentence in an
 * 18-year record meant minutes).
 *
 * An entry is one document's result in the cache folder (`.cache/ingest`, or
 * `ingest/` under ARCHIVE_CACHE), named `<document>-<key>.json`: `<document>`
 * hashes the document's path (one entry per document: a new one replaces the
 * old), `<key>` hashes everything else that decides its output:
 *
 * - the code that parses (code-key.ts: the files of src/ the parse runs and
 *   those that define an entry, package-lock.json, Node's version);
 * - the document's path, text (its SHA-256, known from its folder's record
 *   without reading it while the folder is unchanged: folder-record.ts),
 *   `.meta.json` and reviewed corrections (content/patches/<name>/: file
 *   names and bytes).
 *
 * The title overrides (content/patches/titles.json) are one file for every
 * document, so they are not in the key: an entry records the overrides it
 * applied to its own replies and is used only while titles.json gives exactly
 * those for them. An override then re-parses the one document it corrects.
 *
 * An entry is a header line (its key, the length and SHA-256 of each part),
 * the facts (JSON: counts, warnings, audit, each edition's identity, each
 * output file's path, SHA-256 and length), then the output files' bytes one
 * after another. The facts are all a run needs of an unchanged document; the
 * bytes are read only when a file must be written. Each part is used only
 * when its hash matches, so a truncated or corrupted entry is not trusted:
 * its document is parsed again. Entries are written whole (a temporary file,
 * then a rename); deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheTemp, commitCacheEntry } from '../lib/cache-entry.ts';
import { removeDeadCacheTemps } from '../lib/leftovers.ts';
import { mapInThreads, THREADS_PER_CORE } from '../lib/thread-call.ts';
import type { EditionFacts } from './cross-check.ts';
import { correctSource, folderOf, generateFrom, listSources, mergeByFolder, mergeGenerated, readCorrections, readMetaBytes, readSourceInputs, sourceRel, type Generated, type IngestResult, type SourceInputs, type TitleOverrides } from './run.ts';
import { codeKey } from './code-key.ts';
import { digestOf, saveFolderRecord, scanFolder, type FolderScan } from './folder-record.ts';
import { isYearFolder, readFolderFacts, recordsThatHold, saveFolderFacts, titlesFor } from './folder-facts.ts';
import { outputFile, sha256Hex as sha256, type OutputFile } from './output-file.ts';

const FORMAT = 1;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What a document's key is made of besides the code: its inputs, the text by its SHA-256 (known without reading it while its folder is as recorded: folder-record.ts). */
export type KeyInputs = Pick<SourceInputs, 'rel' | 'meta' | 'corrections'> & { textSha: string };

export const keyInputsOf = (inputs: SourceInputs): KeyInputs => ({ rel: inputs.rel, textSha: sha256(inputs.text), meta: inputs.meta, corrections: inputs.corrections });

/** The key of a document's entry: the code, then each input with its length (so no two inputs run together). */
export function documentKey(code: string, inputs: KeyInputs): string {
  const hash = createHash('sha256').update(`${code}\u0000`);
  const part = (label: string, bytes: Buffer | string) => hash.update(`${label}\u0000${Buffer.byteLength(bytes)}\u0000`).update(bytes);
  part('path', inputs.rel);
  part('text sha256', inputs.textSha);
  if (inputs.meta) part('meta', inputs.meta);
  else hash.update('no meta\u0000');
  for (const c of inputs.corrections) {
    part('correction', c.file);
    part('patch', c.text);
  }
  return hash.digest('hex');
}

/** The overrides that apply to these replies (ids), in their order: what a document's result depends on of titles.json. */
function titlesApplied(overrides: TitleOverrides, lang: string, ids: readonly string[]): Array<[string, string]> {
  const byId = overrides.get(lang);
  if (!byId) return [];
  return ids.flatMap((id): Array<[string, string]> => (byId.has(id) ? [[id, byId.get(id)!]] : []));
}

/** An edition's identity, as the merge reads it (and no more: the cache keeps this much of each edition). */
function editionFacts(e: EditionFacts): EditionFacts {
  const { id, lang, replyNo, questionNo, memberRef, head, programmes, source } = e.fm;
  return {
    file: e.file,
    fm: { id, lang, replyNo, questionNo, memberRef, head: { code: head.code }, programmes: programmes.map((p) => ({ code: p.code })), source: { file: source.file, lines: source.lines } },
  };
}

/** A document's result as the archive run uses it: editions reduced to their identity, files by hash with their bytes at hand. */
function asResult(g: Generated): IngestResult<OutputFile> {
  return { ...g, editions: g.editions.map(editionFacts), files: new Map([...g.files].map(([rel, text]) => [rel, outputFile(text)])) };
}

interface Facts extends Omit<IngestResult<never>, 'files'> {
  lang: string;
  titles: Array<[string, string]>;
  /** Each output file: path, SHA-256, length in bytes, in the order of the entry's bytes. */
  outputs: Array<[string, string, number]>;
}

interface Header {
  format: number;
  key: string;
  factsBytes: number;
  factsSha: string;
  filesSha: string;
}

export interface ParseCache {
  dir: string;
  /** The code's hash (codeKey); a test may give another to stand for changed code. */
  code: string;
  /** Entry file names by document, as listed when the cache was opened. */
  entries: Map<string, string[]>;
}

/** The cache in `dir` (created on the first write), its half-written entries of dead processes removed. */
export function openParseCache(dir: string, code = codeKey()): ParseCache {
  removeDeadCacheTemps(dir);
  const entries = new Map<string, string[]>();
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort(byCodeUnit)) {
      const m = /^([0-9a-f]{16})-[0-9a-f]{40}\.json$/.exec(name);
      if (m) entries.set(m[1]!, [...(entries.get(m[1]!) ?? []), name]);
    }
  }
  return { dir, code, entries };
}

const documentOf = (rel: string) => sha256(rel).slice(0, 16);
const entryName = (rel: string, key: string) => `${documentOf(rel)}-${key.slice(0, 40)}.json`;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/** An entry's header and facts when both are whole and of this key; null otherwise. */
function readFacts(file: string, key: string): { header: Header; facts: Facts; filesAt: number } | null {
  const fd = openSync(file, 'r');
  try {
    const start = readAt(fd, 0, 1024);
    const cut = start.indexOf(0x0a);
    if (cut < 0) return null;
    const header = JSON.parse(start.subarray(0, cut).toString('utf8')) as Header;
    if (header.format !== FORMAT || header.key !== key || !Number.isInteger(header.factsBytes)) return null;
    const factsBytes = readAt(fd, cut + 1, header.factsBytes);
    if (factsBytes.length !== header.factsBytes || sha256(factsBytes) !== header.factsSha) return null;
    return { header, facts: JSON.parse(factsBytes.toString('utf8')) as Facts, filesAt: cut + 1 + header.factsBytes };
  } finally {
    closeSync(fd);
  }
}

/** The bytes of an entry's files, when whole (their hash and length as the header and facts say); null otherwise. */
function readFileBytes(file: string, header: Header, facts: Facts, filesAt: number): Buffer | null {
  try {
    const fd = openSync(file, 'r');
    try {
      const bytes = readAt(fd, filesAt, Math.max(0, fstatSync(fd).size - filesAt));
      const length = facts.outputs.reduce((n, [, , size]) => n + size, 0);
      return bytes.length === length && sha256(bytes) === header.filesSha ? bytes : null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * The cached result for these inputs, or null: no entry, an entry not whole
 * or not of this key, or titles.json changed for its replies. Its files'
 * bytes are read when first asked for; `reparse` makes them again if that
 * part of the entry turns out damaged.
 */
function readEntry(cache: ParseCache, inputs: KeyInputs, key: string, overrides: TitleOverrides, reparse: () => Generated): IngestResult<OutputFile> | null {
  const name = entryName(inputs.rel, key);
  if (!cache.entries.get(documentOf(inputs.rel))?.includes(name)) return null;
  const file = path.join(cache.dir, name);
  let found: ReturnType<typeof readFacts>;
  try {
    found = readFacts(file, key);
  } catch {
    return null;
  }
  if (!found) return null;
  const { header, facts, filesAt } = found;
  if (JSON.stringify(titlesApplied(overrides, facts.lang, facts.editions.map((e) => e.fm.id))) !== JSON.stringify(facts.titles)) return null;
  let all: Buffer | undefined;
  const allBytes = (): Buffer => {
    all ??= readFileBytes(file, header, facts, filesAt) ?? bytesParsedAgain(file, facts, reparse);
    return all;
  };
  const files = new Map<string, OutputFile>();
  let at = 0;
  for (const [rel, sha, size] of facts.outputs) {
    const from = at;
    files.set(rel, { sha256: sha, size, bytes: () => allBytes().subarray(from, from + size) });
    at += size;
  }
  const { summary, warnings, indexAgreement, seams, audit, editions } = facts;
  return { files, summary, warnings, indexAgreement, seams, audit, editions };
}

/**
 * An entry whose facts are whole but whose files are not: the document is
 * parsed again for them, and the entry removed (the next run stores it
 * again). Same inputs and code, so the same bytes; checked against the facts.
 */
function bytesParsedAgain(file: string, facts: Facts, reparse: () => Generated): Buffer {
  rmSync(file, { force: true });
  const again = reparse();
  return Buffer.concat(
    facts.outputs.map(([rel, sha]) => {
      const text = again.files.get(rel);
      const f = text === undefined ? null : outputFile(text);
      if (!f || f.sha256 !== sha) throw new Error(`${rel}: parsed again, not what the ingest cache recorded for it; delete ${path.dirname(file)} and run the ingest again`);
      return f.bytes();
    }),
  );
}

/** Stores a document's result whole, replacing the document's older entries. */
function writeEntry(cache: ParseCache, inputs: Pick<SourceInputs, 'rel' | 'sourcePath' | 'meta'>, key: string, lang: string, overrides: TitleOverrides, r: IngestResult<OutputFile>): void {
  // A .meta.json saved while this document was parsed: the result may be of the new bytes, so it is not kept under the old key.
  const meta = readMetaBytes(inputs.sourcePath);
  if ((meta === null) !== (inputs.meta === null) || (meta && inputs.meta && !meta.equals(inputs.meta))) return;
  const outputs = [...r.files].map(([rel, f]): [string, string, number] => [rel, f.sha256, f.size]);
  const { summary, warnings, indexAgreement, seams, audit, editions } = r;
  const facts: Facts = { summary, warnings, indexAgreement, seams, audit, editions, lang, titles: titlesApplied(overrides, lang, r.editions.map((e) => e.fm.id)), outputs };
  const factsBytes = Buffer.from(JSON.stringify(facts));
  const fileBytes = Buffer.concat([...r.files.values()].map((f) => f.bytes()));
  const header: Header = { format: FORMAT, key, factsBytes: factsBytes.length, factsSha: sha256(factsBytes), filesSha: sha256(fileBytes) };
  const name = entryName(inputs.rel, key);
  const final = path.join(cache.dir, name);
  mkdirSync(cache.dir, { recursive: true });
  const tmp = cacheTemp(final);
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), factsBytes, fileBytes]));
  commitCacheEntry(tmp, final);
  const document = documentOf(inputs.rel);
  for (const old of cache.entries.get(document) ?? []) if (old !== name) rmSync(path.join(cache.dir, old), { force: true });
  cache.entries.set(document, [name]);
}

/** A folder kept as it was (folder-facts.ts): what the writer checks it holds, and its files for when it does not. */
export interface KeptFolder {
  /** Relative to the root: `content/replies/2023-24`. */
  dir: string;
  /** digestOf its files (by name inside it), and how many. */
  digest: string;
  files: number;
  /** Its files by name inside it, from its documents' results (read, or parsed again): for a folder found changed. */
  expand: () => Map<string, OutputFile>;
}

/** What generateArchive did: the merged result, and how many of the documents came from the cache. */
export interface ArchiveRun {
  result: IngestResult<OutputFile>;
  documents: number;
  reused: number;
  /** Year folders whose documents were not read (`keepFolders`): their facts are in `result`, their files are not. */
  kept: KeptFolder[];
  /** Records the run's year folders (folder-facts.ts), once the writer has made them hold the run's files. */
  recordFolders: () => void;
}

/** A document parsed from the bytes read now, with what storing it needs: its key is of those bytes (the text may have changed since its folder was listed). */
export interface ParsedDocument {
  inputs: Pick<SourceInputs, 'rel' | 'sourcePath' | 'meta'>;
  key: string;
  lang: string;
  generated: Generated;
}

/** Reads and parses one document (in a worker thread when many are parsed: parseDocuments). */
export function parseDocument(root: string, sourcePath: string, overrides: TitleOverrides, code: string): ParsedDocument {
  const inputs = readSourceInputs(root, sourcePath);
  const source = correctSource(inputs);
  return { inputs: { rel: inputs.rel, sourcePath, meta: inputs.meta }, key: documentKey(code, keyInputsOf(inputs)), lang: source.meta.lang, generated: generateFrom(source, 'tree', overrides) };
}

/**
 * Documents parsed, in order. Each document's parse is independent of the others, so several are parsed at
 * once, each in a worker thread, when there are enough to pay for starting the threads (a second or so each:
 * tsx, then the parser). Reading and parsing the benchmark's 765 synthetic documents (100,000 bilingual
 * replies) took 103 s in one thread, 67 s in two (`tsx scripts/ingest.ts` from empty caches, quiet 2-core
 * machine, 2026-12-03).
 */
async function parseDocuments(root: string, sourcePaths: readonly string[], overrides: TitleOverrides, code: string, threads = sourcePaths.length < MANY_DOCUMENTS ? 1 : THREADS_PER_CORE): Promise<ParsedDocument[]> {
  if (threads <= 1 || sourcePaths.length < 2) return sourcePaths.map((s) => parseDocument(root, s, overrides, code));
  const parsed = await mapInThreads<typeof parseDocument>(new URL(import.meta.url), 'parseDocument', sourcePaths.map((s) => [root, s, overrides, code] as const), threads);
  // Bytes cross a thread as Uint8Array: a Buffer again for the comparisons of writeEntry.
  return parsed.map((p) => ({ ...p, inputs: { ...p.inputs, meta: p.inputs.meta && Buffer.from(p.inputs.meta.buffer, p.inputs.meta.byteOffset, p.inputs.meta.byteLength) } }));
}

/** Fewer documents than this to parse are parsed in this thread (an edit parses one). */
const MANY_DOCUMENTS = 8;

/**
 * Every source under `root`'s content/sources, in repository layout, merged
 * (run.ts mergeByFolder); each document from `cache` when its entry is
 * there and still right, parsed (and stored) otherwise. `cache` null: every
 * document parsed, nothing stored. The result is the same either way.
 * `keepFolders`: a year's folder whose record holds (folder-facts.ts) is kept
 * as it was, its documents not read: its facts are in the result, its files
 * are not (the writer is given `kept`), and the result's editions are those
 * of the documents read.
 */
export async function generateArchive(root: string, overrides: TitleOverrides, cache: ParseCache | null, threads?: number, keepFolders = false): Promise<ArchiveRun> {
  const sources = listSources(root);
  if (!cache) {
    const parsed = await parseDocuments(root, sources, overrides, '', threads);
    return { result: mergeGenerated(parsed.map((p) => asResult(p.generated))), documents: sources.length, reused: 0, kept: [], recordFolders: () => {} };
  }
  const recordDir = path.join(cache.dir, 'folders');
  const folders = new Map<string, FolderScan | null>();
  const textSha = (sourcePath: string): string => {
    const dir = path.dirname(path.resolve(sourcePath));
    if (!folders.has(dir)) folders.set(dir, scanFolder(dir, recordDir));
    return folders.get(dir)?.hashOf(path.basename(sourcePath)) ?? sha256(readFileSync(sourcePath));
  };
  const docs = sources.map((sourcePath) => {
    const known: KeyInputs = { rel: sourceRel(root, sourcePath), textSha: textSha(sourcePath), meta: readMetaBytes(sourcePath), corrections: readCorrections(root, sourcePath) };
    return { sourcePath, known, key: documentKey(cache.code, known) };
  });
  const indexOf = new Map(docs.map((d, i) => [d.known.rel, i]));
  const reparse = (i: number) => () => {
    const { sourcePath, known, key } = docs[i]!;
    const again = readSourceInputs(root, sourcePath);
    if (documentKey(cache.code, keyInputsOf(again)) !== key) throw new Error(`${known.rel} changed while the ingest ran; run it again`);
    return generateFrom(correctSource(again), 'tree', overrides);
  };
  let reused = 0;
  // Each document's result: from its entry, else parsed (and stored). Many at once: the parses in worker threads.
  const resultsOf = async (indices: number[]): Promise<IngestResult<OutputFile>[]> => {
    const hits = indices.map((i) => readEntry(cache, docs[i]!.known, docs[i]!.key, overrides, reparse(i)));
    reused += hits.filter((h) => h !== null).length;
    const missing = indices.filter((_, n) => hits[n] === null);
    const parsed = await parseDocuments(root, missing.map((i) => docs[i]!.sourcePath), overrides, cache.code, threads);
    return hits.map((hit) => {
      if (hit) return hit;
      const p = parsed.shift()!;
      const result = asResult(p.generated);
      writeEntry(cache, p.inputs, p.key, p.lang, overrides, result);
      return result;
    });
  };
  const factsDir = path.join(cache.dir, 'years');
  const absRoot = path.resolve(root);
  let holding = keepFolders ? recordsThatHold(readFolderFacts(factsDir, absRoot), new Map(docs.map((d) => [d.known.rel, d.key])), overrides) : [];
  const results: (IngestResult<OutputFile> | undefined)[] = docs.map(() => undefined);
  // The documents no holding record claims; then those of a kept folder that one of them writes to, until none does.
  const claimed = new Set(holding.flatMap((r) => r.documents.map(([rel]) => rel)));
  let pending = docs.flatMap((d, i) => (claimed.has(d.known.rel) ? [] : [i]));
  while (pending.length > 0) {
    const read = await resultsOf(pending);
    pending.forEach((i, n) => (results[i] = read[n]));
    const written = new Set(read.flatMap((r) => [...r.files.keys()].map(folderOf)));
    const voided = holding.filter((r) => written.has(r.folder));
    holding = holding.filter((r) => !written.has(r.folder));
    pending = voided.flatMap((r) => r.documents.map(([rel]) => indexOf.get(rel)!));
  }
  reused += holding.reduce((n, r) => n + r.documents.length, 0);
  // The source folders whose texts had to be read: recorded, so the next run knows them by their stat.
  for (const [dir, scan] of folders) {
    if (scan && scan.read > 0) saveFolderRecord(recordDir, dir, new Map(scan.files.map(([rel]) => [rel, scan.hashOf(rel)])), scan.files);
  }
  const readIndices = docs.flatMap((_, i) => (results[i] ? [i] : []));
  const { result, byFolder } = mergeByFolder(
    readIndices.map((i) => results[i]!),
    new Map(holding.map((r) => [r.folder, r.facts])),
  );
  const kept: KeptFolder[] = holding.map((r) => ({
    dir: r.folder,
    digest: r.digest,
    files: r.files,
    expand: () => {
      const files = new Map<string, OutputFile>();
      for (const [rel] of r.documents) {
        const i = indexOf.get(rel)!;
        const one = readEntry(cache, docs[i]!.known, docs[i]!.key, overrides, reparse(i)) ?? asResult(reparse(i)());
        for (const [file, f] of one.files) if (folderOf(file) === r.folder) files.set(path.posix.basename(file), f);
      }
      return files;
    },
  }));
  const recordFolders = () => {
    // A folder is recorded when its files are all directly in it and come from documents that write nowhere else.
    const unrecordable = new Set<string>();
    const documentsIn = new Map<string, Array<[string, string]>>();
    for (const i of readIndices) {
      const written = new Set([...results[i]!.files.keys()].map(folderOf));
      for (const folder of written) {
        if (written.size > 1) unrecordable.add(folder);
        const year = /^(content\/replies\/[^/]+)\/.+\//.exec(`${folder}/`)?.[1];
        if (year !== undefined && year !== folder) unrecordable.add(year);
      }
      const [folder] = written;
      if (written.size !== 1) continue;
      const list = documentsIn.get(folder!);
      if (list) list.push([docs[i]!.known.rel, docs[i]!.key]);
      else documentsIn.set(folder!, [[docs[i]!.known.rel, docs[i]!.key]]);
    }
    const filesIn = new Map<string, Array<[string, string]>>();
    for (const [file, f] of result.files) {
      const folder = folderOf(file);
      const list = filesIn.get(folder);
      if (list) list.push([path.posix.basename(file), f.sha256]);
      else filesIn.set(folder, [[path.posix.basename(file), f.sha256]]);
    }
    const held = new Set(holding.map((r) => r.folder));
    const records = [...byFolder].flatMap(([folder, facts]) => {
      if (held.has(folder)) return [];
      const files = filesIn.get(folder) ?? [];
      if (!isYearFolder(folder) || unrecordable.has(folder) || files.length === 0) return [];
      const documents = (documentsIn.get(folder) ?? []).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return [{ folder, documents, titles: titlesFor(overrides, folder), digest: digestOf(files), files: files.length, facts }];
    });
    saveFolderFacts(factsDir, absRoot, records, [...held]);
  };
  return { result, documents: sources.length, reused, kept, recordFolders };
}
