import { LEADING_NUMBERING } from './text.ts';
import { splitClauses } from './title-clauses.ts';

/** Titles stay at most about this many characters (code points). */
const MAX = 40;
/** A chosen clause shorter than this says too little alone: the next clause is added when it fits. */
const SHORT = 14;
/** A subject is looked for among this many clauses after the lead-ins. */
const WINDOW = 4;

/**
 * Lead-ins at the start of a question that only introduce it: who said it, where
 * in the estimates, when, and the request formula. Each is stripped (with the
 * clause punctuation that ends it) as long as text remains after it.
 */
const LEAD_INS: readonly RegExp[] = [
  // Connectives and hearsay: 就此， 此外， 據悉 (據悉 may run straight into its clause).
  /^(?:就此|此外|另外|對此|然而|同時|換言之|有見及此|有鑑於此|有鑒於此|因此)\s*[，,：:︰]\s*/,
  /^就此(?=請|政府|當局|局方|可否|綱領)/,
  /^(?:據悉|據了解|據報道|據報)\s*[，,：:︰]?\s*/,
  // The request formula: 政府可否告知本委員會， 請當局告知本會： 請問當局，
  /^(?:請問|請)?(?:特區政府|政府|當局|局方)?(?:可否|能否|請)?(?:詳細)?(?:告知|告(?=本會)|回覆)(?:本會|本委員會)?(?:以下資料)?\s*[，,：:︰；;]\s*/,
  /^(?:請問|請)?(?:特區政府|政府|當局|局方)?(?:可否|能否|請)?(?:詳細)?告知(?:本會|本委員會)(?:以下資料)?\s*/,
  /^請問(?:特區政府|政府|當局|局方)?\s*[，,：:︰]?\s*/,
  /^請(?:特區政府|政府|當局|局方)?告知(?=如何|有關|是否|會否|為何|何時)/,
  // Where in the estimates: 在總目135—政府總部︰創新科技及工業局中， 根據綱領2， 局方在綱領(2)「創新及科技」中，
  /^在?總目[^，,；;]*?[，,]\s*/,
  /^(?:局方|當局|政府)?(?:在|根據|就|按|於)?(?:此|該|有關)?綱領(?:\s*[(（]?[\d一二三四五六七八九]+[)）]?)?(?:「[^」]*」)?(?:的)?(?:\d{4}(?:-|至|／)\d{2,4}年度)?(?:中|下|內|當中)?(?:提到|表示|顯示|指出|提及|所述)?\s*[，,：:︰]\s*/,
  /^(?:根據|按照?)[^，,。「」]{0,14}?段\s*[，,]\s*/,
  // When: 在2023-24年度， 二零二三至二四年度內，
  /^(?:在|於)?(?:\d{4}(?:\s*(?:至|-|／|\/)\s*\d{2,4})?|二零[〇零一二三四五六七八九十至／]{2,12})\s*(?:財政)?(?:年度|年|度)(?:內|中)?\s*[，,]\s*/,
  // The estimates' standard heading: …需要特別留意的事項中提到，/ 包括︰ / 其中一項為
  /^[^，,。；：︰]{0,40}?(?:需要特別留意的|工作)事項(?:中|包括|提到|指出|提出|是)*\s*[，,：:︰]\s*(?:(?:其中)?包括\s*[，,：:︰]?|其中一項(?:為|是))?\s*/,
  /^(?:包括|其中包括)\s*[，,：:︰]\s*/,
  /^[^，,。；：︰「」]{0,30}?的工作包括\s*[：:︰]\s*/,
  /^其中一項(?:為|是)\s*/,
  /^並(?=按|請|列出|提供)/,
  // Who said it: 財政預算案表示， 財政司司長在預算案演辭第63段中提及︰ (a bare verb only before a quote).
  /^[^，,。；：︰？！「」]{0,24}?(?:提及|表示|指出|提到|宣布|宣佈|提出|談及|公布|公佈|表明)\s*[，,：:︰]\s*/,
  /^[^，,。；：︰？！「」]{0,24}?(?:提及|表示|指出|提到|宣布|宣佈|提出|談及|公布|公佈|表明)(?:將|會)?(?=「)/,
  /^[^,.;:]{0,60}?\b(?:mentioned|stated|said)(?: that)?\s*[,:]\s*/,
  /^(?:Under|Regarding|In) (?:this |the )?Programme(?: \(\d+\))?\s*[,:]\s*/,
];

