/**
 * A file the ingest writes, known by the SHA-256 and length of its bytes: the
 * parse cache keeps those for every file it holds (parse-cache.ts), and the
 * writer compares them with what is on disk (write.ts); the bytes themselves
 * are asked for only when the file has to be written.
 */
import { createHash } from 'node:crypto';

export interface OutputFile {
  sha256: string;
  size: number;
  bytes(): Buffer;
}

export const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A file whose text is in memory. */
export function outputFile(text: string): OutputFile {
  const bytes = Buffer.from(text);
  return { sha256: sha256Hex(bytes), size: bytes.length, bytes: () => bytes };
}

export function outputFiles(files: ReadonlyMap<string, string>): Map<string, OutputFile> {
  return new Map([...files].map(([rel, text]) => [rel, outputFile(text)]));
}
