/**
 * Privacy and robustness as a reader sees them:
 * - no request leaves the site's origin (every page type, both languages, and a
 *   search if the search page exists), no subresource fails, no CSP violation;
 * - with JavaScript disabled the reply page still shows its title, its answer
 *   text and its tables.
 */
import { browserSuite } from '../support/browser.ts';
import * as assert from 'uvu/assert';
import { BrowserAndServer } from '../support/harness.ts';
import { countPipeTables, trySite, type SiteUnderTest } from '../support/site.ts';
import { settingsFromEnv } from '../../_data/site.ts';

/** The site URL the build under test was made with (the same environment). */
const siteUrl = settingsFromEnv(process.env).siteUrl;

const test = browserSuite('isolation: same origin only, works without JavaScript');
const built = trySite();
if (built instanceof Error) {
  test('the site is built', () => {
    throw built;
  });
} else {
  registerTests(built);
}
test.run();

function registerTests({ siteDir, pages, rich }: SiteUnderTest): void {
  const env = new BrowserAndServer(() => siteDir);
  test.before.each(env.ready);
  test.after(env.close);

  /** Load pages in one context and record every request, failure and console error. */
  async function record(paths: Array<{ path: string; search?: boolean }>) {
    const context = await env.browser.newContext();
    const log = { requests: 0, foreign: [] as string[], failed: [] as string[], consoleErrors: [] as string[] };
    context.on('request', (req) => {
      log.requests++;
      const u = req.url();
      if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith(env.server.baseUrl)) return;
      log.foreign.push(`${u} (from ${req.frame().url()})`);
    });
    context.on('requestfailed', (req) => log.failed.push(`${req.url()}: ${req.failure()?.errorText} (from ${req.frame().url()})`));
    context.on('response', (res) => {
      // A missing page answers 404 by design; a subresource must not.
      if (res.status() >= 400 && res.request().resourceType() !== 'document') log.failed.push(`${res.url()}: HTTP ${res.status()}`);
    });
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') log.consoleErrors.push(`${page.url()}: ${msg.text()} [${msg.location().url}]`);
    });
    for (const { path, search } of paths) {
      await page.goto(env.server.baseUrl + path, { waitUntil: 'networkidle' });
      if (search) {
        // Exercise the search script: it fetches its index and WebAssembly.
        const box = page.locator('input[type="search"], input[type="text"]').first();
        if (await box.count()) {
          await box.fill('創新');
          await page.waitForTimeout(1500);
          await page.waitForLoadState('networkidle');
        }
      }
    }
    await context.close();
    return log;
  }

  test('no request leaves the origin; no failed subresource; no console error (every page type but 404)', async () => {
    const log = await record(pages.filter((p) => p.type !== '404').map((p) => ({ path: p.path, search: p.type === 'search' })));
    console.log(
      `  ${pages.length} pages, ${log.requests} requests, ${log.foreign.length} foreign, ${log.failed.length} failed, ` +
        `${log.consoleErrors.length} console errors`,
    );
    // One assertion, so every kind of problem is reported at once (CSP violations show up as console errors).
    assert.equal(
      { foreign: log.foreign, failed: log.failed, consoleErrors: log.consoleErrors },
      { foreign: [], failed: [], consoleErrors: [] },
      'requests that left the origin, failed requests, console errors',
    );
  });

  test('404 page: no third-party request (only this origin or the configured SITE_URL)', async () => {
    // Served at any depth, the 404 page cannot use relative links; it may point at
    // SITE_URL, the site's own origin once deployed. Its assets load only there.
    const log = await record([{ path: '404.html' }, { path: 'no-such-page/deeper/' }]);
    const thirdParty = log.foreign.filter((u) => siteUrl === null || !u.startsWith(siteUrl));
    console.log(
      `  404: ${log.requests} requests, ${log.foreign.length} to SITE_URL ${siteUrl}, ${thirdParty.length} third-party; ` +
        `not loadable off-origin: ${log.failed.length}`,
    );
    assert.equal(thirdParty, [], 'third-party requests from the 404 page');
  });

  for (const p of pages.filter((x) => x.type === 'reply')) {
    test(`${p.lang}: the reply reads fully with JavaScript disabled`, async () => {
      const context = await env.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(env.server.baseUrl + p.path);
      const h1 = page.locator('h1');
      assert.is(await h1.count(), 1, 'exactly one h1');
      assert.ok(await h1.isVisible(), 'h1 is not visible without JavaScript');
      assert.ok((await h1.innerText()).includes(rich.frontMatter.replyNo), `h1 does not name ${rich.frontMatter.replyNo}`);

      // A stretch of the answer's own words, taken from the Markdown source.
      const answer = rich.body.split(/^## /m).find((s) => /^(答覆|Reply)\s*$/m.test(s.split('\n')[0]!)) ?? '';
      const words = answer
        .split('\n')
        .slice(1)
        .map((l) => l.replace(/\\(.)/g, '$1').trim())
        .find((l) => l.length >= 12 && !l.startsWith('|') && !l.startsWith('```'));
      assert.ok(words, `${rich.file}: no plain answer paragraph found`);
      const sample = words.slice(0, 12);
      const main = page.locator('main');
      const mainText = await main.innerText();
      assert.ok(mainText.includes(sample), `answer text "${sample}" is not visible in main without JavaScript`);

      const tables = await page.locator('main table').count();
      const expected = countPipeTables(rich.body);
      assert.ok(tables >= expected, `${tables} tables rendered, ${expected} in the Markdown`);
      const firstTable = page.locator('main table').first();
      assert.ok(await firstTable.isVisible(), 'table is not visible without JavaScript');
      assert.ok((await firstTable.locator('caption').count()) > 0, 'table has no caption');
      assert.ok((await firstTable.locator('th[scope]').count()) > 0, 'table has no th with scope');
      console.log(`  ${p.lang}: without JS: h1 "${(await h1.innerText()).slice(0, 40)}", answer text found, ${tables} tables`);
      await context.close();
    });
  }
}
