import { IngestError } from './errors.ts';

/**
 * Bytes → lines. Strict UTF-8 (a mis-encoded or binary file must stop the ingest,
 * not publish mojibake), BOM dropped, LF / CRLF / CR all accepted.
 */
export function decodeSource(bytes: Uint8Array, file: string): string[] {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new IngestError(file, lineOfOffset(bytes, nul), 'binary data (NUL byte): not a UTF-8 text file');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new IngestError(file, lineOfOffset(bytes, firstInvalidUtf8(bytes)), 'not valid UTF-8 text');
  }
  if (text.trim() === '') throw new IngestError(file, 1, 'empty source: no text to ingest');
  return splitLines(text);
}

/** Split on any line ending; a final line ending does not create an extra empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