/**
 * Clauses of purpose, time or circumstance (`為了配合發展智慧城市及數字經濟的政策`,
 * `過去三年`, `近年`) usually lead up to the subject; one is skipped unless it
 * names something itself (see SUBJECT).
 */
const LEAD_UP = /^(?:為了?|為配合|隨[着著]|鑑於|有鑒於|由於|過去|近年|近日|近來|目前|現時|截至|自\d|在過去|於過去|今年|去年|來年)/;
/** Words that name a scheme, fund, body, place or sum: a lead-up clause holding one is kept. */
const SUBJECT =
  /「[^」]+」|《[^》]+》|計劃|基金|資金|中心|委員會|辦公室|研究院|研發院|學院|平台|平臺|科學園|科技園|創科園|園區|藍圖|(?<!當)局(?!方)|(?<!部)署|公司|系統|程式|網站|撥款|預算|職系|燈柱|實驗室|科技|數碼港|土地|Web3|iAM|Wi-?Fi|1823|\d[\d,.]*\s*(?:億|萬)?元|[一二三四五六七八九十百千]+(?:億|萬)元/;
/** A topic marker at the start of the chosen clause: `就效率促進辦公室` → `效率促進辦公室`. */
const TOPIC = /^(?:就|關於|有關)(?!此)/;
/** The request formula at the end of a clause: `有關「科技人才入境計劃」政府可否告知本會`. */
const TRAILING_ASK = /(?:特區政府|政府|當局|局方)?(?:可否|能否|請)?(?:詳細)?(?:告知|回覆)(?:本會|本委員會)?$/;

/** Numbering a title must not keep: `1.`, `(a)`, `1)`, `a.` (the last two are not in LEADING_NUMBERING). */
const EXTRA_NUMBERING = /^(?:\d+[)）]|[a-z][.．])\s*/;

const length = (s: string) => Array.from(s).length;

/**
 * A short descriptive title from a question (its paragraphs): the first clause
 * that names a subject once the lead-ins are skipped, extended by the next clause
 * when short, at most about 40 characters. Clauses end only at clause punctuation
 * outside brackets and quotes and never between two digits (`114,359,000`), and a
 * title that has to be shortened is cut between whole words, numbers and quotes.
 */
export function deriveTitle(question: string | readonly string[]): string {
  const paragraphs = (typeof question === 'string' ? [question] : question).map(stripNumbering).filter((p) => p !== '');
  for (const paragraph of paragraphs) {
    const rest = stripLeadIns(paragraph);
    if (rest === '') continue;
    return finish(titleOf(rest));
  }
  const all = paragraphs.join(' ') || (typeof question === 'string' ? question : question.join(' '));
  return finish(length(all) > MAX ? shorten(all) : all);
}

function stripNumbering(text: string): string {
  let t = text.trim();
  t = t.replace(LEADING_NUMBERING, '').trim();
  return t.replace(EXTRA_NUMBERING, '').trim();
}

/** Remove lead-ins at the start, one after another; '' when nothing but lead-ins is left. */
export function stripLeadIns(text: string): string {
  let t = text.trim();
  for (let changed = true; changed && t !== ''; ) {
    changed = false;
    for (const re of LEAD_INS) {
      const m = re.exec(t);
      if (m && m[0].length > 0) {
        t = t.slice(m[0].length).trim();
        changed = true;
        break;
      }
    }
  }
  return /^[，。；：︰？！,;:?!\s]*$/.test(t) ? '' : t;
}

