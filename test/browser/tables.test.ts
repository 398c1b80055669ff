/**
 * Tables as a reader sees them on a phone: in Chromium at 360 and 320 CSS px,
 * on every built reply page that has a table (both interface languages), no
 * numeric cell and no number inside a text cell wraps, and a wide table
 * scrolls sideways in its own focusable, labelled region while the page
 * itself never scrolls sideways, with its header row and row names in view while
 * it scrolls; at 1280 px a table uses the screen beyond the text column and
 * scrolls only when wider than the screen. Every table's CSV link gives the
 * table's cells exactly.
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

/** A page of the English interface: a year's are /<year>/en/…. */
const ENGLISH = /^\d{4}-\d{2}\/en\//;

/** Paths (relative to the site root) of the reply pages with a `<table>`, found in the build. */
function replyPagesWithTables(siteDir: string): string[] {
  const out: string[] = [];
  // Both interfaces of a year are in its folder: /<year>/itib001/ and /<year>/en/itib001/ (src/model/urls.ts localize).
  for (const prefix of ['', 'en/']) {
    for (const year of readdirSync(siteDir).filter((d) => /^\d{4}-\d{2}$/.test(d)).sort()) {
      const root = join(siteDir, year, prefix);
      if (!existsSync(root)) continue;
      for (const reply of readdirSync(root).filter((d) => /^[a-z]+\d+$/.test(d)).sort()) {
        const file = join(root, reply, 'index.html');
        if (existsSync(file) && readFileSync(file, 'utf8').includes('<table id=')) out.push(`${year}/${prefix}${reply}/`);
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
  assert.is(pages.filter((p) => ENGLISH.test(p)).length * 2, pages.length);
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

test('at 1280 px: no table scrolls sideways while the screen has room; a wide one grows past the text column', async () => {
  let context: BrowserContext | undefined;
  try {
    context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    let wider = 0;
    let scrolling = 0;
    for (const path of pages.filter((p) => !ENGLISH.test(p))) {
      await page.goto(`${env.server.baseUrl}${path}`);
      const m = await page.evaluate(() => {
        const column = document.querySelector('main')!.getBoundingClientRect().width;
        const screen = document.documentElement.clientWidth;
        return {
          pageWidth: document.documentElement.scrollWidth,
          screen,
          regions: ([...document.querySelectorAll('.table-scroll')] as HTMLElement[]).map((r) => {
            const box = r.getBoundingClientRect();
            return { id: r.querySelector('table')!.id, scrolls: r.scrollWidth > r.clientWidth + 1, width: box.width, left: box.left, right: box.right, column };
          }),
        };
      });
      if (m.pageWidth > m.screen) problems.push(`${path}: the page is ${m.pageWidth} px wide`);
      for (const r of m.regions) {
        if (r.width > r.column + 1) wider++;
        if (r.left < -1 || r.right > m.screen + 1) problems.push(`${path}#${r.id}: the region runs off the screen (${Math.round(r.left)}–${Math.round(r.right)})`);
        // Scrolling is right only when the region already uses the screen (its maximum, 100vw - 3rem).
        if (r.scrolls) {
          scrolling++;
          if (r.width < m.screen - 48 - 2) problems.push(`${path}#${r.id}: scrolls in ${Math.round(r.width)} px while the screen has ${m.screen} px`);
        }
      }
    }
    console.log(`  1280 px: ${wider} tables wider than the text column, ${scrolling} scroll sideways (wider than the screen)`);
    assert.ok(wider > 0, 'some tables use the width beyond the column');
    assert.equal(problems, []);
  } finally {
    await context?.close();
  }
});

test('at 360 px: a wide or long table keeps its header row and row names in view while it scrolls', async () => {
  let context: BrowserContext | undefined;
  try {
    context = await env.browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const problems: string[] = [];
    let checkedDown = 0;
    let checkedAcross = 0;
    for (const path of pages.filter((p) => !ENGLISH.test(p))) {
      await page.goto(`${env.server.baseUrl}${path}`);
      const m = await page.evaluate(() =>
        ([...document.querySelectorAll('.table-scroll')] as HTMLElement[]).map((r) => {
          const id = r.querySelector('table')!.id;
          const out = { id, down: null as null | number, across: null as null | number };
          const head = r.querySelector('thead th') as HTMLElement;
          if (r.scrollHeight > r.clientHeight + 1) {
            r.scrollTop = (r.scrollHeight - r.clientHeight) / 2;
            out.down = Math.round(head.getBoundingClientRect().top - r.getBoundingClientRect().top);
            r.scrollTop = 0;
          }
          const name = r.querySelector('tbody th[scope="row"]') as HTMLElement | null;
          if (name && r.scrollWidth > r.clientWidth + 1) {
            r.scrollLeft = r.scrollWidth;
            // In view: at the region's left edge (stuck there) or to its right (a name column that is the last one).
            const left = name.getBoundingClientRect().left - r.getBoundingClientRect().left;
            out.across = left >= -2 && left < r.clientWidth - 20 ? 0 : Math.round(left);
            r.scrollLeft = 0;
          }
          return out;
        }),
      );
      for (const r of m) {
        if (r.down !== null) {
          checkedDown++;
          if (Math.abs(r.down) > 2) problems.push(`${path}#${r.id}: scrolled down, the header row is ${r.down} px from the region's top`);
        }
        if (r.across !== null) {
          checkedAcross++;
          if (Math.abs(r.across) > 2) problems.push(`${path}#${r.id}: scrolled across, the row names are out of view (${r.across} px from the region's left)`);
        }
      }
    }
    console.log(`  360 px: ${checkedDown} tables scrolled down, ${checkedAcross} across, headers in view`);
    assert.ok(checkedDown > 0 && checkedAcross > 0);
    assert.equal(problems, []);
  } finally {
    await context?.close();
  }
});

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
            // The grid as printed: a cell spanning rows or columns (a value printed once, a group row's
            // label) stands at its first position, the positions it covers blank, as in the CSV.
            rows: (() => {
              const grid: string[][] = [...t.rows].map(() => []);
              [...t.rows].forEach((r, y) => {
                let x = 0;
                for (const c of [...r.cells]) {
                  while (grid[y]![x] !== undefined) x++;
                  for (let dy = 0; dy < c.rowSpan; dy++) for (let dx = 0; dx < c.colSpan; dx++) if (grid[y + dy]) grid[y + dy]![x + dx] = dy === 0 && dx === 0 ? (c.textContent ?? '').trim() : '';
                  x += c.colSpan;
                }
              });
              return grid.map((row) => [...row].map((v) => v ?? ''));
            })(),
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
