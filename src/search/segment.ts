/**
 * Chinese word segmentation done once, at build time, with the same engine the
 * browser uses for queries.
 *
 * Why: Pagefind's extended indexer segments Chinese with its own dictionary
 * (charabia/jieba) while the browser splits the query with `Intl.Segmenter`
 * (ICU). When the two disagree on a boundary (數碼港 indexed as one word,
 * queried as 數碼|港, or the other way round) a page that contains the exact
 * term is not found. Pre-segmenting the text with `Intl.Segmenter` and handing
 * Pagefind space-separated words (indexed under a language code it does not
 * segment) makes index-time and query-time splitting the same algorithm, and
 * it removes Pagefind's costly segmentation from the indexer (issue 5).
 */

/** Language tag for segmentation; the index and the search page both use it. */
export const SEGMENT_LOCALE = 'zh-Hant-HK';

const HAN = '\\p{Script=Han}';
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef';
/**
 * Whitespace between two Han characters or CJK punctuation is a PDF artefact —
 * justification (創 科 生 態) or a table cell wrapped over lines (無\n人機) —
 * never meaning: Chinese does not separate words.
 */
const SPURIOUS_SPACE = new RegExp(`([${HAN}${CJK_PUNCT}])\\s+(?=[${HAN}${CJK_PUNCT}])`, 'gu');
/** Letter-spaced digits (`1 8 2 3`, `2 0 2 2年`): one space between lone digits. Digit groups (`3 300`) are kept. */
const SPACED_DIGITS = /(?<=(?:^|\D)\d) (?=\d(?!\d))/gu;

const segmenter = new Intl.Segmenter(SEGMENT_LOCALE, { granularity: 'word' });

/** Remove the whitespace that extraction put inside Chinese text and numbers, keep it elsewhere. */
export function closeHanGaps(text: string): string {
  return text.replace(SPURIOUS_SPACE, '$1').replace(SPACED_DIGITS, '');
}

/**
 * Text → the same text with a single space between ICU words (punctuation kept
 * as its own token so excerpts stay readable). Lines are kept apart by a space.
 */
export function segmentText(text: string): string {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(closeHanGaps(text))) {
    const s = segment.trim();
    if (s) out.push(s);
  }
  return out.join(' ');
}
