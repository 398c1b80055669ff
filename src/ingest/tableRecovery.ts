import type { Block } from './blocks.ts';
import { isCjk, normaliseSpaces } from './text.ts';

/** A number cell: `613`, `1,534.22`, `36.38`, `15%`. */
const NUMBER = /^\d[\d,]*(?:\.\d+)?%?$/;
const HAS_DIGIT = /\d/;
/** Header cells that are numbers are only believed when they are years: `2021`, `2021-22`, `2021年`. */
const YEAR = /^(?:19|20)\d{2}(?:-\d{2})?(?:年|年度)?$/;
/** A bare 1–3 digit token followed by a 3-digit token may be one number written `1 574`. */
const GROUP_HEAD = /^\d{1,3}$/;
const GROUP_TAIL = /^\d{3}$/;

interface RowShape {
  label: string;
  numbers: string[];
}

/** `建造  696 592 44.82` → label 建造 and three numbers; null when the line is not label + numbers. */
function rowShape(line: string): RowShape | null {
  const tokens = line.trim().split(/\s+/);
  let k = tokens.length;
  while (k > 0 && NUMBER.test(tokens[k - 1]!)) k--;
  if (k === 0 || k === tokens.length) return null;
  const raw = tokens.slice(0, k);
  // A space between two Chinese characters means a cell broken by justification or a word
  // that belongs to a number cell (`約 70`): not certain.
  for (let i = 1; i < raw.length; i++) {
    if (isCjk(raw[i - 1]!.slice(-1)) && isCjk(raw[i]![0])) return null;
  }
  const label = normaliseSpaces(raw.join(' '));
  if (HAS_DIGIT.test(label)) return null;
  const numbers = tokens.slice(k);
  for (let i = 1; i < numbers.length; i++) if (GROUP_HEAD.test(numbers[i - 1]!) && GROUP_TAIL.test(numbers[i]!)) return null;
  return { label, numbers };
}

/**
 * Recover the simple tables inside a flattened block: a header line, then two or
 * more rows of a text label followed by numbers. Recovered only when every row
 * has the same number of number tokens and the header has exactly one cell per
 * column (with or without a label-column cell): the extraction writes digit
 * groups with spaces (`1 574`), so a count that does not match the header means
 * the columns are ambiguous and the block is kept as extracted.
 */
export function recoverTables(lines: readonly string[], firstLine: number): Block[] {
  const out: Block[] = [];
  let pending: string[] = [];
  let pendingLine = firstLine;
  const flush = () => {
    if (pending.length > 0) out.push({ kind: 'extracted', lines: pending, line: pendingLine });
    pending = [];
  };
  let i = 0;
  while (i < lines.length) {
    const table = tryTableAt(lines, i);
    if (table) {
      const previous = out[out.length - 1];
      // A table continued after a page break repeats its header: one table.
      if (pending.length === 0 && previous?.kind === 'table' && previous.rows[0]!.join('|') === table.rows[0]!.join('|')) {
        previous.rows.push(...table.rows.slice(1));
        previous.source.push(...lines.slice(i, i + table.length));
        i += table.length;
        pendingLine = firstLine + i;
        continue;
      }
      flush();
      out.push({ kind: 'table', rows: table.rows, source: lines.slice(i, i + table.length), line: firstLine + i });
      i += table.length;
      pendingLine = firstLine + i;
      continue;
    }
    if (pending.length === 0) pendingLine = firstLine + i;
    pending.push(lines[i]!);
    i++;
  }
  flush();
  return out;
}

function tryTableAt(lines: readonly string[], at: number): { rows: string[][]; length: number } | null {
  const headerCells = lines[at]!.trim().split(/\s+/);
  const first = lines[at + 1] === undefined ? null : rowShape(lines[at + 1]!);
  if (!first) return null;
  const k = first.numbers.length;
  const rows: string[][] = [];
  let j = at + 1;
  while (j < lines.length) {
    const r = rowShape(lines[j]!);
    if (!r || r.numbers.length !== k) break;
    rows.push([r.label, ...r.numbers]);
    j++;
  }
  if (rows.length < 2) return null;
  // The header: one cell per column, no data numbers, no stray punctuation.
  if (headerCells.length < 2) return null;
  if (headerCells.some((c) => (NUMBER.test(c) && !YEAR.test(c)) || /^[\p{P}\p{S}]+$/u.test(c))) return null;
  let header: string[];
  if (headerCells.length === k + 1) header = headerCells;
  else if (headerCells.length === k && headerCells.every((c) => YEAR.test(c))) header = ['', ...headerCells];
  else return null;
  return { rows: [header, ...rows], length: j - at };
}
