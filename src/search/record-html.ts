/**
 * A search record as the small HTML document Pagefind indexes. HTML rather than
 * `addCustomRecord`, because only HTML carries weights: the heading (reply
 * number and title) gets Pagefind's h1 weight, so the reply *about* 智方便
 * ranks above the dozens that mention it. Metadata, filters and the sort key
 * sit outside `data-pagefind-body`, as written, for display; the body is the
 * text as index tokens (Chinese bigrams, see src/browser/search/query.js).
 */
import { escapeHtml } from '../lib/html.ts';
import type { BlockKind, SearchRecord } from './records.ts';
import { INDEX_LANGUAGE, segmentText } from './segment.ts';

/**
 * Pagefind weight of each block (its default is 1; the h1 heading has 7): a reply that
 * names a term in its question outranks one that mentions it in a table or in the
 * page's facts (issue 17: for 「5G」 a flattened table fragment of ITIB150 ranked
 * above ITIB187, whose question is about 5G).
 */
export const BLOCK_WEIGHT: Record<BlockKind, number> = { question: 3, prose: 1, table: 0.5, facts: 0.5 };

/**
 * The record's indexed text, its heading first and then each block, each as its words separated
 * by spaces: Chinese as bigrams under INDEX_LANGUAGE; another language (English) as its text,
 * which Pagefind splits and stems itself. Each is tokenised on its own.
 */
export function indexedBlocks(r: SearchRecord, language: string): string[] {
  const tokens = language === INDEX_LANGUAGE ? segmentText : (text: string) => text.replace(/\s+/g, ' ').trim();
  return [tokens(r.heading), ...r.blocks.map((b) => tokens(b.text))];
}

export function recordHtml(r: SearchRecord, language: string): string {
  const tag = (attr: string, key: string, value: string) => `<p ${attr}="${escapeHtml(key)}">${escapeHtml(value)}</p>`;
  const [heading = '', ...blocks] = indexedBlocks(r, language);
  // bodyStart: index of the first body token in the indexed content, so the page can take
  // excerpts from the text rather than from the (heavily weighted) heading.
  // factsStart: index of the first token of the page's facts (member, head, officers): a hit there is no place to open the reply at or to quote.
  const facts = r.blocks.findIndex((b) => b.kind === 'facts');
  const factsStart = facts < 0 ? null : [heading, ...blocks.slice(0, facts)].join(' ').split(' ').filter(Boolean).length;
  const meta = Object.entries({ ...r.meta, bodyStart: String(heading.split(' ').length), ...(factsStart === null ? {} : { factsStart: String(factsStart) }) }).map(([k, v]) => tag('data-pagefind-meta', k, v));
  const filters = Object.entries(r.filters).flatMap(([k, vs]) => vs.map((v) => tag('data-pagefind-filter', k, v)));
  const sort = Object.entries(r.sort).map(([k, v]) => tag('data-pagefind-sort', k, v));
  return [
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title></title></head><body>`,
    ...meta,
    ...filters,
    ...sort,
    `<main data-pagefind-body><h1>${escapeHtml(heading)}</h1>`,
    // A block's id is its element's on the reply page: Pagefind lists it among a result's anchors, with the position of its first word.
    // On an empty <span> at the block's start, not on the <p>: Pagefind copies an anchor element's text into the result's fragment,
    // and the page reads only an anchor's id and position (src/browser/search/page-context.js), so every block's text was in each
    // fragment twice (7,593 bytes unpacked, about half of it the anchors' text, for one reply of a synthetic year of 5,500 bilingual
    // replies). Gzip had found most of the repeat: the ten fragments a first search for 數碼港 loads went from 23,216 to 22,350 bytes.
    ...r.blocks.map((b, i) => `<p data-pagefind-weight="${BLOCK_WEIGHT[b.kind]}">${b.id ? `<span id="${escapeHtml(b.id)}"></span>` : ''}${escapeHtml(blocks[i] ?? '')}</p>`),
    `</main></body></html>`,
  ].join('\n');
}
