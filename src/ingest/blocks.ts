import type { Layout } from './layout.ts';
import { recoverTables } from './table-recovery.ts';
import { Role } from './roles.ts';
import { displayWidth, joinLines, LEADING_NUMBERING, NUMBERING_ONLY } from './text.ts';

export type Block =
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'annex'; title: string; line: number }
  /** A table whose rows and cells are certain (rebuilt by a reviewed patch as pipe rows). */
  | { kind: 'table'; rows: string[][]; source: string[]; line: number }
  /** A flattened table kept line by line because its cells cannot be recovered with confidence. */
  | { kind: 'extracted'; lines: string[]; line: number };

interface Group {
  lines: string[];
  /** Source line index (0-based) of each line: the extraction double-spaces, so they are not consecutive. */
  at: number[];
}

const firstLine = (g: Group) => g.at[0]!;

/** Lines `from` to `to` of a group, with their source positions. */
function sliceGroup(g: Group, from: number, to = g.lines.length): Group {
  return { lines: g.lines.slice(from, to), at: g.at.slice(from, to) };
}

/**
 * Lines narrower than this share of the document's full line width look like
 * table cells (a wrapped text line runs to the full width).
 */
const SHORT_SHARE = 0.62;

/** The document's full line width: the 90th percentile of line display widths. */
export function fullWidth(lines: readonly string[]): number {
  const widths: number[] = [];
  for (const l of lines) {
    const w = displayWidth(l);
    if (w > 0) widths.push(w);
  }
  if (widths.length === 0) return 70;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.9)] ?? 70;
}
const SENTENCE_END = /[。：:；;？?！!]$/;
const PIPE_ROW = /^\|.*\|$/;
const PARAGRAPH_END = /[。？?！!]\s{2,}$/;

/** Index of the closest line before i (not before from) that has ink. */
function previousInk(lines: readonly string[], i: number, from: number): number {
  for (let j = i - 1; j >= from; j--) if ((lines[j] ?? '').trim() !== '') return j;
  return from;
}
const PIPE_RULE = /^\|(?:\s*:?-{3,}:?\s*\|)+$/;

/** A line that is only an amount or count: 0.9, 1 300, (6), 12.5%. */
const BARE_NUMBER = /^\(?\d[\d ,]*(?:\.\d+)?\)?\s*[%％]?$/;
/** What follows a number in running text: a unit or a measure word, so the lines belong together. */
const UNIT_START = /^[億萬千百元個名年月日時項宗人位間次倍份張部架台輛所%％)）、，,.。至及或]/u;

/**
 * A flattened table that was not recognised as one can reach a paragraph:
 * `0.9` (the last cell of one row) then `以無人飛機航拍…` (the first cell of
 * the next). Joined, the amount would read as part of the next row's text.
 * A bare number line is therefore its own paragraph unless the text around it
 * reads on (a unit after it: 1.5 / 億元).
 */
function splitAtBareNumbers(g: Group): Group[] {
  const cuts = new Set<number>();
  g.lines.forEach((line, i) => {
    const next = g.lines[i + 1];
    if (BARE_NUMBER.test(line) && g.lines.length > 1 && !(next !== undefined && UNIT_START.test(next))) cuts.add(i).add(i + 1);
  });
  const bounds = [0, ...[...cuts].filter((c) => c > 0 && c < g.lines.length).sort((a, b) => a - b), g.lines.length];
  return bounds.slice(1).map((to, k) => sliceGroup(g, bounds[k]!, to)).filter((part) => part.lines.length > 0);
}

/**
 * Turn the lines of one section into blocks. A line holding only spaces ends a
 * paragraph (the extraction writes one between paragraphs); empty lines are
 * double-spacing noise. Page footers are dropped here.
 */
export function readBlocks(
  lines: readonly string[],
  from: number,
  to: number,
  layout: Layout,
  roles: Uint8Array,
  width: number,
): Block[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  for (let i = from; i < to; i++) {
    const raw = lines[i] ?? '';
    const text = raw.trim();
    if (text === '') {
      // A numbering label alone (`1.`) belongs to the paragraph after the separator.
      if (raw.length > 0 && !(current && current.lines.every((l) => NUMBERING_ONLY.test(l)))) current = null;
      continue;
    }
    if (layout.footer.test(text) || layout.headerFurniture.some((re) => re.test(text))) {
      roles[i] = Role.furniture;
      continue;
    }
    roles[i] = Role.body;
    const prev = current?.lines[current.lines.length - 1];
    const startsItem = prev !== undefined && SENTENCE_END.test(prev) && LEADING_NUMBERING.test(text);
    // The export ends a paragraph with its final punctuation and two spaces.
    const ended = i > from && PARAGRAPH_END.test(lines[previousInk(lines, i, from)] ?? '');
    const annex = layout.annexHeading.test(text);
    if (!current || startsItem || ended || annex || (prev !== undefined && layout.annexHeading.test(prev))) {
      current = { lines: [], at: [] };
      groups.push(current);
    }
    current.lines.push(text);
    current.at.push(i);
  }
  return groupsToBlocks(groups, layout, Math.round(width * SHORT_SHARE));
}

