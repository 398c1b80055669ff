/**
 * Which element of a reply's page holds each block of its search record, so a result
 * can link to the paragraph (or table) holding the searched term (issue 17: ITIB190 is
 * about 19,000 px tall; a result opened at its top). The ids are the page's own
 * (src/site/markdown/anchors.ts names them: answer-part-3, question-2, answer-table-1):
 * they are read from the built page rather than named a second time here, and each
 * record block is matched to the page's element that starts with the same text, in
 * page order. A block no element matches gets no id (the link then goes to the
 * anchor before it, or the top of the page).
 */

export interface PageAnchor {
  id: string;
  /** p, table, h2, h3… */
  tag: string;
  /** The element's text, as matchKey makes it. */
  key: string;
}

/** Elements with an id that a record block can stand for. */
const ANCHORED = /<(p|table|h[2-6]|li)\b[^>]*?\bid="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Text compared between page and record: no markup, whitespace, punctuation or symbols (the page adds a "#" link to each paragraph). */
export function matchKey(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITY[e] ?? '')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
}

/**
 * What of a page its anchors are read from: its <main> (empty when it has none). As
 * text, or as bytes (a search part's key hashes them without decoding: parts.ts).
 */
export function mainOf<T extends string | Buffer>(page: T): T {
  const start = page.indexOf('<main');
  const end = page.lastIndexOf('</main>');
  const [from, to] = start < 0 ? [0, 0] : [start, end < 0 ? undefined : end];
  return (typeof page === 'string' ? page.slice(from, to) : page.subarray(from, to)) as T;
}

/** The anchored elements of a page's <main>, in page order. */
export function pageAnchors(html: string): PageAnchor[] {
  return [...mainOf(html).matchAll(ANCHORED)].map((m) => ({ tag: m[1]!, id: m[2]!, key: matchKey(m[3]!) }));
}

/** How much of a block's text must open the element's (a long paragraph is matched on its start). */
const KEY_LENGTH = 24;

/**
 * The id of each block, by its text and kind: a table block matches the next table, a
 * heading the next heading, any other block the next paragraph or list item starting with
 * its text. Matching only moves forward, so a repeated sentence takes the right element.
 */
export function blockIds(blocks: { kind: string; text: string; heading?: boolean; fenced?: boolean }[], anchors: PageAnchor[]): (string | undefined)[] {
  let next = 0;
  return blocks.map((b) => {
    const key = matchKey(b.text).slice(0, KEY_LENGTH);
    // A fenced block is the extraction's flattened text, shown as it is: no element of its own to match.
    if (!key || b.fenced) return undefined;
    const fits = (a: PageAnchor) => {
      if (b.kind === 'table') return a.tag === 'table';
      if (b.heading) return /^h\d$/.test(a.tag) && a.key !== '' && (a.key.startsWith(key) || key.startsWith(a.key));
      return (a.tag === 'p' || a.tag === 'li') && a.key.startsWith(key);
    };
    for (let i = next; i < anchors.length; i++) {
      if (fits(anchors[i]!)) {
        next = i + 1;
        return anchors[i]!.id;
      }
    }
    return undefined;
  });
}
