import { chromium } from 'playwright-core';
import { serveDirectory } from './src/serve/static-server.ts';
const server = await serveDirectory('_site', '/legco/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const shots: [string, string, number, boolean?][] = [
  ['2023-24/itib043/', 'reply', 1100],
  ['2023-24/heads/155/', 'head', 1100],
  ['2023-24/', 'year', 1100],
  ['en/2023-24/itib144/', 'reply-en-mobile', 390],
  ['search/?q=%E6%99%BA%E6%96%B9%E4%BE%BF', 'search', 1100],
  ['nope/deeper/', '404', 1100],
];
for (const [path, name, width] of shots) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(server.baseUrl + path);
  await page.waitForTimeout(name === 'search' ? 1500 : 200);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
  await page.close();
}
const dark = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: 'dark' });
await dark.goto(server.baseUrl + '2023-24/heads/155/');
await dark.locator('figure, .chart').first().scrollIntoViewIfNeeded();
await dark.screenshot({ path: '/tmp/shot-head-dark.png' });
await browser.close();
await server.close();
