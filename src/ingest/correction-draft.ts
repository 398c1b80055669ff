/**
 * The reviewer's correction tool, its pure part (scripts/correct.ts is the
 * command): find a reply's `extracted` blocks in the corrected source, propose
 * a table for one, let the reviewer edit it in a draft file, and turn the
 * edited draft into a patch with its `Why:`, `Drops:` and `Adds:` lines.
 * The same idea as mySociety parlparse's patchtool: a person decides, the tool
 * does the bookkeeping that is slow and error-prone by hand.
 */
import { createTwoFilesPatch } from 'diff';
import { splitPipeRow } from './blocks.ts';
import { inkDelta } from './patches.ts';

/** The lines of each ```extracted block of a reply's Markdown body, in order. */
export function extractedBlocks(markdown: string): string[][] {
  const out: string[][] = [];
  let fence: string | null = null;
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (fence === null) {
      const m = /^(`{3,})extracted$/.exec(line);
      if (m) {
        fence = m[1]!;
        current = [];
      }
    } else if (line === fence) {
      out.push(current);
      fence = null;
    } else current.push(line);
  }
  return out;
}

/**
 * Where an extracted block's lines are in the corrected source: the first and
 * last line (0-based, inclusive) within the reply's lines `[from, to]`. The
 * block holds the non-blank lines trimmed, less page footers, so the match
 * walks the source in order and lets footer lines pass
 * (footers) only between matched lines. Null when the block cannot be found.
 */
export function locateBlock(source: readonly string[], from: number, to: number, block: readonly string[], isFooter: (line: string) => boolean): [number, number] | null {
  if (block.length === 0) return null;
  for (let start = from; start <= to; start++) {
    if ((source[start] ?? '').trim() !== block[0]) continue;
    let k = 1;
    let end = start;
    for (let i = start + 1; i <= to && k < block.length; i++) {
      const t = (source[i] ?? '').trim();
      if (t === '') continue;
      if (t === block[k]) {
        k++;
        end = i;
      } else if (!isFooter(t)) break; // only a page footer may sit inside
    }
    if (k === block.length) return [start, end];
  }
  return null;
}

/**
 * A first guess at the table: one row per non-blank line, cells split where
 * the extraction left two or more spaces, padded to the widest row. The
 * reviewer corrects it against the original; it is never applied unseen.
 */
export function proposeTable(lines: readonly string[]): string[][] {
  const rows = lines.map((l) => l.trim()).filter((l) => l !== '').map((l) => l.split(/\s{2,}/));
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** Pipe-table lines for rows (the first is the header); a literal `|` in a cell is written `\|`. */
export function tableLines(rows: readonly (readonly string[])[]): string[] {
  const cell = (c: string) => c.replace(/\|/g, '\\|') || ' ';
  const line = (r: readonly string[]) => `| ${r.map(cell).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...body.map(line)];
}

/** Each pipe-table line whose cell count differs from its table's header row: a table must be rectangular. */
export function tableShapeProblems(lines: readonly string[]): string[] {
  const problems: string[] = [];
  let width: number | null = null;
  lines.forEach((line, i) => {
    if (!/^\s*\|.*\|\s*$/.test(line)) {
      width = null;
      return;
    }
    const n = splitPipeRow(line.trim()).length;
    if (width === null) width = n;
    else if (n !== width) problems.push(`line ${i + 1} has ${n} cells, the table's header has ${width}`);
  });
  return problems;
}

export interface Draft {
  /** The draft file, as messages name it. */
  file: string;
  why: string;
  /**
   * What the reviewer decided the correction drops (a header row printed again
   * after a page break), as written on `Drops:`, and why (`Drops because:`).
   * The tool never fills these in: a dropped character is the reviewer's decision.
   */
  drops: { text: string; because: string; line: number };
  name: string;
  /** The reply the table belongs to, `ITIB010`: it names the patch file. */
  replyNo: string;
  /** Repository-relative path of the pristine source the table is in. */
  source: string;
  /** The corrected-text lines (1-based, inclusive) that the replacement replaces. */
  at: [number, number];
  original: string[];
  replacement: string[];
}

const REPLACEMENT = '=== replacement: these lines replace the original lines below ===';
const ORIGINAL = '=== original lines (do not edit; used to check the draft is not stale) ===';

/** The draft file a reviewer edits. */
export function renderDraft(d: Omit<Draft, 'file' | 'why' | 'name' | 'drops'> & { pristine: [number, number] }): string {
  return [
    `Why: `,
    `Name: table`,
    `Reply: ${d.replyNo}`,
    `Source: ${d.source} lines ${d.pristine[0]}-${d.pristine[1]}`,
    `At: ${d.at[0]}-${d.at[1]}`,
    `Drops: `,
    `Drops because: `,
    '',
    '# Edit the replacement until every cell is exactly as printed in the original document.',
    '# - "Why:" says what the table is and how you checked it (printed totals, or row and column count).',
    '# - "Name:" is a few words for the patch file name (a-z, 0-9, -).',
    '# - A line holding one space ends the paragraph before a table; keep one before and after it.',
    '# - Header row, then the | --- | rule, then one line per row; every row has the same number of cells.',
    '# - Text that is not part of the table (a note) stays as plain lines after a line holding one space.',
    '# - Every character of the original stays in the replacement. If one must go (a header row printed again',
    '#   after a page break), write it on "Drops:" and the reason on "Drops because:"; any other loss is refused.',
    '# Then: npm run correct -- --write <this file>',
    REPLACEMENT,
    ...d.replacement,
    ORIGINAL,
    ...d.original,
    '',
  ].join('\n');
}

/** Reads an edited draft; throws with the draft's file and line on anything it cannot use. */
export function readDraft(text: string, file: string): Draft {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fail = (line: number, message: string): never => {
    throw new Error(`${file}:${line}: ${message}`);
  };
  const field = (key: string) => {
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    if (i < 0) fail(1, `the draft has no "${key}:" line`);
    return { value: lines[i]!.slice(key.length + 1).trim(), line: i + 1 };
  };
  const why = field('Why');
  if (why.value === '') fail(why.line, 'say on the "Why:" line what the table is and how you checked it');
  const name = field('Name');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name.value)) fail(name.line, `"Name:" must be a few words in a-z, 0-9 and -, got "${name.value}"`);
  const at = field('At');
  const m = /^(\d+)-(\d+)$/.exec(at.value);
  if (!m) fail(at.line, `"At:" must be two line numbers, got "${at.value}"`);
  const r = lines.indexOf(REPLACEMENT);
  const o = lines.indexOf(ORIGINAL);
  if (r < 0 || o < r) fail(1, 'the replacement and original markers are missing or out of order; make a new draft');
  let original = lines.slice(o + 1);
  while (original.length > 0 && original[original.length - 1] === '') original = original.slice(0, -1);
  const replacement = lines.slice(r + 1, o);
  // The tool turns an extracted table into a table: text in its place would throw the table's cells away.
  if (!replacement.some((l) => /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/.test(l))) {
    fail(r + 2, 'the replacement holds no table (a header row, a | --- | rule and its rows): this block is a table, and text in its place would lose its cells');
  }
  const problems = tableShapeProblems(replacement);
  if (problems.length > 0) fail(r + 2, `the table is not rectangular: ${problems.join('; ')}`);
  const dropsAt = lines.findIndex((l) => l.startsWith('Drops:'));
  const drops = { text: dropsAt < 0 ? '' : lines[dropsAt]!.slice('Drops:'.length).trim(), because: lines.find((l) => l.startsWith('Drops because:'))?.slice('Drops because:'.length).trim() ?? '', line: dropsAt < 0 ? 1 : dropsAt + 1 };
  if (drops.text !== '' && drops.because === '') fail(drops.line, 'say on the "Drops because:" line why the characters on "Drops:" may go');
  const reply = field('Reply');
  if (!/^[A-Z]+\d+$/.test(reply.value)) fail(reply.line, `"Reply:" must be a reply number such as ITIB010, got "${reply.value}"`);
  const source = /^(\S+) lines /.exec(field('Source').value)?.[1] ?? fail(field('Source').line, '"Source:" must be "<file> lines <from>-<to>"');
  return { file, why: why.value, drops, name: name.value, replyNo: reply.value, source, at: [Number(m![1]), Number(m![2])], original, replacement };
}

