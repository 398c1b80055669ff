/**
 * Which share cards the site needs and what each says: one per route of the
 * route table marked `card` (every page but the 404), from the same archive
 * data the pages are rendered from and at the same path (`ogImagePath`).
 * Cards are in Chinese, and English pages reuse the zh card of their path,
 * except where the page's item has English words of its own (an English
 * edition, English names: route.cardLang), which gets an English card at
 * /2023-24/og/en/… (/og/en/… for the shell). Pure; the build passes the result to buildImages.
 */
import { site, type InterfaceLang } from '../../../_data/site.ts';
import { editionFor, type Archive, type HeadGroup, type MemberGroup, type Names, type ProgrammeGroup, type Reply, type YearGroup } from '../../model/reply.ts';
import { localText } from '../lib/layout.ts';
import { itemOf, type Route, type RouteTable } from '../data/routes.ts';
import { format, formatCount, formatNumber, formatYear, strings } from '../lib/i18n.ts';
import { localize, ogImagePath } from '../../model/urls.ts';
import type { CardText } from './card-markup.ts';

export interface CardJob extends CardText {
  /** Output path relative to the site root, e.g. `og/2023-24/itib001.png`. */
  out: string;
}

export interface CardList {
  /** Name printed on every card and used by the web app manifest. */
  brand: string;
  lang: string;
  cards: CardJob[];
}

const defaultLang = site.defaultLang;

/** What a card says, in one language: its strings, and names in that language where the archive has them. */
class CardWords {
  readonly s: ReturnType<typeof strings>;
  /** "提問議員：" / "Asked by: " */
  readonly colon: string;
  constructor(readonly lang: InterfaceLang) {
    this.s = strings(lang);
    this.colon = lang === 'en' ? ': ' : '：';
  }

  count(n: number): string {
    return formatCount(this.s.lists.replyCount, n, this.lang);
  }

  name(own: string, ownLang: string, names: Names): string {
    return localText(own, ownLang, names, this.lang).text;
  }

  headLine(code: string, name: string): string {
    return `${this.s.reply.head} ${code} ${name}`;
  }
}

function out(path: string, lang: InterfaceLang): string {
  return ogImagePath(localize(path, lang)).replace(/^\//, '');
}

function replyCard(r: Reply, w: CardWords): CardJob {
  const s = w.s;
  const e = editionFor(r, w.lang);
  const programmes = e.programmes.length
    ? e.programmes.map((p) => `(${p.code}) ${w.name(p.name, e.lang, r.labels.programmes[p.code] ?? {})}`).join(s.site.listSeparator)
    : s.reply.programmeNone;
  return {
    out: out(r.path, w.lang),
    kicker: r.replyNo,
    aside: formatYear(r.year, w.lang),
    title: e.title,
    meta: [
      `${s.reply.member}${w.colon}${w.name(e.member, e.lang, r.labels.member)}`,
      w.headLine(r.head.code, w.name(e.head.name, e.lang, r.labels.head)),
      `${s.reply.programme}${w.colon}${programmes}`,
    ],
  };
}

function yearCard(y: YearGroup, w: CardWords): CardJob {
  const year = formatYear(y.year, w.lang);
  return {
    out: out(y.path, w.lang),
    kicker: year,
    aside: '',
    title: format(w.s.lists.yearTitle, { year }),
    meta: [w.count(y.replies.length), `${w.s.lists.heads}${w.colon}${y.heads.map((h) => h.code).join(w.s.site.listSeparator)}`],
  };
}

function headCard(h: HeadGroup, w: CardWords): CardJob {
  const s = w.s;
  const programmes = h.programmes.map((p) => (p.code === null ? s.reply.programmeNone : `(${p.code}) ${w.name(p.name ?? '', p.lang, p.names)}`)).join(s.site.listSeparator);
  return {
    out: out(h.path, w.lang),
    kicker: `${s.reply.head} ${h.code}`,
    aside: formatYear(h.year, w.lang),
    title: w.name(h.name, h.lang, h.names),
    meta: [w.count(h.replies.length), `${s.lists.programmes}${w.colon}${programmes}`],
  };
}

function programmeCard(p: ProgrammeGroup, w: CardWords): CardJob {
  const s = w.s;
  return {
    out: out(p.path, w.lang),
    kicker: p.code === null ? `${s.reply.head} ${p.head.code}` : `${s.reply.head} ${p.head.code} · ${s.reply.programme} (${p.code})`,
    aside: formatYear(p.year, w.lang),
    title: p.name === null ? s.lists.programmeNoneTitle : w.name(p.name, p.lang, p.names),
    meta: [w.count(p.replies.length), w.headLine(p.head.code, w.name(p.head.name, p.lang, p.head.names))],
  };
}

function memberCard(m: MemberGroup, w: CardWords): CardJob {
  return {
    out: out(m.path, w.lang),
    kicker: w.s.site.members,
    aside: m.years.map((y) => formatYear(y.year, w.lang)).join(w.s.site.listSeparator),
    title: format(w.s.lists.memberTitle, { name: w.name(m.name, m.lang, m.names) }),
    meta: [w.count(m.replies.length), ...m.years.flatMap((y) => y.heads.map((h) => w.headLine(h.code, w.name(h.name, m.lang, h.names)))).slice(0, 2)],
  };
}

/** Pages with one fixed title: home, about, data, search, the members index. */
function pageCard(path: string, title: string, description: string, w: CardWords): CardJob {
  return { out: out(path, w.lang), kicker: path === '/' ? '' : w.s.site.name, aside: '', title, meta: [description] };
}

function cardFor(route: Route, archive: Archive, w: CardWords): CardJob {
  const s = w.s;
  switch (route.kind) {
    case 'home': return pageCard(route.path, s.home.title, s.site.tagline, w);
    case 'about': return pageCard(route.path, s.about.title, s.about.sourcesIntro, w);
    case 'data': return pageCard(route.path, s.data.title, s.data.intro, w);
    case 'search': return pageCard(route.path, s.search.title, s.search.intro, w);
    case 'members': return pageCard(route.path, s.lists.allMembers, s.lists.membersIntro, w);
    case 'background': {
      const b = itemOf(archive, route, 'background');
      return pageCard(b.path, b.title, `${s.background.label}${w.colon}${b.committee}，${b.date}`, w);
    }
    case 'year': return yearCard(itemOf(archive, route, 'year'), w);
    case 'head': return headCard(itemOf(archive, route, 'head'), w);
    case 'programme': return programmeCard(itemOf(archive, route, 'programme'), w);
    case 'member': return memberCard(itemOf(archive, route, 'member'), w);
    case 'reply': return replyCard(itemOf(archive, route, 'reply'), w);
    default: throw new Error(`share cards: no card for a ${route.kind} page (${route.url})`);
  }
}

/**
 * One card per path of the routes that carry one (the default language's
 * routes: the other languages share them), plus a card in another language
 * for each route whose item has words of its own in it (route.cardLang).
 */
export function cardList(archive: Archive, routes: RouteTable): CardList {
  const words = new Map<InterfaceLang, CardWords>();
  const wordsIn = (l: InterfaceLang) => words.get(l) ?? words.set(l, new CardWords(l)).get(l)!;
  const cards = routes.all.filter((r) => r.card && r.cardLang === r.lang).map((r) => cardFor(r, archive, wordsIn(r.lang)));
  const seen = new Set<string>();
  for (const card of cards) {
    if (seen.has(card.out)) throw new Error(`share cards: two pages want the same card ${card.out}`);
    seen.add(card.out);
  }
  return { brand: wordsIn(defaultLang).s.site.name, lang: defaultLang, cards };
}
