/**
 * The full-text index's rows of a year (rows.ts ftsText: each edition's title
 * and text as index tokens), kept from the year's previous build for the
 * editions whose title and Markdown are unchanged (issue 16: an edit of one
 * reply made them again for all 11,000 editions of its year).
 *
 * Making them was a quarter of the SQLite thread's busy time in an edit
 * (node --cpu-prof of the unit's process, an edit of a built copy of the
 * benchmark's 19-year record, 2026-12-06). For that record's year of 5,500
 * bilingual replies (a throwaway script, three runs, load ~0.5): made, 1.08–1.50 s;
 * taken from the previous build's file, 0.31–0.46 s, its reading 0.18–0.19 s
 * of it. The file was 28 MB: the synthetic year repeats its replies (4,972
 * distinct texts of 11,000); a real year's would be about twice that.
 *
 * The file is plain text, a line each: the code that made the texts first,
 * then `key<TAB>text`. A text never holds a tab or a line break (index tokens
 * are joined by spaces); one that did would be made again, not stored. Texts
 * made by other code (`code`) are not used. The SQLite file's bytes do not
 * depend on where a text came from: the same title and Markdown give the same text.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { ftsText, type Row } from './rows.ts';

/** Where a year's full-text rows are kept between its builds. */
export interface FtsTextCache {
  /** What identifies the code that makes the texts (the build's code hash). */
  code: string;
  /** The file the year's previous build wrote, or null (none). */
  previous: string | null;
  /** The file this build writes, for the next. */
  next: string;
}

const keyOf = (row: Row): string => createHash('sha1').update(String(row.title)).update('\u0000').update(String(row.markdown)).digest('base64');

/** The texts of `file` (none when there is no file, or when other code made it). */
function readTexts(file: string | null, code: string): Map<string, string> {
  const texts = new Map<string, string>();
  if (file === null) return texts;
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split('\n');
  } catch (err) {
    // No file (an entry from before it was kept), or its entry deleted meanwhile by another build sharing the cache: every text made.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return texts;
    throw err;
  }
  if (lines[0] !== code) return texts;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    if (tab > 0) texts.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return texts;
}

/** Lines are written in pieces of about this many characters: one system call each, and no copy of the year's texts as one string. */
const PIECE = 1 << 20;

/**
 * The full-text rows of a year's build, one at a time as SQLite takes them (`text`), from the previous
 * build's file where it has them and made otherwise; each written to the next file as it goes (a
 * temporary file, renamed into place by `commit`), so a year's texts are never all held at once.
 */
export class FtsTextKeeper {
  /** Texts taken from the previous build's file. */
  reused = 0;
  /** Texts made (rows.ts ftsText). */
  made = 0;
  private readonly before: Map<string, string>;
  private readonly written = new Set<string>();
  private readonly tmp: string;
  private readonly fd: number;
  private piece: string;
  private open = true;

  constructor(private readonly cache: FtsTextCache) {
    this.before = readTexts(cache.previous, cache.code);
    this.tmp = `${cache.next}.partial-${process.pid}`;
    this.fd = openSync(this.tmp, 'w');
    this.piece = `${cache.code}\n`;
  }

  /** The row's text (rows.ts ftsText). */
  readonly text = (row: Row): string => {
    const key = keyOf(row);
    let text = this.before.get(key);
    if (text === undefined) {
      text = ftsText(row);
      this.made++;
    } else this.reused++;
    if (!this.written.has(key) && !/[\t\n]/.test(text)) {
      this.written.add(key);
      this.piece += `${key}\t${text}\n`;
      if (this.piece.length >= PIECE) this.flush();
    }
    return text;
  };

  /** The file complete: in place for the year's next build. */
  commit(): void {
    this.flush();
    this.close();
    renameSync(this.tmp, this.cache.next);
  }

  /** The build failed (or the commit did): no file. */
  abandon(): void {
    this.close();
    rmSync(this.tmp, { force: true });
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }

  private flush(): void {
    writeSync(this.fd, this.piece);
    this.piece = '';
  }
}
