import type { Block } from './blocks.ts';
import { cellNumber, readRow } from './table-cells.ts';
import { ink, joinLines, normaliseSpaces } from './text.ts';

/** A number cell on its own: `613`, `1,534.22`, `15%` (not believed as a header cell unless a year). */
const NUMBER = /^\d[\d,]*(?:\.\d+)?%?$/;
/** Header cells that are numbers are only believed when they are years: `2021`, `2021-22`, `2021年`. */
const YEAR = /^(?:19|20)\d{2}(?:-\d{2})?(?:年|年度)?$/;
const YEAR_IN_TEXT = /(?:19|20)\d{2}(?:\s*(?:-|至|／)\s*\d{2,4})?/g;
/** A line that only gives the unit of the header above it: `(萬元 )`, `(百萬元)`. */
const UNIT_LINE = /^[(（][^()（）]{1,8}[)）]$/;
/** Rows that state the sum of the rows above them. */
const TOTAL = /^(?:總數|總計|合計|總額|共計|總共|總和)[：:]?$/;
/** Columns whose total is not a sum (rates, averages). */
const NOT_SUMMED = /平均|比率|百分比|率|%/;

/**
 * Recover the simple tables inside a flattened block: a header line (cells apart
 * by two spaces, or by one when that gives the count), then two or more rows of a
 * label (text, or a year) followed by value cells. Recovered only when every row
 * has exactly one reading with the header's number of value columns (digit groups
 * are written `1 574`, so `8 708 39 708` must read as two cells and nothing else),
 * any 總數/總計/合計 row equals the sum of its column, and the cells carry every
 * character of the source lines. Otherwise the lines stay an extracted block: a
 * wrong table is worse than a kept one.
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
    const table = tryTableAt(lines, i, pending.length === 0 && out[out.length - 1]?.kind === 'table');
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
  return captionsToParagraphs(checkTotals(out));
}

/**
 * Short leftovers next to a recovered table are its caption and notes
 * (`表 2：研發開支`, `研發開支 (百萬元 )`, `註： 1宗個案可涉及…`): one paragraph per line
 * instead of an extracted block. Lines ending in a number may be a table's rows,
 * so such a leftover stays extracted.
 */
/** A leftover line this long was wrapped at the page width, so the next line continues it. */
const WRAPPED = 20;

function captionsToParagraphs(blocks: Block[]): Block[] {
  const out: Block[] = [];
  blocks.forEach((b, n) => {
    const nextToTable = blocks[n - 1]?.kind === 'table' || blocks[n + 1]?.kind === 'table';
    if (b.kind === 'extracted' && nextToTable && b.lines.length <= 3 && b.lines.every((l) => !/\d\s*$/.test(l.trim()))) {
      // A long line wrapped mid-sentence continues on the next; short lines are captions of their own.
      let group: string[] = [];
      let first = b.line;
      const push = () => group.length > 0 && out.push({ kind: 'paragraph', text: joinLines(group), line: first });
      b.lines.forEach((l, m) => {
        const previous = group[group.length - 1];
        if (previous === undefined || Array.from(previous.trim()).length < WRAPPED || /[。：:；;]$/.test(previous.trim())) {
          push();
          group = [];
          first = b.line + m;
        }
        group.push(l);
      });
      push();
    } else out.push(b);
  });
  return out;
}

/**
 * A table whose 總數/總計 row does not add up (checked once a table continued after a
 * page break is whole) goes back to being extracted lines, joined with its neighbours.
 */
function checkTotals(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const block: Block = b.kind === 'table' && !totalsAgree(b.rows) ? { kind: 'extracted', lines: b.source, line: b.line } : b;
    const previous = out[out.length - 1];
    if (block.kind === 'extracted' && previous?.kind === 'extracted') previous.lines.push(...block.lines);
    else out.push(block.kind === 'extracted' ? { ...block, lines: [...block.lines] } : block);
  }
  return out;
}

/**
 * Where a header may start: the top of the block, or after a line that cannot be
 * the first half of a wrapped header cell (a sentence or caption end, a unit line).
 */
function headerMayStartAt(lines: readonly string[], at: number): boolean {
  if (at === 0) return true;
  const previous = lines[at - 1]!.trim();
  return /[：:。]$/.test(previous) || UNIT_LINE.test(previous) || /^[(（][^()（）]*[)）]$/.test(previous);
}

/**
 * Year columns printed one cell per line: `2019-20` / `年度` / `2020-21` / `年度` …
 * (ITIB120). Returns the header cells and the number of lines they take.
 */
function stackedYearHeader(lines: readonly string[], at: number): { cells: string[]; length: number } | null {
  const cells: string[] = [];
  let j = at;
  while (j + 1 < lines.length && YEAR.test(lines[j]!.trim()) && /^(?:年度|年)$/.test(lines[j + 1]!.trim())) {
    cells.push(`${lines[j]!.trim()}${lines[j + 1]!.trim()}`);
    j += 2;
  }
  return cells.length >= 2 ? { cells: ['', ...cells], length: j - at } : null;
}

