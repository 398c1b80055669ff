/**
 * A keyboard-only walk through the richest reply page (a table and an annex):
 * the skip link comes first and moves focus into main, the navigation is
 * reachable, every focused element shows a focus indicator, paragraph anchor
 * links become visible when focused and are named for a listener ("Link to
 * part 1 of the question"), Tab meets one per numbered part rather than one
 * per paragraph, and the table's scroll region takes focus and scrolls with
 * the arrow keys. Uses the page's own CSP (no bypass).
 */
import { browserSuite } from '../support/browser.ts';
import * as assert from 'uvu/assert';
import { BrowserAndServer } from '../support/harness.ts';
import type { BrowserContext, Page } from 'playwright-core';
import { once } from '../support/once.ts';
import { pagePathIn, pickWidestTableReply, trySite } from '../support/site.ts';

const test = browserSuite('keyboard-only walk');
const site = trySite();
const siteDir = site instanceof Error ? '' : site.siteDir;
const replyPages = site instanceof Error ? [] : site.pages.filter((p) => p.type === 'reply');
test('the reply page is built in both languages', () => {
  if (site instanceof Error) throw site;
  assert.is(replyPages.length, 2, 'reply pages found');
});
const env = new BrowserAndServer(() => siteDir);
let context: BrowserContext | undefined;
// 320 CSS px wide: WCAG reflow width (1280 px at 400 % zoom); a wide table must scroll here.
const phone = once(async () => (context = await env.browser.newContext({ viewport: { width: 320, height: 720 } })));
test.before.each(async () => {
  await env.ready();
  await phone();
});
test.after(async () => {
  await context?.close();
  await env.close();
});

interface Focused {
  tag: string;
  text: string;
  href: string | null;
  inMain: boolean;
  inNav: boolean;
  inHeader: boolean;
  containsTable: boolean;
  /** A link whose href is `#id` of one of its own ancestors: a paragraph/part anchor. */
  selfAnchor: boolean;
  visible: boolean;
  focusIndicator: boolean;
  id: string;
}

/** Describe document.activeElement as the user perceives it. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const href = el.getAttribute('href');
    const target = href?.startsWith('#') ? href.slice(1) : null;
    let selfAnchor = false;
    for (let a = el.parentElement; a && target; a = a.parentElement) if (a.id === target) selfAnchor = true;
    const visible =
      rect.width > 1 && rect.height > 1 && style.visibility !== 'hidden' && Number(style.opacity) > 0.5 &&
      rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
    const focusIndicator =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    if (!el.dataset.kbId) el.dataset.kbId = String(document.querySelectorAll('[data-kb-id]').length + 1);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim().slice(0, 40),
      href,
      inMain: !!el.closest('main'),
      inNav: !!el.closest('nav'),
      inHeader: !!el.closest('header'),
      containsTable: !!el.querySelector('table'),
      selfAnchor,
      visible,
      focusIndicator,
      id: el.dataset.kbId,
    };
  });
}

/** Press Tab until `wanted` holds for the focused element (or focus leaves the page / 600 presses). */
async function tabUntil(page: Page, wanted: (f: Focused) => boolean): Promise<Focused | null> {
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) return null;
    if (wanted(f)) return f;
  }
  return null;
}

