import type { ReplyLang } from '../model/front-matter-types.ts';

/**
 * Everything language-specific about the document layout, so the parsing steps
 * stay the same for the Chinese and the English edition.
 * Patterns are tested against a trimmed line.
 */
export interface Layout {
  lang: ReplyLang;
  /** `(問題編號： 0482)` → group 1 is the question number. */
  questionNo: RegExp;
  /** A reply number alone on its line (`ITIB001`). */
  replyNo: RegExp;
  /** Lines of the reply header block other than the reply and question numbers. */
  headerFurniture: RegExp[];
  /** Page footer; group 1 is the page number. */
  footer: RegExp;
  endMarker: RegExp;
  /** Header labels in document order; a field's value runs until the next label. */
  labels: {
    head: RegExp;
    subhead: RegExp;
    programme: RegExp;
    controllingOfficer: RegExp;
    director: RegExp;
    question: RegExp;
    askedBy: RegExp;
    reply: RegExp;
  };
  /** `陳振英議員 (立法會內部參考編號： 23)` → member, ref. */
  askedBy: RegExp;
  memberHonorific: RegExp;
  programmeNotSpecified: RegExp;
  sectionQuestion: string;
  sectionReply: string;
  /** Column-header and title lines of the index table. */
  indexFurniture: RegExp[];
  /** An annex heading alone on its line. */
  annexHeading: RegExp;
  /** The document's session number, from its title block. */
  session: RegExp;
  year: RegExp;
}

const REPLY_NO = /^([A-Z]{2,6}\d{3,})$/;

export const zhLayout: Layout = {
  lang: 'zh-Hant-HK',
  questionNo: /^[(（]\s*問題編號\s*[：:]\s*(\d+)\s*[)）]$/,
  replyNo: REPLY_NO,
  // A stray backtick from the PDF sits before one header (ITIB254, source line 37319).
  headerFurniture: [/^`?\s*審核\s*\d{4}\s*-\s*\d{2}\s*年度\s*答覆編號$/, /^開支預算$/, /^管制人員的答覆$/],
  footer: /^第\s*\d+\s*節\s*[A-Z]{2,6}\s*-\s*第\s*(\d+)\s*頁$/,
  endMarker: /^[–—-]\s*完\s*[–—-]$/,
  labels: {
    head: /^總目\s*[：:]/,
    subhead: /^分目\s*[：:]/,
    programme: /^綱領\s*[：:]/,
    controllingOfficer: /^管制人員\s*[：:]/,
    director: /^局長\s*[：:]/,
    question: /^問題\s*[：:]/,
    askedBy: /^提問人\s*[：:]/,
    reply: /^答覆\s*[：:]/,
  },
  askedBy: /^提問人\s*[：:]\s*(.+?)\s*[(（]\s*立法會內部參考編號\s*[：:]\s*(\S+?)\s*[)）]$/,
  memberHonorific: /(?:\s*議員)+$/,
  programmeNotSpecified: /^沒有指定$/,
  sectionQuestion: '問題',
  sectionReply: '答覆',
  indexFurniture: [
    /^索引$/,
    /^審核.*年度開支預算$/,
    /^管制人員對立法會議員初步問題的答覆$/,
    /^局長\s*[：:]/,
    /^第\s*\d+\s*節會議$/,
    /^綜合檔案名稱\s*[：:]/,
    /^答覆編號\s+問題編號\s+議員姓名\s+總目\s+綱領$/,
  ],
  annexHeading: /^附件\s*(?:[一二三四五六七八九十]+|[A-Z]|\d+)?$/,
  session: /第\s*(\d+)\s*節/,
  year: /(\d{4}-\d{2})\s*年度/,
};

export const enLayout: Layout = {
  lang: 'en',
  questionNo: /^\(\s*Question Serial No\.\s*(\d+)\s*\)$/i,
  replyNo: REPLY_NO,
  headerFurniture: [
    /^Examination of Estimates of Expenditure \d{4}-\d{2}\s+Reply Serial No\.$/i,
    /^CONTROLLING OFFICER'S REPLY$/i,
  ],
  footer: /^Session\s+\d+\s+[A-Z]{2,6}\s*-\s*Page\s+(\d+)$/i,
  endMarker: /^[–—-]\s*End\s*[–—-]$/i,
  labels: {
    head: /^Head\s*:/,
    subhead: /^Subhead \(No\. & title\)\s*:/,
    programme: /^Programme\s*:/,
    controllingOfficer: /^Controlling Officer\s*:/,
    director: /^Director of Bureau\s*:/,
    question: /^Question\s*:/,
    askedBy: /^Asked by\s*:/,
    reply: /^Reply\s*:/,
  },
  askedBy: /^Asked by\s*:\s*(.+?)\s*\(\s*LegCo internal reference no\.\s*:\s*(\S+?)\s*\)$/i,
  memberHonorific: /^(?:Hon|Dr Hon|Prof Hon|Ir Hon|Ir Dr Hon)\s+/,
  programmeNotSpecified: /^Not Specified$/i,
  sectionQuestion: 'Question',
  sectionReply: 'Reply',
  indexFurniture: [
    /^INDEX$/,
    /^Examination of Estimates of Expenditure \d{4}-\d{2}$/i,
    /^Controlling Officer's Replies to Initial Written Questions$/i,
    /^Director of Bureau\s*:/,
    /^Session No\.\s*:\s*\d+$/i,
    /^Consolidated e-file name\s*:/i,
    /^Reply Serial$/,
    /^No\.$/,
    /^Question$/,
    /^Serial No\.$/,
    /^Name of Member\s+Head\s+Programme$/,
  ],
  annexHeading: /^Annex\s*(?:[A-Z]|\d+|[IVX]+)?$/,
  session: /Session No\.\s*:\s*(\d+)/i,
  year: /Expenditure\s+(\d{4}-\d{2})/i,
};

export function layoutFor(lang: ReplyLang): Layout {
  return lang === 'en' ? enLayout : zhLayout;
}

/** Guess the edition from the text when no metadata says it. */
export function detectLang(lines: readonly string[]): ReplyLang {
  for (const line of lines) {
    if (line.includes('問題編號')) return 'zh-Hant-HK';
    if (/Question Serial No\./i.test(line)) return 'en';
  }
  return 'zh-Hant-HK';
}
