/**
 * The layers of src/ import one way (issue 16): the model is below everything,
 * the site and the search index stand side by side on it and never import
 * each other, and the search page's browser code imports nothing from Node.
 * Every import of every file under src/ is read (static, re-export, type-only
 * and dynamic with a literal path), so a wrong arrow fails here with the file
 * and the import that draws it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** What an import points at: a file of the repository (repo-relative, posix), a Node built-in or a package. */
type Target = { kind: 'file'; path: string } | { kind: 'node' | 'package'; name: string };

interface Import {
  file: string;
  line: number;
  specifier: string;
  target: Target;
}

// A statement-level import or re-export (possibly over several lines: `import {\n a,\n} from '…'`),
// a side-effect import, and a dynamic import of a literal path. Anchored at the start of a line,
// so an import quoted in a comment (` * import …`) or a string is not taken for one.
const STATIC = /^[ \t]*(?:import|export)\b[^'";()=]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const BARE = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  for (const re of [STATIC, BARE, DYNAMIC]) {
    for (const m of text.matchAll(re)) {
      const specifier = m[1]!;
      const at = m.index + m[0].lastIndexOf(specifier);
      const line = text.slice(0, at).split('\n').length;
      let target: Target;
      if (specifier.startsWith('.')) target = { kind: 'file', path: path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) };
      else if (specifier.startsWith('node:')) target = { kind: 'node', name: specifier };
      else target = { kind: 'package', name: specifier };
      out.push({ file, line, specifier, target });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The layer of a repository path: `src/<layer>/…`, or null outside src/. */
function layerOf(p: string): string | null {
  const m = /^src\/([^/]+)\//.exec(p);
  return m ? m[1]! : null;
}

/** Why an import breaks the layering, or null when it is allowed. */
function ruleBroken(imp: Import): string | null {
  const from = layerOf(imp.file);
  const to = imp.target.kind === 'file' ? layerOf(imp.target.path) : null;
  if (from === 'browser') {
    if (imp.target.kind !== 'file') return 'browser code imports nothing from Node (no built-in, no package)';
    if (to !== 'browser') return 'browser code imports only browser code (src/browser/)';
    return null;
  }
  if (from === 'site' && to === 'search') return 'src/site and src/search never import each other (the shared part belongs in src/model)';
  if (from === 'search' && to === 'site') return 'src/site and src/search never import each other (the shared part belongs in src/model)';
  if (from === 'model' && imp.target.kind === 'file' && to !== 'model' && to !== 'lib') return 'src/model is below everything (site configuration in _data/ included): it imports only src/model and src/lib';
  if (from === 'ingest' && (to === 'site' || to === 'search' || to === 'build' || to === 'browser')) return 'the ingest reads only the model, never the site, search, build or browser code';
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const describe = (imp: Import, why: string) => `${imp.file}:${imp.line}: import '${imp.specifier}': ${why}`;

test('no import under src/ runs against the layers', () => {
  const broken: string[] = [];
  let count = 0;
  for (const file of sourceFiles('src')) {
    for (const imp of importsOf(file, readFileSync(path.join(ROOT, file), 'utf8'))) {
      count++;
      const why = ruleBroken(imp);
      if (why) broken.push(describe(imp, why));
    }
  }
  // The reader must see the imports at all: src/ has hundreds (a broken pattern would pass vacuously).
  assert.ok(count > 300, `only ${count} imports read under src/`);
  assert.equal(broken, [], `\n${broken.join('\n')}`);
});

test('a wrong arrow is named with its file, line and import', () => {
  const text = "import { a } from './ok.ts';\nimport {\n  type RouteTable,\n} from '../site/data/routes.ts';\n";
  const found = importsOf('src/search/records.ts', text).map((imp) => [imp, ruleBroken(imp)] as const).filter(([, why]) => why);
  assert.equal(found.map(([imp, why]) => describe(imp, why!)), [
    "src/search/records.ts:4: import '../site/data/routes.ts': src/site and src/search never import each other (the shared part belongs in src/model)",
  ]);
});

test('each rule of the layering catches what it forbids, and lets the allowed arrows pass', () => {
  const verdict = (file: string, specifier: string) => importsOf(file, `import x from '${specifier}';\n`).map(ruleBroken)[0];
  // Forbidden.
  assert.ok(verdict('src/site/pages/search.11ty.ts', '../../search/offline-bundle.ts'));
  assert.ok(verdict('src/model/reply.ts', '../site/markdown/env.ts'));
  assert.ok(verdict('src/model/urls.ts', '../ingest/errors.ts'));
  assert.ok(verdict('src/model/urls.ts', '../../_data/site.ts'));
  assert.ok(verdict('src/ingest/run.ts', '../build/units.ts'));
  assert.ok(verdict('src/browser/search/search.js', 'node:fs'));
  assert.ok(verdict('src/browser/search/search.js', 'pagefind'));
  assert.ok(verdict('src/browser/search/search.js', '../../search/segment.ts'));
  // Allowed.
  assert.is(verdict('src/search/segment.ts', '../browser/search/query.js'), null);
  assert.is(verdict('src/site/data/load.ts', '../../model/content-files.ts'), null);
  assert.is(verdict('src/ingest/run.ts', '../model/source-meta.ts'), null);
  assert.is(verdict('src/model/source-meta.ts', 'node:fs'), null);
  assert.is(verdict('src/browser/search/search.js', './query.js'), null);
  // A side-effect import and a dynamic import are imports too; one quoted in a comment is not.
  assert.equal(importsOf('src/browser/search/offline-entry.js', "import './search.js';\n").map((i) => i.specifier), ['./search.js']);
  assert.equal(importsOf('src/site/x.ts', "const m = await import('../search/records.ts');\n").map(ruleBroken).filter(Boolean).length, 1);
  assert.equal(importsOf('src/site/x.ts', "/**\n * import { a } from '../search/records.ts';\n */\n"), []);
});

test.run();
