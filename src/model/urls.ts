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

/** A reply's page in `lang` as a template with `{year}` and `{replyno}` (the search page's reply-number jump, src/browser/search/query.js). */
export function replyPathTemplate(lang: Lang): string {
  const year = '0000-00'; // a year-shaped stand-in, so localize places the language as for a real year
  return localize(replyPath({ year, replyNo: '{replyno}' }), lang).replace(year, '{year}');
}

/** The page of a reply's edition in its own language: /2023-24/itib001/, /2023-24/en/itib001/. */
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

/** A budget year's folder name: "2023-24". */
const YEAR = /^\d{4}-\d{2}$/;

/**
 * The budget year whose unit holds `path` (`/2023-24/…` → "2023-24"), or null
 * for a page of the shell (home, members, about, data, search, background…).
 * Everything of a year, in every interface language, lives under `/<year>/`
 * (issue 16: the year is the unit of build and of publishing).
 */
export function yearOfPath(path: string): string | null {
  const first = /^\/([^/]+)\//.exec(path)?.[1];
  return first !== undefined && YEAR.test(first) ? first : null;
}

/**
 * The same page in another interface language. Chinese at the path itself;
 * English inside the year's folder for a page of a year (`/2023-24/en/itib001/`,
 * so a year's unit holds both interfaces), else under `/en/` (`/en/members/…`).
 */
export function localize(path: string, lang: Lang): string {
  const prefix = PREFIX[lang];
  if (!prefix) return path;
  const year = yearOfPath(path);
  return year === null ? `/${prefix}${path}` : `/${year}/${prefix}${path.slice(year.length + 1)}`;
}

/** The file a page's URL is written to, relative to the site's folder (Eleventy's permalink rule): `/2023-24/itib001/` → `2023-24/itib001/index.html`; `/2023-24/sitemap.xml` → `2023-24/sitemap.xml`. */
export function outputFileOf(url: string): string {
  return (url.endsWith('/') ? `${url}index.html` : url).replace(/^\//, '');
}

/** The folder of a year's unit: `/2023-24/`. */
export function unitPath(year: string): string {
  return `/${year}/`;
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
 * Open Graph card for a page (its localized path): inside the year's unit for
 * a page of a year, `/<year>/og/<rest without trailing slash>.png`
 * (/2023-24/og/itib001.png, /2023-24/og/en/itib259.png, the year page
 * /2023-24/og/index.png); for the shell `/og/<path>.png` (the home page
 * /og/index.png, /og/en/members/容海恩.png).
 */
export function ogImagePath(pagePath: string): string {
  const year = yearOfPath(pagePath);
  const base = year === null ? '/og/' : `/${year}/og/`;
  const trimmed = (year === null ? pagePath : pagePath.slice(year.length + 1)).replace(/^\/+|\/+$/g, '');
  return `${base}${trimmed === '' ? 'index' : trimmed}.png`;
}

/**
 * The search bundle of one year and one language's editions, inside the year's
 * unit: `/2023-24/pagefind/` (the primary language, Chinese) and
 * `/2023-24/pagefind-en/` (English). Each is a whole Pagefind bundle; the
 * search page loads the newest year's and merges another year's (mergeIndex)
 * only when a reader searches it.
 */
export function yearSearchPath(year: string, lang: Lang): string {
  return `/${year}${searchIndexPath(lang)}`;
}

/**
 * The search manifest of one language's editions, in the shell: `/pagefind/`
 * and `/pagefind-en/` hold `shards.json` (every year's bundle, the filters),
 * the converter and the vocabulary; the bundles themselves are in the years.
 */
export function searchIndexPath(lang: Lang): string {
  return lang === PRIMARY_LANG ? '/pagefind/' : `/pagefind-${lang}/`;
}

/** The 404 page's script that sends an old address (`/en/<year>/…`) to its new place (assets/moved.js). */
export const MOVED_SCRIPT = '/assets/moved.js';

/** The sitemap part of a year's unit, listed by the sitemap index `/sitemap.xml`. */
export function yearSitemapPath(year: string): string {
  return `/${year}/sitemap.xml`;
}

/** The sitemap part of the shell (its pages), listed by the sitemap index. */
export const SHELL_SITEMAP_PATH = '/sitemap-shell.xml';

/** The sitemap index: every unit's part and the shell's. */
export const SITEMAP_INDEX_PATH = '/sitemap.xml';

/** The classic script the offline search page loads (src/site/pages/search.11ty.ts; written by src/search/offline-bundle.ts). */
export const OFFLINE_SEARCH_SCRIPT = 'search/search-offline.js';
