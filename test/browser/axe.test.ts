/**
 * axe-core, WCAG 2.2 AA: zero violations on every page type in both interface
 * languages, served under a GitHub-Pages-like path prefix, in light and (for
 * the reply, home and year pages) dark colour scheme. Prints one summary line per page.
 */
import { browserSuite } from '../support/browser.ts';
import * as assert from 'uvu/assert';
import { BrowserAndServer } from '../support/harness.ts';
import { runAxe, describeViolations } from '../support/axe.ts';
import { trySite, type PageUnderTest } from '../support/site.ts';

const test = browserSuite('axe-core WCAG 2.2 AA');
const site = trySite();
const { siteDir, pages, missing } = site instanceof Error ? { siteDir: '', pages: [], missing: [] } : site;
const env = new BrowserAndServer(() => siteDir);
test.before.each(env.ready);
test.after(env.close);

test('every page type exists in both languages', () => {
  if (site instanceof Error) throw site;
  assert.equal(missing.map((p) => `${p.type} (${p.lang}) ${p.path}`), [], 'page types missing from _site');
});

async function axeCheck(page: PageUnderTest, colorScheme: 'light' | 'dark'): Promise<void> {
  // bypassCSP only here: axe is injected as an inline script, which the site's CSP forbids.
  const context = await env.browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 1280, height: 900 } });
  try {
    const tab = await context.newPage();
    const response = await tab.goto(env.server.baseUrl + page.path);
    assert.ok(response, `no response for ${page.path}`);
    const results = await runAxe(tab);
    const nodes = results.violations.reduce((n, v) => n + v.nodes.length, 0);
    console.log(
      `  axe ${page.type.padEnd(10)} ${page.lang} ${colorScheme.padEnd(5)} ${page.path}: ` +
        `${results.violations.length} violations (${nodes} nodes), ${results.passes.length} passed rules` +
        (results.violations.length ? ` — ${results.violations.map((v) => v.id).join(', ')}` : ''),
    );
    assert.is(
      results.violations.length,
      0,
      `axe violations on ${page.path} (${page.lang}, ${colorScheme}):\n${describeViolations(results.violations)}`,
    );
  } finally {
    await context.close();
  }
}

for (const page of pages) {
  test(`${page.type} (${page.lang}) has no WCAG 2.2 AA violations`, () => axeCheck(page, 'light'));
  if (page.type === 'reply' || page.type === 'home' || page.type === 'year') {
    test(`${page.type} (${page.lang}) has no violations in dark mode`, () => axeCheck(page, 'dark'));
  }
}

test.run();
