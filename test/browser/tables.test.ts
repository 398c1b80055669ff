/**
 * Tables as a reader sees them on a phone: in Chromium at 360 and 320 CSS px,
 * on every built reply page that has a table (both interface languages), no
 * numeric cell and no number inside a text cell wraps, and a wide table
 * scrolls sideways in its own focusable, labelled region while the page
 * itself never scrolls sideways. Every table's CSV link gives the table's
 * cells exactly.
 */
import { parse } from 'csv-parse/sync';
import { browserSuite, fontsInUse } from '../support/browser.ts';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { BrowserAndServer } from '../support/harness.ts';
import { requireSite } from '../support/site.ts';

const test = browserSuite('tables at phone width');

/** Paths (relative to the site root) of the reply pages with a `<table>`, found in the build. */
function replyPagesWithTables(siteDir: string): string[] {
  const out: string[] = [];
  for (const prefix of ['', 'en/']) {
    const root = join(siteDir, prefix);
    for (const year of readdirSync(root).filter((d) => /^\d{4}-\d{2}$/.test(d)).sort()) {
      for (const reply of readdirSync(join(root, year)).sort()) {
        const file = join(root, year, reply, 'index.html');
        if (existsSync(file) && readFileSync(file, 'utf8').includes('<table id=')) out.push(`${prefix}${year}/${reply}/`);
      }
    }
  }
  return out;
}

let siteDir = '';
let pages: string[] = [];
try {
  siteDir = requireSite();
  pages = replyPagesWithTables(siteDir);
} catch (err) {
  test('the built site is there', () => {
    throw err;
  });
}
const env = new BrowserAndServer(() => siteDir);
test.before.each(env.ready);
test.after(env.close);

test('reply pages with tables are found in the build, in both languages', () => {
  // Which cells wrap depends on the fonts: say which ones these results are for.
  console.log(`  ${fontsInUse()}`);
  assert.ok(pages.length >= 2 * 20, `${pages.length} pages`);
  assert.is(pages.filter((p) => p.startsWith('en/')).length * 2, pages.length);
});

interface Measure {
  pageWidth: number;
  numericCells: number;
  wrapped: string[];
  regions: number;
  scrolling: number;
  unlabelled: string[];
}

for (const width of [360, 320]) {
  test(`at ${width} px: no numeric cell wraps, wide tables scroll in their own region, never the page`, async () => {
    let context: BrowserContext | undefined;
    try {
      context = await env.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      let cells = 0;
      let scrolling = 0;
      const problems: string[] = [];
      for (const path of pages) {
        await page.goto(`${env.server.baseUrl}${path}`);
        const m: Measure = await page.evaluate(() => {
          // Line boxes a piece of text occupies: the distinct tops of its range's rectangles.
          // (No named helper here: tsx would wrap it in a __name() call the page does not have.)
          const range = document.createRange();
          const numeric = [...document.querySelectorAll('table .num')];
          const wrapped: string[] = [];
          for (const el of [...numeric, ...document.querySelectorAll('table .nb')]) {
            range.selectNodeContents(el);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) wrapped.push(`${el.closest('table')?.id}: "${el.textContent}"`);
          }
          const regions = [...document.querySelectorAll('.table-scroll')] as HTMLElement[];
          const unlabelled = regions
            .filter((r) => r.tabIndex !== 0 || !document.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent?.trim())
            .map((r) => r.querySelector('table')?.id ?? '?');
          const scrolling = regions.filter((r) => {
            if (r.scrollWidth <= r.clientWidth) return false;
            r.scrollLeft = 40;
            const moved = r.scrollLeft > 0;
            r.scrollLeft = 0;
            return moved;
          }).length;
          return { pageWidth: document.documentElement.scrollWidth, numericCells: numeric.length, wrapped, regions: regions.length, scrolling, unlabelled };
        });
        cells += m.numericCells;
        scrolling += m.scrolling;
        if (m.pageWidth > width) problems.push(`${path}: the page is ${m.pageWidth} px wide`);
        for (const w of m.wrapped) problems.push(`${path}: ${w} wraps`);
        for (const u of m.unlabelled) problems.push(`${path}: the region of ${u} is not focusable and labelled`);
      }
      console.log(`  ${width} px: ${pages.length} pages, ${cells} numeric cells, ${scrolling} tables scroll in their region`);
      assert.ok(cells > 0, 'numeric cells found');
      assert.ok(scrolling > 0, 'some tables are wider than a phone and scroll');
      assert.equal(problems, []);
    } finally {
      await context?.close();
    }
  });
}

test('every table has a CSV link that downloads and parses into the table as the page shows it', async () => {
  let context: BrowserContext | undefined;
  try {
    context = await env.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    let checked = 0;
    const problems: string[] = [];
    for (const path of pages) {
      await page.goto(`${env.server.baseUrl}${path}`);
      const tables = await page.evaluate(() =>
        [...document.querySelectorAll('table')].map((t) => {
          const link = t.closest('.table-scroll')?.nextElementSibling?.querySelector('a[download]') as HTMLAnchorElement | null;
          return {
            id: t.id,
            href: link?.href ?? null,
            rows: [...t.rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').trim())),
          };
        }),
      );
      for (const t of tables) {
        if (!t.href) {
          problems.push(`${path}#${t.id}: no CSV link`);
          continue;
        }
        const response = await page.request.get(t.href);
        const csv = await response.text();
        const rows = (parse(csv, { bom: true, relax_column_count: true }) as string[][]).map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, '')));
        if (!response.ok() || !csv.startsWith('\uFEFF') || !csv.includes('\r\n')) problems.push(`${path}#${t.id}: ${t.href} is not a UTF-8 CSV with BOM and CRLF`);
        if (JSON.stringify(rows) !== JSON.stringify(t.rows)) problems.push(`${path}#${t.id}: the CSV has ${rows.length} rows of ${rows.map((r) => r.length).join('/')} cells, the table ${t.rows.length} of ${t.rows.map((r) => r.length).join('/')}`);
        checked++;
      }
    }
    // One real download, as a reader's click makes it.
    await page.goto(`${env.server.baseUrl}${pages[0]}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.table-data a')]);
    assert.match(download.suggestedFilename(), /^[a-z0-9-]+-table-\d+\.csv$/);
    const saved = readFileSync((await download.path())!, 'utf8');
    assert.ok((parse(saved, { bom: true }) as string[][]).length > 1, 'the downloaded CSV has a header and rows');
    console.log(`  ${checked} tables on ${pages.length} pages, each with its CSV`);
    assert.ok(checked > 0);
    assert.equal(problems, []);
  } finally {
    await context?.close();
  }
});

test.run();
