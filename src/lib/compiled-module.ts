/**
 * The module a worker thread or a worker process runs for a TypeScript module of
 * the repository: the module compiled with what it imports from the repository
 * into one plain ES module (compile-module.mjs, esbuild), once per version of
 * the code, kept in node_modules/.cache. A thread that ran the TypeScript under
 * tsx paid for tsx twice: registering it (0.45–0.49 CPU s a thread) and a loader
 * thread of its own beside it (0.57–0.70 CPU s each), in an edit's unit with
 * three threads about 3.3 of its 20 CPU s (node --cpu-prof of every thread of
 * the unit, a built synthetic year of 5,500 bilingual replies, load ~2.5,
 * 2026-12-05).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILD_CODE, codeHash, REPO_ROOT } from './code-hash.ts';

/** Where compiled modules are kept, a folder per version of the code. */
export const COMPILED_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'legco-archive-threads');
const COMPILER = fileURLToPath(new URL('./compile-module.mjs', import.meta.url));
/** A version's folder unused this long is removed when another version's is made. */
const KEEP_MS = 24 * 3600 * 1000;

let versionDir: string | undefined;

/** This version's folder (made, and older versions' pruned, on first use). */
function compiledVersionDir(): string {
  if (versionDir) return versionDir;
  versionDir = path.join(COMPILED_DIR, codeHash(BUILD_CODE).slice(0, 16));
  if (!existsSync(versionDir) && existsSync(COMPILED_DIR)) {
    for (const name of readdirSync(COMPILED_DIR)) {
      const dir = path.join(COMPILED_DIR, name);
      if (Date.now() - statSync(dir).mtimeMs > KEEP_MS) rmSync(dir, { recursive: true, force: true });
    }
  }
  return versionDir;
}

/** The compiled module to run in a worker thread or process for `module` (a .ts file of the repository); any other module as it is. */
export function compiledModule(module: URL): URL {
  const file = fileURLToPath(module);
  const relative = path.relative(REPO_ROOT, file);
  if (!file.endsWith('.ts') || relative.startsWith('..')) return module;
  const out = path.join(compiledVersionDir(), relative.replace(/\.ts$/, '.mjs'));
  if (!existsSync(out)) {
    const r = spawnSync(process.execPath, [COMPILER, file, out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`compiling ${relative} to run without tsx (esbuild, into ${out}) failed: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim()}`);
  }
  return pathToFileURL(out);
}
