import type { Layout } from './layout.ts';

/** A page footer as printed (`第 17 節 ITIB - 第 48 頁`): the page it closes and its line (0-based). */
export interface Footer {
  line: number;
  page: number;
}

/** Where a reply lies in the printed document; see `SourceRef.pages` in model.ts. */
export interface PagePlace {
  pages: [number, number];
  pagesExact: boolean;
}

/** Every page footer of the text, in line order: the lines the ingest strips as page furniture. */
export function findFooters(lines: readonly string[], layout: Layout): Footer[] {
  const out: Footer[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = layout.footer.exec((lines[i] ?? '').trim());
    if (m) out.push({ line: i, page: Number(m[1]) });
  }
  return out;
}

/**
 * The pages of a reply whose text runs from line `first` to line `last`
 * (0-based, inclusive; `last` is its last non-blank line). A footer ends its
 * page, so a line after footer N is on page N + 1 or later.
 *
 * - Footers inside the reply print its pages: from the first footer's page to the
 *   last one's, plus the next page when text follows the last footer (exact).
 * - Otherwise the reply lies after the page of the footer before it (page 1 when
 *   there is none) and on or before the page of the footer after it: a range,
 *   exact only when it is one page. With no footer after it, nothing is known.
 */
export function placeOnPages(footers: readonly Footer[], first: number, last: number): PagePlace | null {
  const inside = footers.filter((f) => f.line >= first && f.line <= last);
  if (inside.length > 0) {
    const end = inside[inside.length - 1]!;
    return { pages: [inside[0]!.page, end.page + (end.line < last ? 1 : 0)], pagesExact: true };
  }
  const before = footers.filter((f) => f.line < first).pop();
  const after = footers.find((f) => f.line > last);
  if (!after) return null;
  const from = before ? before.page + 1 : 1;
  if (from > after.page) return null; // footers out of order: claim nothing
  return { pages: [from, after.page], pagesExact: from === after.page };
}
