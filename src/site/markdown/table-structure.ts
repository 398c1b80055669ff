/**
 * What a table's grid means, read from its cell text alone (pure: no tokens,
 * no HTML), so each rule is testable on the real tables:
 *
 * - the row header column: the first column, unless it holds only serial
 *   numbers (`1.`, `(2)`), when the row's name is the next column;
 * - group rows: a label with every other cell empty (`副題:保持社交聯繫`,
 *   `分目101 …`), a header over the rows after it up to the next group row;
 * - values printed once for several rows (a blank under a value, ITIB158's
 *   15.3 for eight ranks) or across columns (ITIB150's 不適用^ for four years):
 *   a span, as the original's merged cell means;
 * - caption: what the table is, in a few words and never a cut sentence.
 */

/** A cell the grid covers by a span from another: not rendered. */
export interface TableStructure {
  /** Index of the column whose cells name their rows. */
  rowHeaderCol: number;
  /** Body row indexes that are group rows. */
  groupRows: Set<number>;
  /** `r,c` → span of the cell at body row r, column c. */
  spans: Map<string, { rowspan: number; colspan: number }>;
  /** `r,c` of the cells a span covers. */
  covered: Set<string>;
}

const SERIAL = /^(?:\d{1,3}[.)]?|\(\d{1,3}\)|（\d{1,3}）|[a-z][.)]|\([a-z]\))$/u;
/** A row that sums the rows above it: its blanks are not values printed once. */
const TOTAL = /^(?:總數|總計|合計|總額|小計|Total|Sub-?total)/iu;
/** A value a span may carry across columns: words, not a number (a blank beside a number is a missing number). */
const WORDS = /\p{Script=Han}|[A-Za-z]{3}/u;

const key = (r: number, c: number) => `${r},${c}`;

export function tableStructure(header: readonly string[], rows: readonly string[][]): TableStructure {
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const cell = (r: number, c: number) => (rows[r]?.[c] ?? '').trim();
  const groupRows = new Set<number>();
  rows.forEach((row, r) => {
    if (width > 1 && cell(r, 0) !== '' && row.slice(1).every((x) => x.trim() === '')) groupRows.add(r);
  });
  const named = rows.map((_, r) => r).filter((r) => !groupRows.has(r) && cell(r, 0) !== '');
  // Nearly all: ITIB201 prints one as `10. ？`.
  const serials = width > 2 && named.length > 0 && named.filter((r) => SERIAL.test(cell(r, 0))).length >= 0.8 * named.length;
  // After a serial column the row's name is the column headed 名稱 (the app, not its department: ITIB190), else the next.
  const byName = header.findIndex((h, c) => c > 0 && /名稱|^Name|Title/iu.test(h));
  const rowHeaderCol = serials ? (byName > 0 ? byName : 1) : 0;

  const spans = new Map<string, { rowspan: number; colspan: number }>();
  const covered = new Set<string>();
  // Across columns first: a worded value, blanks, then a value again in the same row (ITIB150 量子技術).
  rows.forEach((_, r) => {
    if (groupRows.has(r)) return;
    for (let c = rowHeaderCol + 1; c < width; c++) {
      if (!WORDS.test(cell(r, c))) continue;
      let end = c + 1;
      while (end < width && cell(r, end) === '') end++;
      if (end > c + 1 && end < width) {
        spans.set(key(r, c), { rowspan: 1, colspan: end - c });
        for (let x = c + 1; x < end; x++) covered.add(key(r, x));
        c = end - 1;
      }
    }
  });
  // Down a column: a value, then blanks in rows that have values of their own, up to the next value,
  // a total row, a group row or the end (ITIB158: 15.3 for eight ranks, 5.6 for three).
  for (let c = rowHeaderCol + 1; c < width; c++) {
    for (let r = 0; r < rows.length; r++) {
      if (groupRows.has(r) || cell(r, c) === '' || covered.has(key(r, c))) continue;
      let end = r + 1;
      while (
        end < rows.length &&
        cell(end, c) === '' &&
        !covered.has(key(end, c)) &&
        !groupRows.has(end) &&
        !TOTAL.test(cell(end, rowHeaderCol)) &&
        rows[end]!.some((x, k) => k !== c && k > rowHeaderCol && x.trim() !== '')
      ) end++;
      if (end > r + 1) {
        const prev = spans.get(key(r, c));
        spans.set(key(r, c), { rowspan: end - r, colspan: prev?.colspan ?? 1 });
        for (let y = r + 1; y < end; y++) covered.add(key(y, c));
        r = end - 1;
      }
    }
  }
  return { rowHeaderCol, groupRows, spans, covered };
}

