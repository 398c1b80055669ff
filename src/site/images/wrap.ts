/**
 * Line wrapping for text drawn into pictures (share cards, chart labels), where
 * there is no browser to wrap for us. Pure and deterministic: widths come from a
 * fixed table, never from the machine.
 *
 * Rules, kept simple on purpose:
 * - Chinese may break between any two characters.
 * - A run of Latin letters and digits (with the `.,%/-:` inside it, e.g. `2023-24`,
 *   `1,300`, `5G`) is not split unless it is longer than a whole line.
 * - Closing punctuation (，。」…) never starts a line; opening punctuation (「（) never
 *   ends one: each is glued to its neighbour.
 * - Too many lines: the last kept line ends with `…`.
 */

/**
 * Advance widths in em of printable ASCII in Noto Sans HK Bold (the widest weight
 * we draw), measured once with Pango from the font in node_modules. Every other
 * character counts as 1 em: CJK ideographs and full-width punctuation are exactly
 * 1 em; narrower letters are over-estimated, which only makes lines shorter.
 */
const ASCII_EM: Readonly<Record<string, number>> = {
  ' ': 0.23, '!': 0.37, '"': 0.57, '#': 0.59, $: 0.59, '%': 0.96, '&': 0.74, "'": 0.33,
  '(': 0.38, ')': 0.38, '*': 0.51, '+': 0.59, ',': 0.33, '-': 0.37, '.': 0.33, '/': 0.39,
  '0': 0.59, '1': 0.59, '2': 0.59, '3': 0.59, '4': 0.59, '5': 0.59, '6': 0.59, '7': 0.59,
  '8': 0.59, '9': 0.59, ':': 0.33, ';': 0.33, '<': 0.59, '=': 0.59, '>': 0.59, '?': 0.51,
  '@': 1.01, A: 0.63, B: 0.68, C: 0.61, D: 0.71, E: 0.62, F: 0.59, G: 0.72, H: 0.76,
  I: 0.33, J: 0.52, K: 0.69, L: 0.58, M: 0.85, N: 0.75, O: 0.77, P: 0.67, Q: 0.77,
  R: 0.68, S: 0.6, T: 0.63, U: 0.75, V: 0.63, W: 0.92, X: 0.63, Y: 0.58, Z: 0.59,
  '[': 0.38, '\\': 0.39, ']': 0.38, '^': 0.59, _: 0.57, '`': 0.63, a: 0.59, b: 0.64,
  c: 0.49, d: 0.64, e: 0.58, f: 0.36, g: 0.6, h: 0.64, i: 0.3, j: 0.31, k: 0.6, l: 0.32,
  m: 0.96, n: 0.64, o: 0.63, p: 0.64, q: 0.64, r: 0.44, s: 0.5, t: 0.39, u: 0.64,
  v: 0.58, w: 0.86, x: 0.56, y: 0.57, z: 0.51, '{': 0.38, '|': 0.3, '}': 0.38, '~': 0.59,
};

