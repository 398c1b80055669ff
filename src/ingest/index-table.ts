import { IngestError } from './errors.ts';
import type { Layout } from './layout.ts';
import type { CodeName } from '../model/front-matter-types.ts';
import { Role } from './roles.ts';
import { joinLines } from './text.ts';

/** One row of the document's own index table. */
export interface IndexRow {
  replyNo: string;
  questionNo: number;
  member: string;
  headCode: string;
  programmes: CodeName[];
  /** 1-based source line of the row. */
  line: number;
}

const ROW = /^([A-Z]{2,6}\d{3,})\s+(\d+)\s+(.+?)\s+(\d+)(?:\s+\((\d+)\)\s*(.*?))?$/;
const EXTRA_PROGRAMME = /^\((\d+)\)\s*(.+)$/;

/**
 * Read the index table in lines [0, end). A line right after a row that is not
 * itself a row is a continuation: either a second programme `(2) …` or the
 * wrapped rest of the last programme's name.
 */
export function readIndexTable(
  lines: readonly string[],
  end: number,
  layout: Layout,
  roles: Uint8Array,
  file: string,
): IndexRow[] {
  const rows: IndexRow[] = [];
  let last: IndexRow | undefined;
  // Wrapped parts of each programme name, joined at the end with CJK-aware joining.
  const nameParts = new Map<CodeName, string[]>();
  for (let i = 0; i < end; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    roles[i] = Role.index;
    const row = ROW.exec(line);
    if (row) {
      const programmes: CodeName[] = [];
      if (row[5] !== undefined) {
        const p = { code: row[5], name: '' };
        nameParts.set(p, [row[6] ?? '']);
        programmes.push(p);
      }
      last = { replyNo: row[1]!, questionNo: Number(row[2]), member: row[3]!.trim(), headCode: row[4]!, programmes, line: i + 1 };
      rows.push(last);
      continue;
    }
    if (layout.indexFurniture.some((re) => re.test(line))) {
      last = undefined;
      continue;
    }
    if (!last) {
      // Title lines before the first row (document title variants): part of the index block.
      if (rows.length === 0) continue;
      throw new IngestError(file, i + 1, `unrecognised line in the index table: "${line}"`);
    }
    const extra = EXTRA_PROGRAMME.exec(line);
    if (extra) {
      const p = { code: extra[1]!, name: '' };
      nameParts.set(p, [extra[2]!]);
      last.programmes.push(p);
      continue;
    }
    const current = last.programmes[last.programmes.length - 1];
    if (!current) throw new IngestError(file, i + 1, `index row ${last.replyNo} has no programme to continue: "${line}"`);
    nameParts.get(current)!.push(line);
  }
  for (const [p, parts] of nameParts) p.name = joinLines(parts);
  return rows;
}
