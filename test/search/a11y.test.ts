/**
 * axe-core (WCAG 2.2 AA) on the search page in both interface languages, with
 * results shown and with a filter applied: zero violations. Keyboard: the box,
 * the filters and the results are reached with Tab and nothing traps focus.
 */
import { browserSuite } from '../support/browser.ts';
const test = browserSuite('search page: a11y');
import * as assert from 'uvu/assert';
import { runAxe, describeViolations } from '../support/axe.ts';
import { searchHarness, closeHarness } from './harness.ts';

test.after(() => closeHarness());

for (const path of ['search/', 'en/search/']) {
  test(`${path}: zero axe violations with results, then with a head filter applied`, async () => {
    const { browser, server } = await searchHarness();
    // bypassCSP only for this run: axe is injected as an inline script.
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(new URL(`${path}?q=%E6%99%BA%E6%96%B9%E4%BE%BF`, server.baseUrl).href);
      await page.locator('[data-search-results] > li').first().waitFor();
      await page.locator('#search-filter-head option').nth(1).waitFor({ state: 'attached' });
      let r = await runAxe(page);
      assert.equal(r.violations.length, 0, `with results:\n${describeViolations(r.violations)}`);
      const option = await page.locator('#search-filter-head option').nth(1).getAttribute('value');
      await page.locator('#search-filter-head').selectOption(option!);
      await page.waitForFunction(() => new URL(location.href).searchParams.has('head'));
      await page.locator('[data-search-results] > li').first().waitFor();
      r = await runAxe(page);
      assert.equal(r.violations.length, 0, `with a filter:\n${describeViolations(r.violations)}`);
    } finally {
      await context.close();
    }
  });
}

test('keyboard: Tab goes from the box through the filters to the first result and on, never trapped', async () => {
  const { browser, server } = await searchHarness();
  const page = await browser.newPage();
  await page.goto(new URL('search/?q=%E6%95%B8%E7%A2%BC%E6%B8%AF', server.baseUrl).href);
  await page.locator('[data-search-results] > li').first().waitFor();
  await page.locator('main input[name="q"]').focus();
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const a = document.activeElement;
      return a ? `${a.tagName}#${a.id}${a.closest('[data-search-results]') ? ':result' : ''}` : 'none';
    }));
  }
  for (const id of ['SELECT#search-filter-year', 'SELECT#search-filter-head', 'SELECT#search-filter-programme', 'SELECT#search-filter-member', 'SELECT#search-sort']) {
    assert.ok(seen.includes(id), `${id} reachable: ${seen.join(' ')}`);
  }
  const firstResult = seen.findIndex((s) => s.endsWith(':result'));
  assert.ok(firstResult > 0, 'a result link is reachable');
  assert.ok(seen.slice(firstResult).some((s) => !s.endsWith(':result')) || seen.filter((s) => s.endsWith(':result')).length >= 10, 'focus moves on past the results');
  await page.close();
});

test.run();
