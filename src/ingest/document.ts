import { auditRoles, bodyLoss, type AuditFigures } from './audit.ts';
import { fullWidth, readBlocks, type Block } from './blocks.ts';
import { crossCheck } from './cross-check.ts';
import { IngestError, type IngestWarning } from './errors.ts';
import { parseHeader } from './header.ts';
import { readIndexTable, type IndexRow } from './index-table.ts';
import { layoutFor } from './layout.ts';
import { renderDocument, renderSection } from './markdown.ts';
import { documentFacts, documentRef } from './meta.ts';
import type { SourceMeta } from '../model/source-meta.ts';
import type { ReplyDocument, ReplyFrontMatter } from '../model/front-matter-types.ts';
import { findFooters, placeOnPages } from './pages.ts';
import { Role } from './roles.ts';
import { mendSeams, noSeams, type SeamCounts } from './seams.ts';
import { splitReplies } from './split.ts';
import { ink } from './text.ts';
import { deriveTitle } from './title.ts';
import { subjectTitle } from './title-subject.ts';

export interface RepliesInput {
  /** Lines of the source after corrections. */
  lines: readonly string[];
  /** Repository-relative path of the pristine source (for front-matter and messages). */
  file: string;
  meta: Partial<SourceMeta> & Pick<SourceMeta, 'lang'>;
  /** Title overrides by reply id (`2023-24/ITIB001`). */
  titles?: ReadonlyMap<string, string>;
  /** Maps a line of the corrected text to the pristine source line (1-based); identity when absent. */
  originLine?: (line: number) => number;
}

export interface IngestedReply {
  doc: ReplyDocument;
  /** The file content: front-matter + body. */
  markdown: string;
}

export interface RepliesResult {
  replies: IngestedReply[];
  warnings: IngestWarning[];
  /** Replies whose header fields all agree with their index row. */
  indexAgreement: number;
  tablesRecovered: number;
  tablesKept: number;
  /** Extraction seams mended, by rule (see seams.ts). */
  seams: SeamCounts;
  audit: AuditFigures;
}

/** The whole pipeline for one replies document: index → split → header → blocks → check → Markdown → audit. */
export function ingestReplies(input: RepliesInput): RepliesResult {
  try {
    return ingestUnmapped(input);
  } catch (err) {
    // Errors are raised with corrected-text lines; cite the pristine source instead.
    if (err instanceof IngestError && err.file === input.file && input.originLine) {
      throw new IngestError(err.file, input.originLine(err.line), err.detail);
    }
    throw err;
  }
}

