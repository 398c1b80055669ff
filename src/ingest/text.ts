/**
 * Text cleanup for PDF-extracted lines: join hard-wrapped lines and remove the
 * spaces that justification put between Chinese characters, while keeping the
 * spaces that carry meaning between English words and inside digit groups.
 */

/** Han, CJK punctuation, full-width forms, vertical forms, CJK quotes. Surrogates count as Han (extension planes). */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\ufe10-\ufe1f\ufe30-\ufe4f\u2018\u2019\u201c\u201d\u2026\u2027\u2013\u2014\u2e80-\u2fff\ud800-\udfff]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CJK.test(ch);
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
  let w = 0;
  for (const ch of line.trim()) w += isCjk(ch) ? 2 : 1;
  return w;
}

/** Non-whitespace characters, for the lossless audit. */
export function ink(text: string): string {
  return text.replace(/\s+/g, '');
}
