/**
 * Synthesise a deterministic corpus of N replies in the layout of the real
 * source documents, so the benchmark runs the real pipeline (ingest included)
 * at sizes the seed cannot reach.
 *
 * Text is recombined from the real document (the question of one reply with
 * the answer of another), so line wrapping, page furniture, tables and the
 * mix of Chinese, numbers and English that segmentation sees stay realistic.
 * The header and index rows are written fresh in the real layout, under
 * made-up bureau codes and years. No randomness: reply i always takes the
 * same pieces, so a given N gives the same bytes.
 */

export interface RealPieces {
  /** Raw source lines of each question, furniture included, as extracted. */
  questions: string[][];
  /** Raw source lines of each answer, up to (not including) its end marker. */
  answers: string[][];
  /** Index rows of the real document: `ITIB001 2875 陳振英 135 (2) 創新及科技` without the reply number. */
  rows: Array<{ questionNo: string; member: string; head: string; programme: string }>;
  /** Head code → the header's head line and controlling officer, as printed. */
  heads: Map<string, { headLine: string; officerLine: string }>;
  directorLine: string;
}

const QUESTION_START = /^\s*問題：/;
const ASKER = /^\s*提問人：/;
const ANSWER_START = /^\s*答覆：\s*$/;
const END_MARKER = /^\s*[–-]\s*完\s*[–-]\s*$/;
const HEADER_START = /^\s*審核\s*\d{4}-\d{2}年度\s*答覆編號/;
const INDEX_ROW = /^([A-Z]{2,6})(\d{3})\s+(\d+)\s+(\S+)\s+(\d+)\s*(.*?)\s*$/;

/** Collect the reusable pieces of a real source document (its text as decoded). */
export function collectPieces(sourceText: string): RealPieces {
  const lines = sourceText.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const pieces: RealPieces = { questions: [], answers: [], rows: [], heads: new Map(), directorLine: '' };
  let mode: 'none' | 'question' | 'answer' = 'none';
  let current: string[] = [];
  let headLine = '';
  for (const line of lines) {
    const row = mode === 'none' && pieces.questions.length === 0 ? INDEX_ROW.exec(line) : null;
    if (row) {
      pieces.rows.push({ questionNo: row[3]!, member: row[4]!, head: row[5]!, programme: row[6]! });
      continue;
    }
    if (/^\s*總目：/.test(line)) headLine = line;
    if (/^\s*管制人員：/.test(line)) {
      const code = /\((\d+)\)/.exec(headLine)?.[1];
      if (code && !pieces.heads.has(code)) pieces.heads.set(code, { headLine, officerLine: line });
    }
    if (/^\s*局長：/.test(line) && !pieces.directorLine) pieces.directorLine = line;
    if (QUESTION_START.test(line)) { mode = 'question'; current = []; continue; }
    if (mode === 'question' && ASKER.test(line)) { pieces.questions.push(current); mode = 'none'; continue; }
    if (ANSWER_START.test(line)) { mode = 'answer'; current = []; continue; }
    if (mode === 'answer' && (END_MARKER.test(line) || HEADER_START.test(line))) {
      pieces.answers.push(current);
      mode = 'none';
      continue;
    }
    if (mode !== 'none') current.push(line);
  }
  if (mode === 'answer') pieces.answers.push(current);
  if (pieces.questions.length === 0 || pieces.answers.length === 0 || pieces.rows.length === 0) {
    throw new Error('synthesize: the real source gave no questions, answers or index rows to recombine');
  }
  return pieces;
}

export interface SyntheticDocument {
  year: string;
  bureau: string;
  fileName: string;
  text: string;
  meta: Record<string, unknown>;
  /** What identifies each reply (for an English edition of some of them). */
  replies: SyntheticReply[];
}

export interface SyntheticReply {
  /** Position in the whole corpus (0-based). */
  n: number;
  replyNo: string;
  questionNo: string;
  member: string;
  memberRef: string;
  head: string;
  programmeCodes: string[];
}

