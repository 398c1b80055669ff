/**
 * Which share cards the site needs and what each says: one per route of the
 * route table marked `card` (every page but the 404), from the same archive
 * data the pages are rendered from and at the same path (`ogImagePath`).
 * Cards are in Chinese only: English pages reuse the zh card (one card per
 * path). Pure; the build passes the result to buildImages.
 */
import { site } from '../../../_data/site.ts';
import type { Archive, HeadGroup, MemberGroup, ProgrammeGroup, Reply, YearGroup } from '../data/model.ts';
import { itemOf, type Route, type RouteTable } from '../data/routes.ts';
import { format, formatCount, formatNumber, formatYear, strings } from '../lib/i18n.ts';
import { ogImagePath } from '../lib/urls.ts';
import type { CardText } from './card-svg.ts';

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

const s = strings(site.defaultLang);
const lang = site.defaultLang;

function out(path: string): string {
  return ogImagePath(path).replace(/^\//, '');
}

function count(n: number): string {
  return formatCount(s.lists.replyCount, n, lang);
}

function headLine(code: string, name: string): string {
  return `${s.reply.head} ${code} ${name}`;
}

function replyCard(r: Reply): CardJob {
  const programmes = r.programmes.length ? r.programmes.map((p) => `(${p.code}) ${p.name}`).join(s.site.listSeparator) : s.reply.programmeNone;
  return {
    out: out(r.path),
    kicker: r.replyNo,
    aside: formatYear(r.year, lang),
    title: r.title,
    meta: [`${s.reply.member}：${r.member}`, headLine(r.head.code, r.head.name), `${s.reply.programme}：${programmes}`],
  };
}

function yearCard(y: YearGroup): CardJob {
  const year = formatYear(y.year, lang);
  return {
    out: out(y.path),
    kicker: year,
    aside: '',
    title: format(s.lists.yearTitle, { year }),
    meta: [count(y.replies.length), `${s.lists.heads}：${y.heads.map((h) => h.code).join(s.site.listSeparator)}`],
  };
}

function headCard(h: HeadGroup): CardJob {
  const programmes = h.programmes.map((p) => (p.code === null ? s.reply.programmeNone : `(${p.code}) ${p.name}`)).join(s.site.listSeparator);
  return {
    out: out(h.path),
    kicker: `${s.reply.head} ${h.code}`,
    aside: formatYear(h.year, lang),
    title: h.name,
    meta: [count(h.replies.length), `${s.lists.programmes}：${programmes}`],
  };
}

function programmeCard(p: ProgrammeGroup): CardJob {
  return {
    out: out(p.path),
    kicker: p.code === null ? `${s.reply.head} ${p.head.code}` : `${s.reply.head} ${p.head.code} · ${s.reply.programme} (${p.code})`,
    aside: formatYear(p.year, lang),
    title: p.name ?? s.lists.programmeNoneTitle,
    meta: [count(p.replies.length), headLine(p.head.code, p.head.name)],
  };
}

function memberCard(m: MemberGroup): CardJob {
  return {
    out: out(m.path),
    kicker: s.site.members,
    aside: m.years.map((y) => formatYear(y.year, lang)).join(s.site.listSeparator),
    title: format(s.lists.memberTitle, { name: m.name }),
    meta: [count(m.replies.length), ...m.years.flatMap((y) => y.heads.map((h) => headLine(h.code, h.name))).slice(0, 2)],
  };
}

/** Pages with one fixed title: home, about, data, search, the members index. */
function pageCard(path: string, title: string, description: string): CardJob {
  return { out: out(path), kicker: path === '/' ? '' : s.site.name, aside: '', title, meta: [description] };
}

function cardFor(route: Route, archive: Archive): CardJob {
  switch (route.kind) {
    case 'home': return pageCard(route.path, s.home.title, s.site.tagline);
    case 'about': return pageCard(route.path, s.about.title, s.about.sourcesIntro);
    case 'data': return pageCard(route.path, s.data.title, s.data.intro);
    case 'search': return pageCard(route.path, s.search.title, s.search.intro);
    case 'members': return pageCard(route.path, s.lists.allMembers, s.lists.membersIntro);
    case 'background': {
      const b = itemOf(archive, route, 'background');
      return pageCard(b.path, b.title, `${s.background.label}：${b.committee}，${b.date}`);
    }
    case 'year': return yearCard(itemOf(archive, route, 'year'));
    case 'head': return headCard(itemOf(archive, route, 'head'));
    case 'programme': return programmeCard(itemOf(archive, route, 'programme'));
    case 'member': return memberCard(itemOf(archive, route, 'member'));
    case 'reply': return replyCard(itemOf(archive, route, 'reply'));
    default: throw new Error(`share cards: no card for a ${route.kind} page (${route.url})`);
  }
}

/** One card per path of the routes that carry one (the default language's routes: the other languages share them). */
export function cardList(archive: Archive, routes: RouteTable): CardList {
  const cards = routes.all.filter((r) => r.card && r.lang === lang).map((r) => cardFor(r, archive));
  const seen = new Set<string>();
  for (const card of cards) {
    if (seen.has(card.out)) throw new Error(`share cards: two pages want the same card ${card.out}`);
    seen.add(card.out);
  }
  return { brand: s.site.name, lang, cards };
}
