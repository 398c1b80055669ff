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
    text = result;
  }
  if (text === sourceText) return { text, originLine: (n) => n };
  return { text, originLine: lineMap(sourceText, text) };
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
