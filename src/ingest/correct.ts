/**
 * File-system side of the correction tool (scripts/correct.ts): drafts under
 * `.corrections/` (git-ignored, the reviewer's scratch space) and patches under
 * `content/patches/`. The decisions are in correction-draft.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { draftPatch, extractedBlocks, locateBlock, proposeTable, readDraft, renderDraft, tableLines } from './correction-draft.ts';
import { ingestReplies, type IngestedReply } from './document.ts';
import { layoutFor } from './layout.ts';
import { generateOne, listSources, readCorrectedSource, readTitles, type CorrectedSource } from './run.ts';

const DRAFTS = '.corrections';

interface Found {
  source: CorrectedSource;
  reply: IngestedReply;
}

/** The reply as the ingest reads it today (every existing correction applied). */
function findReply(root: string, replyNo: string, year: string | undefined): Found {
  const found: Found[] = [];
  const titles = readTitles(root);
  for (const file of listSources(root)) {
    const source = readCorrectedSource(root, file);
    if (source.meta.kind === 'background') continue;
    const result = ingestReplies({ lines: source.lines, file: source.rel, meta: source.meta, titles: titles.get(source.meta.lang) ?? new Map(), ...(source.originLine ? { originLine: source.originLine } : {}) });
    for (const reply of result.replies) {
      const fm = reply.doc.frontMatter;
      if (fm.replyNo === replyNo && (year === undefined || fm.year === year)) found.push({ source, reply });
    }
  }
  if (found.length === 0) throw new Error(`no reply ${replyNo}${year ? ` in ${year}` : ''} in content/sources`);
  if (found.length > 1) throw new Error(`${replyNo} is in ${found.map((f) => `${f.reply.doc.frontMatter.year} (${f.source.rel})`).join(' and ')}: say which with --year`);
  return found[0]!;
}

/** The corrected-text lines (0-based, inclusive) of a reply whose pristine lines are `[from, to]`. */
function correctedRange(source: CorrectedSource, [from, to]: [number, number]): [number, number] {
  if (!source.originLine) return [from - 1, to - 1];
  let first = -1;
  let last = -1;
  for (let i = 1; i <= source.lines.length; i++) {
    const o = source.originLine(i);
    if (o >= from && o <= to) {
      if (first < 0) first = i - 1;
      last = i - 1;
    }
  }
  return [first, last];
}

const pristineLine = (source: CorrectedSource, i0: number) => (source.originLine ? source.originLine(i0 + 1) : i0 + 1);

/** Writes a draft per extracted block of the reply; returns what to tell the reviewer. */
export function correctDrafts(root: string, replyNo: string, year: string | undefined, fresh: boolean): string {
  const { source, reply } = findReply(root, replyNo, year);
  const fm = reply.doc.frontMatter;
  const blocks = extractedBlocks(reply.doc.body);
  if (blocks.length === 0) return `${fm.id}: no extracted blocks; every table of this reply is a table already.`;
  const [from, to] = correctedRange(source, fm.source.lines);
  const out: string[] = [`${fm.id}: ${blocks.length} extracted block(s) in ${source.rel} lines ${fm.source.lines[0]}-${fm.source.lines[1]}`];
  mkdirSync(path.join(root, DRAFTS), { recursive: true });
  const footer = layoutFor(source.meta.lang).footer;
  const isFooter = (line: string) => footer.test(line.trim());
  blocks.forEach((block, k) => {
    const at = locateBlock(source.lines, from, to, block, isFooter);
    if (!at) {
      out.push(`\nblock ${k + 1}: its lines could not be found in the corrected source (is it inside another correction?); not drafted`);
      return;
    }
    const pristine: [number, number] = [pristineLine(source, at[0]), pristineLine(source, at[1])];
    const original = source.lines.slice(at[0], at[1] + 1);
    const rows = proposeTable(block);
    const file = path.join(root, DRAFTS, `${fm.year}-${fm.replyNo.toLowerCase()}-L${pristine[0]}.md`);
    const rel = path.relative(root, file);
    out.push(`\nblock ${k + 1}: source lines ${pristine[0]}-${pristine[1]} (${block.length} lines)`);
    for (let i = at[0]; i <= at[1]; i++) if (source.lines[i]!.trim() !== '') out.push(`  ${String(pristineLine(source, i)).padStart(6)}  ${source.lines[i]!.trim()}`);
    if (existsSync(file) && !fresh) {
      out.push(`  draft kept (already there; --fresh to start again): ${rel}`);
      return;
    }
    // A page footer inside the table moves below it: it is furniture the ingest strips, and it tells the reply's page.
    const footers = original.filter(isFooter).map((l) => l.trim());
    const replacement = [' ', ...tableLines(rows), ' ', ...footers.flatMap((f) => [f, ' '])];
    writeFileSync(file, renderDraft({ replyNo: fm.replyNo, source: source.rel, pristine, at: [at[0] + 1, at[1] + 1], original, replacement }));
    out.push(`  proposed ${rows.length - 1} rows × ${rows[0]?.length ?? 0} columns (cells split at two or more spaces); edit ${rel}`);
    out.push(`  then: npm run correct -- --write ${rel}`);
  });
  return out.join('\n');
}

