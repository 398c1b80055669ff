/** A clause of a question and the punctuation that ended it ('' at the end of the text). */
export interface Clause {
  text: string;
  end: string;
}

const OPEN = '(（「『《[【〔';
const CLOSE = ')）」』》]】〕';
/** Clause punctuation, full-width and ASCII. `、` only separates items of a list, so it is not here. */
const CLAUSE_END = new Set(Array.from('，。；：︰？！,;:?!'));
const DIGIT = /\d/;

/**
 * Split text into clauses at clause punctuation — never inside a bracket or
 * quotation pair (`「…，…」`, `(…)`) and never between two digits, where the
 * punctuation belongs to a number or ratio (`114,359,000`, `2：1`). An opening
 * bracket without its closing partner is an ordinary character.
 */
export function splitClauses(text: string): Clause[] {
  const chars = Array.from(text);
  const depth = nestingDepth(chars);
  const out: Clause[] = [];
  let current = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const betweenDigits = DIGIT.test(chars[i - 1] ?? '') && DIGIT.test(chars[i + 1] ?? '');
    if (depth[i] === 0 && CLAUSE_END.has(c) && !betweenDigits) {
      if (current.trim() !== '') out.push({ text: current.trim(), end: c });
      else if (out.length > 0) out[out.length - 1]!.end += c;
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim() !== '') out.push({ text: current.trim(), end: '' });
  return out;
}

/** For each character, how many matched bracket pairs enclose it (the brackets themselves count as inside). */
function nestingDepth(chars: readonly string[]): number[] {
  const partner = new Array<number>(chars.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const o = OPEN.indexOf(c);
    const cl = CLOSE.indexOf(c);
    // 「 and 」 are distinct, so a closer matches the nearest opener of its own kind.
    if (o >= 0) stack.push(i);
    else if (cl >= 0) {
      for (let s = stack.length - 1; s >= 0; s--) {
        if (OPEN.indexOf(chars[stack[s]!]!) === cl) {
          partner[stack[s]!] = i;
          partner[i] = stack[s]!;
          stack.length = s;
          break;
        }
      }
    }
  }
  const depth = new Array<number>(chars.length).fill(0);
  let d = 0;
  for (let i = 0; i < chars.length; i++) {
    const p = partner[i]!;
    if (p > i) d++;
    depth[i] = d;
    if (p >= 0 && p < i) d--;
  }
  return depth;
}