for (const replyPage of replyPages) {
  const url = () => env.server.baseUrl + replyPage.path;

  test(`${replyPage.lang}: first Tab focuses a visible skip link; Enter moves focus into main`, async () => {
    const page = await (await phone()).newPage();
    await page.goto(url());
    await page.keyboard.press('Tab');
    const first = await focused(page);
    assert.ok(first, 'first Tab focused nothing');
    assert.is(first.tag, 'a', `first Tab focused <${first.tag}> "${first.text}", not the skip link`);
    assert.ok(first.href?.startsWith('#'), `first focusable link "${first.text}" is not an in-page skip link (href=${first.href})`);
    assert.ok(first.visible, `skip link "${first.text}" is not visible when focused`);
    const targetInMain = await page.evaluate((id) => {
      const t = document.getElementById(id);
      return !!t && (t.tagName === 'MAIN' || !!t.closest('main'));
    }, first.href!.slice(1));
    assert.ok(targetInMain, `skip link target ${first.href} is not main or inside main`);

    await page.keyboard.press('Enter');
    const afterEnter = await page.evaluate(() => {
      const el = document.activeElement;
      return { inMain: !!el?.closest('main'), tag: el?.tagName.toLowerCase() };
    });
    // Chromium moves focus to a focusable target; for a non-focusable one only the
    // sequential-navigation starting point moves. Either way the next Tab must land in main.
    await page.keyboard.press('Tab');
    const next = await focused(page);
    assert.ok(
      afterEnter.inMain || next?.inMain,
      `after Enter on the skip link focus is on <${afterEnter.tag}> outside main and the next Tab goes to "${next?.text}"`,
    );
    console.log(`  skip link "${first.text}" → focus ${afterEnter.inMain ? `on <${afterEnter.tag}> in main` : 'starting point in main'}`);
    await page.close();
  });

  test(`${replyPage.lang}: Tab reaches navigation, anchors and the table; every stop shows focus`, async () => {
    const page = await (await phone()).newPage();
    await page.goto(url());
    // Links a reader can see: a closed <details> (a reply's contents) shows its links when opened.
    const navLinks = await page.locator('nav a[href]:visible').count();
    const seen: Focused[] = [];
    const ids = new Set<string>();
    for (let i = 0; i < 600; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (!f) break;
      if (ids.has(f.id)) break; // wrapped around
      ids.add(f.id);
      seen.push(f);
    }
    const noIndicator = seen.filter((f) => !f.focusIndicator);
    const invisible = seen.filter((f) => !f.visible);
    const navReached = seen.filter((f) => f.inNav).length;
    const anchors = seen.filter((f) => f.selfAnchor);
    const tableRegions = seen.filter((f) => f.containsTable);
    console.log(
      `  ${replyPage.lang}: ${seen.length} tab stops; nav links ${navReached}/${navLinks}; paragraph anchors ${anchors.length}; ` +
        `table regions ${tableRegions.length}; no focus indicator ${noIndicator.length}; invisible when focused ${invisible.length}`,
    );
    // One tab stop per numbered part (and per paragraph only in a section without parts):
    // the links between parts are for pointers (tabindex -1, aria-hidden), never reached by Tab.
    const anchorLinks = await page.evaluate(() => {
      const all = [...document.querySelectorAll('a.pa')];
      return { all: all.length, pointerOnly: all.filter((a) => a.getAttribute('tabindex') === '-1').length };
    });
    console.log(`  ${replyPage.lang}: ${anchorLinks.all} paragraph links, ${anchorLinks.pointerOnly} for pointers only, ${anchors.length} reached by Tab`);
    assert.is(anchors.length, anchorLinks.all - anchorLinks.pointerOnly, 'Tab reaches exactly the paragraph links that are not pointer-only');
    assert.ok(navLinks > 0, 'the page has no <nav> links');
    assert.is(navReached, navLinks, 'not every navigation link is reachable with Tab');
    assert.ok(anchors.length > 0, 'no paragraph/part anchor link is reachable with Tab');
    assert.ok(tableRegions.length > 0, 'no focusable scroll region around a table');
    assert.equal(
      noIndicator.map((f) => `<${f.tag}> "${f.text}"`),
      [],
      'focused elements without a visible focus indicator (outline or box-shadow)',
    );
    assert.equal(invisible.map((f) => `<${f.tag}> ${f.href ?? ''} "${f.text}"`), [], 'elements invisible while focused');
    await page.close();
  });

  test(`${replyPage.lang}: a paragraph anchor link is visible on focus`, async () => {
    const page = await (await phone()).newPage();
    await page.goto(url());
    const anchor = await tabUntil(page, (f) => f.selfAnchor);
    assert.ok(anchor, 'Tab never reached a paragraph anchor link');
    assert.ok(anchor.visible, `paragraph anchor ${anchor.href} is not visible while focused`);
    // The accessible name must say what the link is; a bare "#" or "¶" is not enough.
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    });
    // Said as a listener understands it ("Link to part 1 of the question", 「連結至問題第 1 點」), never an internal id.
    const expected = replyPage.lang === 'en' ? /^Link to (paragraph|part) \S+ of the \S+/ : /^連結至\S+第 \S+ (段|點)$/;
    assert.match(name, expected, `paragraph anchor ${anchor.href} is named "${name}"`);
    assert.not.match(name, /answer-|question-|annex-/, `paragraph anchor ${anchor.href} names an internal id: "${name}"`);
    await page.close();
  });

  test(`${replyPage.lang}: the table scroll region scrolls with the arrow keys`, async () => {
    const page = await (await phone()).newPage();
    // The widest table in the corpus, which cannot fit 320 px, rather than the rich reply's.
    const wide = pickWidestTableReply().frontMatter;
    await page.goto(env.server.baseUrl + pagePathIn(`${wide.year}/${wide.replyNo.toLowerCase()}/`, replyPage.lang));
    const region = await tabUntil(page, (f) => f.containsTable);
    assert.ok(region, 'Tab never reached a scroll region containing a table');
    const before = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { left: el.scrollLeft, overflow: el.scrollWidth - el.clientWidth };
    });
    assert.ok(before.overflow > 0, `the table fits the 320px viewport (overflow ${before.overflow}px); cannot check scrolling`);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300); // smooth scrolling, if any
    const after = await page.evaluate(() => (document.activeElement as HTMLElement).scrollLeft);
    console.log(`  ${replyPage.lang}: table region overflow ${before.overflow}px, ArrowRight ×5 scrolled ${after - before.left}px`);
    assert.ok(after > before.left, 'ArrowRight did not scroll the focused table region');
    await page.close();
  });
}

test.run();