const BUREAU_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Bureau codes that look real but are not: `SYAB`, `SYBB`, … */
function bureauCode(index: number): string {
  const a = BUREAU_LETTERS[index % BUREAU_LETTERS.length]!;
  const b = BUREAU_LETTERS[Math.floor(index / BUREAU_LETTERS.length) % BUREAU_LETTERS.length]!;
  return `SY${b}${a}`;
}

function budgetYear(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export interface SynthesizeOptions {
  /** Replies per document (a bureau's book of replies); 263 like the real one. */
  perDocument?: number;
  /**
   * Replies per budget year (`--per-year`): year 1 holds replies 0…perYear-1,
   * and so on, newest first (2023-24, 2022-23, …). Without it the replies
   * spread over ten years, a bureau's worth or more each.
   */
  perYear?: number;
}

/**
 * Split N replies into documents of at most `perDocument` replies, spread over
 * years (newest first) and bureaus, the way a decade of budgets would be.
 */
export function synthesize(pieces: RealPieces, replies: number, options: SynthesizeOptions = {}): SyntheticDocument[] {
  const perDocument = options.perDocument ?? 263;
  if (options.perYear) {
    const documents: SyntheticDocument[] = [];
    for (let y = 0; y * options.perYear < replies; y++) {
      const offset = y * options.perYear;
      documents.push(...synthesizeYear(pieces, y, offset, Math.min(options.perYear, replies - offset), perDocument));
    }
    return documents;
  }
  const documents: SyntheticDocument[] = [];
  const documentCount = Math.ceil(replies / perDocument);
  const bureausPerYear = Math.max(1, Math.ceil(documentCount / 10));
  let made = 0;
  for (let d = 0; d < documentCount; d++) {
    const year = budgetYear(2023 - Math.floor(d / bureausPerYear));
    const bureau = bureauCode(d % bureausPerYear);
    const count = Math.min(perDocument, replies - made);
    documents.push(makeDocument(pieces, year, bureau, made, count));
    made += count;
  }
  return documents;
}

/**
 * The documents of year number `yearIndex` (0 = 2023-24, 1 = 2022-23, …):
 * `count` replies, corpus positions `offset`…, in bureaus of `perDocument`.
 * Reply n always takes the same pieces, so the year the benchmark adds to a
 * built archive (`addYear`) is the year a larger corpus would have had.
 */
export function synthesizeYear(pieces: RealPieces, yearIndex: number, offset: number, count: number, perDocument = 263): SyntheticDocument[] {
  const year = budgetYear(2023 - yearIndex);
  const documents: SyntheticDocument[] = [];
  for (let d = 0, made = 0; made < count; d++) {
    const n = Math.min(perDocument, count - made);
    documents.push(makeDocument(pieces, year, bureauCode(d), offset + made, n));
    made += n;
  }
  return documents;
}

/**
 * Reply n's answer: the first half of one real answer and the second half of
 * another (middleCut). Whole real answers
 * repeated every 263 replies made every synthetic reply one of ~21 "same
 * answers" (src/site/data/same-answers.ts) in a year of 5,500, where the real
 * replies have 45 of 263 in groups of 2–6: the lists and their links were
 * ~10 KB of a bilingual reply's output and the groups most of a year's
 * loading. The pair of answers changes each time the first comes round again,
 * so no two replies of a year of up to 68,000 share both halves.
 */
function recombinedAnswer(answers: readonly string[][], n: number): string[] {
  const count = answers.length;
  const first = (n * 17 + 5) % count;
  const second = (first + 1 + (Math.floor(n / count) % Math.max(1, count - 1))) % count;
  const a = answers[first]!;
  const b = answers[second]!;
  if (count < 2) return a;
  return [...a.slice(0, middleCut(a, 'first')), ...b.slice(middleCut(b, 'second'))];
}

/**
 * Where to cut an answer in two: after the line ending a sentence (。) nearest its middle, else at the middle
 * line. A one-line answer goes whole into either half (the first half keeps it, the second takes it all).
 */
function middleCut(lines: readonly string[], half: 'first' | 'second'): number {
  if (lines.length < 2) return half === 'first' ? lines.length : 0;
  const middle = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const i of [middle + d, middle - d]) if (i > 0 && i < lines.length && /。\s*$/.test(lines[i - 1]!)) return i;
  }
  return middle;
}

const CHINESE_DIGITS = '零一二三四五六七八九';

