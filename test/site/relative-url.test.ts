/** Root-absolute links become page-relative, so one _site/ works at /, under /<repo>/ and from disk. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { relativeUrl, relativizeHtml } from '../../src/site/lib/relative-url.ts';

test('links between pages resolve relative to the page directory', () => {
  assert.is(relativeUrl('/2023-24/itib002/', '/2023-24/itib001/'), '../itib002/');
  assert.is(relativeUrl('/', '/2023-24/itib001/'), '../../');
  assert.is(relativeUrl('/assets/site.css', '/2023-24/en/heads/135/'), '../../../../assets/site.css');
  assert.is(relativeUrl('/2023-24/', '/'), './2023-24/');
  assert.is(relativeUrl('/', '/'), './');
});

test('fragments and queries survive; a fragment on the same page stays a fragment', () => {
  assert.is(relativeUrl('/2023-24/itib001/#answer-3', '/2023-24/itib002/'), '../itib001/#answer-3');
  assert.is(relativeUrl('/2023-24/itib001/#answer-3', '/2023-24/itib001/'), '#answer-3');
  assert.is(relativeUrl('/search/?q=5G', '/'), './search/?q=5G');
});

test('Chinese path segments are percent-encoded in the output, whatever the input form', () => {
  assert.is(relativeUrl('/members/陳振英/', '/2023-24/itib001/'), '../../members/%E9%99%B3%E6%8C%AF%E8%8B%B1/');
  assert.is(relativeUrl('/2023-24/', '/members/%E9%99%B3%E6%8C%AF%E8%8B%B1/'), '../../2023-24/');
});

test('offline mode: directory links end in index.html (file:// has no directory index)', () => {
  assert.is(relativeUrl('/2023-24/itib002/', '/2023-24/itib001/', true), '../itib002/index.html');
  assert.is(relativeUrl('/', '/', true), './index.html');
  assert.is(relativeUrl('/2023-24/itib001/#answer-3', '/', true), './2023-24/itib001/index.html#answer-3');
  assert.is(relativeUrl('/data/replies.csv', '/data/', true), './replies.csv');
});

test('a link into the same folder starts with ./, so a path segment with ":" is never read as a scheme', () => {
  // A member page whose name ended up as "javascript:alert(1)" (were a slug ever to keep ":"):
  // written bare, "javascript:alert(1)/" would be a javascript: URL on the members list.
  assert.is(relativeUrl('/members/javascript:alert(1)/', '/members/'), './javascript:alert(1)/');
  assert.is(relativeUrl('/feed.xml', '/'), './feed.xml');
  assert.is(relativeUrl('/members/a/', '/members/a/'), './');
  for (const target of ['/x:y/', '/a/b:c/#d', '/data/replies.csv', '/', '/en/']) {
    for (const page of ['/', '/a/', '/a/b/', '/404.html']) {
      const rel = relativeUrl(target, page);
      assert.ok(/^(\.\/|\.\.\/|#)/.test(rel), `${target} from ${page} gave "${rel}"`);
      assert.is(new URL(rel, `https://h.test${page}`).pathname, encodeURI(target.replace(/#.*/, '')));
    }
  }
});

test('absolute, protocol-relative, fragment-only and relative URLs are left alone', () => {
  for (const u of ['https://example.org/x', '//cdn.example/x', '#main', 'mailto:a@b', '../x/', 'data:,']) {
    assert.is(relativeUrl(u, '/2023-24/itib001/'), u);
  }
});

test('relativizeHtml rewrites attributes only, never escaped text that looks like one', () => {
  const page = '<a href="/about/">a</a><p>href=&quot;/about/&quot;</p><form action="/search/"></form><link rel="canonical" href="https://x.org/about/">';
  assert.is(
    relativizeHtml(page, '/2023-24/'),
    '<a href="../about/">a</a><p>href=&quot;/about/&quot;</p><form action="../search/"></form><link rel="canonical" href="https://x.org/about/">',
  );
  assert.is(relativizeHtml('<img srcset="/og/a.png 1x, /og/b.png 2x">', '/2023-24/'), '<img srcset="../og/a.png 1x, ../og/b.png 2x">');
});

test.run();