/**
 * Where the draft's original lines are now: at its `At:` lines, or, when a
 * correction written since (another block of the same reply) moved them, at
 * the one place they appear exactly. Gone or ambiguous: the draft is stale.
 */
function locateOriginal(d: Draft, current: readonly string[], sourceRel: string): [number, number] {
  const n = d.original.length;
  const matchesAt = (start0: number) => d.original.every((l, i) => current[start0 + i] === l);
  if (d.at[1] - d.at[0] + 1 === n && matchesAt(d.at[0] - 1)) return d.at;
  const found: number[] = [];
  for (let i = 0; i + n <= current.length && found.length < 2; i++) if (current[i] === d.original[0] && matchesAt(i)) found.push(i);
  if (found.length === 1) return [found[0]! + 1, found[0]! + n];
  throw new Error(
    found.length === 0
      ? `the draft's original lines are no longer in the corrected ${sourceRel} (a correction changed them); make a new draft`
      : `the draft's original lines appear more than once in the corrected ${sourceRel} and are no longer at lines ${d.at[0]}-${d.at[1]}; make a new draft`,
  );
}

/** Non-whitespace characters, canonically normalised and sorted: how Drops: is compared (as the ingest does). */
const sortedInk = (t: string) => [...t.normalize('NFC')].filter((ch) => !/\s/u.test(ch)).sort().join('');

