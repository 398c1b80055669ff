/**
 * The route table: every file of the site Eleventy writes, built once from
 * the archive. Each route is light (a path, a language, a kind and the stable
 * key of its item: the item's path, e.g. `/2023-24/itib001/`), so Eleventy can
 * paginate over tens of thousands of them; the page's data is looked up by key
 * when it renders. A route belongs to one unit (issue 16): a budget year, when
 * its URL is under `/<year>/`, or the shell; `unitRoutes` cuts the table to
 * one unit. The sitemaps (kind `sitemap`), the share cards
 * (images/card-list.ts) and the search index read this table, so a new kind
 * of page is added here once.
 */
import { site, type InterfaceLang, type Settings } from '../../../_data/site.ts';
import { feedPath, localize, membersPath, SHELL_SITEMAP_PATH, SITEMAP_INDEX_PATH, yearOfPath, yearSitemapPath } from '../../model/urls.ts';
import type { Archive, Reply } from '../../model/reply.ts';

/** Pages with one fixed path, one per interface language. */
const SINGLE_PAGES = {
  home: '/',
  about: '/about/',
  data: '/data/',
  search: '/search/',
  members: membersPath(),
} as const;

/** Pages of one item of an archive list, one per item per interface language. */
const LIST_PAGES = {
  year: 'years',
  head: 'heads',
  programme: 'programmes',
  member: 'members',
  background: 'background',
  reply: 'replies',
} as const satisfies Record<string, keyof Archive>;

/** Files of one item of an archive list, written once (not per language), no share card, not in the sitemap. */
const LIST_FILES = {
  'table-csv': 'tables',
} as const satisfies Record<string, keyof Archive>;

/**
 * Files of each budget year, written once (not per language), with no share
 * card and not in the sitemap, inside the year's unit: its sitemap part
 * (`/2023-24/sitemap.xml`, only when the site has an address: a sitemap lists
 * absolute URLs). The year's open data is written by src/open-data (the unit's `exports` step).
 */
export const YEAR_FILES = {
  sitemap: yearSitemapPath,
} as const;

/**
 * Files of the shell written once, not per language, with no share card and
 * not in the sitemap. The sitemap index and the shell's sitemap part are
 * written only when the site has an address (Settings.siteUrl).
 */
const SITE_FILES = {
  'not-found': '/404.html',
  'sitemap-index': SITEMAP_INDEX_PATH,
  robots: '/robots.txt',
} as const;

/**
 * Pages that list replies and have an Atom feed of them beside them
 * (`feed.xml` in the page's folder, src/model/urls.ts feedPath), in every interface
 * language. A feed route has kind `feed`, `feedOf` the page's kind and the
 * page's index.
 */
export const FEED_PAGES = ['home', 'year', 'head', 'programme', 'member'] as const;
export type FeedOf = (typeof FEED_PAGES)[number];

export type SinglePageKind = keyof typeof SINGLE_PAGES;
export type ListPageKind = keyof typeof LIST_PAGES;
export type ListFileKind = keyof typeof LIST_FILES;
export type YearFileKind = keyof typeof YEAR_FILES;
export type RouteKind = SinglePageKind | ListPageKind | ListFileKind | YearFileKind | keyof typeof SITE_FILES | 'feed';

const LISTS = { ...LIST_PAGES, ...LIST_FILES };

/** The archive item a page (or file) of each list kind renders. */
export type ItemOf<K extends ListPageKind | ListFileKind> = Archive[(typeof LISTS)[K]][number];

export interface Route {
  /** Where the file is written, root-absolute: `/2023-24/en/itib001/`, `/sitemap.xml`. */
  url: string;
  /** The page's path in the default language (share card, hreflang alternates): `/2023-24/itib001/`. */
  path: string;
  /** Interface language. */
  lang: InterfaceLang;
  kind: RouteKind;
  /**
   * The stable key of the page's item: its default-language path (`/2023-24/itib001/`
   * for a reply, `/2023-24/itib144/answer-table-1.csv` for a table); for a year's
   * file, the year; '' for other kinds. Never a position in a list: a unit's
   * archive holds one year, the shell's every year, and the key is the same in both.
   */
  key: string;
  /** The unit the file belongs to: its budget year, or null for the shell (urls.ts yearOfPath). */
  unit: string | null;
  /** The page has a share card (og:image). */
  card: boolean;
  /**
   * The language of the card it shows: the default language's card serves
   * every language of a path, except where the page's item has words of its
   * own in the page's language (an English edition, English names), which
   * get a card in that language at `ogImagePath(localize(path, lang))`.
   */
  cardLang: InterfaceLang;
  /** Listed in sitemap.xml. */
  sitemap: boolean;
  /** For a `feed` route: the kind of the page whose replies it lists (its item's key is `key`). */
  feedOf?: FeedOf;
}

