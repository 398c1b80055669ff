/**
 * npm run ingest                              every source → content/replies/<year>/*.md + background pages
 * npm run ingest -- <source.txt> --out <dir>  one document → <dir>/*.md
 * npm run ingest -- --check                   regenerate in memory, no cache; fail if content/ differs (CI)
 * npm run ingest -- --root <dir>              every source under <dir>/content (the benchmark's scratch corpus)
 * npm run ingest -- --warnings                also list each reply recovered from an extraction loss
 *
 * Every source's parse is kept in .cache/ingest (ingest/ under ARCHIVE_CACHE)
 * and reused while its inputs and the ingest's code are unchanged
 * (src/ingest/parse-cache.ts); --check parses every source and reads every
 * file. Only the folders of content/ that changed are written, and in them
 * only the files that changed (src/ingest/write.ts).
 *
 * The last line printed is the JSON summary
 * {"replies":N,"unaccounted":N,"warnings":N,"tablesRecovered":N,"tablesKept":N}.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRACTION_LOSSES, IngestError } from '../src/ingest/errors.ts';
import { withOutputLock } from '../src/lib/output-lock.ts';
import { generateArchive, openParseCache, type ArchiveRun } from '../src/ingest/parse-cache.ts';
import { generateOne, readTitles, type IngestResult } from '../src/ingest/run.ts';
import { outputFiles, type OutputFile } from '../src/ingest/output-file.ts';
import { MANAGED_DIRS, compareWithDisk, writeAtomically, type WriteCounts } from '../src/ingest/write.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Args { source?: string; out?: string; root: string; check: boolean; quiet: boolean; warnings: boolean }

function parseArgs(argv: string[]): Args {
  const args: Args = { root: repositoryRoot, check: false, quiet: false, warnings: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check') args.check = true;
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--warnings') args.warnings = true;
    else if (a === '--root') {
      const v = argv[++i];
      if (!v) throw new Error('--root needs a directory that holds content/sources');
      args.root = path.resolve(v);
    } else if (a === '--out') {
      const v = argv[++i];
      if (!v) throw new Error('--out needs a directory');
      args.out = v;
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else if (args.source) throw new Error('give one source file at a time');
    else args.source = a;
  }
  if (args.source && !args.out) throw new Error('a single source needs --out <dir>');
  if (args.out && !args.source) throw new Error('--out needs a <source.txt>');
  return args;
}

function report(g: IngestResult<unknown>, quiet: boolean, all: boolean): void {
  const byKind = new Map<string, number>();
  for (const w of g.warnings) byKind.set(w.kind, (byKind.get(w.kind) ?? 0) + 1);
  const losses = g.warnings.filter((w) => EXTRACTION_LOSSES.has(w.kind));
  if (!quiet) {
    for (const w of g.warnings) {
      if (all || !EXTRACTION_LOSSES.has(w.kind)) console.log(`warning ${w.kind}: ${w.replyNo} (line ${w.line}): ${w.message}`);
    }
    if (losses.length > 0 && !all) {
      console.log(`${losses.length} replies recovered from extraction losses (lost header or end marker; normal for these PDFs, see src/ingest/README.md "Warnings"; --warnings lists them)`);
    }
  }
  const a = g.audit;
  console.log(`replies: ${g.summary.replies}; index agreement: ${g.indexAgreement}/${g.summary.replies}`);
  console.log(`audit (non-whitespace characters): total ${a.total} = index ${a.index} + furniture ${a.furniture} + header ${a.header} + body ${a.body} + unaccounted ${a.total - a.index - a.furniture - a.header - a.body}; body text lost in cleanup ${a.unaccounted - (a.total - a.index - a.furniture - a.header - a.body)}`);
  console.log(`tables: ${g.summary.tablesRecovered} recovered, ${g.summary.tablesKept} kept as extracted blocks`);
  const s = g.seams;
  console.log(`seams mended: ${s.pageBreakJoins} sentences joined across a page break, ${s.digitJoins} numbers joined, ${s.addressJoins} web addresses joined, ${s.itemSplits} list items split`);
  console.log(`warnings by kind: ${[...byKind].sort().map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
}

/**
 * `--out DIR` is replaced whole (written beside it, then swapped in), so it may
 * only hold what an earlier ingest wrote there: Markdown files. Anything else
 * (a folder, notes, the repository itself) stops the ingest before any write.
 */
