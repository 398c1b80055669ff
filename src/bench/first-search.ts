/**
 * First search on a cold cache, in Debian's chromium: bytes transferred and
 * typing-to-results time for a few real queries, on a built site (the same
 * measurement the search tests print, src/search/measure-browser.ts).
 */
import { launchChromium } from '../serve/chromium.ts';
import { serveDirectory } from '../serve/static-server.ts';
import { measureFirstSearch, type FirstSearchMeasure } from '../search/measure-browser.ts';

/** Terms present in every synthetic year (recombined from the real replies) and in the seed. */
// The last two are typed in Simplified Chinese: their first search loads the converter too (issue 11's budget counts it).
export const FIRST_SEARCH_QUERIES = ['數碼港', '智方便', '再工業化', '数码港', '再工业化'];

export async function firstSearches(siteDir: string, queries = FIRST_SEARCH_QUERIES): Promise<FirstSearchMeasure[]> {
  const server = await serveDirectory(siteDir, '/');
  const browser = await launchChromium();
  try {
    const out: FirstSearchMeasure[] = [];
    for (const q of queries) out.push(await measureFirstSearch(browser, server.baseUrl, q));
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}
