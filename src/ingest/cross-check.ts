import type { IngestWarning } from './errors.ts';
import type { IndexRow } from './index-table.ts';
import type { CodeName, ReplyFrontMatter } from '../model/front-matter-types.ts';
import { PRIMARY_LANG } from '../model/languages.ts';
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

/**
 * What of a reply edition the merge and its checks read: its identity for the
 * editions cross-check (cross-check.ts), the duplicate-output and stale
 * title-override checks. The parse cache keeps this much of each edition.
 */
export interface EditionFacts {
  file: string;
  fm: Pick<ReplyFrontMatter, 'id' | 'lang' | 'replyNo' | 'questionNo' | 'memberRef'> & {
    head: Pick<ReplyFrontMatter['head'], 'code'>;
    programmes: Array<Pick<ReplyFrontMatter['programmes'][number], 'code'>>;
    source: Pick<ReplyFrontMatter['source'], 'file' | 'lines'>;
  };
}

/**
 * The language editions of one reply (same id) must agree on what identifies
 * it: question number, head, programme codes and the member's reference. A
 * disagreement is a warning naming both files and their source lines, so a
 * reviewer can open the two documents side by side.
 */
export function crossCheckEditions(editions: readonly EditionFacts[]): IngestWarning[] {
  const byId = new Map<string, EditionFacts[]>();
  for (const e of editions) {
    const group = byId.get(e.fm.id);
    if (group) group.push(e);
    else byId.set(e.fm.id, [e]);
  }
  const out: IngestWarning[] = [];
  for (const group of byId.values()) {
    // The archive's first language is the reference each other edition is compared with.
    const [first, ...others] = [...group].sort((x, y) => Number(y.fm.lang === PRIMARY_LANG) - Number(x.fm.lang === PRIMARY_LANG));
    for (const other of others) {
      const facts = (fm: EditionFacts['fm']) => ({
        'question number': String(fm.questionNo),
        head: fm.head.code,
        'programme codes': fm.programmes.map((p) => p.code).join(', ') || 'none',
        'member reference': fm.memberRef ?? 'none',
      });
      const a = facts(first!.fm);
      const b = facts(other.fm);
      for (const key of Object.keys(a) as Array<keyof typeof a>) {
        if (a[key] === b[key]) continue;
        const where = (e: EditionFacts) => `${e.file} (${e.fm.source.file}:${e.fm.source.lines[0]})`;
        out.push({
          kind: 'edition-mismatch',
          replyNo: other.fm.replyNo,
          line: other.fm.source.lines[0],
          message: `the editions disagree on the ${key}: ${a[key]} in ${where(first!)}, ${b[key]} in ${where(other)}`,
        });
      }
    }
  }
  return out;
}
