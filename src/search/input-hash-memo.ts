/**
 * A year's editions' input hashes (parts.ts inputHash) remembered between
 * builds by the stat of what each was made from: the edition's file, and the
 * built page it reads its anchors from. After an edit, the unit links every
 * unchanged page from its previous build (the same file: same inode, size and
 * time) and Eleventy writes only the edited reply's, so keying the search index
 * reads again only the files that changed instead of the year's 11,000 sources
 * and pages (1.3 s of an edit's unit in a year of 5,500 bilingual replies,
 * timestamps in the unit, quiet machine, 2026-12-03). A file is trusted as
 * unchanged by its stat, as the edition cache trusts a source file
 * (src/build/edition-cache.ts).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileWhole } from '../lib/cache-entry.ts';
import { inputHash, pageOf, type IndexPart } from './parts.ts';

type Entry = IndexPart['entries'][number];

function statOf(file: string): string {
  const st = statSync(file, { throwIfNoEntry: false });
  return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : 'none';
}

/** An edition's place in the memo; its page by its path in the site (the unit builds each time into a folder of its own). */
function keyOf(e: Entry, page: string | null, siteDir: string | undefined): string {
  return `${e.kind}:${e.lang}:${e.file}:${page === null || siteDir === undefined ? '' : page.slice(siteDir.length)}`;
}

export class InputHashMemo {
  private readonly old: Record<string, [stats: string, hash: string]>;
  private readonly next: Record<string, [stats: string, hash: string]> = {};

  /** `file`: where the year's memo is kept (null: nowhere, every hash made afresh). */
  constructor(private readonly file: string | null) {
    let old: Record<string, [string, string]> = {};
    try {
      if (file !== null && existsSync(file)) old = JSON.parse(readFileSync(file, 'utf8')) as typeof old;
    } catch {
      // A damaged memo is only a miss.
    }
    this.old = old;
  }

  /** inputHash(e, siteDir), from the memo when the files it reads have the stats they had when it was made. */
  hash(e: Entry, siteDir: string | undefined): string {
    const page = pageOf(e, siteDir);
    const stats = `${statOf(e.file)}|${page === null ? '' : statOf(page)}`;
    const key = keyOf(e, page, siteDir);
    const known = this.old[key];
    const hash = known && known[0] === stats ? known[1] : inputHash(e, siteDir);
    this.next[key] = [stats, hash];
    return hash;
  }

  /** The hash `e` had when the memo was saved (by the build before: its inputs may have changed since); undefined: not known. */
  previous(e: Entry, siteDir: string | undefined): string | undefined {
    return this.old[keyOf(e, pageOf(e, siteDir), siteDir)]?.[1];
  }

  /** Keeps the hashes made or used this time (only those) for the next build. */
  save(): void {
    if (this.file === null) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileWhole(this.file, JSON.stringify(this.next));
  }
}

/** The memo of a year's input hashes, beside the part cache (`.cache/search-keys/2023-24.json`; null: no cache, no memo). */
export function inputHashMemo(cacheDir: string | null, year: string): InputHashMemo {
  return new InputHashMemo(cacheDir === null ? null : join(dirname(cacheDir), `${basename(cacheDir)}-keys`, `${year}.json`));
}
