/**
 * The code a parse is made by, as one hash for the parse cache's keys
 * (parse-cache.ts): every file of src/ the parse runs (run.ts and what it
 * imports, followed: src/ingest's steps and the src/model files they read)
 * and the files that define an entry or a year's record (parse-cache.ts,
 * folder-facts.ts, output-file.ts and this one), rather than the whole of src/, so that a change to a template,
 * a page or the writer does not make the next ingest parse every document
 * again (~15 s a synthetic year of 11,000 editions), while any change to
 * what decides a document's result does; package-lock.json (the `diff` and
 * `yaml` packages); and Node's version (its Unicode tables decide
 * `\p{Script=Han}` and NFC).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..');
const ROOT = path.resolve(SRC, '..');

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The source files a module runs, itself included: its relative imports (static, re-exports and `import('…')`), followed. */
export function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      // Also matched in comments: more files hashed than run is only safer, a path that is not a file is not code.
      const target = path.resolve(path.dirname(file), m[1]!);
      if (existsSync(target)) visit(target);
    }
  };
  visit(path.resolve(entry));
  return [...seen].sort(byCodeUnit);
}

let code: string | undefined;

/** The hash of the code that parses, once per process. */
export function codeKey(): string {
  if (code) return code;
  const hash = createHash('sha256').update(`ingest parse\u0000node ${process.version}\u0000`);
  const lock = path.join(ROOT, 'package-lock.json');
  const entry = ['parse-cache.ts', 'folder-facts.ts', 'output-file.ts', 'code-key.ts'].map((f) => path.join(SRC, 'ingest', f));
  const files = [...new Set([...importClosure(path.join(SRC, 'ingest/run.ts')), ...entry])].sort(byCodeUnit);
  for (const f of [...files, ...(existsSync(lock) ? [lock] : [])]) {
    const bytes = readFileSync(f);
    hash.update(`${path.relative(ROOT, f)}\u0000${bytes.length}\u0000`).update(bytes);
  }
  code = hash.digest('hex');
  return code;
}
