// Compiles one TypeScript module of the repository, with what it imports from the repository, into
// one plain ES module for a worker thread or process to run without tsx (compiled-module.ts).
// Plain JS, run by Node alone: node src/lib/compile-module.mjs <module.ts> <out.mjs>. Packages stay
// imports (the compiled file lives under node_modules/.cache, whence Node finds them as the source does).
// Each module's import.meta.url, .dirname and .filename become its source file's, so the paths it
// makes from them (templates, fonts, the next worker's module) are the ones it makes under tsx.
import { readFile } from 'node:fs/promises';
import { mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const [entry, out] = process.argv.slice(2);
const META = /\bimport\.meta\.(url|dirname|filename)\b/g;
const ownPlace = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = await readFile(args.path, 'utf8');
      const value = { url: pathToFileURL(args.path).href, dirname: dirname(args.path), filename: args.path };
      return { contents: text.replace(META, (_, k) => JSON.stringify(value[k])), loader: /ts$/.test(args.path) ? 'ts' : 'js' };
    });
  },
};
mkdirSync(dirname(out), { recursive: true });
// Written beside, then renamed: a process reading it meanwhile (another build) sees none or the whole file.
const writing = `${out}.${process.pid}`;
await esbuild.build({ entryPoints: [entry], outfile: writing, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error', plugins: [ownPlace] });
renameSync(writing, out);
