import { LEADING_NUMBERING } from './text.ts';

const MAX = 40;
/** Clauses shorter than this are preambles (`就此`), so the next clause is added. */
const MIN = 10;
/**
 * Clauses that only introduce the question are skipped: who said it
 * (`財政司司長提及`), where in the estimates (`在此綱領下`, `根據綱領2`), when
 * (`在2023-24年度`).
 */
const PREAMBLE = new RegExp(
  [
    '(?:提及|表示|指出|提到|中表示|中提到|中指出|mentioned|stated|said)$',
    '^(?:在|根據|就|按)?此?綱領\\S{0,6}?[中下內]?$',
    '^(?:在|於)?(?:\\d{4}(?:至\\d{4}|(?:-|／|/)\\d{2})|二零\\S+?)年度[中內]?$',
    '^(?:就此|此外|另外|請問|關於此|有關|(?:政府|當局)?(?:可否|請)告知本(?:會|委員會))$',
    '^(?:Under|Regarding|In)(?: this)? Programme',
  ].join('|'),
);
const PUNCT = '，。？；：︰！,?;:!';
const CLAUSES = new RegExp(`[^${PUNCT}]+[${PUNCT}]?`, 'g');
const TRAILING = new RegExp(`[${PUNCT}]$`);

/**
 * A short descriptive title from the question: its first clause(s), cut at
 * punctuation, at most about 40 characters. Leading numbering is dropped and
 * quotation brackets left open by the cut are closed.
 */
export function deriveTitle(question: string): string {
  const text = question.trim().replace(LEADING_NUMBERING, '').trim();
  // Split into clauses, each keeping the punctuation that ends it.
  const clauses = text.match(CLAUSES) ?? [text];
  let title = '';
  for (const raw of clauses) {
    const clause = raw.trim();
    if (title === '' && PREAMBLE.test(clause.replace(TRAILING, '')) && clauses.length > 1) continue;
    const candidate = title + clause;
    if (Array.from(candidate.replace(TRAILING, '')).length > MAX) {
      // The first real clause alone is too long: cut it at the limit.
      if (title === '') title = `${Array.from(clause).slice(0, MAX - 1).join('')}…`;
      break;
    }
    title = candidate;
    if (Array.from(title).length >= MIN) break;
  }
  if (title === '') {
    const all = Array.from(text);
    title = all.length > MAX ? `${all.slice(0, MAX - 1).join('')}…` : text;
  }
  return closeBrackets(title.replace(/[，。；：︰！,;:!、]$/, '').trim());
}

function closeBrackets(text: string): string {
  const pairs: Array<[string, string]> = [['「', '」'], ['『', '』'], ['(', ')'], ['（', '）'], ['《', '》']];
  let out = text;
  for (const [open, close] of pairs) {
    const opens = out.split(open).length - 1;
    const closes = out.split(close).length - 1;
    if (opens > closes) out += close.repeat(opens - closes);
  }
  return out;
}
