/**
 * Rewrites a root-absolute URL ("/2023-24/itib001/#answer-3") into one
 * relative to the page it appears on, so one _site/ works at "/", under any
 * path prefix and from file://. Offline mode makes directory links end in
 * index.html (file:// does not serve directory indexes). A rewritten link
 * always starts with "./" or "../" (or is a bare "#fragment"), so no path
 * segment, whatever a name made it, can be read as a URL scheme
 * ("javascript:…") or a host. Anything that is not root-absolute (http:,
 * //host, #frag, mailto:, relative) is returned as is.
 */
import path from 'node:path';

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

export function relativeUrl(target: string, pageUrl: string, offline = false): string {
  if (!target.startsWith('/') || target.startsWith('//')) return target;
  const cut = target.search(/[?#]/);
  const targetPath = safeDecode(cut < 0 ? target : target.slice(0, cut));
  const suffix = cut < 0 ? '' : target.slice(cut);
  const page = safeDecode(pageUrl);
  const pageDir = page.endsWith('/') ? page : path.posix.dirname(page) + '/';
  if (targetPath === page && suffix.startsWith('#')) return suffix;
  let rel = path.posix.relative(pageDir, targetPath);
  if (targetPath.endsWith('/')) {
    rel = rel === '' ? (offline ? 'index.html' : '') : `${rel}/${offline ? 'index.html' : ''}`;
  } else if (rel === '') {
    rel = path.posix.basename(targetPath);
  }
  return (rel.startsWith('../') ? '' : './') + encodeURI(rel) + suffix;
}

/**
 * Applies relativeUrl to every root-absolute href/src/action/srcset value of
 * a page this codebase generated. A regex is enough here, and an HTML parser
 * is not needed: every attribute is double-quoted and every `"` in text or
 * attribute values is escaped as &quot;, so ` href="` only ever opens a real
 * attribute. (posthtml re-parsing each page cost a quarter of the build time
 * at 20 000 replies.)
 */
export function relativizeHtml(html: string, pageUrl: string, offline = false, rewrite = relativeUrl): string {
  return html.replace(/ (href|src|action|srcset|poster)="(\/[^"]*)"/g, (_, name: string, value: string) => {
    const out =
      name === 'srcset'
        ? value
            .split(',')
            .map((part) => part.trim().replace(/^\S+/, (u) => rewrite(u, pageUrl, offline)))
            .join(', ')
        : rewrite(value, pageUrl, offline);
    return ` ${name}="${out}"`;
  });
}
