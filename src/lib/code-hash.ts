/**
 * The hash of some of the repository's code: every file under the given folders
 * (and single files), by path and bytes. A cache key holds the hash of the code
 * that makes its entry, so a change of that code makes new entries: the year
 * units hash all of src/ (src/build/plan.ts), the search index's parts only the
 * code they run (src/search/parts.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository's root (this file is src/lib/code-hash.ts). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Files under `dir`, recursively, sorted (code-unit order); a file is itself. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const hashes = new Map<string, string>();

/** The hash of every file under `paths` (repository-relative folders or files), once per process for each list. */
export function codeHash(paths: readonly string[]): string {
  const id = paths.join('\u0000');
  const known = hashes.get(id);
  if (known) return known;
  const hash = createHash('sha256');
  for (const f of paths.flatMap((p) => filesUnder(path.join(REPO_ROOT, p)))) {
    hash.update(path.relative(REPO_ROOT, f)).update('\u0000').update(readFileSync(f)).update('\u0000');
  }
  const digest = hash.digest('hex');
  hashes.set(id, digest);
  return digest;
}

/** The build's code: templates, data, every dependency's locked version. */
export const BUILD_CODE = ['src', '_data', 'package-lock.json'] as const;

/** The build's code and Node's version: what the build's caches (units, editions, the shell) are keyed by, beside their content. */
export function buildCodeHash(): string {
  return `${process.version}:${codeHash(BUILD_CODE)}`;
}