/**
 * The patch for a draft, against the corrected text `current` (every earlier
 * correction applied), with the reviewer's `Drops:` and the computed `Adds:`
 * lines the ingest checks. Throws when the draft's original lines are no
 * longer the text at `at`, or when the replacement loses characters the
 * reviewer did not write on `Drops:` (listing them) — the tool once wrote the
 * loss on Drops: itself, so a deleted row or digit passed the ingest's check.
 */
export function draftPatch(d: Draft, sourceRel: string, current: readonly string[]): { patch: string; dropped: string; added: string } {
  const [a, b] = locateOriginal(d, current, sourceRel);
  const after = [...current.slice(0, a - 1), ...d.replacement, ...current.slice(b)];
  const { dropped, added } = inkDelta(d.original.join('\n'), d.replacement.join('\n'));
  const declared = sortedInk(d.drops.text);
  if (declared !== dropped) {
    const { dropped: undeclared, added: overdeclared } = inkDelta(dropped, declared);
    throw new Error(
      undeclared !== ''
        ? `${d.file}:${d.drops.line}: the replacement loses ${JSON.stringify(undeclared)} (characters of the original it does not keep, sorted), which "Drops:" does not declare; put them back, or, if they must go, write them on "Drops:" and say why on "Drops because:"`
        : `${d.file}:${d.drops.line}: "Drops:" declares ${JSON.stringify(overdeclared)}, which the replacement keeps; write on "Drops:" only what it loses`,
    );
  }
  const diff = createTwoFilesPatch(`a/${sourceRel}`, `b/${sourceRel}`, `${current.join('\n')}\n`, `${after.join('\n')}\n`, undefined, undefined, { context: 3 });
  // createTwoFilesPatch starts with "===…" and "Index" lines only in createPatch; drop anything before the --- line.
  const body = diff.slice(diff.indexOf('--- '));
  const head = [`Why: ${d.why}`, ...(dropped ? [`Drops: ${d.drops.text}`, `Drops because: ${d.drops.because}`] : []), ...(added ? [`Adds: ${added}`] : [])];
  return { patch: `${head.join('\n')}\n${body}`, dropped, added };
}
