/**
 * /og/cards.json: the share cards to draw, one per page with an og:image,
 * computed from the same archive data as the pages. Read and then deleted by
 * buildImages (src/site/images/build-images.ts) after Eleventy: never published.
 */
import type { Archive } from '../data/model.ts';
import { cardList } from '../images/card-list.ts';

export const data = { permalink: '/og/cards.json', eleventyExcludeFromCollections: true };

export function render(d: { archive: Archive }): string {
  return JSON.stringify(cardList(d.archive));
}