export interface RouteTable {
  /** Every route, in sitemap order: by language, then home, about, data, search, members index, years, heads, programmes, members, background, replies, then that language's feeds; the site files last. */
  all: readonly Route[];
  /** The same routes by kind (what each template paginates over). */
  byKind: Record<RouteKind, Route[]>;
}

export function routeTable(archive: Archive, settings: Pick<Settings, 'siteUrl'>): RouteTable {
  const all: Route[] = [];
  const add = (r: Omit<Route, 'unit'>) => all.push({ ...r, unit: yearOfPath(r.url) });
  for (const lang of site.languages) {
    const page = (kind: RouteKind, path: string, key: string, cardLang: InterfaceLang = site.defaultLang) =>
      add({ url: localize(path, lang), path, lang, kind, key, card: true, cardLang, sitemap: true });
    for (const [kind, path] of Object.entries(SINGLE_PAGES) as [SinglePageKind, string][]) page(kind, path, '');
    for (const kind of Object.keys(LIST_PAGES) as ListPageKind[]) {
      const items: readonly { path: string }[] = archive[LIST_PAGES[kind]];
      items.forEach((item, index) => page(kind, item.path, item.path, lang !== site.defaultLang && hasOwnWords(archive, kind, index, lang) ? lang : site.defaultLang));
    }
    const feeds = all.filter((r) => r.lang === lang && (FEED_PAGES as readonly RouteKind[]).includes(r.kind));
    for (const r of feeds) {
      const path = feedPath(r.path);
      add({ url: localize(path, lang), path, lang, kind: 'feed', key: r.key, card: false, cardLang: site.defaultLang, sitemap: false, feedOf: r.kind as FeedOf });
    }
  }
  const file = (kind: RouteKind, path: string, key: string) => add({ url: path, path, lang: site.defaultLang, kind, key, card: false, cardLang: site.defaultLang, sitemap: false });
  for (const kind of Object.keys(LIST_FILES) as ListFileKind[]) {
    for (const item of archive[LIST_FILES[kind]]) file(kind, item.path, item.path);
  }
  for (const y of archive.years) {
    for (const [kind, pathOf] of Object.entries(YEAR_FILES) as [YearFileKind, (year: string) => string][]) {
      if (kind === 'sitemap' && settings.siteUrl === null) continue;
      file(kind, pathOf(y.year), y.year);
    }
  }
  for (const [kind, path] of Object.entries(SITE_FILES) as [RouteKind, string][]) {
    if (kind === 'sitemap-index' && settings.siteUrl === null) continue;
    file(kind, path, '');
  }
  // The shell's own sitemap part, beside the index that lists it and every year's.
  if (settings.siteUrl !== null) file('sitemap', SHELL_SITEMAP_PATH, '');
  return tableOf(all);
}

/** The routes of `routes` that `keep` accepts, as a table of their own. */
export function someRoutes(routes: RouteTable, keep: (r: Route) => boolean): RouteTable {
  return tableOf(routes.all.filter(keep));
}

function tableOf(all: Route[]): RouteTable {
  const seen = new Map<string, Route>();
  for (const r of all) {
    const clash = seen.get(r.url);
    if (clash) throw new Error(`routes: ${r.kind} ${r.key} and ${clash.kind} ${clash.key} both want ${r.url}`);
    seen.set(r.url, r);
  }
  const byKind = Object.fromEntries(
    [...Object.keys(SINGLE_PAGES), ...Object.keys(LIST_PAGES), ...Object.keys(LIST_FILES), ...Object.keys(YEAR_FILES), ...Object.keys(SITE_FILES), 'feed'].map((k) => [k, [] as Route[]]),
  ) as Record<RouteKind, Route[]>;
  for (const r of all) byKind[r.kind].push(r);
  return { all, byKind };
}

