/**
 * Extra builds the tests need besides `_site`: the XSS fixture corpus through
 * the real ingest CLI and the real build, and the offline zip. Each is built at
 * most once per test process (uvu runs every test file in one process) and
 * lives in a temporary directory removed at exit.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const ROOT = resolve(import.meta.dirname, '../..');
const temps: string[] = [];
process.on('exit', () => {
  if (process.env.KEEP_TEST_BUILDS) return;
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `legco-${label}-`));
  temps.push(dir);
  return dir;
}

/** Run a repository script with tsx; throw with its output when it fails. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): string {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(
      `${script} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`,
    );
  }
  console.log(`  (${script} ${args.join(' ')} took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return r.stdout;
}

/** Build the site from a content directory into an output directory. */
export function buildSite(contentDir: string, outDir: string, env: Record<string, string> = {}): string {
  rmSync(outDir, { recursive: true, force: true });
  runScript('scripts/build.ts', [], { ARCHIVE_CONTENT: contentDir, ARCHIVE_OUT: outDir, ...env });
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`build into ${outDir} wrote no index.html`);
  return outDir;
}

export const XSS_SOURCE = join(ROOT, 'test/fixtures/xss/zh-2023-24-XSS.txt');

/**
 * A content directory like the real one, with `sourceText` (in the layout of
 * the XSS fixture) as the only 2023-24 source and its replies produced by the
 * real ingest CLI. Other content (background paper, other sources' metadata)
 * is copied so every page type still builds; patches are left out, they
 * belong to the real source.
 */
export function scratchContent(label: string, sourceText: string): string {
  const dir = tempDir(`${label}-content`);
  for (const entry of readdirSync(join(ROOT, 'content'))) {
    if (entry === 'replies' || entry === 'patches' || entry === 'sources') continue;
    cpSync(join(ROOT, 'content', entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, 'patches'), { recursive: true });
  cpSync(join(ROOT, 'content/sources'), join(dir, 'sources'), {
    recursive: true,
    filter: (src) => !src.includes(`${join('sources', '2023-24')}`) || src.endsWith('2023-24'),
  });
  const yearSources = join(dir, 'sources/2023-24');
  mkdirSync(yearSources, { recursive: true });
  writeFileSync(join(yearSources, 'zh-2023-24-XSS.txt'), sourceText);
  cpSync(XSS_SOURCE.replace(/\.txt$/, '.meta.json'), join(yearSources, 'zh-2023-24-XSS.meta.json'));
  const out = join(dir, 'replies/2023-24');
  mkdirSync(out, { recursive: true });
  runScript('scripts/ingest.ts', [join(yearSources, 'zh-2023-24-XSS.txt'), '--out', out]);
  return dir;
}

/** The XSS fixture's content directory (test/fixtures/xss), ingested once per process. */
let fixtureContent: string | undefined;
export function xssContent(): string {
  fixtureContent ??= scratchContent('xss', readFileSync(XSS_SOURCE, 'utf8'));
  return fixtureContent;
}

let fixtureSite: string | undefined;
export function xssSite(): string {
  fixtureSite ??= buildSite(xssContent(), join(tempDir('xss-site'), 'site'));
  return fixtureSite;
}

/** The English sample layout (a test fixture, not official text: never in content/). */
export const EN_SAMPLE = join(ROOT, 'test/fixtures/ingest/sample-en-2023-24-ITIB.txt');
export const EN_SOURCE = 'content/sources/2023-24/en-2023-24-ITIB.txt';

/**
 * A repository-shaped scratch folder pairing the real Chinese 2023-24 document
 * (with its corrections) and the English sample beside it, as a maintainer
 * would add the English edition; `edit` changes the English text first.
 * Not yet ingested: run scripts/ingest.ts --root on it.
 */
export function pairedRoot(edit: (english: string) => string = (t) => t): string {
  const dir = tempDir('editions');
  cpSync(join(ROOT, 'content/sources'), join(dir, 'content/sources'), { recursive: true });
  cpSync(join(ROOT, 'content/patches'), join(dir, 'content/patches'), { recursive: true });
  writeFileSync(join(dir, EN_SOURCE), edit(readFileSync(EN_SAMPLE, 'utf8')));
  writeFileSync(
    join(dir, EN_SOURCE.replace(/\.txt$/, '.meta.json')),
    JSON.stringify({ year: '2023-24', bureau: 'ITIB', session: 17, lang: 'en', kind: 'replies', title: 'Replies to initial written questions (sample layout, test fixture)' }),
  );
  return dir;
}

/**
 * The paired archive ingested by the real CLI and built by the real build: ITIB001, ITIB259 and ITIB263 have both editions.
 * Built with a site address (a test domain), so its pages carry the share-card (og:image) tags the editions test reads.
 */
export const PAIRED_SITE_URL = 'https://archive.example.test/';
let paired: { content: string; site: string } | undefined;
export function pairedSite(): { content: string; site: string } {
  if (paired) return paired;
  const dir = pairedRoot();
  runScript('scripts/ingest.ts', ['--root', dir]);
  const content = join(dir, 'content');
  paired = { content, site: buildSite(content, join(dir, 'site'), { SITE_URL: PAIRED_SITE_URL }) };
  return paired;
}

/** `npm run build:offline` into a temporary place; returns the zip's bytes and the unzipped-on-build site dir. */
let offline: { zip: Uint8Array; siteDir: string } | undefined;
export function offlineBuild(): { zip: Uint8Array; siteDir: string } {
  if (offline) return offline;
  const dir = tempDir('offline');
  const siteDir = join(dir, 'site');
  const zipPath = join(dir, 'archive-offline.zip');
  runScript('scripts/build-offline.ts', ['--site', siteDir, '--zip', zipPath]);
  offline = { zip: new Uint8Array(readFileSync(zipPath)), siteDir };
  return offline;
}

/**
 * The offline zip unpacked on disk, as a reader gets it: returns the folder it unpacks to
 * (its one top folder, e.g. …/legco-archive), whose pages are opened with file://.
 */
let unpacked: string | undefined;
export function unzippedOffline(): string {
  if (unpacked) return unpacked;
  const dir = tempDir('offline-unzipped');
  const tops = new Set<string>();
  for (const [name, bytes] of Object.entries(unzipSync(offlineBuild().zip))) {
    if (name.endsWith('/')) continue;
    tops.add(name.split('/')[0]!);
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  if (tops.size !== 1) throw new Error(`the offline zip should unpack to one folder, not ${[...tops].join(', ')}`);
  unpacked = join(dir, [...tops][0]!);
  return unpacked;
}
