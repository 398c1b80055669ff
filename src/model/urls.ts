/**
 * The URL scheme: every path of the site is made here. Paths are
 * root-absolute and unencoded; the relative-URL transform turns them into
 * page-relative, percent-encoded links in the written HTML. The route table
 * (data/routes.ts), the search index (src/search) and the share cards use
 * these, and the browser code mirrors replyPath in src/browser/search/query.js
 * (test/site/urls.test.ts checks the two agree), so a URL is defined once.
 */
import { PRIMARY_LANG, type Lang } from './languages.ts';

/** URL prefix per interface language: the primary language at the site root (""), the others under "/<prefix>/". */
const PREFIX: Record<Lang, string> = { 'zh-Hant-HK': '', en: 'en' };

export function replyPath(r: { year: string; replyNo: string }): string {
  return `/${r.year}/${r.replyNo.toLowerCase()}/`;
}

/** The page of a reply's edition in its own language: /2023-24/itib001/, /en/2023-24/itib001/. */
export function editionPath(e: { year: string; replyNo: string; lang: Lang }): string {
  return localize(replyPath(e), e.lang);
}

/** A table of a reply's edition as CSV, beside the edition's page: /2023-24/itib144/answer-table-1.csv (the table's id is its anchor on the page). */
export function tableCsvPath(replyPath: string, tableId: string): string {
  return `${replyPath}${tableId}.csv`;
}

/** A reply as data (both editions, their tables, its sources): beside its page, /2023-24/itib144/reply.json. */
export function replyJsonPath(r: { year: string; replyNo: string }): string {
  return `${replyPath(r)}reply.json`;
}

/** The open data of a year (its SQLite file, CSVs, JSON, Data Package): /2023-24/data/. */
export function yearDataPath(year: string): string {
  return `/${year}/data/`;
}

/** The open data of the whole archive: the /data/ page, the index of the years' files and the archive's Data Package. */
export const DATA_PATH = '/data/';
export const DATA_INDEX_PATH = '/data/index.json';
export const DATAPACKAGE_PATH = '/data/datapackage.json';

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

/**
 * A member's name as a path segment: the name itself, kept readable (letters
 * and digits of any script, combining marks, "." "_" "-"), every run of any
 * other character (spaces, "/", "\\", ":", "?", "#", "%", "<", quotes, …)
 * made one "-", and no "." or "-" at either end. So a slug is never a URL
 * scheme (no ":"), never "." or ".." and never leaves /members/. A name with
 * no letter or digit has no slug: the reader of the reply model rejects it
 * (front-matter.ts), and this throws rather than write /members/-/.
 */
export function memberSlug(name: string): string {
  const slug = name.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-').replace(/-{2,}/g, '-').replace(/^[.-]+|[.-]+$/g, '');
  if (!/[\p{L}\p{N}]/u.test(slug)) throw new Error(`member name ${JSON.stringify(name)} has no letter or digit to name its page`);
  return slug;
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
export function localize(path: string, lang: Lang): string {
  const prefix = PREFIX[lang];
  return prefix ? `/${prefix}${path}` : path;
}

/** Root-absolute path → absolute URL on the site at `siteUrl` (ending in "/"; for canonical, og:url, sitemap). */
export function absoluteUrl(path: string, siteUrl: string): string {
  return siteUrl + encodeURI(path.replace(/^\//, ''));
}

/**
 * The address a reader is shown or given for a page (permalinks, citations,
 * feeds, the data exports): the absolute URL when the site's address is known
 * (Settings.siteUrl, from SITE_URL), else the page's path on the site, so no
 * placeholder domain is ever printed.
 */
export function publicUrl(path: string, siteUrl: string | null): string {
  return siteUrl === null ? path : absoluteUrl(path, siteUrl);
}

/** The Atom feed of a page that lists replies (home, year, head, programme, member): `feed.xml` in the page's folder. */
export function feedPath(pagePath: string): string {
  return `${pagePath}feed.xml`;
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
export function searchIndexPath(lang: Lang): string {
  return lang === PRIMARY_LANG ? '/pagefind/' : `/pagefind-${lang}/`;
}

export function searchShardsPath(lang: Lang): string {
  return `${searchIndexPath(lang).replace(/\/$/, '')}-shards/`;
}

/** The classic script the offline search page loads (src/site/pages/search.11ty.ts; written by src/search/offline-bundle.ts). */
export const OFFLINE_SEARCH_SCRIPT = 'search/search-offline.js';
