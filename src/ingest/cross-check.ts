import type { IngestWarning } from './errors.ts';
import type { IndexRow } from './index-table.ts';
import type { CodeName } from './model.ts';
import { ink } from './text.ts';

export interface HeaderFacts {
  replyNo: string;
  questionNo: number;
  member: string;
  head: CodeName;
  programmes: CodeName[];
}

/**
 * Compare a reply's header with its index row. Whitespace is ignored (the two
 * were extracted from different layouts); everything else must agree.
 * Returns the warnings and whether every field agreed.
 */
export function crossCheck(header: HeaderFacts, row: IndexRow, line: number): IngestWarning[] {
  const out: IngestWarning[] = [];
  const warn = (kind: IngestWarning['kind'], message: string) => out.push({ kind, replyNo: header.replyNo, line, message });
  if (ink(header.member) !== ink(row.member)) warn('member-mismatch', `member "${header.member}" but the index (line ${row.line}) says "${row.member}"`);
  if (header.head.code !== row.headCode) warn('head-mismatch', `head ${header.head.code} but the index (line ${row.line}) says ${row.headCode}`);
  const mine = header.programmes.map((p) => `(${p.code})${ink(p.name)}`).join(' ');
  const theirs = row.programmes.map((p) => `(${p.code})${ink(p.name)}`).join(' ');
  if (mine !== theirs) warn('programme-mismatch', `programme ${mine || '沒有指定'} but the index (line ${row.line}) says ${theirs || '(none)'}`);
  return out;
}