function ingestUnmapped(input: RepliesInput): RepliesResult {
  const { lines, file } = input;
  const origin = input.originLine ?? ((n: number) => n);
  const layout = layoutFor(input.meta.lang);
  const roles = new Uint8Array(lines.length);
  const fail = (line0: number, message: string): never => {
    throw new IngestError(file, line0 + 1, message);
  };

  const width = fullWidth(lines);
  const regions = splitReplies(lines, layout);
  if (regions.length === 0) fail(0, `no replies found: no "${layout.questionNo.source}" line`);
  const rows = readIndexTable(lines, regions[0]!.start, layout, roles, file);
  if (rows.length === 0) fail(0, 'no index table before the first reply');
  const facts = documentFacts(lines, input.meta, layout, rows[0]?.replyNo, file);

  const byQuestion = new Map<number, IndexRow>();
  const byReply = new Map<string, IndexRow>();
  for (const row of rows) {
    const dup = byReply.get(row.replyNo) ?? byQuestion.get(row.questionNo);
    if (dup) fail(row.line - 1, `index row ${row.replyNo} (question ${row.questionNo}) duplicates the row at line ${origin(dup.line)}`);
    byReply.set(row.replyNo, row);
    byQuestion.set(row.questionNo, row);
  }

  const warnings: IngestWarning[] = [];
  const seen = new Map<string, number>();
  const replies: IngestedReply[] = [];
  let indexAgreement = 0;
  let tablesRecovered = 0;
  let tablesKept = 0;
  const seams = noSeams();
  let lostInk = 0;
  const lostLines: number[] = [];

  const footers = findFooters(lines, layout);

  for (const region of regions) {
    const qLine = region.questionLine;
    const printed = region.printedReplyNo;
    const row = (printed !== null ? byReply.get(printed) : undefined) ?? byQuestion.get(region.questionNo);
    if (!row) {
      fail(qLine, `reply ${printed ?? `with question ${region.questionNo}`} is missing from the index table`);
      continue;
    }
    const replyNo = printed ?? row.replyNo;
    const earlier = seen.get(replyNo);
    if (earlier !== undefined) fail(region.start, `duplicated reply number ${replyNo} (already at line ${origin(earlier + 1)})`);
    seen.set(replyNo, region.start);
    const warn = (kind: IngestWarning['kind'], line0: number, message: string) =>
      warnings.push({ kind, replyNo, line: origin(line0 + 1), message });

    for (let i = region.start; i < qLine; i++) if ((lines[i] ?? '').trim() !== '') roles[i] = Role.furniture;
    roles[qLine] = Role.header;
    if (printed === null && region.headerFurniture === 0) warn('header-missing', qLine, `header block lost; identified through the index by question ${region.questionNo}`);
    else if (printed === null) warn('header-partial', region.start, `reply number lost from the header; identified through the index by question ${region.questionNo}`);
    else if (region.headerFurniture < layout.headerFurniture.length) warn('header-partial', region.start, 'header block partly lost (reply number present)');
    if (printed !== null && row.replyNo !== printed) warn('reply-no-mismatch', region.replyNoLine ?? qLine, `printed reply number ${printed} but the index row for question ${region.questionNo} (line ${origin(row.line)}) is ${row.replyNo}`);
    if (row.questionNo !== region.questionNo) warn('reply-no-mismatch', qLine, `question ${region.questionNo} but the index (line ${origin(row.line)}) says ${row.questionNo}`);

    const h = parseHeader(lines, region, layout, roles, file, replyNo);
    if (h.endMarkerLine === null) {
      const last = region === regions[regions.length - 1];
      warn('end-marker-missing', region.end - 1, last ? 'no end marker; the last reply runs to the end of the document' : 'no end marker; the reply ends where the next begins');
    }
    const checks = crossCheck({ replyNo, questionNo: region.questionNo, member: h.member, head: h.head, programmes: h.programmes }, row, origin(qLine + 1));
    warnings.push(...checks);
    if (checks.length === 0 && row.questionNo === region.questionNo && (printed === null || printed === row.replyNo)) indexAgreement++;

    // Seams are mended before the audit below, which so checks that no rule lost a character.
    const mend = (b: Block[]) => mendSeams(b, lines, layout, seams);
    const question = mend(readBlocks(lines, h.question.from, h.question.to, layout, roles, width));
    const answer = mend(readBlocks(lines, h.reply.from, h.reply.to, layout, roles, width));
    const after = mend(readBlocks(lines, h.after.from, h.after.to, layout, roles, width));
    const answerAll = [...answer, ...after];
    for (const b of [...question, ...answerAll]) {
      if (b.kind === 'table') tablesRecovered++;
      if (b.kind === 'extracted') tablesKept++;
    }

    // Audit: the body text must carry every character of its source lines.
    let sourceInk = '';
    for (let i = region.start; i < region.end; i++) if (roles[i] === Role.body) sourceInk += ink(lines[i] ?? '');
    const outputInk = blocksInk(question) + blocksInk(answerAll);
    const loss = bodyLoss(sourceInk, outputInk);
    if (loss > 0) {
      lostInk += loss;
      lostLines.push(origin(region.start + 1));
    }

    const id = `${facts.year}/${replyNo}`;
    const last = lastInkLine(lines, region.start, region.end);
    const questionParagraphs = question.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    // The subject rule reads Chinese requests (就此, 請告知); the English edition keeps the first-clause rule.
    const composed = layout.lang === 'zh-Hant-HK' ? subjectTitle(questionParagraphs) : null;
    const title = input.titles?.get(id) ?? composed ?? deriveTitle(questionParagraphs.length > 0 ? questionParagraphs : replyNo);
    const frontMatter: ReplyFrontMatter = {
      id,
      year: facts.year,
      lang: layout.lang,
      bureau: facts.bureau,
      session: facts.session,
      replyNo,
      questionNo: region.questionNo,
      member: h.member,
      memberRef: h.memberRef,
      head: h.head,
      subhead: h.subhead,
      programmes: h.programmes,
      controllingOfficer: h.controllingOfficer,
      director: h.director,
      title,
      source: { file, lines: [origin(region.start + 1), origin(last + 1)], ...documentRef(input.meta), ...placeOnPages(footers, region.start, last) },
    };
    const body = `${renderSection(layout.sectionQuestion, question)}\n\n${renderSection(layout.sectionReply, answerAll)}\n`;
    replies.push({ doc: { frontMatter, body }, markdown: renderDocument(frontMatter, body) });
  }

  for (const row of rows) {
    if (!seen.has(row.replyNo)) fail(row.line - 1, `index row ${row.replyNo} (question ${row.questionNo}) has no reply in the document`);
  }

  const audit = auditRoles(lines, roles);
  audit.unaccountedLines = audit.unaccountedLines.map(origin);
  audit.unaccounted += lostInk;
  audit.unaccountedLines.push(...lostLines.slice(0, 10));
  replies.sort((a, b) => (a.doc.frontMatter.replyNo < b.doc.frontMatter.replyNo ? -1 : a.doc.frontMatter.replyNo > b.doc.frontMatter.replyNo ? 1 : 0));
  return { replies, warnings, indexAgreement, tablesRecovered, tablesKept, seams, audit };
}

function blocksInk(blocks: readonly Block[]): string {
  let out = '';
  for (const b of blocks) {
    if (b.kind === 'paragraph') out += ink(b.text);
    else if (b.kind === 'annex') out += ink(b.title);
    else if (b.kind === 'extracted') out += ink(b.lines.join(''));
    else out += ink(b.source.join(''));
  }
  return out;
}

function lastInkLine(lines: readonly string[], start: number, end: number): number {
  for (let i = end - 1; i > start; i--) if ((lines[i] ?? '').trim() !== '') return i;
  return start;
}