/** Captions say what the table is in at most this many characters. */
export const CAPTION_MAX = 30;

/** Words that only say "as follows": nothing of what the table is. */
const AS_FOLLOWS = /(?:的|之)?(?:詳情|詳細資料|有關資料|資料|數字|數據|情況|分項|分項數字|統計數字)?(?:分別|現)?(?:表列|載列|列載|臚列|詳列|列出|開列|載於|見)?(?:如下|下表|於下表)$/u;
const NUMBERING = /^(?:[(（][一二三四五六七八九十\da-z]{1,4}[)）]|\d{1,2}[.)]|[a-z][.)]|表\s*\d+\s*[:：])\s*/iu;

const length = (s: string) => Array.from(s).length;

/**
 * The table's name from the text before it: a short title line (`營運開支(百萬元)`)
 * or the end of the sentence introducing it (`…Wi-Fi熱點的分布如下：` →
 * `Wi-Fi熱點的分布`), clauses kept whole from the end while they fit. '' when
 * nothing short enough names it.
 */
export function captionFromIntro(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  const title = !/[。；;，,]/.test(t) && !/[:：]$/.test(t);
  if (!title && !/[:：]$/.test(t)) return '';
  let sentence = t.split(/[。；;]/).filter((s) => s.trim() !== '').pop() ?? '';
  sentence = sentence
    .replace(/[:：]$/u, '')
    .trim()
    .replace(NUMBERING, '')
    .replace(AS_FOLLOWS, '')
    .replace(/(?:包括|分別為|分別是|為|是)$/u, '')
    .replace(/\s*(?:註\s*\d*(?:\s+\d)*|\(\d\)|[*^#])$/u, '')
    .replace(/[，,、及和]$/u, '')
    .trim();
  // A parenthetical alone ((計至最近千位數)) qualifies the figures; it does not name the table.
  if (/^[(（][^()（）]*[)）]$/u.test(sentence)) return '';
  const clauses = sentence.split(/(?<=[，,])/u);
  let kept = '';
  for (const clause of clauses.reverse()) {
    if (length(kept + clause) > CAPTION_MAX) break;
    kept = clause + kept;
  }
  kept = kept.replace(/^(?:就此|此外|另外|以及|及|和|而|並|當中|其中)\s*[，,]?/u, '').trim();
  return length(kept) >= 2 && /\p{Script=Han}|[A-Za-z]/u.test(kept) ? kept : '';
}

/** The table's name from its column headers when the text does not give one: `年度、申請宗數及批出宗數`. */
export function captionFromHeader(header: readonly string[], lang = 'zh-Hant-HK'): string {
  const [comma, and, more] = lang === 'en' ? [', ', ' and ', ' …'] : ['、', '及', '等'];
  const names = header.map((h) => h.replace(/\s*(?:註\s*\d+(?:\s+\d+)*|[*^#])+$/u, '').trim()).filter((h) => h !== '' && length(h) <= CAPTION_MAX);
  let kept: string[] = [];
  for (const n of names) {
    const next = [...kept, n];
    if (length(next.join(comma)) > (lang === 'en' ? 60 : CAPTION_MAX - 1)) break;
    kept = next;
  }
  if (kept.length === 0) return '';
  if (kept.length === names.length && kept.length > 1) return `${kept.slice(0, -1).join(comma)}${and}${kept[kept.length - 1]}`;
  return kept.length < names.length ? `${kept.join(comma)}${more}` : kept[0]!;
}

/** A footnote mark at the end of a cell: `申請宗數註1` → [`申請宗數`, `註1`]; null when there is none. */
export function footnoteMark(text: string): [string, string] | null {
  const m = /^(.*?\S)\s*(註\s*\d+|\*{1,3}|\^|#)$/u.exec(text.trim());
  return m ? [m[1]!, m[2]!] : null;
}

/** Whether a note paragraph explains a mark: `註1：…`, `註 1 …`, `* …`. */
export function explainsMark(paragraph: string, mark: string): boolean {
  const m = mark.replace(/\s+/g, '');
  const p = paragraph.trim().replace(/^(註)\s+(\d)/u, '$1$2');
  if (!p.startsWith(m)) return false;
  const after = p.slice(m.length);
  return !/^\d/.test(after) && !(m.startsWith('*') && after.startsWith('*'));
}
