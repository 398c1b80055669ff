// @ts-check
// Where in a reply a result's hits are (issue 17: a result opened at the top of a reply
// 19,000 px tall, and its excerpt quoted table cells or the page's facts). Pagefind's
// result data gives the hit words' positions (`locations`) and the record's elements with
// an id (`anchors`: the reply page's own paragraph and table ids, src/search/page-anchors.ts,
// each with the position of its first word). Pure functions, tested in Node.

/**
 * @typedef {{ id: string, location: number, element?: string }} Anchor
 * @typedef {{ locations?: number[], anchors?: Anchor[], meta?: Record<string, string> }} ResultData
 */

/** Every hit of every word, in text order, without repeats. */
export function mergedLocations(datas) {
  return [...new Set(datas.flatMap((d) => d.locations ?? []))].sort((a, b) => a - b);
}

/** The anchor at or before a word position (the element that holds it), or null. */
export function anchorAt(anchors, location) {
  let found = null;
  for (const a of anchors ?? []) {
    if (a.location <= location && (!found || a.location >= found.location)) found = a;
  }
  return found;
}

const TABLE_ID = /-table-\d+$/;

/**
 * The hit to open the reply at and to quote: the first in the prose of the body (not the
 * title, not a table, not the facts), else the first in a table, else the first at all.
 * `anchor`: the id of the element holding it (null: a hit in the title or the facts,
 * the reply opens at its top).
 * @param {ResultData} data with `locations` merged over the words (mergedLocations)
 * @returns {{ location: number | null, anchor: string | null }}
 */
export function matchContext(data) {
  const meta = data.meta ?? {};
  const bodyStart = Number(meta.bodyStart) || 0;
  const factsStart = meta.factsStart === undefined ? Infinity : Number(meta.factsStart);
  const hits = [...(data.locations ?? [])].sort((a, b) => a - b);
  const inBody = hits.filter((l) => l >= bodyStart && l < factsStart);
  const where = (l) => anchorAt(data.anchors, l);
  const prose = inBody.find((l) => !TABLE_ID.test(where(l)?.id ?? ''));
  const location = prose ?? inBody[0] ?? hits.find((l) => l >= bodyStart) ?? hits[0] ?? null;
  const anchor = location !== null && location >= bodyStart && location < factsStart ? where(location)?.id ?? null : null;
  return { location, anchor };
}