function refuseForeignOutput(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new Error(`--out ${out} is a file, not a directory`);
  const foreign = readdirSync(out, { withFileTypes: true }).filter((e) => !(e.isFile() && e.name.endsWith('.md')));
  if (foreign.length > 0) {
    const names = foreign.slice(0, 3).map((e) => e.name + (e.isDirectory() ? '/' : '')).join(', ');
    throw new Error(`--out ${out} holds files the ingest did not write (${names}${foreign.length > 3 ? ', …' : ''}); it replaces the whole directory, so give a new or empty one`);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  if (args.out) refuseForeignOutput(path.resolve(args.out));
  const root = args.root;
  const titles = readTitles(root);
  let g: IngestResult<OutputFile>;
  let parsedHow = '';
  let run: ArchiveRun | undefined;
  const cacheDir = path.resolve(process.env.ARCHIVE_CACHE ?? '.cache', 'ingest');
  if (args.source) {
    const one = generateOne(root, path.resolve(args.source), 'flat', titles);
    g = { ...one, files: outputFiles(one.files) };
  } else {
    // --check is the proof that content/ is what the code makes of the sources: it parses every one, whatever a cache holds.
    // Writing content/, a year whose documents and title overrides are as when it was written is kept without reading them (folder-facts.ts).
    run = await generateArchive(root, titles, args.check ? null : openParseCache(cacheDir), undefined, !args.check && !args.out);
    g = run.result;
    const unread = run.kept.length > 0 ? `; ${run.kept.length} year folder(s) as recorded, their sources not read` : '';
    parsedHow = args.check ? ' (every source parsed)' : ` (${run.reused} of ${run.documents} sources reused from ${path.relative(process.cwd(), cacheDir) || cacheDir}${unread})`;
    // An override for a reply that no longer exists is a stale correction, not something to skip silently. A kept year's
    // overrides are those it was written with, checked then against the same documents.
    const ids = new Set(g.editions.map((e) => `${e.fm.lang} ${e.fm.id}`));
    const keptYears = run.kept.map((k) => `${path.posix.basename(k.dir)}/`);
    for (const [lang, byId] of titles) for (const id of byId.keys()) {
      if (!ids.has(`${lang} ${id}`) && !keptYears.some((y) => id.startsWith(y))) throw new IngestError('content/patches/titles.json', 1, `title override for ${lang} ${id}, which no source generates`);
    }
  }

  const parsed = Date.now();
  report(g, args.quiet || args.check, args.warnings);
  if (g.summary.unaccounted > 0) {
    console.error(`ingest failed: ${g.summary.unaccounted} characters unaccounted (first at ${g.audit.unaccountedLines.slice(0, 5).join(', ')})`);
    console.log(JSON.stringify(g.summary));
    return 1;
  }
  let written: WriteCounts | undefined;
  if (args.check) {
    const diffs = compareWithDisk(root, g.files, MANAGED_DIRS);
    if (diffs.length > 0) {
      console.error(`content/ is not what the committed sources generate (${diffs.length} files); run \`npm run ingest\` and commit:`);
      for (const d of diffs.slice(0, 20)) console.error(`  ${d}`);
      console.log(JSON.stringify(g.summary));
      return 1;
    }
    console.log('content/ matches the sources');
  } else if (args.out) {
    const out = path.resolve(args.out);
    const prefixed = new Map([...g.files].map(([k, v]) => [`${path.basename(out)}/${k}`, v]));
    written = await withOutputLock(out, () => writeAtomically(path.dirname(out), prefixed, [path.basename(out)]));
  } else {
    // One ingest at a time writes content/ (content.lock; a second waits, naming the first).
    written = await withOutputLock(path.join(root, 'content'), () => writeAtomically(root, g.files, MANAGED_DIRS, { recordDir: path.join(cacheDir, 'folders'), kept: run?.kept }));
    run?.recordFolders();
  }
  const wrote = written ? ` (${written.written} files written in ${written.folders} folders, ${written.kept} unchanged, ${written.read} read to compare${written.removed ? `, ${written.removed} stale entries removed` : ''})` : '';
  console.log(`time: ${parsed - started} ms to read and parse${parsedHow}, ${Date.now() - parsed} ms to ${args.check ? 'compare' : 'write'}${wrote}`);
  console.log(JSON.stringify(g.summary));
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  if (err instanceof IngestError) console.error(`error: ${err.message}`);
  else if (err instanceof Error) console.error(`error: ${err.message}`);
  else console.error('error:', err);
  process.exitCode = 1;
}