/** `2023-24` → `二零二三至二四`, as the index page of the real documents prints it. */
function chineseYear(year: string): string {
  const digits = (s: string) => [...s].map((d) => CHINESE_DIGITS[Number(d)]).join('');
  const [start, end] = year.split('-') as [string, string];
  return `${digits(start)}至${digits(end)}`;
}

function makeDocument(pieces: RealPieces, year: string, bureau: string, offset: number, count: number): SyntheticDocument {
  const index: string[] = [
    '索引 ', ' ', `審核${chineseYear(year)}年度開支預算 `, '管制人員對立法會議員初步問題的答覆 ', ' ',
    `局長：${bureau}局局長 `, '第 17 節會議 ', `綜合檔案名稱：${bureau}-1-c2.docx `, ' ',
    '答覆編號 問題編號 議員姓名 總目 綱領 ', '',
  ];
  // Page footers inside the recombined text name the real bureau; make them this document's.
  const footer = (lines: string[]) => lines.map((line) => line.replace(/ITIB - 第/g, `${bureau} - 第`));
  const body: string[] = [];
  const replies: SyntheticReply[] = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const row = pieces.rows[(n * 7 + 3) % pieces.rows.length]!;
    const question = pieces.questions[(n * 31 + 1) % pieces.questions.length]!;
    const answer = recombinedAnswer(pieces.answers, n);
    const head = pieces.heads.get(row.head) ?? [...pieces.heads.values()][0]!;
    const replyNo = `${bureau}${String(i + 1).padStart(3, '0')}`;
    const questionNo = String(1000 + ((n * 37) % 9000));
    index.push(`${replyNo} ${questionNo} ${row.member} ${row.head} ${row.programme} `, '');
    const programmeCodes = [...row.programme.matchAll(/\((\d+)\)/g)].map((m) => m[1]!);
    replies.push({ n, replyNo, questionNo, member: row.member, memberRef: String((n % 90) + 1), head: head === pieces.heads.get(row.head) ? row.head : /\((\d+)\)/.exec(head.headLine)?.[1] ?? row.head, programmeCodes });
    body.push(
      `  審核 ${year}年度  答覆編號  `, '', ' 開支預算  ', `${replyNo} `, '  ', ' 管制人員的答覆  ', ' ', ' ',
      `(問題編號： ${questionNo.padStart(4, '0')}) `, ' ', ' ',
      head.headLine, '分目：  ()  ',
      `綱領：  ${row.programme || '沒有指定'}   `,
      head.officerLine, pieces.directorLine,
      '問題：  ', ...footer(question),
      `提問人：${row.member}議員 (立法會內部參考編號： ${(n % 90) + 1}) `,
      '答覆：  ', ...footer(answer), '– 完  –', '',
    );
  }
  const text = [...index, ...body].join('\n') + '\n';
  return {
    year,
    bureau,
    fileName: `zh-${year}-${bureau}.txt`,
    text,
    meta: {
      year, bureau, bureauName: `${bureau}（合成）`, session: 17, lang: 'zh-Hant-HK',
      title: `合成基準語料 ${year} ${bureau}`, originalFile: `${bureau}-synthetic.docx`, kind: 'replies',
    },
    replies,
  };
}

/** Questions and answers of the English sample layout (test/fixtures/ingest/sample-en-2023-24-ITIB.txt), as raw lines. */
export interface EnglishPieces {
  questions: string[][];
  answers: string[][];
}

export function collectEnglishPieces(sampleText: string): EnglishPieces {
  const pieces: EnglishPieces = { questions: [], answers: [] };
  let mode: 'none' | 'question' | 'answer' = 'none';
  let current: string[] = [];
  for (const line of sampleText.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (/^\s*Question:\s*$/.test(line)) { mode = 'question'; current = []; continue; }
    if (mode === 'question' && /^\s*Asked by:/.test(line)) { pieces.questions.push(current); mode = 'none'; continue; }
    if (/^\s*Reply:\s*$/.test(line)) { mode = 'answer'; current = []; continue; }
    if (mode === 'answer' && /^\s*- End -\s*$/.test(line)) { pieces.answers.push(current); mode = 'none'; continue; }
    if (mode !== 'none') current.push(line);
  }
  if (!pieces.questions.length || !pieces.answers.length) throw new Error('synthesize: the English sample gave no questions or answers');
  return pieces;
}

