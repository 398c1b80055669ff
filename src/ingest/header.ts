import { IngestError } from './errors.ts';
import type { Layout } from './layout.ts';
import type { CodeName } from '../model/front-matter-types.ts';
import { Role } from './roles.ts';
import type { ReplyRegion } from './split.ts';
import { joinLines } from './text.ts';

/** A run of source lines (0-based indexes) making one section of the body. */
export interface LineSpan {
  from: number;
  /** exclusive */
  to: number;
}

export interface ParsedHeader {
  head: CodeName;
  subhead: string;
  programmes: CodeName[];
  controllingOfficer: string;
  director: string;
  member: string;
  memberRef: string | null;
  /** Question text lines (after the 問題 label, before 提問人). */
  question: LineSpan;
  /** Reply text lines (after the 答覆 label, before the end marker or the region end). */
  reply: LineSpan;
  /** Lines after the end marker (links, annexes), empty span when none. */
  after: LineSpan;
  /** Line of the 提問人 / Asked by line. */
  askedByLine: number;
  endMarkerLine: number | null;
}

type LabelKey = keyof Layout['labels'];
const ORDER: LabelKey[] = ['head', 'subhead', 'programme', 'controllingOfficer', 'director', 'question', 'askedBy', 'reply'];

/**
 * Read the labelled header fields of one reply. Labels come in a fixed order;
 * a field's value runs from its label to the next label, so wrapped values
 * (a programme name, an officer's name on the next line) are joined.
 */
export function parseHeader(
  lines: readonly string[],
  region: ReplyRegion,
  layout: Layout,
  roles: Uint8Array,
  file: string,
  replyNo: string,
): ParsedHeader {
  const at = new Map<LabelKey, number>();
  let cursor = region.questionLine + 1;
  for (const key of ORDER) {
    const re = layout.labels[key];
    let found = -1;
    for (let i = cursor; i < region.end; i++) {
      const line = (lines[i] ?? '').trim();
      if (re.test(line)) {
        found = i;
        break;
      }
      if (key !== 'reply' && layout.endMarker.test(line)) break;
    }
    if (found < 0) {
      const name = re.source.replace(/^\^/, '').replace(/\\s\*/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\/g, '');
      const ending = region.end >= lines.length ? 'the file ends' : `the next reply starts at line ${region.end + 1}`;
      throw new IngestError(file, region.questionLine + 1, `reply ${replyNo} has no "${name}" line before ${ending} (truncated or damaged reply)`);
    }
    at.set(key, found);
    cursor = found + 1;
  }
  const line = (k: LabelKey) => at.get(k)!;
  const value = (k: LabelKey, until: number): string => {
    const from = line(k);
    const parts: string[] = [(lines[from] ?? '').trim().replace(layout.labels[k], '')];
    roles[from] = Role.header;
    for (let i = from + 1; i < until; i++) {
      const text = (lines[i] ?? '').trim();
      if (text === '') continue;
      if (layout.footer.test(text)) {
        roles[i] = Role.furniture;
        continue;
      }
      roles[i] = Role.header;
      parts.push(text);
    }
    return joinLines(parts);
  };

  const head = parseCodeName(value('head', line('subhead')), file, line('head'), replyNo);
  const subhead = value('subhead', line('programme')).replace(/^\(\s*\)$/, '');
  const programmeText = value('programme', line('controllingOfficer'));
  const programmes = layout.programmeNotSpecified.test(programmeText) ? [] : parseProgrammes(programmeText, file, line('programme'), replyNo);
  const controllingOfficer = value('controllingOfficer', line('director'));
  const director = value('director', line('question'));

  const askedByLine = line('askedBy');
  roles[askedByLine] = Role.header;
  const askedText = joinLines([(lines[askedByLine] ?? '').trim()]);
  const asked = layout.askedBy.exec(askedText);
  const member = (asked ? asked[1]! : askedText.replace(layout.labels.askedBy, '')).replace(layout.memberHonorific, '').trim();
  const memberRef = asked ? asked[2]! : null;
  // A member's name names their page (/members/<name>/ on the site): one with no
  // letter or digit (".." or "-") cannot, and is a misread header, never a person.
  if (!/[\p{L}\p{N}]/u.test(member)) {
    throw new IngestError(file, askedByLine + 1, `reply ${replyNo}: the member's name ${JSON.stringify(member)} has no letter or digit (read from "${askedText}")`);
  }

  // Page footers that fell between the header fields are furniture.
  for (let i = region.questionLine + 1; i < line('reply'); i++) {
    if (roles[i] === Role.unclaimed && layout.footer.test((lines[i] ?? '').trim())) roles[i] = Role.furniture;
  }
  // The question label's own line may carry text after the label.
  roles[line('question')] = Role.header;
  roles[line('reply')] = Role.header;
  const question = { from: line('question') + 1, to: askedByLine };
  let endMarkerLine: number | null = null;
  for (let i = line('reply') + 1; i < region.end; i++) {
    if (layout.endMarker.test((lines[i] ?? '').trim())) {
      endMarkerLine = i;
      roles[i] = Role.furniture;
      break;
    }
  }
  const reply = { from: line('reply') + 1, to: endMarkerLine ?? region.end };
  const after = endMarkerLine === null ? { from: region.end, to: region.end } : { from: endMarkerLine + 1, to: region.end };
  return { head, subhead, programmes, controllingOfficer, director, member, memberRef, question, reply, after, askedByLine, endMarkerLine };
}

/** `(135) 政府總部︰創新科技及工業局` → {code: "135", name: "政府總部︰創新科技及工業局"}. */
export function parseCodeName(text: string, file: string, line: number, replyNo: string): CodeName {
  const m = /^\(\s*(\d+)\s*\)\s*(.*)$/.exec(text);
  if (!m) throw new IngestError(file, line + 1, `reply ${replyNo}: expected "(code) name", found "${text}"`);
  return { code: m[1]!, name: m[2]!.trim() };
}

/** `(1) 政府內部資訊科技的使用 ,  (2) 資訊科技基建及標準` → two programmes. */
export function parseProgrammes(text: string, file: string, line: number, replyNo: string): CodeName[] {
  const out: CodeName[] = [];
  const re = /\(\s*(\d+)\s*\)\s*(.*?)\s*[,，]?\s*(?=\(\s*\d+\s*\)|$)/g;
  for (const m of text.matchAll(re)) {
    if (m[0] === '') continue;
    out.push({ code: m[1]!, name: m[2]!.trim() });
  }
  if (out.length === 0) throw new IngestError(file, line + 1, `reply ${replyNo}: cannot read the programme "${text}"`);
  return out;
}
