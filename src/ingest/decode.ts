import { decodeUtf8, forbiddenCharacter } from '../model/characters.ts';
import { IngestError } from './errors.ts';

/**
 * Bytes → lines. Strict UTF-8 (a mis-encoded or binary file must stop the ingest,
 * not publish mojibake, at the line and column of its first bad byte), no
 * control character but tab and no lone surrogate (model/characters.ts),
 * BOM dropped, LF / CRLF / CR all accepted.
 */
export function decodeSource(bytes: Uint8Array, file: string): string[] {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new IngestError(file, lineOfOffset(bytes, nul), 'binary data (NUL byte): not a UTF-8 text file');
  }
  const text = decodeUtf8(bytes, file, (line, message) => {
    throw new IngestError(file, line, message);
  });
  if (text.trim() === '') throw new IngestError(file, 1, 'empty source: no text to ingest');
  const lines = splitLines(text);
  // The whole text looked at once (its line breaks as spaces), the lines one by one only to name the first bad one.
  if (forbiddenCharacter(text.replace(/[\r\n]/g, ' '), { tab: true })) {
    lines.forEach((l, i) => {
      const bad = forbiddenCharacter(l, { tab: true });
      if (bad) throw new IngestError(file, i + 1, `${bad.message} at column ${bad.column}`);
    });
  }
  return lines;
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
