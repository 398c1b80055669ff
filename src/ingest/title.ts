import { LEADING_NUMBERING } from './text.ts';

const MAX = 40;
/** Clauses shorter than this are preambles (`就此`), so the next clause is added. */
const MIN = 10;
/** Clauses that only introduce the question (`財政司司長提及`) are skipped. */
const PREAMBLE = /(提及|表示|指出|提到|預算案中|mentioned|stated|said)$/;

/**
 * A short descriptive title from the question: its first clause(s), cut at
 * punctuation, at most about 40 characters. Leading numbering is dropped and
 * quotation brackets left open by the cut are closed.
 */
export function deriveTitle(question: string): string {
  const text = question.trim().replace(LEADING_NUMBERING, '').trim();
  // Split into clauses, each keeping the punctuation that ends it.
  const clauses = text.match(/[^，。？；：！,?;:!]+[，。？；：！,?;:!]?/g) ?? [text];
  let title = '';
  for (const raw of clauses) {
    const clause = raw.trim();
    if (title === '' && PREAMBLE.test(clause.replace(/[，。？；：！,?;:!]$/, '')) && clauses.length > 1) continue;
    const candidate = title + clause;
    if (Array.from(candidate.replace(/[，。？；：！,?;:!]$/, '')).length > MAX) break;
    title = candidate;
    if (Array.from(title).length >= MIN) break;
  }
  if (title === '') {
    const all = Array.from(text);
    title = all.length > MAX ? `${all.slice(0, MAX - 1).join('')}…` : text;
  }
  return closeBrackets(title.replace(/[，。；：！,;:!、]$/, '').trim());
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
