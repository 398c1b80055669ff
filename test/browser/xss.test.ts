/**
 * Hostile text through the whole pipeline: a source document in the real
 * layout whose question and answer contain HTML, script, Markdown and template
 * look-alikes (test/fixtures/xss) is parsed by the real ingest CLI, built by the
 * real build, and opened in chromium. Nothing may run, no element may come from
 * the text, and the reader must see the characters exactly as the source has them.
 */
import { browserSuite } from '../support/browser.ts';
import * as assert from 'uvu/assert';
import { pagePathIn } from '../support/site.ts';
import { BrowserAndServer } from '../support/harness.ts';
import { xssSite } from '../support/builds.ts';

const test = browserSuite('hostile source text renders as inert text');
// The fixture corpus is ingested and built on first use, inside a test, so a failure is reported.
const env = new BrowserAndServer(xssSite);
test.before.each(env.ready);
test.after(env.close);

/** Strings the source has, after the ingest's CJK spacing clean-up, that must be shown literally. */
const LITERAL: Record<string, string[]> = {
  '2023-24/itib901/': [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '**粗體**',
    '[link](javascript:alert(1))',
    '#標題',
    '| a | b |',
    '&amp;',
    '`rm -rf`',
  ],
  '2023-24/itib902/': [
    '<b onmouseover=alert(1)>粗</b>',
    '<a href="javascript:alert(1)">連結</a>',
    '<style>body{display:none}</style>',
    '{{ 7*7 }}',
    '{% if true %}真{% endif %}',
  ],
};

for (const lang of ['zh', 'en'] as const) {
  const at = (path: string) => pagePathIn(path, lang);
  for (const [path, literals] of Object.entries(LITERAL)) {
    test(`${lang} ${path}: no script runs, no element from the text, text shown literally`, async () => {
      const context = await env.browser.newContext();
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      const response = await page.goto(env.server.baseUrl + at(path), { waitUntil: 'networkidle' });
      assert.is(response?.status(), 200, `${at(path)} not built`);
      // Give any injected handler (onmouseover) a chance: hover every paragraph and heading.
      for (const el of await page.locator('main p, main h1, main h2').all()) await el.hover({ timeout: 500 }).catch(() => {});
      await page.waitForTimeout(200);

      const dom = await page.evaluate(() => ({
        scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).map((s) => s.textContent ?? ''),
        foreignScripts: [...document.querySelectorAll('main script, main img[src="x"], main style, main iframe')].length,
        handlers: [...document.querySelectorAll('*')].filter((el) =>
          [...el.attributes].some((a) => a.name.startsWith('on')),
        ).length,
        jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href')!))
          .length,
        strong: [...document.querySelectorAll('main strong, main b, main em')].map((e) => e.textContent),
        headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => (h.textContent ?? '').trim()),
        tables: document.querySelectorAll('main table').length,
        codes: [...document.querySelectorAll('main code')].map((e) => e.textContent),
        bodyVisible: getComputedStyle(document.body).display !== 'none',
        text: document.body.innerText,
        title: document.title,
      }));
      assert.equal(dialogs, [], 'a dialog fired: script from the source ran');
      assert.is(dom.foreignScripts, 0, 'a <script>/<img>/<style>/<iframe> element was created inside main');
      assert.equal(dom.scripts.filter((s) => s.includes('alert')), [], 'an inline script contains text from the source');
      assert.is(dom.handlers, 0, 'an element has an on* event-handler attribute');
      assert.is(dom.jsLinks, 0, 'a javascript: link exists');
      assert.equal(dom.strong.filter((t) => t?.includes('粗')), [], 'Markdown/HTML emphasis from the text became an element');
      assert.equal(dom.headings.filter((h) => h === '標題'), [], '"# 標題" became a heading');
      assert.equal(dom.codes.filter((c) => c?.includes('rm -rf')), [], 'backticks became a <code> element');
      assert.is(dom.tables, 0, '"| a | b |" became a table');
      assert.ok(dom.bodyVisible, 'the page body is hidden (a <style> from the text applied)');
      const missing = literals.filter((s) => !dom.text.includes(s));
      assert.equal(missing, [], `strings not shown literally on ${at(path)}`);
      await context.close();
    });
  }
}

test('the fixture reply title is shown literally in <title> and h1', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.baseUrl + '2023-24/itib901/');
  const title = await page.title();
  const h1 = await page.locator('h1').innerText();
  assert.ok(title.includes('<script>alert(1)</script>'), `<title> is "${title}"`);
  assert.ok(h1.includes('<script>alert(1)</script>'), `h1 is "${h1}"`);
  await context.close();
});

test.run();
