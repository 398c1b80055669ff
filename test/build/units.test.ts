/**
 * The year as the unit of build (issue 16): a year whose inputs did not change
 * is taken from the unit cache (its files are the cache's, hard-linked: same
 * inode), a year with one changed reply is built again and no other is; the
 * shell is built from the catalogue, which holds no reply body, and writes
 * nothing inside a year's folder.
 */
import { cpSync, lstatSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { deserialize } from 'node:v8';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { settingsFromEnv } from '../../_data/site.ts';
import { readCatalogue } from '../../src/build/catalogue.ts';
import { buildShell } from '../../src/build/shell.ts';
import { readCatalogueSummary, summarize } from '../../src/build/catalogue-summary.ts';
import { frontMatterYearHashes } from '../../src/build/year-hashes.ts';
import { filesByYear } from '../../src/site/data/load.ts';
import { runScript, tempDir } from '../support/builds.ts';
import { diskTree } from '../support/file-tree.ts';

const root = tempDir('units');
const content = path.join(root, 'content');
const site = path.join(root, 'site');
const cache = path.join(root, 'cache');

// Two budget years: the fixtures' 2023-24 and one reply of it moved to a 2022-23 of its own.
cpSync('test/fixtures/site', content, { recursive: true });
const older = path.join(content, 'replies/2022-23');
cpSync(path.join(content, 'replies/2023-24/itib001.md'), path.join(older, 'itib001.md'));
writeFileSync(path.join(older, 'itib001.md'), readFileSync(path.join(older, 'itib001.md'), 'utf8').replace('id: 2023-24/ITIB001', 'id: 2022-23/ITIB001').replace('year: "2023-24"', 'year: "2022-23"'));

/** Every file under `dir` with its bytes (base64), by path. */
function treeBytes(dir: string): Record<string, string> {
  return Object.fromEntries(diskTree(dir).files.map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]));
}

const build = () => runScript('scripts/build.ts', [], { ARCHIVE_CONTENT: content, ARCHIVE_OUT: site, ARCHIVE_CACHE: cache, SITE_URL: '' });

/**
 * The site's folder of a rebuilt year holds exactly its unit's cache entry's files, as hard links (the next build
 * reuses the year from the published site by this), though it is the year's previous build brought up to date.
 */
function assertYearIsItsEntry(year: string): void {
  const entries = readdirSync(path.join(cache, 'units', year));
  assert.is(entries.length, 1);
  const entry = path.join(cache, 'units', year, entries[0]!, 'site', year);
  const files = diskTree(entry).files;
  assert.equal(diskTree(path.join(site, year)).files, files);
  for (const f of files) assert.is(statSync(path.join(site, year, f)).ino, statSync(path.join(entry, f)).ino, f);
}
const inode = (file: string) => statSync(path.join(site, file)).ino;
/**
 * How a rebuilt year is placed: by the two cache entries' manifests (src/lib/tree-manifest.ts), on a file system that
 * keeps folders' birth times (which tell the previous entry's folder from a copy of it); else file by file.
 */
const placedBy = statSync(root).birthtimeMs > 0 ? /placed from its previous build in [\d.]+ s \(\d+ files linked or removed, by its manifests\)/ : /placed from its previous build in [\d.]+ s \(\d+ files linked or removed\)/;
const lines = (log: string) => log.split('\n').filter((l) => l.startsWith('Unit ') && /: (built|reused)/.test(l));

test('the years read whole in worker threads (a first build) give the catalogue and caches that one thread gives', async () => {
  const settings = settingsFromEnv({ ARCHIVE_CONTENT: content, ARCHIVE_OUT: site, SITE_URL: '' });
  const threads = tempDir('catalogue-threads');
  const made = await readCatalogueSummary(settings, process.cwd(), threads);
  assert.equal(made.years, ['2022-23', '2023-24'], 'two years, both read whole');
  // The same years read here first, one after another: the summary then reads none whole.
  const here = tempDir('catalogue-here');
  for (const [year, files] of filesByYear(content)) frontMatterYearHashes(path.join(here, 'editions'), year, files, process.cwd());
  await readCatalogueSummary(settings, process.cwd(), here);
  // The same files, the same bytes; an edition-cache entry (V8's serialization) by its value: V8 may write the same
  // array as dense in one isolate and sparse in another, and reads both back alike.
  const cacheFiles = (dir: string) =>
    Object.fromEntries(diskTree(dir).files.map((f) => [f, f.endsWith('.v8') ? JSON.stringify(deserialize(readFileSync(path.join(dir, f)))) : readFileSync(path.join(dir, f), 'utf8')]));
  assert.equal(cacheFiles(threads), cacheFiles(here));
});


