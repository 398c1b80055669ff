/**
 * Reply Markdown as plain text: what the search index holds and what a feed
 * item's summary shows (one rule, so both read a reply alike).
 */

/**
 * Markdown body (model conventions) → plain text as the page shows it:
 * headings and fences lose their syntax (a heading is followed by a colon),
 * backslash escapes (before any ASCII punctuation, as CommonMark reads them) are undone, table pipes become spaces. Line breaks are kept as spaces between blocks.
 */
export function markdownToText(body: string): string {
  const lines: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    if (/^\s*(`{3,}|~{3,})/.test(raw)) continue; // fence lines (```extracted)
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(raw)) continue; // table delimiter row
    let line = raw;
    const heading = /^#{1,6}\s+(.*)$/.exec(raw)?.[1]!.trim();
    // A heading ends with a colon in the text, as the source prints 問題： and 答覆：,
    // so an excerpt reads "問題：就…" rather than running the heading into the text.
    if (heading !== undefined) line = /\p{P}$/u.test(heading) ? heading : heading + (/\p{Script=Han}$/u.test(heading) ? '：' : ':');
    line = line.replace(/(?<!\\)\|/g, ' ');
    // CommonMark: a backslash before any ASCII punctuation is an escape (the ingest escapes & too: 「R\&D100」).
    line = line.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    lines.push(line.trim());
  }
  return lines.filter(Boolean).join('\n');
}
