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

/**
 * Map each corrected line to a pristine line, so messages and source.lines cite
 * the pristine file. Only lines with ink are matched (blank lines and the
 * one-space lines that end a paragraph are everywhere, and a diff over them
 * pairs a replacement's padding with a blank line far back in the region it
 * replaced, which once cut ITIB097's range short by 675 lines). The lines
 * with ink that a correction wrote map proportionally onto the lines with ink
 * it replaced, first on first and last on last; a blank line follows the line
 * before it.
 */
function lineMap(before: string, after: string): (line: number) => number {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  const inked = (lines: string[]) => lines.flatMap((l, i) => (l.trim() === '' ? [] : [i]));
  const ai = inked(a);
  const bi = inked(b);
  // pairs[k] = [line in a, line in b] (0-based) of the matched inked lines, plus sentinels at both ends.
  const pairs: Array<[number, number]> = [[-1, -1]];
  let x = 0;
  let y = 0;
  for (const part of diffArrays(ai.map((i) => a[i]!), bi.map((i) => b[i]!))) {
    const n = part.count ?? part.value.length;
    if (part.added) y += n;
    else if (part.removed) x += n;
    else for (let k = 0; k < n; k++) pairs.push([ai[x++]!, bi[y++]!]);
  }
  pairs.push([a.length, b.length]);
  const map = new Int32Array(b.length + 2);
  for (let p = 0; p + 1 < pairs.length; p++) {
    const [a0, b0] = pairs[p]!;
    const [a1, b1] = pairs[p + 1]!;
    if (b0 >= 0) map[b0 + 1] = a0 + 1;
    if (a1 - a0 === b1 - b0 && a.slice(a0 + 1, a1).every((l, i) => l === b[b0 + 1 + i])) {
      // An unchanged stretch: line for line.
      for (let k = 1; b0 + k < b1; k++) map[b0 + k + 1] = a0 + k + 1;
      continue;
    }
    // A replaced stretch: its lines with ink map proportionally onto the replaced lines with ink,
    // first on first and last on last; blank lines follow the line before them.
    const inkA: number[] = [];
    for (let i = a0 + 1; i < a1; i++) if (a[i]!.trim() !== '') inkA.push(i);
    const inkB: number[] = [];
    for (let j = b0 + 1; j < b1; j++) if (b[j]!.trim() !== '') inkB.push(j);
    let last = Math.max(0, a0) + 1;
    let k = 0;
    for (let j = b0 + 1; j < b1; j++) {
      if (b[j]!.trim() !== '' && inkA.length > 0) {
        const at = inkB.length === 1 ? 0 : Math.round((k * (inkA.length - 1)) / (inkB.length - 1));
        last = inkA[at]! + 1;
        k++;
      }
      map[j + 1] = last;
    }
  }
  return (line) => map[line] || line;
}
