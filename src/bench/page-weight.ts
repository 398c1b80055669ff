/**
 * Reply page weight as the issue defines it: the page's HTML plus every
 * stylesheet it links, each gzipped (what GitHub Pages sends). Reply pages are
 * /<year>/<replyno>/index.html in every interface language.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  pages: number;
  medianBytes: number;
  maxBytes: number;
  /** The heaviest page, relative to the site root. */
  maxPage: string;
}

const REPLY_PAGE = /(^|\/)\d{4}-\d{2}\/[a-z]{2,6}\d{3}\/index\.html$/;

function replyPages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => REPLY_PAGE.test(f))
    .sort();
}

export function replyPageWeight(siteDir: string): PageWeight {
  const gz = new Map<string, number>();
  const gzipped = (file: string) => {
    let size = gz.get(file);
    if (size === undefined) gz.set(file, (size = gzipSync(readFileSync(file)).length));
    return size;
  };
  const weights: { page: string; bytes: number }[] = [];
  for (const page of replyPages(siteDir)) {
    const file = join(siteDir, page);
    const html = readFileSync(file, 'utf8');
    let bytes = gzipped(file);
    for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
      const css = resolve(dirname(file), href!);
      if (statSync(css, { throwIfNoEntry: false })?.isFile()) bytes += gzipped(css);
      else throw new Error(`page weight: ${relative(siteDir, file)} links ${href}, which is not in the site`);
    }
    weights.push({ page, bytes });
  }
  if (weights.length === 0) throw new Error(`page weight: no reply pages under ${siteDir}`);
  const sorted = [...weights].sort((a, b) => a.bytes - b.bytes);
  const mid = Math.floor(sorted.length / 2);
  const max = sorted[sorted.length - 1]!;
  return {
    pages: weights.length,
    medianBytes: sorted.length % 2 ? sorted[mid]!.bytes : (sorted[mid - 1]!.bytes + sorted[mid]!.bytes) / 2,
    maxBytes: max.bytes,
    maxPage: max.page,
  };
}
