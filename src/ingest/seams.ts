import type { Block } from './blocks.ts';
import type { Layout } from './layout.ts';
import { isCjk, LEADING_NUMBERING } from './text.ts';

/**
 * Seams the PDF extraction left in the text, mended after the blocks are read
 * and before the audit, so the audit proves each rule loses nothing: every rule
 * only joins blocks, splits one, or removes whitespace.
 *
 * Each rule is counted (`SeamCounts`) and the counts are printed by the ingest,
 * so a change of rule shows up as a change of figure.
 */
export interface SeamCounts {
  /** A sentence split into two paragraphs at a page break (ITIB247 「…氛圍，激」 ¶ 「發學生…」). */
  pageBreakJoins: number;
  /** Digits of one number split by the extraction's spaces (《2 0 2 2年施政報告》, 1 ,395,000元). */
  digitJoins: number;
  /** A web address cut by a space or a line end (`…_know -it.php`). */
  addressJoins: number;
  /** Two numbered items run into one paragraph (`(iv)…；及(v)…`). */
  itemSplits: number;
}

export const noSeams = (): SeamCounts => ({ pageBreakJoins: 0, digitJoins: 0, addressJoins: 0, itemSplits: 0 });

export function addSeams(into: SeamCounts, more: SeamCounts): void {
  for (const k of Object.keys(into) as Array<keyof SeamCounts>) into[k] += more[k];
}

/** A paragraph that ends like this is finished: what follows is a new one. */
const FINISHED = /[。？?！!：:；;」』）)]$|^\S{0,6}$/u;
/** Notes, numbered items and annex references start paragraphs of their own. */
const OWN_START = /^(?:註|注|備註|資料來源|附件|\*|#)/u;

/**
 * Mend the seams of one section's blocks. `lines` are the (corrected) source
 * lines the blocks' `line` numbers point into: a paragraph is joined to the
 * next only when a page footer lies between them in the source.
 */
export function mendSeams(blocks: readonly Block[], lines: readonly string[], layout: Layout, counts: SeamCounts): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      const text = joinAddresses(joinDigits(b.text, counts), counts);
      const prev = out[out.length - 1];
      if (prev?.kind === 'paragraph' && continuesAcrossPage(prev, text, b.line, lines, layout)) {
        out[out.length - 1] = { ...prev, text: prev.text + text };
        counts.pageBreakJoins++;
        continue;
      }
      for (const part of splitItems(text, counts)) out.push({ ...b, text: part });
      continue;
    }
    if (b.kind === 'table') {
      out.push({ ...b, rows: b.rows.map((r) => r.map((c) => joinDigits(c, counts))) });
      continue;
    }
    out.push(b);
  }
  return out;
}

/** The earlier paragraph stops mid-sentence, the next starts with Chinese text, and a page footer lies between. */
function continuesAcrossPage(prev: Extract<Block, { kind: 'paragraph' }>, next: string, nextLine: number, lines: readonly string[], layout: Layout): boolean {
  const last = prev.text[prev.text.length - 1];
  if (!isCjk(last) && last !== '、' && last !== '，') return false;
  if (FINISHED.test(prev.text) || !isCjk(next[0]) || OWN_START.test(next) || LEADING_NUMBERING.test(next)) return false;
  for (let i = prev.line; i < nextLine - 1; i++) if (layout.footer.test((lines[i] ?? '').trim())) return true;
  return false;
}

/**
 * Digits of one number that the extraction spaced apart: a run of three or more
 * single digits (`2 0 2 2年`), or a space before a thousands comma (`1 ,395,000`).
 * A digit group printed with a space (`1 300`, three digits after the space) is
 * how the document writes thousands and is kept.
 */
export function joinDigits(text: string, counts: SeamCounts): string {
  let t = text.replace(/(?<![\d,.])\d(?: \d){2,}(?![\d,.])/g, (m) => {
    counts.digitJoins++;
    return m.replace(/ /g, '');
  });
  t = t.replace(/(\d) (,\d{3})/g, (_m, a: string, b: string) => {
    counts.digitJoins++;
    return a + b;
  });
  return t;
}

/**
 * A web address cut where the extraction put a space (a line end): the rest of
 * the path (`-it.php`, `- service.html`) is joined back when it is address
 * characters only and ends like a file or folder.
 */
export function joinAddresses(text: string, counts: SeamCounts): string {
  return text.replace(/(https?:\/\/[^\s「」（）()，。；、]+?)(\s*-\s+|\s+-\s*)([\w./%?=&#-]*(?:\.[a-z]{2,5}|\/))(?![\w\/])/giu, (_m, head: string, _gap: string, tail: string) => {
    counts.addressJoins++;
    return `${head}-${tail}`;
  });
}

/** Successor of a numbering label of the same style: (iv) → (v), (e) → (f), (3) → (4). */
function nextLabel(label: string): string | null {
  const m = /^\((.+)\)$/.exec(label);
  if (!m) return null;
  const inner = m[1]!;
  if (/^\d+$/.test(inner)) return `(${Number(inner) + 1})`;
  if (/^[ivxlc]+$/.test(inner)) {
    const n = fromRoman(inner);
    return n === null ? null : `(${toRoman(n + 1)})`;
  }
  if (/^[a-z]$/.test(inner)) return `(${String.fromCharCode(inner.charCodeAt(0) + 1)})`;
  return null;
}

const ROMAN: Array<[number, string]> = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}
function fromRoman(s: string): number | null {
  for (let n = 1; n < 40; n++) if (toRoman(n) === s) return n;
  return null;
}

/**
 * A numbered item that runs straight into the next one after `；及` / `；以及` /
 * `；或` (the line break between them was lost): split before the next item when
 * its label is the successor of the paragraph's own (`(iv)…；及(v)…`).
 */
export function splitItems(text: string, counts: SeamCounts): string[] {
  const own = /^\([0-9a-z]{1,4}\)/.exec(text);
  if (!own) return [text];
  const parts: string[] = [];
  let rest = text;
  let label = own[0];
  for (;;) {
    const want = nextLabel(label);
    if (want === null) break;
    const at = rest.indexOf(want);
    if (at <= 0 || !/[；;](?:及|以及|或|和)?\s*$/.test(rest.slice(0, at))) break;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at);
    label = want;
    counts.itemSplits++;
  }
  parts.push(rest);
  return parts;
}
