/**
 * A budget year's folder kept as it was without reading its documents'
 * results (issue 16). An edit of one reply in the 19-year record read the
 * cached results of all 765 documents, merged and cross-checked their
 * 200,000 editions and compared 200,000 files' hashes, to find 18 years
 * unchanged. Instead, each year's folder (`content/replies/<year>`) has a
 * record, in the ingest's cache, saved once the folder was written: its
 * documents with their parse-cache keys (parse-cache.ts documentKey), the
 * title overrides for its replies, the digest and number of its files
 * (folder-record.ts digestOf), and its facts (counts, warnings, audit).
 *
 * While every one of those documents has the same key, no other document
 * writes to the folder and its title overrides are the same, its documents
 * would give the same files and facts (each document's own cache entry is
 * trusted on the same terms), so the run takes its facts from the record and
 * the writer (write.ts) only checks that the folder still holds files of that
 * digest; a folder changed by hand is then written from the documents'
 * results after all. A reply's id begins with its year (`2023-24/ITIB001`,
 * document.ts) and its file lies in that year's folder, so the overrides that
 * can touch a year's documents are those whose id begins with the year.
 *
 * A record is `<hash of the root and folder>.json`, written whole; deleting
 * the folder of records is always safe (every year is read again).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileWhole } from '../lib/cache-entry.ts';
import { sha256Hex } from './output-file.ts';
import type { ResultFacts, TitleOverrides } from './run.ts';

const FORMAT = 1;

export interface FolderFacts {
  format: number;
  /** The repository root, absolute. */
  root: string;
  /** The folder, relative to the root: `content/replies/2023-24`. */
  folder: string;
  /** Its documents: path relative to the root and parse-cache key, in path order. */
  documents: Array<[string, string]>;
  /** The title overrides for its replies (titlesFor). */
  titles: string;
  /** digestOf its files (by name inside it) and how many. */
  digest: string;
  files: number;
  facts: ResultFacts;
}

/** The folders whose records are kept: a budget year's folder of replies, its files directly in it. */
export const isYearFolder = (folder: string) => /^content\/replies\/[^/]+$/.test(folder);

/** The title overrides that can touch the replies in `folder` (ids beginning with its year), every language, as JSON. */
export function titlesFor(overrides: TitleOverrides, folder: string): string {
  const prefix = `${path.posix.basename(folder)}/`;
  const langs = [...overrides.keys()].sort();
  return JSON.stringify(langs.map((lang) => [lang, [...overrides.get(lang)!].filter(([id]) => id.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]));
}

const recordName = (root: string, folder: string) => `${sha256Hex(`${root}\u0000${folder}`).slice(0, 24)}.json`;

/** The records of `root`'s folders in `dir` that are whole and of this format. */
export function readFolderFacts(dir: string, root: string): FolderFacts[] {
  if (!existsSync(dir)) return [];
  const out: FolderFacts[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    try {
      const r = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as FolderFacts;
      if (r.format === FORMAT && r.root === root && name === recordName(root, r.folder) && isYearFolder(r.folder)) out.push(r);
    } catch {
      // A record that cannot be read is no record: its year's documents are read.
    }
  }
  return out;
}

/**
 * The records that hold for this run: each of their documents has the key given
 * (`keys`: path → key, every document of the run) and their title overrides are
 * `overrides`'. A document claimed by two records makes both void.
 */
export function recordsThatHold(records: readonly FolderFacts[], keys: ReadonlyMap<string, string>, overrides: TitleOverrides): FolderFacts[] {
  const holding = records.filter((r) => r.documents.every(([rel, key]) => keys.get(rel) === key) && r.titles === titlesFor(overrides, r.folder));
  const claims = new Map<string, number>();
  for (const r of holding) for (const [rel] of r.documents) claims.set(rel, (claims.get(rel) ?? 0) + 1);
  return holding.filter((r) => r.documents.every(([rel]) => claims.get(rel) === 1));
}

/**
 * Saves `records` (folders just written or found as their documents make them), keeps
 * those of the folders in `held` as they are, and removes `root`'s other records and
 * those of folders that are gone.
 */
export function saveFolderFacts(dir: string, root: string, records: readonly Omit<FolderFacts, 'format' | 'root'>[], held: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  const keep = new Set(held.map((folder) => recordName(root, folder)));
  for (const r of records) {
    const name = recordName(root, r.folder);
    keep.add(name);
    writeFileWhole(path.join(dir, name), JSON.stringify({ format: FORMAT, root, ...r } satisfies FolderFacts));
  }
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json') || keep.has(name)) continue;
    let gone = true;
    try {
      const r = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Partial<FolderFacts>;
      gone = r.root === root || typeof r.root !== 'string' || typeof r.folder !== 'string' || !existsSync(path.join(r.root, r.folder));
    } catch {
      gone = true;
    }
    if (gone) rmSync(path.join(dir, name), { force: true });
  }
}
