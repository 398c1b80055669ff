/**
 * Build-time side of the Chinese tokenisation. The implementation lives in
 * src/browser/search/query.js, shared with the search page, so the index and the
 * query are split by the same code (bigrams for Chinese, see that file for why).
 */
import { closeGaps, indexTokens, INDEX_LANGUAGE } from '../browser/search/query.js';

export { INDEX_LANGUAGE };

/** Remove the whitespace that extraction put inside Chinese text and numbers, keep it elsewhere. */
export function closeHanGaps(text: string): string {
  return closeGaps(text);
}

/** Text → space-separated index tokens (Chinese as overlapping bigrams). */
export function segmentText(text: string): string {
  return indexTokens(text).join(' ');
}