/** The routes of one unit: a budget year's (`unit` = "2023-24") or the shell's (null). */
export function unitRoutes(routes: RouteTable, unit: string | null): RouteTable {
  return tableOf(routes.all.filter((r) => r.unit === unit));
}

/** The budget years whose units the table has routes in, in order. */
export function unitsOf(routes: RouteTable): string[] {
  return [...new Set(routes.all.flatMap((r) => (r.unit === null ? [] : [r.unit])))].sort();
}

/** Whether a list page's item has words in `lang` of its own: a reply's edition, a member's, head's or programme's name. */
function hasOwnWords(archive: Archive, kind: ListPageKind, index: number, lang: InterfaceLang): boolean {
  switch (kind) {
    case 'reply': return archive.replies[index]!.editions[lang] !== undefined;
    case 'member': return archive.members[index]!.names[lang] !== undefined;
    case 'head': return archive.heads[index]!.names[lang] !== undefined;
    case 'programme': {
      const p = archive.programmes[index]!;
      return p.names[lang] !== undefined || p.head.names[lang] !== undefined;
    }
    default: return false;
  }
}

const byKey = new WeakMap<readonly { path: string }[], Map<string, { path: string }>>();

/** The item of an archive list whose path is `key` (an index of the list, made once per list). */
function lookUp<T extends { path: string }>(list: readonly T[], key: string): T | undefined {
  let map = byKey.get(list);
  if (!map) {
    map = new Map(list.map((item) => [item.path, item]));
    byKey.set(list, map);
  }
  return map.get(key) as T | undefined;
}

/** The archive item a route renders, by its key. */
export function itemOf<K extends ListPageKind | ListFileKind>(archive: Archive, route: Route, kind: K): ItemOf<K> {
  if (route.kind !== kind) throw new Error(`routes: ${route.url} is a ${route.kind} page, not a ${kind} page`);
  const item = lookUp<{ path: string }>(archive[LISTS[kind]], route.key);
  if (!item) throw new Error(`routes: ${route.url}: no ${kind} ${route.key}`);
  return item as ItemOf<K>;
}

/** The item of a page that lists replies (a FEED_PAGES kind but home), by its key. */
export function groupOf<K extends Exclude<FeedOf, 'home'>>(archive: Archive, kind: K, key: string): Archive[(typeof LIST_PAGES)[K]][number] {
  const group = lookUp<{ path: string }>(archive[LIST_PAGES[kind]], key);
  if (!group) throw new Error(`routes: no ${kind} ${key}`);
  return group as Archive[(typeof LIST_PAGES)[K]][number];
}

/** The replies a page lists (a page of a FEED_PAGES kind): every reply for home, else its group's. */
export function repliesOf(archive: Archive, kind: FeedOf, key: string): readonly Reply[] {
  if (kind === 'home') return archive.replies;
  return groupOf(archive, kind, key).replies;
}

/** Entries a feed carries: the latest replies of its page. */
export const FEED_ENTRIES = 50;

/** The replies a feed route lists: the latest FEED_ENTRIES of its page's. */
export function feedReplies(archive: Archive, route: Route): readonly Reply[] {
  if (!route.feedOf) throw new Error(`routes: ${route.url} is not a feed`);
  return repliesOf(archive, route.feedOf, route.key).slice(-FEED_ENTRIES);
}

/** The data every template receives from Eleventy (the subset we use). */
export interface TemplateData {
  archive: Archive;
  /** Every route of the unit (what the sitemap lists). */
  routes: RouteTable;
  settings: Settings;
  /** The route this page renders (the pagination alias). */
  route: Route;
}

/**
 * Template `data`: one page per route of `kind`, written at the route's URL.
 * It paginates over the global `render` (eleventy-config.ts): every route, or
 * those a build renders again (src/build/page-reuse.ts links the rest).
 */
export function pagesOf(kind: RouteKind) {
  return {
    pagination: { data: `render.byKind.${kind}`, size: 1, alias: 'route' },
    eleventyExcludeFromCollections: true,
    permalink: (d: TemplateData) => d.route.url,
  };
}
