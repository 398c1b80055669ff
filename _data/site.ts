/**
 * Site configuration: what is the same for every build (languages, prefixes,
 * collation, CSP) in `site`, and what one build is run with (`Settings`:
 * directories, site URL, offline flag, issues URL). Settings are read from the
 * environment once, by the command that starts the build (scripts/), with
 * `settingsFromEnv`, and passed down as arguments; nothing here reads the
 * environment on import.
 */
import path from 'node:path';
import { LANGUAGES, PRIMARY_LANG, type Lang } from '../src/model/languages.ts';

/** The interface languages are the archive's language set (src/model/languages.ts). */
export type InterfaceLang = Lang;

/** What one build is run with. */
export interface Settings {
  /** Content directory holding replies/ and pages/background/ (absolute). */
  contentDir: string;
  /** Where the site is written (absolute). */
  outDir: string;
  /**
   * The site's address: the absolute URL of its root, ending in "/" (SITE_URL),
   * or null when none was given. This is the one place the address comes
   * from. It is used only where a link must be absolute (canonical, og:url,
   * og:image, sitemap.xml, robots.txt's Sitemap line, the URLs printed in
   * permalinks, citations, feeds and the data exports). With null those are
   * left out or written as site paths, so no page ever points a reader to a
   * domain that is not the archive's.
   */
  siteUrl: string | null;
  /** Directory links end in index.html, so the site works from disk. */
  offline: boolean;
  /**
   * Where errors can be reported (about page, each reply's "report an error"
   * link). ISSUES_URL overrides; in GitHub Actions, the repository's own issues
   * (GITHUB_SERVER_URL and GITHUB_REPOSITORY are set there for every job).
   */
  issuesUrl: string;
}

/**
 * Settings from an environment (the caller passes process.env, once):
 * ARCHIVE_CONTENT (default "content"), ARCHIVE_OUT (default "_site"),
 * SITE_URL, OFFLINE=1, ISSUES_URL / GITHUB_SERVER_URL + GITHUB_REPOSITORY.
 */
export function settingsFromEnv(env: Readonly<Record<string, string | undefined>>): Settings {
  const url = env.SITE_URL?.trim() || null;
  if (url !== null && !/^https?:\/\/[^/]/i.test(url)) throw new Error(`SITE_URL must be an http(s) address, not "${url}"`);
  const { ISSUES_URL, GITHUB_SERVER_URL, GITHUB_REPOSITORY } = env;
  const issuesUrl = ISSUES_URL
    ? ISSUES_URL.replace(/\/$/, '')
    : GITHUB_REPOSITORY
      ? `${GITHUB_SERVER_URL ?? 'https://github.com'}/${GITHUB_REPOSITORY}/issues`
      : 'https://github.com/legco-budget-replies/archive/issues';
  return {
    contentDir: path.resolve(env.ARCHIVE_CONTENT ?? 'content'),
    outDir: path.resolve(env.ARCHIVE_OUT ?? '_site'),
    siteUrl: url === null ? null : url.endsWith('/') ? url : `${url}/`,
    offline: env.OFFLINE === '1',
    issuesUrl,
  };
}

export const site = {
  /** Interface languages (src/model/languages.ts); the first is the default at "/", the others under a prefix (src/model/urls.ts localize). */
  languages: LANGUAGES,
  defaultLang: PRIMARY_LANG,
  /**
   * Atom ids (src/site/pages/feed.11ty.ts) begin with this tag URI (RFC 4151):
   * an entry's id is this + the reply's id, the same on every build and
   * whatever address the site is served at.
   */
  feedIdPrefix: 'tag:legco-budget-replies.github.io,2026:',
  /** Fixed collation locale for names, so sort order never depends on the machine. */
  collation: 'zh-Hant-HK',
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
};

export type Site = typeof site;
