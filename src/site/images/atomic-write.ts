/** Writes a file so that readers see either nothing or the whole file, never a half-written one. */
import { renameSync, writeFileSync } from 'node:fs';

export function writeFileAtomic(file: string, bytes: Uint8Array | string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
}