test('a year whose inputs are unchanged is reused; editing one reply rebuilds its year only', () => {
  const first = build();
  assert.equal(lines(first).map((l) => l.replace(/ \(key.*| [\d,]+ files.*/, '')), ['Unit 2022-23: built,', 'Unit 2023-24: built,']);
  const olderPage = inode('2022-23/itib001/index.html');
  const newerPage = inode('2023-24/itib002/index.html');

  const second = build();
  assert.equal(lines(second).map((l) => l.replace(/ \(key.*/, '')), ['Unit 2022-23: reused', 'Unit 2023-24: reused']);
  assert.is(inode('2022-23/itib001/index.html'), olderPage, 'the same file, linked from the unit cache');
  assert.is(inode('2023-24/itib002/index.html'), newerPage);

  const unchanged = readdirSync(path.join(content, 'replies/2023-24')).map((f) => f.replace(/\.md$/, '')).find((n) => /^itib\d+$/.test(n) && n !== 'itib002')!;
  const unchangedPage = inode(`2023-24/${unchanged}/index.html`);
  const edited = path.join(content, 'replies/2023-24/itib002.md');
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('\n## 答覆\n', '\n## 答覆\n\n經編輯的一句。\n'));
  const third = build();
  assert.equal(lines(third).map((l) => l.replace(/ \(key.*| [\d,]+ files.*/, '')), ['Unit 2022-23: reused', 'Unit 2023-24: built,']);
  assert.is(inode('2022-23/itib001/index.html'), olderPage, 'the unchanged year is not written again');
  // It was moved from the published site into the new one (adopt-years.ts), not left as a link to it.
  assert.not.ok(lstatSync(path.join(site, '2022-23')).isSymbolicLink());
  assert.is(readdirSync(root).filter((n) => n.startsWith('site.')).filter((n) => !n.startsWith('site.old-')).length, 0, 'no partial site left');
  assert.match(readFileSync(path.join(site, '2023-24/itib002/index.html'), 'utf8'), '經編輯的一句。');
  // Within the rebuilt year only the edited reply's pages (both interfaces) and the feeds that quote it were rendered;
  // every other page is the previous build's file, linked.
  assert.match(third, /Unit 2023-24: \d+ routes; .*pages: \d+ rendered, \d+ linked/);
  // Its search index was keyed beside the pages, the unchanged ones in the year's previous build (year-search.ts YearSearchPlanner).
  assert.match(third, /Unit 2023-24: \d+ routes; .*search: 1 part\(s\) to index, keyed beside the pages, indexed beside/);
  // Its editions, and the year's same answers from them, were read by its process while the build still checked the
  // years (unit-process.ts, on the build's hint); the site below is still byte for byte a cold build's.
  assert.match(third, /Unit 2023-24: \d+ routes; load [\d.]+ s \(its editions and same answers read ahead\)/);
  // Its SQLite file was begun as soon as the year was loaded, the previous build's pages being made as these would be.
  assert.match(third, /Unit 2023-24: \d+ routes; load [\d.]+ s [^,]*, its SQLite file begun after the load, pages/);
  assert.not.match(first, 'its SQLite file begun after the load');
  // Its full-text rows were taken from the previous build's entry, but the edited edition's, made again (fts-text-cache.ts).
  const [, reusedRows, ftsRows] = /Unit 2023-24: .*full-text rows: (\d+) of (\d+) from its previous build/.exec(third) ?? [];
  assert.ok(Number(ftsRows) > 1, `${ftsRows} full-text rows, one per edition`);
  assert.is(Number(reusedRows), Number(ftsRows) - 1, 'every full-text row but the edited edition\'s kept');
  assert.not.match(first, 'full-text rows:');
  const [, rendered] = /pages: (\d+) rendered/.exec(third)!;
  // Its page in each interface, and in each interface the feeds that quote it: its year's, its head's, its programmes' (two here).
  assert.ok(Number(rendered) >= 2 && Number(rendered) <= 10, `${rendered} pages rendered for one edited reply`);
  assert.is(inode(`2023-24/${unchanged}/index.html`), unchangedPage, 'an unchanged reply of the rebuilt year is linked, not rendered');
  assert.is.not(inode('2023-24/itib002/index.html'), newerPage, 'the edited reply\'s page is a new file');
  // The cache keeps one entry per year, whose files the site's year folder is: the previous build's folder, brought up to date.
  assert.match(third, placedBy);
  assertYearIsItsEntry('2023-24');
  // The shell's converter was made from the candidates the first build kept in the search-part cache (build-index.ts),
  // still kept there (the cache keeps what a build used); the site below is still byte for byte a cold build's.
  const kept = readdirSync(path.join(cache, 'search')).filter((key) => existsSync(path.join(cache, 'search', key, 'bundle', 'converter-candidates.json')));
  assert.is(kept.length, 1, 'one entry of the converter\'s candidates in the search-part cache');
  assert.ok(statSync(path.join(cache, 'search', kept[0]!)).mtimeMs < statSync(path.join(site, '2023-24/itib002/index.html')).mtimeMs, 'kept from an earlier build');
  // And the site is byte for byte what a build from empty caches makes.
  const cold = path.join(root, 'cold');
  runScript('scripts/build.ts', [], { ARCHIVE_CONTENT: content, ARCHIVE_OUT: cold, ARCHIVE_CACHE: path.join(root, 'cold-cache'), SITE_URL: '' });
  assert.equal(treeBytes(site), treeBytes(cold));
});

test('an edit of a body reads no catalogue; an edit of front-matter reads it, and the shell shows the change', () => {
  const body = path.join(content, 'replies/2023-24/itib002.md');
  writeFileSync(body, readFileSync(body, 'utf8').replace('經編輯的一句。', '再經編輯的一句。'));
  assert.match(build(), 'front-matter unchanged: catalogue summary reused');
  const older = path.join(content, 'replies/2022-23/itib001.md');
  writeFileSync(older, readFileSync(older, 'utf8').replace('title: 「國際綠色科技周」所需人手及開支', 'title: 「國際綠色科技周」所需人手及開支（經編輯）'));
  const log = build();
  assert.match(log, 'catalogue read');
  assert.equal(lines(log).map((l) => l.replace(/ \(key.*| [\d,]+ files.*/, '')), ['Unit 2022-23: built,', 'Unit 2023-24: reused']);
  // The edited year read ahead was let go before the catalogue was read (its memory is not added to the catalogue's).
  assert.match(log, /Unit 2022-23: \d+ routes; load [\d.]+ s, /);
  // The shell's pages that list the reply (its member's page among them) carry the new title.
  const shellPages = diskTree(site).files.filter((f) => f.endsWith('.html') && !/^\d{4}-\d{2}\//.test(f));
  assert.ok(shellPages.some((f) => readFileSync(path.join(site, f), 'utf8').includes('所需人手及開支（經編輯）')), 'a shell page shows the edited title');
  const cold = path.join(root, 'cold-fm');
  runScript('scripts/build.ts', [], { ARCHIVE_CONTENT: content, ARCHIVE_OUT: cold, ARCHIVE_CACHE: path.join(root, 'cold-fm-cache'), SITE_URL: '' });
  assert.equal(treeBytes(site), treeBytes(cold));
});

test('a broken header stops the build with its file and line, and leaves the published site as it was', () => {
  const before = treeBytes(site);
  const file = path.join(content, 'replies/2022-23/itib001.md');
  const good = readFileSync(file, 'utf8');
  writeFileSync(file, good.replace('title: ', 'title: [unclosed '));
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      env: { ...process.env, ARCHIVE_CONTENT: content, ARCHIVE_OUT: site, ARCHIVE_CACHE: cache, SITE_URL: '' },
      encoding: 'utf8',
    });
    assert.is.not(run.status, 0);
    assert.match(run.stderr, /replies\/2022-23\/itib001\.md:\d+: invalid YAML front-matter/);
    assert.equal(treeBytes(site), before, 'the published site is untouched');
    assert.is(readdirSync(root).filter((n) => n.startsWith('site.') && !n.startsWith('site.old-')).length, 0, 'no partial site left');
  } finally {
    writeFileSync(file, good);
  }
});

test('each year is whole in its folder, both interfaces; the shell lists the years', () => {
  for (const f of ['2022-23/en/itib001/index.html', '2023-24/en/index.html', '2023-24/data/replies.db', '2023-24/itib002/reply.json', '2023-24/pagefind/pagefind-entry.json', '2023-24/og/itib002.png']) {
    assert.ok(existsSync(path.join(site, f)), f);
  }
  assert.not.ok(existsSync(path.join(site, 'en/2023-24')), 'no English page of a year outside its folder');
  const manifest = JSON.parse(readFileSync(path.join(site, 'pagefind/shards.json'), 'utf8')) as { primary: string; shards: { name: string; parts: string[]; metadata: { path: string } }[] };
  assert.is(manifest.primary, '2023-24');
  assert.equal(manifest.shards.map(({ name, parts }) => ({ name, parts })), [{ name: '2023-24', parts: ['2023-24/pagefind/'] }, { name: '2022-23', parts: ['2022-23/pagefind/'] }]);
  // Each year's pack of its bundle's metadata (src/search/packs.ts) is in the year's own folder too.
  for (const s of manifest.shards) assert.ok(s.metadata.path.startsWith(`${s.name}/pagefind/`) && existsSync(path.join(site, s.metadata.path)), s.metadata.path);
  const index = JSON.parse(readFileSync(path.join(site, 'data/index.json'), 'utf8')) as { years: { year: string; replies: number }[] };
  assert.equal(index.years.map((y) => [y.year, y.replies]), [['2022-23', 1], ['2023-24', 4]]);
});

test('the shell is built from the catalogue, which holds no reply body, and writes nothing in a year\'s folder', async () => {
  const catalogue = readCatalogue(content, process.cwd(), null);
  assert.ok(catalogue.replies.length > 0);
  for (const r of catalogue.replies) assert.equal([r.markdown, r.bodyHtml, r.tables.length], ['', '', 0], r.id);
  const out = tempDir('shell');
  const settings = { ...settingsFromEnv({ ARCHIVE_CONTENT: content }), outDir: out };
  await buildShell(settings, { ...summarize(catalogue, settings), catalogue: () => catalogue }, [], out, ['pages'], () => {});
  const written = readdirSync(out);
  assert.ok(written.includes('index.html') && written.includes('members') && written.includes('404.html'));
  assert.not.ok(written.some((name) => /^\d{4}-\d{2}$/.test(name)), `the shell wrote ${written.join(', ')}`);
  // The home page lists each year from the catalogue's counts.
  const home = readFileSync(path.join(out, 'index.html'), 'utf8');
  assert.match(home, 'href="./2022-23/"');
  assert.match(home, 'href="./2023-24/"');
});

test('a reply removed from a year is gone from its folder, which is its unit\'s files and no other', () => {
  assert.ok(existsSync(path.join(site, '2023-24/itib007/index.html')));
  rmSync(path.join(content, 'replies/2023-24/itib007.md'));
  const log = build();
  assert.ok(lines(log).some((l) => l.startsWith('Unit 2023-24: built,')));
  assert.match(log, placedBy);
  assert.not.ok(existsSync(path.join(site, '2023-24/itib007')));
  assert.not.ok(existsSync(path.join(site, '2023-24/en/itib007')));
  assertYearIsItsEntry('2023-24');
});

test('a year whose every page is made anew (the site\'s address changed) begins its SQLite file only once its pages are written', () => {
  // For memory: the file is begun beside the pages only when most of them are linked (unit-process.ts).
  const [otherSite, otherCache] = [path.join(root, 'other-site'), path.join(root, 'other-cache')];
  cpSync(cache, otherCache, { recursive: true });
  const log = runScript('scripts/build.ts', [], { ARCHIVE_CONTENT: content, ARCHIVE_OUT: otherSite, ARCHIVE_CACHE: otherCache, SITE_URL: 'https://archive.example.org/' });
  assert.match(log, /Unit 2023-24: \d+ routes; load [\d.]+ s, pages: \d+ rendered, 0 linked/);
  assert.not.match(log, 'its SQLite file begun after the load');
  assert.match(readFileSync(path.join(otherSite, '2023-24/itib002/index.html'), 'utf8'), 'https://archive.example.org/');
});

test.run();
