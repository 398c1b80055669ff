// @ts-check
// One result as a list item: a link to the reply, at the paragraph holding the first hit
// (page-context.js), with its number and title, its facts, a marked excerpt from the
// sentence of that hit; a partial match says what it lacks. Text only: nothing from the
// index is parsed as HTML.
import { el, excerptNodes } from './dom.js';
import { excerptTokens, excerptSegments } from './excerpt.js';
import { matchContext, mergedLocations, anchorAt } from './page-context.js';
import { partialLabel } from './status-text.js';

/**
 * @param {any[]} datas the page's result data from each word's search (same page, its hits per word)
 * @param {{ lacking: string[] | null, partial: boolean }} match
 * @param {string} marks the words an excerpt marks (every form searched)
 * @param {{ t: Record<string, string>, lang: string, edition: { lang: string }, href: (url: string) => string }} page
 */
export function resultItem(datas, match, marks, page) {
  const { t, lang, edition } = page;
  const d = { ...datas[0], locations: mergedLocations(datas) };
  const m = d.meta ?? {};
  const at = matchContext(d);
  const link = el('a', { href: page.href(d.url) + (at.anchor ? `#${at.anchor}` : '') });
  if (m.replyNo) link.append(el('span', { class: 'search-replyno', text: m.replyNo }), ' ');
  // Titles, names and heads are in the edition's language; mark them for screen readers on a page in another.
  const other = edition.lang !== lang ? edition.lang : null;
  link.append(el('span', { lang: other, text: m.title ?? d.url }));
  const facts = el('p', { class: 'search-meta' });
  if (m.kind === 'background') facts.append(t.background);
  else {
    if (m.year) facts.append(m.year, ' · ');
    if (m.member) facts.append(`${t.memberLabel}: `, el('span', { lang: other, text: m.member }), ' · ');
    if (m.head) facts.append(`${t.headLabel}: `, el('span', { lang: other, text: m.head }));
  }
  const floor = at.anchor && at.location !== null ? anchorAt(d.anchors, at.location)?.location ?? null : null;
  const tokens = excerptTokens(d.content ?? '', d.locations, m.bodyStart, at.location, floor);
  const excerpt = el('p', { class: 'search-excerpt', lang: edition.lang }, ...excerptNodes(excerptSegments(tokens, marks, !edition.lang.startsWith('zh'))));
  const label = match.partial ? el('p', { class: 'search-partial', text: partialLabel(t, match.lacking) }) : null;
  return el('li', { 'data-match': match.partial ? 'partial' : 'exact' }, el('h2', { class: 'search-title' }, link), label, facts, excerpt);
}
