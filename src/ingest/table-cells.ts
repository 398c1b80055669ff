import { isCjk, normaliseSpaces } from './text.ts';

/**
 * Reading one flattened table row: a text label followed by value cells. The
 * extraction writes digit groups with a space (`1 574`) and separates cells with
 * a space too, so `8 708 39 708` may be two cells or one, three or four; a row
 * is only believed when exactly one reading gives the number of columns the
 * header announces.
 */

/** A value cell on its own: `613`, `1,534.22`, `$9,888,589`, `27.2%`, `1.34億元`, `-`, `不適用` (never `000`: that is a digit group). */
const VALUE = /^(?:(?:HK)?\$)?(?:0|[1-9][\d,]*)(?:\.\d+)?(?:%|億元|萬元|元|億|萬)?$|^[-—–]$|^不適用$/;
/** The first token of a number written with digit groups: `1` of `1 574` (no leading zero). */
const GROUP_HEAD = /^[1-9]\d{0,2}$/;
/** A following digit group; only the last may carry decimals or a unit: `574`, `574.5`, `000%`. */
const GROUP_MID = /^\d{3}$/;
const GROUP_LAST = /^\d{3}(?:\.\d+)?(?:%|億元|萬元|元|億|萬)?$/;
/** A label that is a year or a year range, possibly annotated: `2018`, `2020年`, `2019-20`, `2023 (截至2月底 )`. */
const YEAR_LABEL = /^(?:19|20)\d{2}(?:\s*(?:-|至|／|\/)\s*\d{2,4})?(?:年度|年)?(?:\s*[(（][^()（）]*[)）])?$/;
const HAS_DIGIT = /\d/;

export interface Row {
  label: string;
  values: string[];
}

/** Every way to read `tokens` as exactly `k` value cells (at most two readings are looked for). */
function readings(tokens: readonly string[], k: number, limit = 2): string[][] {
  const out: string[][] = [];
  const walk = (i: number, acc: string[]) => {
    if (out.length >= limit) return;
    if (acc.length === k) {
      if (i === tokens.length) out.push([...acc]);
      return;
    }
    if (i >= tokens.length) return;
    // One token alone.
    if (VALUE.test(tokens[i]!)) walk(i + 1, [...acc, tokens[i]!]);
    // A number in digit groups: head, then 3-digit groups.
    if (GROUP_HEAD.test(tokens[i]!)) {
      for (let j = i + 1; j < tokens.length; j++) {
        const t = tokens[j]!;
        if (!GROUP_LAST.test(t)) break;
        walk(j + 1, [...acc, tokens.slice(i, j + 1).join(' ')]);
        if (!GROUP_MID.test(t)) break;
      }
    }
  };
  walk(0, []);
  return out;
}

function labelIsText(label: string): boolean {
  const tokens = label.split(/\s+/);
  // A space between two Chinese characters is a cell broken by justification: not certain.
  for (let i = 1; i < tokens.length; i++) if (isCjk(tokens[i - 1]!.slice(-1)) && isCjk(tokens[i]![0])) return false;
  if (YEAR_LABEL.test(label)) return true;
  // A footnote mark (`註 2`) is not a row.
  if (/^註/.test(label)) return false;
  return !HAS_DIGIT.test(label) && /[\p{L}]/u.test(label);
}

/**
 * The one reading of a line as a label and `k` value cells, or null when there
 * is none or more than one (the columns would be a guess).
 */
export function readRow(line: string, k: number): Row | null {
  const tokens = line.trim().split(/\s+/);
  let found: Row | null = null;
  // The label is the shortest prefix that leaves only value-like tokens.
  for (let p = 1; p < tokens.length; p++) {
    const rest = tokens.slice(p);
    if (!rest.every((t) => VALUE.test(t) || GROUP_LAST.test(t))) continue;
    const label = tokens.slice(0, p).join(' ');
    if (!labelIsText(label)) continue;
    const r = readings(rest, k);
    if (r.length === 0) continue;
    if (r.length > 1 || found) return null;
    found = { label: normaliseSpaces(label), values: r[0]! };
  }
  return found;
}

/** The numeric value of a cell for a totals check, with its number of decimals; null when not a plain number. */
export function cellNumber(cell: string): { value: number; decimals: number; unit: string } | null {
  if (/^[-—–]$/.test(cell)) return { value: 0, decimals: 0, unit: '' };
  const m = /^(?:(?:HK)?\$)?(\d[\d, ]*)(?:\.(\d+))?(%|億元|萬元|元|億|萬)?$/.exec(cell);
  if (!m) return null;
  const whole = m[1]!.replace(/[, ]/g, '');
  return { value: Number(`${whole}.${m[2] ?? '0'}`), decimals: m[2]?.length ?? 0, unit: m[3] ?? '' };
}
