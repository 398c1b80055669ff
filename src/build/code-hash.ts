/**
 * The hash of the build's code: every file under src/ and _data/, and
 * package-lock.json (so the versions of Eleventy, Pagefind, sharp,
 * markdown-it…), with Node's version. Every cache of the build is keyed by it:
 * what code made an entry decides its bytes as much as the content does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Files under `dir`, recursively, sorted (code-unit order). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

let code: string | undefined;

/** Made once per process. */
export function codeHash(): string {
  if (code) return code;
  const hash = createHash('sha256').update(process.version).update('\u0000');
  for (const f of [...filesUnder(path.join(ROOT, 'src')), ...filesUnder(path.join(ROOT, '_data')), path.join(ROOT, 'package-lock.json')]) {
    hash.update(path.relative(ROOT, f)).update('\u0000').update(readFileSync(f)).update('\u0000');
  }
  code = hash.digest('hex');
  return code;
}