function titleOf(text: string): string {
  const clauses = splitClauses(text);
  const window = clauses.slice(0, WINDOW);
  // The first clause that is not a lead-up to the subject; a sentence end stops the search.
  let at = 0;
  for (let i = 0; i < window.length; i++) {
    const t = window[i]!.text;
    if (!LEAD_UP.test(t) || SUBJECT.test(t)) {
      at = i;
      break;
    }
    if (/[。？?！!]/.test(window[i]!.end)) break;
  }
  const chosen = cleanClause(clauses[at]!.text);
  // A clause that is one whole quotation (`「政府將……，匯聚……。」`): the quotation's own title.
  const whole = leadingQuote(chosen, 0);
  if (whole !== null && length(whole) + 2 === length(chosen) && splitClauses(whole).length > 1) return titleOf(whole);
  let title = chosen;
  let end = clauses[at]!.end;
  // A short clause is extended by the next one of the same sentence when the two fit.
  for (let k = at + 1; k < clauses.length && length(title) < SHORT && !/[。？?！!]/.test(end); k++) {
    const next = stripLeadIns(clauses[k]!.text);
    if (next === '' || TRAILING_ASK.test(next)) break;
    const joined = `${title}${end}${next}`;
    if (length(joined) > MAX) {
      if (length(title) < SHORT / 2) title = shorten(joined);
      break;
    }
    title = joined;
    end = clauses[k]!.end;
  }
  if (length(title) > MAX) return shorten(title);
  // A question mark that ends the clause is part of the question's wording.
  return /[？?]/.test(end) ? `${title}${end.slice(0, 1)}` : title;
}

/** The chosen clause without a topic marker or a request formula around it. */
function cleanClause(clause: string): string {
  const withoutAsk = clause.replace(TRAILING_ASK, '').trim();
  const t = withoutAsk === '' ? clause : withoutAsk;
  const withoutTopic = t.replace(TOPIC, '');
  return length(withoutTopic) >= 4 ? withoutTopic : t;
}

/**
 * Shorten a clause longer than the limit. A clause that is mostly a quotation
 * (`創新科技及工業局其中一個職責是「推展……的工作」`) becomes the quotation's own
 * title; otherwise it is cut after the last whole unit (a number, a bracket or quote
 * pair, an English word, one Chinese character) that fits, preferably at `、`.
 */
function shorten(text: string): string {
  // A clause that is mostly one long quotation: the quotation's own title.
  const quote = leadingQuote(text, 20);
  if (quote !== null && length(quote) >= 12) return titleOf(quote);
  const units = unitsOf(text);
  let out = '';
  let lastEnumeration = '';
  for (const u of units) {
    if (length(out + u) > MAX - 1) break;
    if (u === '、' && length(out) >= (MAX * 3) / 5) lastEnumeration = out;
    out += u;
  }
  if (lastEnumeration !== '') out = lastEnumeration;
  out = out.replace(/[\s，。；：︰、,;:]+$/u, '');
  // No whole unit fits (a very long bracket): cut by character, never after part of a number.
  if (length(out) < 8) out = Array.from(text).slice(0, MAX - 1).join('').replace(/\d[\d,.]*$/, '');
  return `${out}…`;
}

/**
 * The text inside the first 「…」 (nested quotes included) when it opens within
 * the first `within` characters; null when there is none or it is not closed.
 */
function leadingQuote(text: string, within: number): string | null {
  const chars = Array.from(text);
  const open = chars.indexOf('「');
  if (open < 0 || open > within) return null;
  let depth = 0;
  for (let i = open; i < chars.length; i++) {
    if (chars[i] === '「') depth++;
    else if (chars[i] === '」' && --depth === 0) return chars.slice(open + 1, i).join('');
  }
  return null;
}

/** Units a cut must not split: numbers (`2億6,500萬`, `1 574`), bracket and quote pairs, English words. */
function unitsOf(text: string): string[] {
  const re = /\d[\d,.]*(?: \d{3})*(?:[億萬千百]\d[\d,.]*)*[億萬]?|[A-Za-z][A-Za-z0-9'’-]*|「[^「」]*」|《[^《》]*》|\([^()]*\)|（[^（）]*）|\s+|[\s\S]/gu;
  return text.match(re) ?? [text];
}

function finish(title: string): string {
  let t = title.trim().replace(/[，。；：︰！,;:!、]+$/u, '').trim();
  // A title that is one quotation reads better without its quotation marks.
  const whole = /^「([^「」]*(?:「[^「」]*」[^「」]*)*)」$/u.exec(t);
  if (whole) t = whole[1]!;
  return closeBrackets(t);
}

function closeBrackets(text: string): string {
  const pairs: Array<[string, string]> = [['「', '」'], ['『', '』'], ['(', ')'], ['（', '）'], ['《', '》']];
  let out = text;
  for (const [open, close] of pairs) {
    const opens = out.split(open).length - 1;
    const closes = out.split(close).length - 1;
    if (opens > closes) out = out.endsWith('…') ? out.slice(0, -1) + close.repeat(opens - closes) + '…' : out + close.repeat(opens - closes);
  }
  return out;
}

