/**
 * What each pagination template iterates over: one entry per page per
 * interface language. Built once from the archive; entries only point at the
 * shared reply/group objects, so a 20 000-reply corpus costs two small arrays.
 */
import { site, type InterfaceLang } from '../../../_data/site.ts';
import { localize } from '../lib/urls.ts';
import type { Archive, BackgroundPage, HeadGroup, MemberGroup, ProgrammeGroup, YearGroup } from './model.ts';

export interface Entry<T> {
  lang: InterfaceLang;
  item: T;
}

export interface PageLists {
  years: Entry<YearGroup>[];
  heads: Entry<HeadGroup>[];
  programmes: Entry<ProgrammeGroup>[];
  members: Entry<MemberGroup>[];
  background: Entry<BackgroundPage>[];
  /** Single pages (home, about, data, search, members index): one entry per language. */
  languages: Entry<null>[];
}

function each<T>(items: readonly T[]): Entry<T>[] {
  return site.languages.flatMap((lang) => items.map((item) => ({ lang, item })));
}

export function pageLists(a: Archive): PageLists {
  return {
    years: each(a.years),
    heads: each(a.heads),
    programmes: each(a.programmes),
    members: each(a.members),
    background: each(a.background),
    languages: each([null]),
  };
}

/** The data every template receives from Eleventy (the subset we use). */
export interface TemplateData<T> {
  archive: Archive;
  entry: Entry<T>;
  page: { url: string };
}

/** Template `data` for one page per item of a list per language, at the item's path. */
export function perItem<T extends { path: string }>(list: Exclude<keyof PageLists, 'languages'>) {
  return {
    pagination: { data: `pages.${list}`, size: 1, alias: 'entry' },
    eleventyExcludeFromCollections: true,
    permalink: (d: TemplateData<T>) => localize(d.entry.item.path, d.entry.lang),
  };
}

/** Template `data` for a single page (home, about, …) in every language. */
export function perLanguage(path: string) {
  return {
    pagination: { data: 'pages.languages', size: 1, alias: 'entry' },
    eleventyExcludeFromCollections: true,
    permalink: (d: TemplateData<null>) => localize(path, d.entry.lang),
  };
}
