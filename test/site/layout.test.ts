/** The frame of every page: language, alternates, canonical, CSP, skip link, landmarks, share card. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { html } from '../../src/lib/html.ts';
import { clip, layout } from '../../src/site/lib/layout.ts';

const siteUrl = 'https://example.test/archive/';

const page = (lang: 'zh-Hant-HK' | 'en', address: string | null = siteUrl) =>
  layout({ siteUrl: address, lang, path: '/2023-24/itib001/', title: '標題', description: '描述', main: html`<h1>標題</h1>`, crumbs: [{ label: '2023-24', path: '/2023-24/' }] });

test('every page names its language, its canonical URL and both language versions', () => {
  const zh = page('zh-Hant-HK');
  assert.match(zh, '<html lang="zh-Hant-HK">');
  assert.match(zh, `<link rel="canonical" href="${siteUrl}2023-24/itib001/">`);
  assert.match(zh, `<link rel="alternate" hreflang="en" href="${siteUrl}2023-24/en/itib001/">`);
  assert.match(zh, `<link rel="alternate" hreflang="zh-Hant-HK" href="${siteUrl}2023-24/itib001/">`);
  assert.match(zh, '<a href="/2023-24/en/itib001/" hreflang="en" lang="en">English</a>');
  const en = page('en');
  assert.match(en, '<html lang="en">');
  assert.match(en, `<link rel="canonical" href="${siteUrl}2023-24/en/itib001/">`);
  assert.match(en, '<a href="/2023-24/itib001/" hreflang="zh-Hant-HK" lang="zh-Hant-HK">中文</a>');
});

test('without the site address: no canonical, og:url or og:image; language versions as site paths', () => {
  for (const lang of ['zh-Hant-HK', 'en'] as const) {
    const out = page(lang, null);
    assert.not.match(out, /rel="canonical"|og:url|og:image|twitter:image|https?:/);
    assert.match(out, '<link rel="alternate" hreflang="en" href="/2023-24/en/itib001/">');
    assert.match(out, '<link rel="alternate" hreflang="x-default" href="/2023-24/itib001/">');
  }
});

test('share card: both languages use the Chinese page card, in the year\'s folder (/<year>/og/)', () => {
  for (const lang of ['zh-Hant-HK', 'en'] as const) {
    assert.match(page(lang), `<meta property="og:image" content="${siteUrl}2023-24/og/itib001.png">`);
  }
});

test('CSP without inline script or style; skip link to main; landmarks; breadcrumb ends at this page', () => {
  const zh = page('zh-Hant-HK');
  assert.match(zh, /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  assert.not.match(zh, /unsafe-inline/);
  assert.match(zh, '<a class="skip" href="#main">跳到主要內容</a>');
  for (const landmark of ['<header', '<nav class="site-nav"', '<main id="main"', '<footer']) assert.match(zh, landmark);
  // The separators are hidden from assistive technology: a screen reader reads the list, not "›".
  assert.match(zh, '<li><span class="sep" aria-hidden="true">›</span><a href="/2023-24/">2023-24</a></li><li><span class="sep" aria-hidden="true">›</span><a href="/2023-24/itib001/" aria-current="page">標題</a></li></ol></nav>');
  assert.not.match(zh, /<script|style="/);
});

test('titles are clipped by characters, not bytes, with an ellipsis', () => {
  assert.is(clip('一二三四五', 5), '一二三四五');
  assert.is(clip('一二三四五六', 5), '一二三四…');
});

test.run();