function isTabular(g: Group, short: number): boolean {
  if (g.lines.length < 3) return false;
  // Numbering labels on lines of their own (`1.` `及` `2.`) are short but are not cells.
  const body = g.lines.slice(0, -1).filter((l) => !NUMBERING_ONLY.test(l));
  if (body.length < 2) return false;
  const n = body.filter((l) => displayWidth(l) < short).length;
  return n / body.length >= 0.5;
}

/** One or two short lines with a number and no sentence end: a table row on its own. */
function isRowLike(g: Group, short: number): boolean {
  return (
    g.lines.length <= 2 &&
    g.lines.every((l) => displayWidth(l) < short && !SENTENCE_END.test(l)) &&
    g.lines.some((l) => /\d/.test(l)) &&
    !g.lines.every((l) => NUMBERING_ONLY.test(l))
  );
}

/**
 * Which groups belong to a flattened table: multi-line groups of short lines, plus
 * runs of row-like groups (a table whose rows the extraction separated like
 * paragraphs) that are at least three long or touch such a group.
 */
function markTabular(groups: readonly Group[], short: number): boolean[] {
  const tabular = groups.map((g) => isTabular(g, short));
  let k = 0;
  while (k < groups.length) {
    if (tabular[k] || !isRowLike(groups[k]!, short)) {
      k++;
      continue;
    }
    let end = k;
    while (end < groups.length && !tabular[end] && isRowLike(groups[end]!, short)) end++;
    const touches = (k > 0 && tabular[k - 1]) || (end < groups.length && tabular[end]);
    if (end - k >= 3 || touches) for (let x = k; x < end; x++) tabular[x] = true;
    k = end;
  }
  return tabular;
}

function isShortFragment(g: Group, short: number): boolean {
  return g.lines.length <= 2 && g.lines.every((l) => displayWidth(l) < short && !SENTENCE_END.test(l));
}

/**
 * A tabular group often starts with the sentence that introduces the table
 * (`詳情如下：`) wrapped at full width: split it off as its own group.
 */
function peelIntroduction(groups: Group[], short: number): Group[] {
  const out: Group[] = [];
  for (const g of groups) {
    if (isTabular(g, short)) {
      let i = 0;
      while (i < g.lines.length && displayWidth(g.lines[i]!) >= short && !SENTENCE_END.test(g.lines[i]!)) i++;
      if (i < g.lines.length - 3 && SENTENCE_END.test(g.lines[i]!)) {
        out.push(sliceGroup(g, 0, i + 1), sliceGroup(g, i + 1));
        continue;
      }
    }
    out.push(g);
  }
  return out;
}

function groupsToBlocks(input: Group[], layout: Layout, short: number): Block[] {
  const blocks: Block[] = [];
  const groups = peelIntroduction(input, short);
  const tabular = markTabular(groups, short);
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k]!;
    if (g.lines.length === 1 && layout.annexHeading.test(g.lines[0]!)) {
      blocks.push({ kind: 'annex', title: joinLines(g.lines), line: firstLine(g) + 1 });
      continue;
    }
    if (g.lines.length >= 3 && PIPE_ROW.test(g.lines[0]!) && PIPE_RULE.test(g.lines[1]!) && g.lines.every((l) => PIPE_ROW.test(l))) {
      const rows = g.lines.filter((l, idx) => idx !== 1).map(splitPipeRow);
      blocks.push({ kind: 'table', rows, source: g.lines, line: firstLine(g) + 1 });
      continue;
    }
    if (tabular[k]) {
      // A flattened table: swallow following tabular groups and short cell fragments between them.
      const kept = [...g.lines];
      let j = k + 1;
      while (j < groups.length) {
        if (tabular[j]) {
          kept.push(...groups[j]!.lines);
          j++;
          continue;
        }
        let m = j;
        while (m < groups.length && !tabular[m] && isShortFragment(groups[m]!, short) && !layout.annexHeading.test(groups[m]!.lines[0]!)) m++;
        if (m > j && m < groups.length && tabular[m]) {
          for (let x = j; x < m; x++) kept.push(...groups[x]!.lines);
          j = m;
          continue;
        }
        break;
      }
      blocks.push(...recoverTables(kept, firstLine(g) + 1));
      k = j - 1;
      continue;
    }
    for (const part of splitAtBareNumbers(g)) blocks.push({ kind: 'paragraph', text: joinLines(part.lines), line: firstLine(part) + 1 });
  }
  return blocks;
}

/** `| a | b \| c |` → ["a", "b | c"]. */
export function splitPipeRow(row: string): string[] {
  const inner = row.trim().slice(1, -1);
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}
