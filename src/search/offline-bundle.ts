/**
 * Search in the offline mirror opened from disk (file://), where browsers block module
 * scripts and fetch(): the offline build (settings.offline) turns the installed search
 * page and index into classic scripts, which file:// allows. The index is the same.
 *
 * - search/search-offline.js: the search page (search.js and its modules) with the file
 *   loader (offline-files.js) in front, as one classic script;
 * - pagefind/pagefind.js and search/opencc-core.js: Pagefind's and opencc-js's ES modules
 *   rebuilt as classic scripts that register their exports in `legcoOfflineSearch.modules`,
 *   Pagefind's fetch() answered by the loader;
 * - every file the page reads (Pagefind's entry, metadata, chunks, fragments, filters and
 *   WebAssembly, in every shard; shards.json, s2hk.json, vocabulary.json) as `<file>.js`,
 *   which hands its bytes (base64 when binary) to `legcoOfflineSearch.add`; loaded when
 *   asked for, as online.
 *
 * The originals, and the module scripts the offline page no longer loads, are removed.
 * esbuild does the module → classic-script conversion (exports, import.meta, bundling).
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { site } from '../../_data/site.ts';
import { OFFLINE_SEARCH_SCRIPT, searchIndexPath } from '../model/urls.ts';
import { OPENCC_CORE } from './build-index.ts';


const GLOBAL = 'legcoOfflineSearch';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLIENT_DIR = join(ROOT, 'src', 'browser', 'search');
/** Read by the page as text (JSON); everything else is binary (gzipped Pagefind files, WebAssembly). */
const TEXT = /\.json$/;

/**
 * An ES module as a classic script: bundled, wrapped in a function, its exports under
 * `globalName`. Paths (esbuild names each bundled file in a comment) are relative to the
 * repository, and a built file is read by its name alone, so the output does not depend
 * on where the repository or the build directory is.
 */
async function classicScript(
  /** A source file, or a built one (which imports nothing) read under a fixed name. */
  entry: string | { file: string; name: string },
  options: { globalName?: string; define?: Record<string, string> } = {},
): Promise<string> {
  const r = await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: readFileSync(entry.file, 'utf8'), sourcefile: entry.name, resolveDir: ROOT } }),
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'error',
    ...options,
  });
  const out = r.outputFiles[0];
  if (!out) throw new Error(`offline search: esbuild wrote nothing for ${typeof entry === 'string' ? entry : entry.file}`);
  return out.text;
}

/** Files under `dir`, as paths relative to `base` with forward slashes, sorted. */
function filesUnder(base: string, dir: string): string[] {
  if (!existsSync(join(base, dir))) return [];
  return (readdirSync(join(base, dir), { recursive: true }) as string[])
    .map((f) => `${dir}/${f.split(sep).join('/')}`)
    .filter((f) => statSync(join(base, f)).isFile())
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One data file as the classic script that registers it. */
export function dataScript(path: string, bytes: Buffer): string {
  const binary = !TEXT.test(path);
  const body = binary ? JSON.stringify(bytes.toString('base64')) : JSON.stringify(bytes.toString('utf8'));
  return `${GLOBAL}.add(${JSON.stringify(path)},${body}${binary ? ',true' : ''});\n`;
}

/** Rewrites the search page and index installed in `siteDir` (by buildSearchIndex) for file://. */
export async function writeOfflineSearch(siteDir: string): Promise<{ files: number }> {
  const moduleName = (path: string) => `${GLOBAL}.modules[${JSON.stringify(path)}]`;
  // Each language's index (/pagefind/, /pagefind-en/ when the archive has English editions), with every part of every year.
  const yearsOf = (dir: string): string[] => {
    const manifest = join(siteDir, dir, 'shards.json');
    if (!existsSync(manifest)) return [];
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { shards?: { parts: string[] }[] };
    return (m.shards ?? []).flatMap((s) => s.parts.map((p) => p.replace(/\/$/, '')));
  };
  const indexes = site.languages
    .map((lang) => ({ lang, dir: searchIndexPath(lang).replace(/^\/|\/$/g, '') }))
    .filter((x) => x.lang === site.defaultLang || existsSync(join(siteDir, x.dir, 'pagefind.js')));
  const bundles: Array<{ file: string; text: string }> = [];
  const data: string[] = [];
  for (const x of indexes) {
    const pagefindJs = join(siteDir, x.dir, 'pagefind.js');
    if (!existsSync(pagefindJs)) throw new Error(`offline search: ${pagefindJs} is missing: the search index must be built first`);
    // Pagefind: exports registered, fetch() answered from the data scripts; its base path is
    // given by the loader, so import.meta.url (absent from a classic script) is never read.
    const name = `${x.dir}/pagefind.js`;
    bundles.push({ file: pagefindJs, text: await classicScript({ file: pagefindJs, name }, { globalName: moduleName(name), define: { fetch: `${GLOBAL}.fetch`, 'import.meta.url': 'undefined' } }) });
    // Not the packs (src/search/packs.ts): the page reads Pagefind's own files from disk, where their size costs nothing.
    data.push(...[...filesUnder(siteDir, x.dir), ...yearsOf(x.dir).flatMap((d) => filesUnder(siteDir, d))].filter((f) => !/\/pagefind\.js$/.test(f) && !f.endsWith('.pf_pack')));
  }
  const opencc = await classicScript(OPENCC_CORE, { globalName: moduleName('search/opencc-core.js') });
  // The page's script learns the site's place from its own <script> element, as a module does from import.meta.url.
  const page = await classicScript(join(CLIENT_DIR, 'offline-entry.js'), { define: { 'import.meta.url': 'document.currentScript.src' } });

  for (const f of data) {
    writeFileSync(join(siteDir, `${f}.js`), dataScript(f, readFileSync(join(siteDir, f))));
    rmSync(join(siteDir, f));
  }
  // The module scripts the offline page does not load (it loads the bundle above).
  for (const f of filesUnder(siteDir, 'search')) if (f.endsWith('.js')) rmSync(join(siteDir, f));
  for (const b of bundles) {
    // Removed, not overwritten: the index's files are hard links into the shard cache (shard-cache.ts).
    rmSync(b.file);
    writeFileSync(b.file, b.text);
  }
  writeFileSync(join(siteDir, 'search', 'opencc-core.js'), opencc);
  writeFileSync(join(siteDir, OFFLINE_SEARCH_SCRIPT), page);
  return { files: data.length };
}
