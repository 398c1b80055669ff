/**
 * The page frame every HTML page shares: head (CSP, canonical, hreflang
 * alternates, Open Graph), skip link, header with navigation and search box,
 * breadcrumbs, main, footer. Links are written root-absolute; the relative-URL
 * transform (eleventy-config.ts) rewrites them per page.
 */
import { createHash } from 'node:crypto';
import { site, type InterfaceLang } from '../../../_data/site.ts';
import { html, raw, attr, type Html, type SafeHtml } from '../../lib/html.ts';
import { format, strings } from './i18n.ts';
import { absoluteUrl, feedPath, localize, membersPath, ogImagePath } from '../../model/urls.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../images/card-markup.ts';
import type { Names } from '../../model/reply.ts';

export interface Crumb {
  label: Html;
  /** zh (unlocalized) path. */
  path: string;
}

export interface PageOptions {
  /** The site's address (Settings.siteUrl), for canonical and Open Graph URLs; null: those are left out. */
  siteUrl: string | null;
  lang: InterfaceLang;
  /** This page's zh (unlocalized) path; the page itself is at localize(path, lang). */
  path: string;
  title: string;
  description: string;
  /** Trail from home (excluded) to the parent of this page; the page itself is added. */
  crumbs?: Crumb[];
  /** Breadcrumb label of this page when it differs from the title. */
  crumbLabel?: Html;
  main: SafeHtml;
  ogType?: 'website' | 'article';
  /** The search page has its own form; avoid a second one in the header. */
  headerSearch?: boolean;
  /** Extra head markup written by this codebase (e.g. the search page's script). */
  head?: SafeHtml;
  /** The language of the page's share card (its route's cardLang); default: the default language's card of the path. */
  cardLang?: InterfaceLang;
  /** The page lists replies and has an Atom feed beside it (src/model/urls.ts feedPath), advertised in <head>. */
  feed?: boolean;
  /** 404: served at any URL, so it must not claim a canonical address. */
  notFound?: boolean;
  /**
   * A stylesheet carried inside the page instead of linked (the 404 page: its
   * links must be absolute, and a stylesheet on another origin, or one not
   * reachable from where the page is served, would leave it unstyled). The
   * page's CSP allows exactly this block by its hash.
   */
  inlineStyle?: string;
}

/** Marks text in another language than the page (e.g. a Chinese name on an English page). */
export function inLang(text: string, textLang: string, pageLang: InterfaceLang): SafeHtml {
  return textLang === pageLang ? html`${text}` : html`<span lang="${textLang}">${text}</span>`;
}

/**
 * A name as a page in `pageLang` shows it: `own` (as printed, in `ownLang`)
 * when that is the page's language, else the name in the page's language from
 * `names` when the archive has one (e.g. a head's English name on an English
 * page of a reply that has only its Chinese edition), else `own` in its language.
 */
export function localText(own: string, ownLang: string, names: Names, pageLang: InterfaceLang): { text: string; lang: string } {
  if (ownLang !== pageLang) {
    const named = names[pageLang];
    if (named !== undefined) return { text: named, lang: pageLang };
  }
  return { text: own, lang: ownLang };
}

/** localText, marked with its language when that is not the page's. */
export function localName(own: string, ownLang: string, names: Names, pageLang: InterfaceLang): SafeHtml {
  const t = localText(own, ownLang, names, pageLang);
  return inLang(t.text, t.lang, pageLang);
}

/** Browser tabs and search results cut long titles anyway; keep the whole <title> ≤ 70 characters. */
const TITLE_MAX = 70;

export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

function languageSwitch(o: PageOptions): SafeHtml {
  const others = site.languages.filter((l) => l !== o.lang);
  return html`<p class="langs">${others.map(
    (l) => html`<a href="${localize(o.path, l)}" hreflang="${l}" lang="${l}">${strings(l).langName}</a>`,
  )}</p>`;
}

function breadcrumbs(o: PageOptions): SafeHtml {
  const s = strings(o.lang).site;
  if (o.path === '/' || o.notFound) return raw('');
  const trail = [{ label: s.home as Html, path: '/' }, ...(o.crumbs ?? [])];
  // The separators are drawn, not read: a screen reader announces the list and its items.
  const sep = html`<span class="sep" aria-hidden="true">›</span>`;
  return html`<nav class="crumbs" aria-label="${s.breadcrumb}"><ol>${trail.map(
    (c, i) => html`<li>${i ? sep : ''}<a href="${localize(c.path, o.lang)}">${c.label}</a></li>`,
  )}<li>${sep}<a href="${localize(o.path, o.lang)}" aria-current="page">${o.crumbLabel ?? o.title}</a></li></ol></nav>`;
}

