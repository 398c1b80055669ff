/**
 * Text cleanup for PDF-extracted lines: join hard-wrapped lines and remove the
 * spaces that justification put between Chinese characters, while keeping the
 * spaces that carry meaning between English words and inside digit groups.
 */

/** Han, CJK punctuation, full-width forms, vertical forms, CJK quotes. Surrogates count as Han (extension planes). */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\ufe10-\ufe1f\ufe30-\ufe4f\u2018\u2019\u201c\u201d\u2026\u2027\u2013\u2014\u2e80-\u2fff\ud800-\udfff]/u;

/**
 * Whether each UTF-16 code unit is CJK, learnt the first time it is seen
 * (0: not yet, 1: no, 2: yes): testing CJK on every character of every line
 * for its display width was ~15 % of a document's parse (--cpu-prof of
 * generateFrom on a synthetic document of 35,000 lines, load 5).
 */
const CJK_UNIT = new Uint8Array(0x10000);

function isCjkUnit(code: number): boolean {
  let known = CJK_UNIT[code]!;
  if (known === 0) {
    known = CJK.test(String.fromCharCode(code)) ? 2 : 1;
    CJK_UNIT[code] = known;
  }
  return known === 2;
}

export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  return ch.length === 1 ? isCjkUnit(ch.charCodeAt(0)) : CJK.test(ch);
}

/** A paragraph's leading numbering, kept exactly as printed: `1.`, `(a)`, `(iii)`, `（一）`, `a)`. */
export const LEADING_NUMBERING = /^(?:\d+(?:\.\d+)*\.|\(\s*[0-9a-zA-Z]{1,4}\s*\)|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[a-z]\)|[一二三四五六七八九十]+、)/;

const ONE = LEADING_NUMBERING.source.slice(1);
/** A line holding only numbering labels: `3.`, `1.及`, `(a)及(b)`. */
export const NUMBERING_ONLY = new RegExp(`^(?:${ONE}|[及和、至])(?:\\s*(?:${ONE}|[及和、至]))*$`);
/** The numbering label at a paragraph start, possibly joined: `1.及 3.`. */
const LEADING_LABEL = new RegExp(`^${ONE}(?:\\s*[及和、至]\\s*${ONE})*`);

/**
 * Join wrapped lines: no space where either side is Chinese, one space between
 * two non-Chinese characters (English words, numbers).
 */
export function joinLines(lines: readonly string[]): string {
  const parts: string[] = [];
  let prevLast = '';
  let numberingOnly = true;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (parts.length > 0 && ((!isCjk(prevLast) && !isCjk(line[0])) || numberingOnly)) parts.push(' ');
    // `1.及` / `3.` on lines of their own label the paragraph that follows.
    numberingOnly = numberingOnly && NUMBERING_ONLY.test(line);
    parts.push(line);
    prevLast = line[line.length - 1] ?? '';
  }
  return normaliseSpaces(parts.join(''));
}

/**
 * Collapse each whitespace run: removed when it touches a Chinese character
 * (justification or extraction artefact), otherwise one space. A leading
 * numbering keeps one space after it so `1.  過去三年` reads `1. 過去三年`.
 */
export function normaliseSpaces(text: string): string {
  const trimmed = text.trim();
  const numbering = LEADING_LABEL.exec(trimmed);
  const numberingEnd = numbering ? numbering[0].length : -1;
  return trimmed.replace(/\s+/g, (run: string, offset: number, s: string) => {
    if (offset === numberingEnd) return ' ';
    const before = s[offset - 1];
    const after = s[offset + run.length];
    if (isCjk(before) || isCjk(after)) return '';
    if (before !== undefined && /[(（\[「『]/.test(before)) return '';
    if (after !== undefined && /[)）\]」』,，.。;；:：!?]/.test(after) && !/\d/.test(before ?? '')) return '';
    return ' ';
  });
}

/** Display width for layout heuristics: a Chinese character is two columns. */
export function displayWidth(line: string): number {
  const text = line.trim();
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : NaN;
    if (next >= 0xdc00 && next <= 0xdfff) {
      // A surrogate pair is one character.
      w += CJK.test(text.slice(i, i + 2)) ? 2 : 1;
      i++;
    } else w += isCjkUnit(code) ? 2 : 1;
  }
  return w;
}

/** Non-whitespace characters, for the lossless audit. */
export function ink(text: string): string {
  return text.replace(/\s+/g, '');
}