const ELLIPSIS = '…';
/** May not begin a line. */
const NO_LINE_START = new Set(Array.from('，。、；：？！）」』〉》】〕｝’”…．・,.;:?!)]}%'));
/** May not end a line. */
const NO_LINE_END = new Set(Array.from('（「『〈《【〔｛‘“([{'));
/** Dropped from the end of a line before an ellipsis is added (`…，…` reads badly). */
const TRAILING_BEFORE_ELLIPSIS = /[\s，、；：,;:（「『〈《【(\[]+$/u;
/** Widths are sums of two-decimal numbers: compare with a little slack so 15.999… counts as 16. */
const EPSILON = 1e-9;
/** Characters XML 1.0 cannot carry, and other controls: replaced by a space. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/gu;

export function charWidthEm(ch: string): number {
  return ASCII_EM[ch] ?? 1;
}

export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidthEm(ch);
  return width;
}

/** One line of text as it will be drawn: controls removed, white space collapsed. */
export function normaliseText(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/gu, ' ').trim();
}

/** Splits text into pieces that must stay on one line. */
function tokenise(text: string): string[] {
  const raw = text.match(/[A-Za-z0-9](?:[A-Za-z0-9]|[.,%/:-](?=[A-Za-z0-9]))*|\s|./gsu) ?? [];
  const tokens: string[] = [];
  let pendingOpeners = '';
  for (const piece of raw) {
    const first = Array.from(piece)[0] ?? '';
    if (NO_LINE_END.has(first) && piece.length === first.length) {
      pendingOpeners += piece;
      continue;
    }
    if (tokens.length > 0 && pendingOpeners === '' && NO_LINE_START.has(first)) {
      tokens[tokens.length - 1] += piece;
      continue;
    }
    tokens.push(pendingOpeners + piece);
    pendingOpeners = '';
  }
  if (pendingOpeners !== '') tokens.push(pendingOpeners);
  return tokens;
}

/** Cuts a token wider than a line into line-sized pieces, character by character. */
function splitLongToken(token: string, maxWidthEm: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let width = 0;
  for (const ch of token) {
    const w = charWidthEm(ch);
    if (current !== '' && width + w > maxWidthEm + EPSILON) {
      pieces.push(current);
      current = '';
      width = 0;
    }
    current += ch;
    width += w;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

export interface Wrapped {
  lines: string[];
  /** True when text was cut and the last line ends with an ellipsis. */
  truncated: boolean;
}

/** Shortens a line until it fits together with a trailing ellipsis. */
export function withEllipsis(line: string, maxWidthEm: number): string {
  const chars = Array.from(line.replace(TRAILING_BEFORE_ELLIPSIS, ''));
  const room = maxWidthEm - charWidthEm(ELLIPSIS);
  let width = 0;
  let keep = 0;
  while (keep < chars.length && width + charWidthEm(chars[keep]!) <= room + EPSILON) {
    width += charWidthEm(chars[keep]!);
    keep++;
  }
  return chars.slice(0, keep).join('').replace(TRAILING_BEFORE_ELLIPSIS, '') + ELLIPSIS;
}

/**
 * Wraps `text` into at most `maxLines` lines no wider than `maxWidthEm` (in em of
 * the font size the lines will be drawn at). Linear in the length of the text.
 */
export function wrapText(text: string, maxWidthEm: number, maxLines: number): Wrapped {
  if (maxLines < 1 || maxWidthEm < 1) throw new RangeError('wrapText: need at least one line of one em');
  const lines: string[] = [];
  let current = '';
  let width = 0;
  const push = () => {
    if (current.trim() !== '') lines.push(current.trimEnd());
    current = '';
    width = 0;
  };
  for (const token of tokenise(normaliseText(text))) {
    if (current === '' && token === ' ') continue;
    const w = textWidthEm(token);
    if (width + w <= maxWidthEm + EPSILON) {
      current += token;
      width += w;
      continue;
    }
    push();
    if (token === ' ') continue;
    const pieces = w > maxWidthEm ? splitLongToken(token, maxWidthEm) : [token];
    lines.push(...pieces.slice(0, -1));
    current = pieces[pieces.length - 1] ?? '';
    width = textWidthEm(current);
    // Stop early: the lines after the budget are never shown.
    if (lines.length > maxLines) break;
  }
  push();
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', maxWidthEm);
  return { lines: kept, truncated: true };
}

/** One line, shortened with an ellipsis when too wide. */
export function fitLine(text: string, maxWidthEm: number): string {
  const line = normaliseText(text);
  return textWidthEm(line) <= maxWidthEm + EPSILON ? line : withEllipsis(line, maxWidthEm);
}

/**
 * Like wrapText, but with lines of even length (as CSS `text-wrap: balance`):
 * the narrowest width that still needs no more lines than the greedy wrap, so
 * a title never ends with one lonely character on its last line.
 */
export function wrapBalanced(text: string, maxWidthEm: number, maxLines: number): Wrapped {
  const greedy = wrapText(text, maxWidthEm, maxLines);
  if (greedy.truncated || greedy.lines.length < 2) return greedy;
  const lines = greedy.lines.length;
  // Binary search in quarter-em steps: deterministic, and at most ~7 wraps.
  let lo = Math.max(1, Math.floor((textWidthEm(normaliseText(text)) / lines) * 4) / 4);
  let hi = maxWidthEm;
  let best = greedy;
  while (hi - lo > 0.25) {
    const mid = Math.round(((lo + hi) / 2) * 4) / 4;
    const attempt = wrapText(text, mid, maxLines);
    if (!attempt.truncated && attempt.lines.length <= lines) {
      best = attempt;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}
