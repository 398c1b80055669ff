/**
 * The one language set of the archive: the languages a reply's edition is
 * written in, which are also the interface languages of the site. Every list,
 * check and default language is taken from here; the browser's search code
 * (src/browser/search/edition.js) names the primary language once more, since
 * it imports nothing from Node.
 */

/** In the site's order: the first is the default interface, at "/". */
export const LANGUAGES = ['zh-Hant-HK', 'en'] as const;

export type Lang = (typeof LANGUAGES)[number];

/** The archive's first language: its edition's file has no language suffix, and its interface is at "/". */
export const PRIMARY_LANG: Lang = 'zh-Hant-HK';

export function isLang(value: unknown): value is Lang {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