/** The search box; `forSearchPage` marks the form src/browser/search/search.js takes over. */
export function searchForm(lang: InterfaceLang, id: string, forSearchPage = false): SafeHtml {
  const s = strings(lang).site;
  return html`<form class="search-form" role="search"${forSearchPage ? raw(' data-search-form') : ''} action="${localize('/search/', lang)}" method="get"><label for="${id}">${s.searchLabel}</label> <input id="${id}" name="q" type="search"> <button type="submit">${s.searchButton}</button></form>`;
}

/** The CSP with style-src widened to one inline block, named by its SHA-256 (CSP level 2). */
function cspAllowingStyle(css: string): string {
  if (/<\/style/i.test(css)) throw new Error('layout: an inline stylesheet must not contain "</style"');
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return site.csp.replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`);
}

export function layout(o: PageOptions): string {
  const s = strings(o.lang).site;
  const csp = o.inlineStyle === undefined ? site.csp : cspAllowingStyle(o.inlineStyle);
  const stylesheet = o.inlineStyle === undefined
    ? html`<link rel="stylesheet" href="/assets/site.css">`
    : raw(`<style>${o.inlineStyle}</style>`);
  const here = localize(o.path, o.lang);
  const suffix = ` | ${s.name}`;
  const fullTitle = o.path === '/' ? s.name : clip(o.title, TITLE_MAX - suffix.length) + suffix;
  // Without the site's address: hreflang alternates as site paths (made page-relative
  // like every link), and no canonical or Open Graph URL (those must be absolute).
  const address = (path: string) => (o.siteUrl === null ? path : absoluteUrl(path, o.siteUrl));
  const alternates = site.languages.map(
    (l) => html`<link rel="alternate" hreflang="${l}" href="${address(localize(o.path, l))}">`,
  );
  // Open Graph and Twitter card properties, as [attribute, name, value].
  const meta: [string, string, string][] = [
    ['property', 'og:type', o.ogType ?? 'website'],
    ['property', 'og:site_name', s.name],
    ['property', 'og:title', o.title],
    ['property', 'og:description', o.description],
    ['property', 'og:locale', o.lang.replace(/-/g, '_')],
    ...(o.siteUrl === null
      ? []
      : ([
          ['property', 'og:url', absoluteUrl(here, o.siteUrl)],
          ['property', 'og:image', absoluteUrl(ogImagePath(localize(o.path, o.cardLang ?? site.defaultLang)), o.siteUrl)],
          ['property', 'og:image:type', 'image/png'],
          ['property', 'og:image:width', String(CARD_WIDTH)],
          ['property', 'og:image:height', String(CARD_HEIGHT)],
          ['property', 'og:image:alt', o.title],
          ['name', 'twitter:card', 'summary_large_image'],
          ['name', 'twitter:image:alt', o.title],
        ] as [string, string, string][])),
  ];
  const headLinks = o.notFound
    ? raw('')
    : html`${o.siteUrl === null ? '' : html`<link rel="canonical" href="${absoluteUrl(here, o.siteUrl)}">
`}${alternates}
<link rel="alternate" hreflang="x-default" href="${address(o.path)}">
${meta.map(([attrName, name, value], i) => html`${i ? '\n' : ''}<meta ${raw(attrName)}="${name}" content="${value}">`)}`;
  // The 404 page of a build without the site's address cannot know where the
  // site's files are (it may be served under a path prefix): it loads none.
  const icons = o.notFound && o.siteUrl === null
    ? ''
    : html`<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="icon" href="/favicon-32.png" type="image/png" sizes="32x32">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
<link rel="manifest" href="/site.webmanifest">
`;
  const nav = [
    { path: '/', label: s.home },
    { path: membersPath(), label: s.members },
    { path: '/data/', label: s.data },
    { path: '/about/', label: s.about },
  ];
  return html`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${fullTitle}</title>
<meta name="description" content="${o.description}">
${headLinks}
${icons}${o.feed ? html`<link rel="alternate" type="application/atom+xml" title="${format(strings(o.lang).feed.advertise, { title: o.title })}" href="${localize(feedPath(o.path), o.lang)}">
` : ''}${stylesheet}
${o.head ?? ''}
</head>
<body>
<a class="skip" href="#main">${s.skip}</a>
<header class="site-header">
<div class="bar">
<a class="brand" href="${localize('/', o.lang)}">${s.name}</a>
${o.notFound ? '' : languageSwitch(o)}
</div>
<nav class="site-nav" aria-label="${s.nav}"><ul>${nav.map(
    (n) => html`<li><a href="${localize(n.path, o.lang)}"${attr('aria-current', n.path === o.path ? 'page' : null)}>${n.label}</a></li>`,
  )}</ul></nav>
${o.headerSearch === false ? '' : searchForm(o.lang, 'site-q')}
</header>
${breadcrumbs(o)}
<main id="main" tabindex="-1">
${o.main}
</main>
<footer class="site-footer">
<p>${s.footer} <a href="${localize('/about/', o.lang)}#errors">${s.reportError}</a></p>
</footer>
</body>
</html>
`.value;
}
