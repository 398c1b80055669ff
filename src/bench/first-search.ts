/**
 * First search on a cold cache, in Debian's chromium: bytes transferred and
 * typing-to-results time for a few real queries, on a built site (the same
 * measurement the search tests print, src/search/measure-browser.ts).
 */
import { launchChromium } from '../serve/chromium.ts';
import { serveDirectory } from '../serve/static-server.ts';
import { measureFirstSearch, type FirstSearchMeasure } from '../search/measure-browser.ts';

/** A query typed into a search page (`path`, default the Chinese interface's `search/`). */
export interface FirstQuery {
  q: string;
  path?: string;
}

/** Terms present in every synthetic year (recombined from the real replies) and in the seed. */
// 数码港 and 再工业化 are typed in Simplified Chinese: their first search loads the converter too (issue 11's budget counts it).
// The rest are issue 17's journalist queries: several words, a budget year, synonyms (網絡保安), a typo whose
// suggestions load the vocabulary (科技卷), and an English name on the English page: iAM Smart, which the seed's
// English page finds through the glossary (智方便) and a synthetic year's English editions hold as written (they are
// recombined from one real English document, which never names Cyberport: a first search for it there found nothing
// and timed out waiting for a result).
export const FIRST_SEARCH_QUERIES: FirstQuery[] = [
  ...['數碼港', '智方便', '再工業化', '数码港', '再工业化', '數碼港 開支', '公務員 編制', '2022-23', '5G', '網絡保安', '科技卷'].map((q) => ({ q })),
  { q: 'iAM Smart', path: 'en/search/' },
];

export async function firstSearches(siteDir: string, queries = FIRST_SEARCH_QUERIES): Promise<FirstSearchMeasure[]> {
  const server = await serveDirectory(siteDir, '/');
  const browser = await launchChromium();
  try {
    const out: FirstSearchMeasure[] = [];
    for (const { q, path } of queries) out.push(await measureFirstSearch(browser, server.baseUrl, q, path));
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}
