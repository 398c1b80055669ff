/**
 * npm run screenshots: pictures of the built site for a review or a pull
 * request (reply, head, year, an English reply on a phone, search, 404, the
 * head page's chart in dark mode), served under a GitHub-Pages-like prefix
 * from `_site` (ARCHIVE_OUT) in the Debian chromium (CHROMIUM_PATH).
 * Written to dist/screenshots/ (SHOTS_OUT overrides); build first.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../src/serve/chromium.ts';
import { serveDirectory } from '../src/serve/static-server.ts';

const site = path.resolve(process.env.ARCHIVE_OUT ?? '_site');
const out = path.resolve(process.env.SHOTS_OUT ?? 'dist/screenshots');
mkdirSync(out, { recursive: true });
const server = await serveDirectory(site, '/legco/');
const browser = await launchChromium();
try {
  const shots: [string, string, number][] = [
    ['2023-24/itib043/', 'reply', 1100],
    ['2023-24/heads/155/', 'head', 1100],
    ['2023-24/', 'year', 1100],
    ['en/2023-24/itib144/', 'reply-en-mobile', 390],
    ['search/?q=%E6%99%BA%E6%96%B9%E4%BE%BF', 'search', 1100],
    ['nope/deeper/', '404', 1100],
  ];
  for (const [page, name, width] of shots) {
    const tab = await browser.newPage({ viewport: { width, height: 900 } });
    await tab.goto(server.baseUrl + page);
    // The search page shows results after Pagefind loads; other pages are static.
    await tab.waitForTimeout(name === 'search' ? 1500 : 200);
    await tab.screenshot({ path: path.join(out, `${name}.png`), fullPage: false });
    await tab.close();
  }
  const dark = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: 'dark' });
  await dark.goto(server.baseUrl + '2023-24/heads/155/');
  await dark.locator('figure, .chart').first().scrollIntoViewIfNeeded();
  await dark.screenshot({ path: path.join(out, 'head-dark.png') });
  console.log(`Screenshots in ${path.relative(process.cwd(), out) || out}`);
} finally {
  await browser.close();
  await server.close();
}
