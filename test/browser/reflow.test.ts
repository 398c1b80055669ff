/**
 * Reflow (WCAG 1.4.10): every page type, in both interface languages, fits a
 * 320 and a 360 CSS px wide screen with no sideways scrolling of the page
 * (a wide table scrolls inside its own region, which is allowed); and on a
 * phone (360 × 780) the reply's question starts on the first screen.
 */
import { browserSuite, fontsInUse } from '../support/browser.ts';
import * as assert from 'uvu/assert';
import { BrowserAndServer } from '../support/harness.ts';
import { trySite } from '../support/site.ts';

const test = browserSuite('reflow at 320 and 360 px');
const site = trySite();
const { siteDir, pages } = site instanceof Error ? { siteDir: '', pages: [] } : site;
const env = new BrowserAndServer(() => siteDir);
test.before.each(env.ready);
test.after(env.close);

test('the built site is there', () => {
  if (site instanceof Error) throw site;
  // Widths and heights depend on the fonts: say which ones these figures are for.
  console.log(`  ${fontsInUse()}`);
  assert.ok(pages.length >= 20, `${pages.length} page types`);
});

for (const width of [320, 360]) {
  test(`every page type, both languages, is at most ${width} px wide at a ${width} px viewport`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 780 } });
    try {
      const tab = await context.newPage();
      const wide: string[] = [];
      for (const p of pages) {
        await tab.goto(env.server.baseUrl + p.path);
        const m = await tab.evaluate(() => {
          const root = document.documentElement;
          // The element that sticks out furthest, to say what to fix.
          let widest = '';
          let right = root.clientWidth;
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > right + 0.5 && !el.closest('.table-scroll')) {
              right = r.right;
              widest = `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}>`;
            }
          }
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
        });
        if (m.scrollWidth > width) wide.push(`${p.type} (${p.lang}) ${p.path}: ${m.scrollWidth} px (${m.widest})`);
      }
      console.log(`  ${width} px: ${pages.length} pages, ${wide.length} wider than the viewport`);
      assert.equal(wide, [], `pages wider than ${width} px`);
    } finally {
      await context.close();
    }
  });
}

test('on a 360 × 780 phone the question of a reply starts on the first screen', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 780 } });
  try {
    const tab = await context.newPage();
    for (const p of pages.filter((x) => x.type.startsWith('reply'))) {
      await tab.goto(env.server.baseUrl + p.path);
      const top = await tab.evaluate(() => {
        const q = document.querySelector('#question p') ?? document.querySelector('#question');
        return q ? q.getBoundingClientRect().top + scrollY : -1;
      });
      console.log(`  ${p.lang} ${p.path}: the question's first paragraph starts ${Math.round(top)} px down`);
      assert.ok(top >= 0, `${p.path} has no #question`);
      assert.ok(top < 780 - 40, `${p.path}: the question starts ${Math.round(top)} px down a 780 px screen`);
    }
  } finally {
    await context.close();
  }
});

test.run();
