/**
 * The URL scheme: every path of the site is made here. Paths are
 * root-absolute and unencoded; the relative-URL transform turns them into
 * page-relative, percent-encoded links in the written HTML. The route table
 * (data/routes.ts), the search index (src/search) and the share cards use
 * these, and the browser code mirrors replyPath in src/site/search/query.js
 * (test/site/urls.test.ts checks the two agree), so a URL is defined once.
 */
import { site, type InterfaceLang } from '../../../_data/site.ts';

export function replyPath(r: { year: string; replyNo: string }): string {
  return `/${r.year}/${r.replyNo.toLowerCase()}/`;
}

export function yearPath(year: string): string {
  return `/${year}/`;
}

export function headPath(year: string, headCode: string): string {
  return `/${year}/heads/${headCode}/`;
}

/** Programme code, or null for replies with no programme (沒有指定) → "none". */
export function programmePath(year: string, headCode: string, programmeCode: string | null): string {
  return `${headPath(year, headCode)}programmes/${programmeCode ?? 'none'}/`;
}

/** A member's name as a path segment: the name itself, with separators made safe. */
export function memberSlug(name: string): string {
  return name.trim().replace(/[\s/\\?#%]+/g, '-');
}

export function memberPath(name: string): string {
  return `/members/${memberSlug(name)}/`;
}

export function membersPath(): string {
  return '/members/';
}

export function backgroundPath(slug: string): string {
  return `/background/${slug}/`;
}

/** The same page in another interface language: zh at "/", en at "/en/…". */
export function localize(path: string, lang: InterfaceLang): string {
  const prefix = site.prefix[lang];
  return prefix ? `/${prefix}${path}` : path;
}

/** Root-absolute path → absolute URL on the site at `siteUrl` (ending in "/"; for canonical, og:url, sitemap). */
export function absoluteUrl(path: string, siteUrl: string): string {
  return siteUrl + encodeURI(path.replace(/^\//, ''));
}

/**
 * Open Graph card for a page: `<site>/og/<zh path without trailing slash>.png`,
 * e.g. /og/2023-24/itib001.png; the home page is /og/index.png. Pages of every
 * interface language share the zh card.
 */
export function ogImagePath(zhPath: string): string {
  const trimmed = zhPath.replace(/^\/+|\/+$/g, '');
  return `/og/${trimmed === '' ? 'index' : trimmed}.png`;
}

/**
 * The search index of one language's editions: `/pagefind/` (the primary
 * language, Chinese) and `/pagefind-en/` (English), each with its own
 * `shards.json`; earlier years' bundles under `/pagefind-shards/<year>/` and
 * `/pagefind-en-shards/<year>/`. The search page reads them from here (its
 * `search-editions` data block) and src/search writes them here.
 */
export function searchIndexPath(lang: InterfaceLang): string {
  return lang === site.defaultLang ? '/pagefind/' : `/pagefind-${lang}/`;
}

export function searchShardsPath(lang: InterfaceLang): string {
  return `${searchIndexPath(lang).replace(/\/$/, '')}-shards/`;
}
