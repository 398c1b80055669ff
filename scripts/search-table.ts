/**
 * npm run search-table -- [SITE_DIR] [--markdown]: the journalist queries of issue 17
 * (and ten more) typed into a built site's search page in chromium, printing for each
 * the status line and the top 5 results (reply number, `~` for a partial match).
 * Run it on main's build (/work/baseline-site) and on a branch's `_site` for the
 * before/after table of a closing note. Reads what the page shows; asserts nothing.
 */
import { resolve } from 'node:path';
import { launchChromium } from '../src/serve/chromium.ts';
import { serveDirectory } from '../src/serve/static-server.ts';

/** [query, search page]: the queries, then ten of a journalist's own. */
export const TABLE_QUERIES: [string, string][] = [
  ['數碼港 開支', 'search/'],
  ['公務員 編制', 'search/'],
  ['智方便 投訴', 'search/'],
  ['2022-23', 'search/'],
  ['5G', 'search/'],
  ['數碼港', 'search/'],
  ['網絡保安', 'search/'],
  ['科技卷', 'search/'],
  ['潘婷婷', 'search/'],
  ['Cyberport', 'en/search/'],
  ['technology voucher', 'en/search/'],
  // Ten more: a topic with money or staff, years written other ways, a number, synonyms, English names.
  ['人工智能 人手', 'search/'],
  ['科學園 租金', 'search/'],
  ['2022/23 數碼港', 'search/'],
  ['二零二二至二三年度', 'search/'],
  ['1 300', 'search/'],
  ['手機應用程式', 'search/'],
  ['創科署 開支', 'search/'],
  ['"再工業化資助計劃"', 'search/'],
  ['iAM Smart', 'en/search/'],
  ['Science Park', 'en/search/'],
];

const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const siteDir = resolve(args.find((a) => !a.startsWith('--')) ?? '_site');
const server = await serveDirectory(siteDir, '/archive/');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  if (markdown) console.log(`| query | status | top 5 |\n|---|---|---|`);
  for (const [q, path] of TABLE_QUERIES) {
    await page.goto(new URL(`${path}?q=${encodeURIComponent(q)}`, server.baseUrl).href);
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-search-status]')?.textContent ?? '';
      return s && !/搜尋中|Searching/.test(s);
    }, undefined, { timeout: 20000 }).catch(() => {});
    // The status comes first, the list after it (or no list: nothing found).
    await page.waitForFunction(() => document.querySelector('[data-search-results] > li') || /找不到|No results/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), undefined, { timeout: 20000 }).catch(() => {});
    await page.waitForLoadState('networkidle');
    const status = ((await page.locator('[data-search-status]').textContent()) ?? '').trim();
    const note = ((await page.locator('[data-search-note]').textContent().catch(() => '')) ?? '').trim();
    const top = await page.$$eval('[data-search-results] > li', (lis) =>
      lis.slice(0, 5).map((li) => {
        const no = li.querySelector('.search-replyno')?.textContent ?? li.querySelector('a')?.getAttribute('href') ?? '?';
        return (li.getAttribute('data-match') === 'partial' ? '~' : '') + no;
      }),
    );
    const cells = [`${q}${path.startsWith('en/') ? ' (en)' : ''}`, status + (note ? ` [${note}]` : ''), top.join(' ') || '—'];
    console.log(markdown ? `| ${cells.join(' | ')} |` : `${cells[0]}\n  ${cells[1]}\n  ${cells[2]}`);
  }
} finally {
  await browser.close();
  await server.close();
}
