/**
 * Which characters content may hold (issue 21). One rule for the ingest's
 * sources, its metadata and overrides, and the model's readers:
 * - no control character (C0, DEL, C1), except a tab inside a line of text;
 *   a newline only separates lines, so a field never holds one;
 * - no lone surrogate (half of a UTF-16 pair: it cannot be written as UTF-8,
 *   and Pagefind panicked on one with "unexpected end of hex escape");
 * - valid UTF-8 only, reported at the line and column of the first bad byte;
 * - bidirectional formatting controls (the "Trojan Source" set: embeddings,
 *   overrides, isolates and the three marks) are removed from source text,
 *   with a warning naming the line, so a U+202E can never turn the text after
 *   it around on a page, in a feed, a CSV cell or a share card.
 */
import { isUtf8 } from 'node:buffer';

/** Controls content never holds; tab (U+0009) is allowed only where `tab` says so. */
const CONTROL_NO_TAB = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The bidirectional formatting characters removed from source text. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character `text` must not hold: its 1-based column and what it is; null when clean. */
export function forbiddenCharacter(text: string, options: { tab?: boolean } = {}): { column: number; message: string } | null {
  const control = (options.tab ? CONTROL_NO_TAB : CONTROL).exec(text);
  const lone = LONE_SURROGATE.exec(text);
  const first = control && lone ? (control.index < lone.index ? control : lone) : (control ?? lone);
  if (!first) return null;
  const ch = first[0];
  const message = first === lone
    ? `a lone surrogate (${codePoint(ch)}, half of a character: the text was cut or mis-encoded)`
    : `a control character (${codePoint(ch)}), which no field may hold${options.tab ? '' : ' (not even a tab)'}`;
  return { column: first.index + 1, message };
}

/** Removes bidirectional controls; returns the text and how many were removed. */
export function stripBidi(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(BIDI_CONTROLS, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629): a lead byte that
 * cannot start a character (80–C1, F5–FF), a missing continuation byte, an
 * overlong form (E0 80 80, F0 80 80 80), a surrogate (ED A0 80 … ED BF BF) or
 * a code point past U+10FFFF (F4 90 80 80). -1 when the bytes are valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (the table in RFC 3629 §4).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of byte `offset`. */
export function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, offset));
  return { line, column: [...before].length + 1 };
}

/**
 * Bytes → text, strictly: a mis-encoded file stops with `file:line:column` of
 * its first bad byte (TextDecoder says only that something is wrong, and the
 * ingest used to report the end of the file).
 */
export function decodeUtf8(bytes: Uint8Array, file: string, fail: (line: number, message: string) => never): string {
  // Node's validator (native) first: the search byte by byte, ~20 ms a 600 KB source, only to name the first bad byte.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = lineAndColumn(bytes, bad);
    const shown = [...bytes.subarray(bad, bad + 4)].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return fail(line, `not valid UTF-8 at column ${column} (bytes ${shown}…)`);
  }
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
}

/**
 * Every string (and key) in a parsed JSON value checked with forbiddenCharacter;
 * `lineOf` finds where a key is written, for the message. Throws through `fail`.
 */
export function checkJsonStrings(value: unknown, lineOf: (key: string) => number, fail: (line: number, message: string) => never, key = ''): void {
  if (typeof value === 'string') {
    const bad = forbiddenCharacter(value);
    if (bad) fail(lineOf(key), `${key ? `"${key}"` : 'a value'} holds ${bad.message}`);
    // A hand-written file can be fixed where it is, unlike a pristine source: refused, not removed.
    const bidi = new RegExp(BIDI_CONTROLS.source).exec(value);
    if (bidi) fail(lineOf(key), `${key ? `"${key}"` : 'a value'} holds a bidirectional control (${codePoint(bidi[0])}), which would turn the text after it around`);
  } else if (Array.isArray(value)) {
    for (const v of value) checkJsonStrings(v, lineOf, fail, key);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const bad = forbiddenCharacter(k);
      if (bad) fail(lineOf(k), `a key holds ${bad.message}`);
      checkJsonStrings(v, lineOf, fail, k);
    }
  }
}

/** The 1-based line of a JSON file where `"key"` is first written; 1 when not found. */
export function jsonKeyLine(raw: string, key: string): number {
  if (key === '') return 1;
  const at = raw.indexOf(JSON.stringify(key).slice(0, -1));
  return at < 0 ? 1 : raw.slice(0, at).split('\n').length;
}