/** Whether reply n of the corpus has an English edition: evenly spread, `share` of them (0.1: n = 9, 19, 29, …). */
export function hasEnglishEdition(n: number, share: number): boolean {
  return Math.floor((n + 1) * share) > Math.floor(n * share);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A made-up English name for a Chinese one, the same for every reply that names that member: `SYNTH Member-kq`. */
function englishMember(member: string): string {
  let h = 0;
  for (const ch of member) h = (h * 31 + ch.codePointAt(0)!) % (26 * 26 * 26);
  return `SYNTH Member-${LETTERS[h % 26]}${LETTERS[Math.floor(h / 26) % 26]}${LETTERS[Math.floor(h / 676) % 26]}`;
}

/**
 * The English edition of `share` of a synthetic document's replies, in the
 * layout of the English sample (clearly synthetic: made-up names, head and
 * programme names, the sample's questions and answers recombined). Each agrees
 * with its Chinese edition on question number, head, programme codes and the
 * member's reference, as the ingest's cross-check expects. Null when none of
 * the document's replies get one.
 */
export function englishEdition(doc: SyntheticDocument, pieces: EnglishPieces, share: number): SyntheticDocument | null {
  const chosen = doc.replies.filter((r) => hasEnglishEdition(r.n, share));
  if (!chosen.length) return null;
  const index: string[] = [
    'INDEX ', ' ', `Examination of Estimates of Expenditure ${doc.year} `, "Controlling Officer's Replies to Initial Written Questions ", ' ',
    `Director of Bureau: Secretary for ${doc.bureau} (synthetic) `, 'Session No.: 17 ', `Consolidated e-file name: ${doc.bureau}-1-e1.docx `, ' ',
    'Reply Serial ', 'No. ', '', 'Question ', 'Serial No. ', '', 'Name of Member Head Programme ', '',
  ];
  const body: string[] = [];
  const programmeText = (codes: string[]) => (codes.length ? codes.map((c) => `(${c}) Synthetic Programme ${c}`).join(', ') : 'Not Specified');
  for (const r of chosen) {
    const member = englishMember(r.member);
    const question = pieces.questions[r.n % pieces.questions.length]!;
    const answer = pieces.answers[(r.n * 7 + 1) % pieces.answers.length]!;
    index.push(`${r.replyNo} ${r.questionNo} ${member} ${r.head} ${r.programmeCodes.length ? programmeText(r.programmeCodes) : ''} `, '');
    body.push(
      `  Examination of Estimates of Expenditure ${doc.year} Reply Serial No. `, '', '', `${r.replyNo} `, '', '  ', '', ' CONTROLLING OFFICER\'S REPLY ', '', ' ', '',
      `(Question Serial No. ${r.questionNo.padStart(4, '0')}) `, '', ' ', '',
      `Head:  (${r.head}) Synthetic Head ${r.head} `, '', 'Subhead (No. & title): ( )  ', '',
      `Programme:  ${programmeText(r.programmeCodes)}  `, '',
      `Controlling Officer:  Synthetic Controlling Officer ${r.head} `, '',
      `Director of Bureau:  Secretary for ${doc.bureau} (synthetic) `, '',
      'Question:  ', '', ...question,
      `Asked by: Hon ${member} (LegCo internal reference no.: ${r.memberRef}) `, '',
      'Reply:  ', '', ...answer, '- End - ', '',
    );
  }
  return {
    year: doc.year,
    bureau: doc.bureau,
    fileName: `en-${doc.year}-${doc.bureau}.txt`,
    text: [...index, ...body].join('\n') + '\n',
    meta: {
      year: doc.year, bureau: doc.bureau, bureauName: `${doc.bureau} (synthetic)`, session: 17, lang: 'en',
      title: `Synthetic benchmark corpus ${doc.year} ${doc.bureau}, English edition (not official text)`, originalFile: `${doc.bureau}-synthetic-e.docx`, kind: 'replies',
    },
    replies: chosen,
  };
}
