import { applyPatch, diffArrays, parsePatch } from 'diff';
import { IngestError } from './errors.ts';

export interface Correction {
  /** Repository-relative path of the patch file, for messages. */
  file: string;
  text: string;
}

export interface Corrected {
  text: string;
  /** Corrected-text line (1-based) → pristine source line. */
  originLine: (line: number) => number;
}

/**
 * Apply reviewed unified diffs, in file-name order, to the pristine source text.
 * A patch that no longer applies (the source changed under it) stops the ingest:
 * a silently skipped correction would publish the uncorrected text.
 */
export function applyCorrections(sourceText: string, sourceFile: string, corrections: readonly Correction[]): Corrected {
  let text = sourceText;
  for (const c of corrections) {
    const parsed = parsePatch(c.text);
    if (parsed.length === 0 || parsed.every((p) => p.hunks.length === 0)) {
      throw new IngestError(c.file, 1, `not a unified diff (no hunks) for ${sourceFile}`);
    }
    const result = applyPatch(text, c.text);
    if (result === false) {
      const firstHunk = parsed[0]?.hunks[0];
      throw new IngestError(c.file, 1, `correction no longer applies to ${sourceFile} (first hunk at source line ${firstHunk?.oldStart ?? '?'}); review and regenerate the patch`);
    }
    checkDeclaredInk(c, parsed);
    text = result;
  }
  if (text === sourceText) return { text, originLine: (n) => n };
  return { text, originLine: lineMap(sourceText, text) };
}

/** Characters a table rebuild adds as syntax (`| a | b |`, `| --- |`): never declared. */
const TABLE_SYNTAX = new Set(['|', '-']);

/**
 * Non-whitespace characters, counted, after canonical normalisation: the
 * extraction sometimes writes a CJK compatibility ideograph (U+F98E for 年),
 * which a reviewer retyping a cell writes as the unified one; they are the
 * same character.
 */
function inkCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.normalize('NFC')) if (!/\s/u.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** The characters `a` has more of than `b`, sorted (a multiset difference, as a string). */
function inkMinus(a: Map<string, number>, b: Map<string, number>, ignore: ReadonlySet<string> = new Set()): string {
  const out: string[] = [];
  for (const [ch, n] of a) if (!ignore.has(ch)) for (let k = (b.get(ch) ?? 0); k < n; k++) out.push(ch);
  return out.sort().join('');
}

/**
 * What replacing `removed` by `inserted` drops and adds, as sorted strings of
 * non-whitespace characters (table syntax added is free): the figures a
 * patch's `Drops:` / `Adds:` lines must declare.
 */
export function inkDelta(removed: string, inserted: string): { dropped: string; added: string } {
  const b = inkCounts(removed);
  const a = inkCounts(inserted);
  return { dropped: inkMinus(b, a), added: inkMinus(a, b, TABLE_SYNTAX) };
}

/** `Adds:` and `Drops:` lines before the diff: what a reviewer declared the patch adds or drops. */
function declared(patch: string): { adds: string; drops: string } {
  const head = patch.split(/\r?\n/);
  const end = head.findIndex((l) => l.startsWith('--- '));
  const lines = end < 0 ? [] : head.slice(0, end);
  const pick = (key: string) => lines.filter((l) => l.startsWith(`${key}:`)).map((l) => l.slice(key.length + 1)).join('');
  const sorted = (t: string) => [...t.normalize('NFC')].filter((ch) => !/\s/u.test(ch)).sort().join('');
  return { adds: [...sorted(pick('Adds'))].filter((ch) => !TABLE_SYNTAX.has(ch)).join(''), drops: sorted(pick('Drops')) };
}

/**
 * The lossless audit runs on the corrected text, so it cannot see what a patch
 * itself removes. Each patch therefore has to declare every non-whitespace
 * character it drops (a header row repeated at a page break) or adds beyond
 * table syntax (a label for a blank header cell) on `Drops:` / `Adds:` lines
 * before the diff; anything else it removes or invents stops the ingest.
 */
function checkDeclaredInk(c: Correction, parsed: ReturnType<typeof parsePatch>): void {
  // Context lines are in both texts; what changes is the hunks' - and + lines (the patch applied, so they match).
  const removed: string[] = [];
  const inserted: string[] = [];
  for (const file of parsed) {
    for (const hunk of file.hunks) {
      for (const line of hunk.lines) {
        if (line.startsWith('-')) removed.push(line.slice(1));
        else if (line.startsWith('+')) inserted.push(line.slice(1));
      }
    }
  }
  const { dropped, added } = inkDelta(removed.join('\n'), inserted.join('\n'));
  const want = declared(c.text);
  const show = (t: string) => (t === '' ? 'nothing' : `"${t}"`);
  if (dropped !== want.drops) {
    throw new IngestError(c.file, 1, `the patch drops ${show(dropped)} but declares ${show(want.drops)} on its Drops: lines (characters sorted); a correction must not lose source text silently`);
  }
  if (added !== want.adds) {
    throw new IngestError(c.file, 1, `the patch adds ${show(added)} besides table syntax but declares ${show(want.adds)} on its Adds: lines (characters sorted)`);
  }
}

/** Map each corrected line to the nearest pristine line, so messages and source.lines cite the pristine file. */
function lineMap(before: string, after: string): (line: number) => number {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  const map = new Int32Array(b.length + 2);
  let ia = 0;
  let ib = 0;
  for (const part of diffArrays(a, b)) {
    const n = part.count ?? part.value.length;
    if (part.added) {
      for (let k = 0; k < n; k++) map[++ib] = Math.max(1, ia);
    } else if (part.removed) {
      ia += n;
    } else {
      for (let k = 0; k < n; k++) map[++ib] = ++ia;
    }
  }
  return (line) => map[line] || line;
}
