/**
 * An on-disk link checker: parse every HTML file (and every CSS file's url())
 * of a built site, resolve each internal reference the way a browser would
 * relative to the page, and check that the target exists in the tree — and
 * that a `#fragment` names an element on the target page.
 *
 * Rules (from the issue: one `_site` must work at `/`, under `/<repo>/` and from file://):
 * - a root-absolute reference (`/x/`) is an error: it breaks under a path prefix and on disk
 *   (except on the site's 404.html, served at any depth: resolved from the site root);
 * - a reference that climbs above the site root is an error (URL resolution would hide it);
 * - a directory reference must end in `/` and have an index.html (a web server adds the
 *   slash, file:// shows a directory listing);
 * - in offline mode a directory reference is itself an error: on disk, links must name index.html;
 * - absolute URLs (`https:`, `mailto:` …) are not files: canonical/og/hreflang point to SITE_URL.
 */
import { Parser } from 'htmlparser2';
import type { FileTree } from './file-tree.ts';

export interface LinkProblem {
  page: string;
  ref: string;
  /** `a[href]`, `link[href]`, `css url()` … */
  where: string;
  problem: string;
}

export interface LinkCheckResult {
  pages: number;
  references: number;
  problems: LinkProblem[];
}

interface Ref {
  where: string;
  value: string;
}

const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

export interface ParsedPage {
  refs: Ref[];
  ids: Set<string>;
  /** `<link rel="canonical">` href, if any. */
  canonical?: string;
}

export function parsePage(html: string): ParsedPage {
  const refs: Ref[] = [];
  const ids = new Set<string>();
  let canonical: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id) ids.add(attrs.id);
        if (name === 'a' && attrs.name) ids.add(attrs.name);
        if (name === 'link' && attrs.rel?.split(/\s+/).includes('canonical')) canonical = attrs.href;
        for (const attr of URL_ATTRS[name] ?? []) {
          const value = attrs[attr];
          if (value === undefined) continue;
          if (attr === 'srcset') {
            for (const candidate of value.split(',')) {
              const url = candidate.trim().split(/\s+/)[0];
              if (url) refs.push({ where: `${name}[srcset]`, value: url });
            }
          } else {
            refs.push({ where: `${name}[${attr}]`, value });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { refs, ids, canonical };
}

function cssRefs(css: string): Ref[] {
  const out: Ref[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
    out.push({ where: 'css url()', value: m[2]! });
  }
  for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/g)) out.push({ where: 'css @import', value: m[2]! });
  return out;
}

/** A scheme (`https:`, `mailto:`, `data:`) or protocol-relative URL: not a file in the tree. */
function isExternal(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//');
}

const SENTINEL = 'http://site.invalid/__root__/';

export function checkLinks(tree: FileTree, opts: { offline?: boolean } = {}): LinkCheckResult {
  const idCache = new Map<string, Set<string>>();
  const idsOf = (path: string): Set<string> => {
    let ids = idCache.get(path);
    if (!ids) {
      ids = parsePage(tree.read(path)).ids;
      idCache.set(path, ids);
    }
    return ids;
  };

  const problems: LinkProblem[] = [];
  let references = 0;
  let pages = 0;

  for (const page of tree.files) {
    let refs: Ref[];
    if (page.endsWith('.html')) {
      pages++;
      const parsed = parsePage(tree.read(page));
      idCache.set(page, parsed.ids);
      refs = parsed.refs;
    } else if (page.endsWith('.css')) {
      refs = cssRefs(tree.read(page));
    } else continue;

    for (const { where, value } of refs) {
      const ref = value.trim();
      const report = (problem: string) => problems.push({ page, ref: value, where, problem });
      if (ref === '') {
        report('empty reference');
        continue;
      }
      if (/^javascript:/i.test(ref)) {
        report('javascript: URL');
        continue;
      }
      if (isExternal(ref)) continue;
      references++;
      // The 404 page is served at any depth, so it is the one page that may link
      // from the site root (when the build has no SITE_URL to make its links absolute).
      const notFound = page === '404.html';
      if (ref.startsWith('/') && !notFound) {
        report('root-absolute reference: breaks under a path prefix and from file://');
        continue;
      }
      const url = new URL(notFound && ref.startsWith('/') ? ref.slice(1) : ref, SENTINEL + page);
      if (!url.href.startsWith(SENTINEL)) {
        report('climbs above the site root');
        continue;
      }
      let target: string;
      try {
        target = decodeURIComponent(url.pathname.slice(new URL(SENTINEL).pathname.length));
      } catch {
        report('malformed percent-encoding');
        continue;
      }
      const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      const isDirRef = target === '' || target.endsWith('/');

      let file: string;
      if (isDirRef) {
        if (opts.offline && !ref.startsWith('#')) {
          report('offline build links to a directory; on disk a link must name index.html');
          continue;
        }
        file = `${target}index.html`;
        if (!tree.hasFile(file)) {
          report(`directory has no index.html (${file})`);
          continue;
        }
      } else if (tree.hasFile(target)) {
        file = target;
      } else if (tree.hasDir(target)) {
        report('directory reference without trailing slash (file:// shows a listing)');
        continue;
      } else {
        report(`missing target ${target}`);
        continue;
      }
      if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
        report(`no element with id "${fragment}" in ${file}`);
      }
    }
  }
  return { pages, references, problems };
}

export function describeProblems(problems: LinkProblem[], limit = 30): string {
  const lines = problems.slice(0, limit).map((p) => `  ${p.page}: ${p.where}="${p.ref}" — ${p.problem}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return lines.join('\n');
}
