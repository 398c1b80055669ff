/**
 * og/cards.json: the card list the og-cards template writes during the
 * Eleventy build and buildImages reads (then deletes) after it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CardJob, CardList } from './card-list.ts';

export const CARD_LIST_FILE = 'og/cards.json';

/** Reads and checks the card list; a bad one fails naming the file and the card. */
export function readCardList(siteDir: string): CardList {
  const file = path.join(siteDir, CARD_LIST_FILE);
  if (!existsSync(file)) {
    throw new Error(`${file}: missing; the template src/site/pages/og-cards.11ty.ts writes it during the Eleventy build`);
  }
  const list = JSON.parse(readFileSync(file, 'utf8')) as Partial<CardList>;
  if (typeof list.brand !== 'string' || typeof list.lang !== 'string' || !Array.isArray(list.cards)) {
    throw new Error(`${file}: expected { brand, lang, cards[] }`);
  }
  list.cards.forEach((c: Partial<CardJob>, i) => {
    const ok =
      typeof c.out === 'string' && /^og\/[^\0]+\.png$/.test(c.out) && !c.out.split('/').includes('..') &&
      typeof c.kicker === 'string' && typeof c.aside === 'string' && typeof c.title === 'string' &&
      Array.isArray(c.meta) && c.meta.every((m) => typeof m === 'string');
    if (!ok) throw new Error(`${file}: card ${i} is malformed: ${JSON.stringify(c).slice(0, 200)}`);
  });
  return list as CardList;
}
