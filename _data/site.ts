/**
 * Site configuration. Read by .eleventy.ts and the templates in src/site.
 * SITE_URL (env) overrides the absolute URL used for canonical links, Open
 * Graph, sitemap.xml and robots.txt; every link inside pages stays relative.
 * ISSUES_URL (env) sets where errors are reported (see issuesUrl).
 */
import type { ReplyLang } from '../src/ingest/model.ts';

export type InterfaceLang = ReplyLang;

function siteUrlFromEnv(): string {
  const url = process.env.SITE_URL ?? 'https://budget-replies.example.org/';
  return url.endsWith('/') ? url : `${url}/`;
}

function issuesUrlFromEnv(): string {
  const { ISSUES_URL, GITHUB_SERVER_URL, GITHUB_REPOSITORY } = process.env;
  if (ISSUES_URL) return ISSUES_URL.replace(/\/$/, '');
  if (GITHUB_REPOSITORY) return `${GITHUB_SERVER_URL ?? 'https://github.com'}/${GITHUB_REPOSITORY}/issues`;
  return 'https://github.com/legco-budget-replies/archive/issues';
}

export const site = {
  /** Absolute URL of the site root, always ending in "/". */
  url: siteUrlFromEnv(),
  /** Interface languages; the first is the default at "/", the others under "/<prefix>/". */
  languages: ['zh-Hant-HK', 'en'] as const satisfies readonly InterfaceLang[],
  defaultLang: 'zh-Hant-HK' as InterfaceLang,
  /** URL prefix per interface language ("" = site root). */
  prefix: { 'zh-Hant-HK': '', en: 'en' } as Record<InterfaceLang, string>,
  /** Fixed collation locale for names, so sort order never depends on the machine. */
  collation: 'zh-Hant-HK',
  /**
   * Where errors can be reported (about page, each reply's "report an error"
   * link). ISSUES_URL overrides; in GitHub Actions, the repository's own issues
   * (GITHUB_SERVER_URL and GITHUB_REPOSITORY are set there for every job).
   */
  issuesUrl: issuesUrlFromEnv(),
  /**
   * Content-Security-Policy, as a <meta http-equiv>. No inline script or style.
   * 'wasm-unsafe-eval' is needed by Pagefind's WebAssembly search.
   */
  csp: [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; '),
  /** OFFLINE=1: directory links end in index.html so the site works from disk. */
  offline: process.env.OFFLINE === '1',
};

export type Site = typeof site;
