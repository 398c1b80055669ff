import type { Layout } from './layout.ts';

/** Where one reply sits in the source (0-based line indexes, end exclusive). */
export interface ReplyRegion {
  /** First line of the reply: its header block, or the question-number line when the header was lost. */
  start: number;
  /** The `(問題編號： 0482)` line. */
  questionLine: number;
  /** One past the last line: the next reply's start, or the end of the document. */
  end: number;
  questionNo: number;
  /** Reply number printed in the header block, when it survived. */
  printedReplyNo: string | null;
  replyNoLine: number | null;
  /** How many header-furniture lines (審核…答覆編號, 開支預算, 管制人員的答覆) survived. */
  headerFurniture: number;
}

/**
 * Split the document at every question-number line — the one line each reply
 * always keeps. Each reply starts at its surviving header block (walk back over
 * header furniture and the reply number) and ends where the next one starts, so
 * a reply without an end marker, and text after an end marker, stay with their reply.
 */
export function splitReplies(lines: readonly string[], layout: Layout): ReplyRegion[] {
  const questionLines: Array<[number, number]> = [];
  for (let i = 0; i < lines.length; i++) {
    const m = layout.questionNo.exec((lines[i] ?? '').trim());
    if (m) questionLines.push([i, Number(m[1])]);
  }
  const regions: ReplyRegion[] = [];
  let floor = 0;
  for (const [q, questionNo] of questionLines) {
    let start = q;
    let printedReplyNo: string | null = null;
    let replyNoLine: number | null = null;
    let headerFurniture = 0;
    for (let j = q - 1; j >= floor; j--) {
      const line = (lines[j] ?? '').trim();
      if (line === '') continue;
      const no = layout.replyNo.exec(line);
      if (no && printedReplyNo === null) {
        printedReplyNo = no[1]!;
        replyNoLine = j;
      } else if (layout.headerFurniture.some((re) => re.test(line))) {
        headerFurniture++;
      } else break;
      start = j;
    }
    const previous = regions[regions.length - 1];
    if (previous) previous.end = start;
    regions.push({ start, questionLine: q, end: lines.length, questionNo, printedReplyNo, replyNoLine, headerFurniture });
    floor = q + 1;
  }
  return regions;
}