/** The next free patch number in a source's patch folder. */
function nextNumber(dir: string): number {
  const used = existsSync(dir) ? readdirSync(dir).map((n) => /^(\d+)-/.exec(n)?.[1]).filter((n): n is string => !!n).map(Number) : [];
  return Math.max(0, ...used) + 1;
}

/** Writes the patch for an edited draft and checks it through the ingest; returns what happened. */
export function writeCorrection(root: string, draftFile: string, number?: number): string {
  const d = readDraft(readFileSync(draftFile, 'utf8'), path.relative(root, draftFile));
  // Only a source document: anything else (a path out of the repository) is named, never read or quoted.
  const sourcePath = listSources(root).find((s) => path.resolve(s) === path.resolve(root, d.source));
  if (!sourcePath) throw new Error(`${path.relative(root, draftFile)}:4: "Source:" must name a source document (a .txt under content/sources/); ${JSON.stringify(d.source)} is not one`);
  const before = findReply(root, d.replyNo, undefined);
  const extractedBefore = extractedBlocks(before.reply.doc.body).length;
  const current = readCorrectedSource(root, sourcePath);
  const { patch, dropped, added } = draftPatch(d, current.rel, current.lines);
  const dir = path.join(root, 'content/patches', path.basename(d.source, '.txt'));
  const n = number ?? nextNumber(dir);
  const file = path.join(dir, `${String(n).padStart(3, '0')}-${d.replyNo.toLowerCase()}-${d.name}.patch`);
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).some((f) => f.startsWith(`${String(n).padStart(3, '0')}-`))) throw new Error(`patch number ${n} is taken in ${path.relative(root, dir)}; choose another --number`);
  writeFileSync(file, patch);
  try {
    generateOne(root, sourcePath, 'tree', readTitles(root)); // applies every correction, checks Drops:/Adds:, parses, audits
    const after = findReply(root, d.replyNo, undefined);
    const extractedAfter = extractedBlocks(after.reply.doc.body).length;
    if (extractedAfter >= extractedBefore && d.replacement.some((l) => l.trim().startsWith('|'))) {
      throw new Error(`${d.replyNo} still has ${extractedAfter} extracted block(s): the ingest did not read the replacement as a table (is there a line holding one space before it?)`);
    }
    return [
      `wrote ${path.relative(root, file)}`,
      `  drops: ${dropped || 'nothing'}`,
      `  adds (beyond | and -): ${added || 'nothing'}`,
      `  ${d.replyNo}: extracted blocks ${extractedBefore} → ${extractedAfter}`,
      'next: npm run ingest, then review git diff content/replies and commit the patch with the regenerated Markdown',
    ].join('\n');
  } catch (err) {
    rmSync(file);
    throw new Error(`the patch was not kept: ${(err as Error).message}`);
  }
}