function tryTableAt(lines: readonly string[], at: number, continuing: boolean): { rows: string[][]; length: number } | null {
  const stacked = stackedYearHeader(lines, at);
  // A header of year cells cannot be the tail of a wrapped cell; any other header must start cleanly.
  const years = stacked !== null || lines[at]!.trim().split(/\s+/).every((c) => YEAR.test(c));
  if (!continuing && !years && !headerMayStartAt(lines, at)) return null;
  const candidates = stacked ? [{ cells: stacked.cells, length: stacked.length, withLabel: [true] }] : headerReadings(lines[at]!).map((cells) => ({ cells, length: 1, withLabel: [true, false] }));
  for (const { cells: headerCells, length: headerLength, withLabel: labelOptions } of candidates) {
    // Unit lines under the header: `(萬元 )` belongs to the value column(s) above it.
    let j = at + headerLength;
    const units: string[] = [];
    while (j < lines.length && UNIT_LINE.test(lines[j]!.trim())) units.push(normaliseSpaces(lines[j++]!));
    for (const withLabel of labelOptions) {
      const k = withLabel ? headerCells.length - 1 : headerCells.length;
      if (k < 1) continue;
      // Without a label-column cell the header is only believed at the top of its block (not a wrapped cell's tail).
      if (!withLabel && !headerCells.every((c) => YEAR.test(c)) && (k > 2 || (at > 0 && !continuing))) continue;
      const rows: string[][] = [];
      let r = j;
      for (; r < lines.length; r++) {
        const row = readRow(lines[r]!, k);
        if (!row) break;
        rows.push([row.label, ...row.values]);
      }
      if (rows.length < 2) continue;
      const header = withLabel ? [...headerCells] : ['', ...headerCells];
      if (units.length > 0) {
        // One unit for one value column, or one unit per value column, in order.
        if (units.length === 1 && k === 1) header[1] = `${header[1]}${units[0]}`;
        else if (units.length === k) for (let c = 0; c < k; c++) header[c + 1] = `${header[c + 1]}${units[c]}`;
        else continue;
      }
      const table = [header, ...rows];
      // The lines after the last row must not be a row broken across lines (`2022-23` / `(截至…)` / `3 516`):
      // a table that silently drops its last row is wrong.
      if (brokenRowFollows(lines, r, k)) continue;
      if (ink(table.flat().join('')) !== ink(lines.slice(at, r).join(''))) continue;
      return { rows: table, length: r - at };
    }
  }
  return null;
}

function brokenRowFollows(lines: readonly string[], at: number, k: number): boolean {
  for (let n = 2; n <= 4 && at + n <= lines.length; n++) {
    if (readRow(lines.slice(at, at + n).join(' '), k)) return true;
  }
  return false;
}

/** The ways to read a header line as cells: apart by two or more spaces, else by one. */
function headerReadings(line: string): string[][] {
  const out: string[][] = [];
  const wide = line.trim().split(/\s{2,}/).map(normaliseSpaces);
  const narrow = line.trim().split(/\s+/);
  for (const cells of wide.length >= 2 ? [wide, narrow] : [narrow]) {
    if (cells.length < 1 || cells.some((c) => c === '')) continue;
    // No data numbers, no stray punctuation, no footnote marks (`註 1`) as cells.
    if (cells.some((c) => (NUMBER.test(c) && !YEAR.test(c)) || /^[\p{P}\p{S}]+$/u.test(c) || /^註/.test(c))) continue;
    // Digits in a header cell are only believed in a year (`2021年`, `2023年(至2月底)`), not as data or footnote marks.
    if (cells.some((c) => /\d/.test(c.replace(YEAR_IN_TEXT, '')))) continue;
    if (!out.some((o) => o.join('|') === cells.join('|'))) out.push(cells);
  }
  return out;
}

/**
 * Every 總數/總計/合計 row equals the sum of the rows above it (since the previous
 * total), column by column, within the rounding of the printed figures. Columns of
 * rates or averages, and columns with cells that are not plain numbers, are not checked.
 */
function totalsAgree(table: readonly string[][]): boolean {
  const [header, ...rows] = table;
  let from = 0;
  for (let t = 0; t < rows.length; t++) {
    if (!TOTAL.test(rows[t]![0]!)) continue;
    const body = rows.slice(from, t);
    for (let c = 1; c < header!.length; c++) {
      if (NOT_SUMMED.test(header![c]!)) continue;
      const total = cellNumber(rows[t]![c]!);
      const cells = body.map((row) => cellNumber(row[c]!));
      if (!total || cells.some((x) => x === null) || /%/.test(total.unit)) continue;
      const units = new Set(cells.map((x) => x!.unit).filter((u) => u !== ''));
      if (units.size > 1 || (units.size === 1 && !units.has(total.unit))) continue;
      const sum = cells.reduce((a, x) => a + x!.value, 0);
      const decimals = Math.max(total.decimals, ...cells.map((x) => x!.decimals));
      const tolerance = decimals === 0 ? 0 : (0.5 * 10 ** -decimals) * (body.length + 1);
      if (Math.abs(sum - total.value) > tolerance + 1e-9) return false;
    }
    from = t + 1;
  }
  return true;
}
