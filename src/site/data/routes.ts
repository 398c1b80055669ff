/**
 * The route table: every file of the site Eleventy writes, built once from
 * the archive. Each route is light (a path, a language, a kind and an index
 * into the archive list of that kind), so Eleventy can paginate over tens of
 * thousands of them; the page's data is looked up by index when it renders.
 * The sitemap (kind `sitemap`), the share cards (images/card-list.ts) and the
 * search index read this table, so a new kind of page is added here once.
 */
import { site, type InterfaceLang, type Settings } from '../../../_data/site.ts';
import { feedPath, localize, membersPath } from '../../model/urls.ts';
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
 * Files written once, not per language, with no share card and not in the
 * sitemap. sitemap.xml is written only when the site has an address
 * (Settings.siteUrl): a sitemap lists absolute URLs.
 */
const SITE_FILES = {
  'not-found': '/404.html',
  sitemap: '/sitemap.xml',
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
export type RouteKind = SinglePageKind | ListPageKind | ListFileKind | keyof typeof SITE_FILES | 'feed';

const LISTS = { ...LIST_PAGES, ...LIST_FILES };

/** The archive item a page (or file) of each list kind renders. */
export type ItemOf<K extends ListPageKind | ListFileKind> = Archive[(typeof LISTS)[K]][number];

export interface Route {
  /** Where the file is written, root-absolute: `/en/2023-24/itib001/`, `/sitemap.xml`. */
  url: string;
  /** The page's path in the default language (share card, hreflang alternates): `/2023-24/itib001/`. */
  path: string;
  /** Interface language. */
  lang: InterfaceLang;
  kind: RouteKind;
  /** Position of the page's item in its archive list (`archive.replies[index]` for a reply); 0 for other kinds. */
  index: number;
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
  /** For a `feed` route: the kind of the page whose replies it lists (its item is at `index`). */
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
  for (const lang of site.languages) {
    const page = (kind: RouteKind, path: string, index: number, cardLang: InterfaceLang = site.defaultLang) =>
      all.push({ url: localize(path, lang), path, lang, kind, index, card: true, cardLang, sitemap: true });
    for (const [kind, path] of Object.entries(SINGLE_PAGES) as [SinglePageKind, string][]) page(kind, path, 0);
    for (const kind of Object.keys(LIST_PAGES) as ListPageKind[]) {
      const items: readonly { path: string }[] = archive[LIST_PAGES[kind]];
      items.forEach((item, index) => page(kind, item.path, index, lang !== site.defaultLang && hasOwnWords(archive, kind, index, lang) ? lang : site.defaultLang));
    }
    const feeds = all.filter((r) => r.lang === lang && (FEED_PAGES as readonly RouteKind[]).includes(r.kind));
    for (const r of feeds) {
      const path = feedPath(r.path);
      all.push({ url: localize(path, lang), path, lang, kind: 'feed', index: r.index, card: false, cardLang: site.defaultLang, sitemap: false, feedOf: r.kind as FeedOf });
    }
  }
  for (const kind of Object.keys(LIST_FILES) as ListFileKind[]) {
    archive[LIST_FILES[kind]].forEach((item, index) => all.push({ url: item.path, path: item.path, lang: site.defaultLang, kind, index, card: false, cardLang: site.defaultLang, sitemap: false }));
  }
  for (const [kind, path] of Object.entries(SITE_FILES) as [RouteKind, string][]) {
    if (kind === 'sitemap' && settings.siteUrl === null) continue;
    all.push({ url: path, path, lang: site.defaultLang, kind, index: 0, card: false, cardLang: site.defaultLang, sitemap: false });
  }
  const seen = new Map<string, Route>();
  for (const r of all) {
    const clash = seen.get(r.url);
    if (clash) throw new Error(`routes: ${r.kind} ${r.index} and ${clash.kind} ${clash.index} both want ${r.url}`);
    seen.set(r.url, r);
  }
  const byKind = Object.fromEntries(
    [...Object.keys(SINGLE_PAGES), ...Object.keys(LIST_PAGES), ...Object.keys(LIST_FILES), ...Object.keys(SITE_FILES), 'feed'].map((k) => [k, [] as Route[]]),
  ) as Record<RouteKind, Route[]>;
  for (const r of all) byKind[r.kind].push(r);
  return { all, byKind };
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

/** The archive item a route renders. */
export function itemOf<K extends ListPageKind | ListFileKind>(archive: Archive, route: Route, kind: K): ItemOf<K> {
  if (route.kind !== kind) throw new Error(`routes: ${route.url} is a ${route.kind} page, not a ${kind} page`);
  const item = archive[LISTS[kind]][route.index];
  if (!item) throw new Error(`routes: ${route.url}: no ${kind} at index ${route.index}`);
  return item as ItemOf<K>;
}

/** The replies a page lists (a page of a FEED_PAGES kind) and its feed carries: every reply for home, else its group's. */
export function repliesOf(archive: Archive, kind: FeedOf, index: number): readonly Reply[] {
  if (kind === 'home') return archive.replies;
  const group = archive[LIST_PAGES[kind]][index];
  if (!group) throw new Error(`routes: no ${kind} at index ${index}`);
  return group.replies;
}

/** The data every template receives from Eleventy (the subset we use). */
export interface TemplateData {
  archive: Archive;
  routes: RouteTable;
  settings: Settings;
  /** The route this page renders (the pagination alias). */
  route: Route;
}

/** Template `data`: one page per route of `kind`, written at the route's URL. */
export function pagesOf(kind: RouteKind) {
  return {
    pagination: { data: `routes.byKind.${kind}`, size: 1, alias: 'route' },
    eleventyExcludeFromCollections: true,
    permalink: (d: TemplateData) => d.route.url,
  };
}
