/**
 * The one description of the open data's tables: each table's columns (name,
 * type, what it holds in both interface languages), primary and foreign keys.
 * The SQLite file (sqlite.ts), the CSVs (write.ts), the Data Package
 * (datapackage.ts), Datasette's metadata.json (datasette.ts) and the /data/
 * page all read it, so a column is named and described once.
 *
 * Names are the field names of replies.csv as published before the move to
 * per-year files (camelCase: `replyNo`, `headCode`), so a reader's scripts keep
 * working; they are stable: a rename is a breaking change of the archive's data.
 */
import type { ReplyLang } from '../model/front-matter-types.ts';

/** Table Schema types (the Frictionless names); SQLite gets TEXT / INTEGER / REAL. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

export type Described = Record<ReplyLang, string>;

export interface Column {
  name: string;
  type: FieldType;
  description: Described;
  /** Never empty (NOT NULL; Table Schema `required`). */
  required?: boolean;
  /** Only in SQLite and JSON, not in the CSV (the Markdown: a spreadsheet cell holds at most 32,767 characters). */
  notInCsv?: boolean;
}

export interface ForeignKey {
  fields: string[];
  reference: { table: string; fields: string[] };
}

export interface TableSpec {
  name: string;
  title: Described;
  description: Described;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

const d = (en: string, zh: string): Described => ({ en, 'zh-Hant-HK': zh });
const col = (name: string, type: FieldType, description: Described, more: Partial<Column> = {}): Column => ({ name, type, description, ...more });
const req = { required: true };

export const REPLIES: TableSpec = {
  name: 'replies',
  title: d('Replies', '答覆'),
  description: d(
    'One row per language edition of each reply (id and lang together are the key; id pairs the editions).',
    '每份答覆的每個語文版本一行（id 與 lang 合為鍵；同一 id 即同一答覆的中英文版本）。',
  ),
  columns: [
    col('id', 'string', d('Identifier: year/reply number, e.g. 2023-24/ITIB144', '識別碼：年度/答覆編號，例如 2023-24/ITIB144'), req),
    col('year', 'string', d('Budget year, e.g. 2023-24', '財政年度，例如 2023-24'), req),
    col('lang', 'string', d('Language of this edition: zh-Hant-HK or en', '此版本的語文：zh-Hant-HK 或 en'), req),
    col('bureau', 'string', d('Bureau code that prefixes the reply numbers', '答覆編號前的政策局代號'), req),
    col('session', 'integer', d('Finance Committee special meeting session number', '財務委員會特別會議節數'), req),
    col('replyNo', 'string', d('Reply serial number, e.g. ITIB144', '答覆編號，例如 ITIB144'), req),
    col('questionNo', 'integer', d('Question serial number', '問題編號'), req),
    col('member', 'string', d('Member who asked, as this edition prints the name', '提問議員，按此版本所印'), req),
    col('memberRef', 'string', d('LegCo internal reference number of the member, when printed', '議員的立法會內部參考編號（如有）')),
    col('memberId', 'string', d('The member across editions and years (members.memberId)', '議員（跨版本及年度；members.memberId）'), req),
    col('headCode', 'string', d('Head code, e.g. 155', '總目編號，例如 155'), req),
    col('headName', 'string', d('Head name as this edition prints it', '總目名稱，按此版本所印'), req),
    col('subhead', 'string', d('Subhead as printed; empty when none', '分目，按原文；沒有則留空')),
    col('programmes', 'string', d('Programmes as "(code) name", several separated by "; "; empty: not specified (reply_programmes has one row each)', '綱領，格式「(編號) 名稱」，多個以「; 」分隔；空白即沒有指定（reply_programmes 每個一行）')),
    col('controllingOfficer', 'string', d('Controlling Officer', '管制人員'), req),
    col('director', 'string', d('Director of Bureau', '局長'), req),
    col('title', 'string', d('Short title derived from the question', '由問題摘取的簡短標題'), req),
    col('sourceFile', 'string', d('Pristine source text the edition was read from, in the archive repository', '此版本所據的原始文本檔（存於本資料庫的儲存庫）'), req),
    col('sourceFirstLine', 'integer', d('First line of the reply in the source file', '答覆在原始文本的首行'), req),
    col('sourceLastLine', 'integer', d('Last line of the reply in the source file', '答覆在原始文本的末行'), req),
    col('sourceFirstPage', 'integer', d('First printed page of the official document, when known', '官方文件的起始頁碼（如知道）')),
    col('sourceLastPage', 'integer', d('Last printed page of the official document, when known', '官方文件的結束頁碼（如知道）')),
    col('url', 'string', d('Permanent address of the edition\'s page (its path when the build has no site address)', '此版本網頁的永久網址'), req),
    col('markdown', 'string', d('The question and the answer as Markdown, numbering as printed', '問題與答覆全文（Markdown，保留原有編號）'), { ...req, notInCsv: true }),
  ],
  primaryKey: ['id', 'lang'],
  foreignKeys: [
    { fields: ['memberId'], reference: { table: 'members', fields: ['memberId'] } },
    { fields: ['year', 'headCode'], reference: { table: 'heads', fields: ['year', 'code'] } },
  ],
};

export const MEMBERS: TableSpec = {
  name: 'members',
  title: d('Members', '議員'),
  description: d('One row per member who asked (one person across the editions).', '每位提問議員一行（中英文版本同一人）。'),
  columns: [
    col('memberId', 'string', d('The member\'s key: the name the member page is known by (the Chinese name when known)', '議員的鍵：議員網頁所用的名稱（有中文名則用中文名）'), req),
    col('nameZh', 'string', d('Name in Chinese, when the archive has it', '中文姓名（如有）')),
    col('nameEn', 'string', d('Name in English, when the archive has it', '英文姓名（如有）')),
    col('url', 'string', d('The member\'s page', '議員網頁'), req),
  ],
  primaryKey: ['memberId'],
  foreignKeys: [],
};

export const HEADS: TableSpec = {
  name: 'heads',
  title: d('Heads', '總目'),
  description: d('One row per head of expenditure of a year.', '每年度每個開支總目一行。'),
  columns: [
    col('year', 'string', d('Budget year', '財政年度'), req),
    col('code', 'string', d('Head code', '總目編號'), req),
    col('nameZh', 'string', d('Name in Chinese', '中文名稱')),
    col('nameEn', 'string', d('Name in English', '英文名稱')),
    col('url', 'string', d('The head\'s page', '總目網頁'), req),
  ],
  primaryKey: ['year', 'code'],
  foreignKeys: [],
};

export const PROGRAMMES: TableSpec = {
  name: 'programmes',
  title: d('Programmes', '綱領'),
  description: d('One row per programme of a head of a year.', '每年度每個總目下的每個綱領一行。'),
  columns: [
    col('year', 'string', d('Budget year', '財政年度'), req),
    col('headCode', 'string', d('Head code', '總目編號'), req),
    col('code', 'string', d('Programme code as printed', '綱領編號，按原文'), req),
    col('nameZh', 'string', d('Name in Chinese', '中文名稱')),
    col('nameEn', 'string', d('Name in English', '英文名稱')),
    col('url', 'string', d('The programme\'s page', '綱領網頁'), req),
  ],
  primaryKey: ['year', 'headCode', 'code'],
  foreignKeys: [{ fields: ['year', 'headCode'], reference: { table: 'heads', fields: ['year', 'code'] } }],
};

export const REPLY_PROGRAMMES: TableSpec = {
  name: 'reply_programmes',
  title: d('Programmes of each reply', '答覆的綱領'),
  description: d('One row per programme a reply names (a reply with none specified has no row).', '答覆所列的每個綱領一行（沒有指定綱領的答覆沒有此行）。'),
  columns: [
    col('id', 'string', d('The reply (replies.id)', '答覆（replies.id）'), req),
    col('position', 'integer', d('Order in the reply, from 1', '在答覆中的次序（由 1 起）'), req),
    col('year', 'string', d('Budget year', '財政年度'), req),
    col('headCode', 'string', d('Head code', '總目編號'), req),
    col('programmeCode', 'string', d('Programme code (programmes.code)', '綱領編號（programmes.code）'), req),
  ],
  primaryKey: ['id', 'position'],
  foreignKeys: [{ fields: ['year', 'headCode', 'programmeCode'], reference: { table: 'programmes', fields: ['year', 'headCode', 'code'] } }],
};

export const TABLES: TableSpec = {
  name: 'tables',
  title: d('Tables of the replies', '答覆中的表格'),
  description: d('One row per table of each edition, in page order; its cells are in table_cells.', '每個版本的每個表格一行（按網頁次序）；儲存格見 table_cells。'),
  columns: [
    col('id', 'string', d('The reply (replies.id)', '答覆（replies.id）'), req),
    col('lang', 'string', d('The edition (replies.lang)', '版本（replies.lang）'), req),
    col('tableNo', 'integer', d('Number of the table in the edition, from 1', '表格在該版本中的序號（由 1 起）'), req),
    col('anchor', 'string', d('The table\'s anchor on the page, e.g. answer-table-1', '表格在網頁上的錨點，例如 answer-table-1'), req),
    col('caption', 'string', d('Caption as the page shows it', '表格標題（同網頁）'), req),
    col('columns', 'integer', d('Number of columns', '欄數'), req),
    col('rows', 'integer', d('Number of rows below the header', '表頭以下的行數'), req),
    col('csvUrl', 'string', d('The table as CSV, beside the edition\'s page', '表格的 CSV 檔（在答覆網頁旁）'), req),
  ],
  primaryKey: ['id', 'lang', 'tableNo'],
  foreignKeys: [{ fields: ['id', 'lang'], reference: { table: 'replies', fields: ['id', 'lang'] } }],
};

export const TABLE_CELLS: TableSpec = {
  name: 'table_cells',
  title: d('Cells of the tables', '表格的儲存格'),
  description: d(
    'One row per cell, the header included (row 0), as the page shows it; value is the text, number the figure when the cell is a plain number.',
    '每個儲存格一行（表頭為第 0 行），與網頁所示相同；value 為文字，儲存格是純數字時 number 為其數值。',
  ),
  columns: [
    col('id', 'string', d('The reply (replies.id)', '答覆（replies.id）'), req),
    col('lang', 'string', d('The edition (replies.lang)', '版本（replies.lang）'), req),
    col('tableNo', 'integer', d('The table (tables.tableNo)', '表格（tables.tableNo）'), req),
    col('row', 'integer', d('Row: 0 is the header, then 1, 2, …', '行：0 為表頭，其後 1、2……'), req),
    col('col', 'integer', d('Column, from 1', '欄（由 1 起）'), req),
    col('heading', 'string', d('The column\'s header cell', '該欄的表頭')),
    col('value', 'string', d('The cell as printed', '儲存格內容（按原文）')),
    col('number', 'number', d('The figure, when the cell is a plain number (1 300 → 1300, -5, 2,133.2); empty otherwise', '儲存格是純數字時的數值（1 300 → 1300）；否則留空')),
  ],
  primaryKey: ['id', 'lang', 'tableNo', 'row', 'col'],
  foreignKeys: [{ fields: ['id', 'lang', 'tableNo'], reference: { table: 'tables', fields: ['id', 'lang', 'tableNo'] } }],
};

/** Every table, in the order they are created and published (a table after those it refers to). */
export const SCHEMA: readonly TableSpec[] = [MEMBERS, HEADS, PROGRAMMES, REPLIES, REPLY_PROGRAMMES, TABLES, TABLE_CELLS];

/** The CSV columns of a table. */
export function csvColumns(t: TableSpec): Column[] {
  return t.columns.filter((c) => !c.notInCsv);
}

/**
 * The full-text index of the SQLite file: FTS5 over each edition's title and
 * text as the search index's tokens (Chinese as overlapping two-character
 * pieces, src/browser/search/query.js indexTokens), with the unicode61 tokenizer,
 * which splits them at the spaces. Its rowid is the replies row's rowid.
 * A term is found as the phrase of its pieces (ftsPhrase): MATCH '"數碼 碼港"'.
 */
export const FTS_TABLE = 'replies_fts';
