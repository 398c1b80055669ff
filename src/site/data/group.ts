/**
 * Groupings computed once per build, in linear time (Maps keyed by
 * year/head/programme/member), with stable orders: replies by year then reply
 * number; heads and programmes by numeric code ("none" last); members by a
 * fixed-locale collation, then code-point order as the tie-break.
 */
import { site } from '../../../_data/site.ts';
import { headPath, memberPath, programmePath, yearPath } from '../../model/urls.ts';
import type { ReplyFrontMatter, ReplyLang } from '../../model/front-matter-types.ts';
import { LANGUAGES, PRIMARY_LANG } from '../../model/languages.ts';
import type { HeadGroup, MemberGroup, Names, ProgrammeGroup, Reply, ReplyLink, YearGroup } from '../../model/reply.ts';

const plain = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Numeric codes in numeric order ("47" < "135"); equal numbers by text ("47" < "047"). */
export function compareCodes(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isNaN(na) || Number.isNaN(nb) || na === nb) return plain(a, b);
  return na - nb;
}

export function compareReplies(a: Reply, b: Reply): number {
  return plain(a.year, b.year) || compareCodes(a.replyNo.replace(/^\D+/, ''), b.replyNo.replace(/^\D+/, '')) || plain(a.replyNo, b.replyNo);
}

const collator = new Intl.Collator(site.collation);
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || plain(a, b);
}

export function sortReplies(replies: Reply[]): Reply[] {
  return replies.sort(compareReplies);
}

function link(r: Reply): ReplyLink {
  const titles: Names = {};
  for (const e of Object.values(r.editions)) titles[e.lang] = e.title;
  return { replyNo: r.replyNo, title: r.title, path: r.path, lang: r.lang, titles };
}

/** Sets prev/next within each year (replies must already be sorted). */
export function linkNeighbours(replies: Reply[]): void {
  for (let i = 0; i < replies.length; i++) {
    const r = replies[i]!;
    const before = replies[i - 1];
    const after = replies[i + 1];
    r.prev = before && before.year === r.year ? link(before) : null;
    r.next = after && after.year === r.year ? link(after) : null;
  }
}

type Named = Pick<ReplyFrontMatter, 'year' | 'head' | 'programmes'>;

/**
 * One name per head and per programme: the one most replies print, ties going
 * to the earliest reply. The source prints some names in two ways (e.g. with
 * "︰" or "："), and a listing must not depend on which reply came first.
 * Undefined for a head or programme none of `replies` names.
 */
export function commonNames(replies: readonly Named[]): {
  head: (year: string, code: string) => string | undefined;
  programme: (year: string, headCode: string, code: string) => string | undefined;
} {
  const counts = new Map<string, Map<string, number>>();
  const count = (key: string, name: string) => {
    const names = getOrAdd(counts, key, () => new Map<string, number>());
    names.set(name, (names.get(name) ?? 0) + 1);
  };
  for (const r of replies) {
    count(`${r.year}\u0000${r.head.code}`, r.head.name);
    for (const p of r.programmes) count(`${r.year}\u0000${r.head.code}\u0000${p.code}`, p.name);
  }
  const best = new Map<string, string>();
  for (const [key, names] of counts) best.set(key, mostCommon(names));
  return {
    head: (year, code) => best.get(`${year}\u0000${code}`),
    programme: (year, headCode, code) => best.get(`${year}\u0000${headCode}\u0000${code}`),
  };
}

/** The name counted most often; Map order = first seen, so ties keep the earliest. */
function mostCommon(names: Map<string, number>): string {
  let top = '';
  let n = 0;
  for (const [name, c] of names) if (c > n) [top, n] = [name, c];
  return top;
}

/** commonNames over the editions of each language: a head's or programme's name in every language the archive prints it in. */
function namesByLanguage(replies: readonly Reply[]) {
  const perLang = LANGS.map((l) => [l, commonNames(replies.flatMap((r) => r.editions[l] ?? []))] as const);
  const collect = (get: (names: ReturnType<typeof commonNames>) => string | undefined): Names => {
    const out: Names = {};
    for (const [l, names] of perLang) {
      const name = get(names);
      if (name !== undefined) out[l] = name;
    }
    return out;
  };
  return {
    head: (r: Reply) => collect((n) => n.head(r.year, r.head.code)),
    programme: (r: Reply, code: string) => collect((n) => n.programme(r.year, r.head.code, code)),
  };
}

const LANGS: readonly ReplyLang[] = [PRIMARY_LANG, ...LANGUAGES.filter((l) => l !== PRIMARY_LANG)];

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

export function groupByYear(sorted: Reply[]): { years: YearGroup[]; heads: HeadGroup[]; programmes: ProgrammeGroup[] } {
  const years = new Map<string, YearGroup>();
  const heads = new Map<string, HeadGroup>();
  const programmes = new Map<string, ProgrammeGroup>();
  const names = commonNames(sorted);
  const headName = (r: Reply) => names.head(r.year, r.head.code) ?? r.head.name;
  const programmeName = (r: Reply, code: string) => names.programme(r.year, r.head.code, code) ?? code;
  const inEachLanguage = namesByLanguage(sorted);
  for (const r of sorted) {
    const year = getOrAdd(years, r.year, () => ({ year: r.year, path: yearPath(r.year), replies: [], heads: [] }));
    year.replies.push(r);
    const head = getOrAdd(heads, `${r.year}\u0000${r.head.code}`, () => {
      const h: HeadGroup = { year: r.year, code: r.head.code, name: headName(r), names: inEachLanguage.head(r), path: headPath(r.year, r.head.code), replies: [], programmes: [], lang: r.lang };
      year.heads.push(h);
      return h;
    });
    head.replies.push(r);
    r.labels.head = head.names;
    const progs: ({ code: string; name: string } | null)[] = r.programmes.length ? r.programmes : [null];
    const seen = new Set<string>();
    for (const p of progs) {
      const key = `${r.year}\u0000${r.head.code}\u0000${p ? p.code : '\u0001none'}`;
      if (seen.has(key)) continue; // a programme listed twice in one reply counts once
      seen.add(key);
      const group = getOrAdd(programmes, key, () => {
        const g: ProgrammeGroup = {
          year: r.year,
          head: { code: r.head.code, name: head.name, names: head.names },
          code: p ? p.code : null,
          name: p ? programmeName(r, p.code) : null,
          names: p ? inEachLanguage.programme(r, p.code) : {},
          path: programmePath(r.year, r.head.code, p ? p.code : null),
          replies: [],
          lang: r.lang,
        };
        head.programmes.push(g);
        return g;
      });
      group.replies.push(r);
      if (p) r.labels.programmes[p.code] = group.names;
    }
  }
  const byCode = (a: { code: string }, b: { code: string }) => compareCodes(a.code, b.code);
  const programmeOrder = (a: ProgrammeGroup, b: ProgrammeGroup) =>
    a.code === null ? (b.code === null ? 0 : 1) : b.code === null ? -1 : compareCodes(a.code, b.code);
  for (const y of years.values()) y.heads.sort(byCode);
  for (const h of heads.values()) h.programmes.sort(programmeOrder);
  const yearList = [...years.values()].sort((a, b) => plain(a.year, b.year));
  const headList = yearList.flatMap((y) => y.heads);
  return { years: yearList, heads: headList, programmes: headList.flatMap((h) => h.programmes) };
}

/**
 * The name a reply's member is grouped under: the Chinese edition's name; for a
 * reply without one, the Chinese name of the same member found through another
 * reply whose two editions name them (English name → Chinese name), or through
 * the LegCo reference number they have in that year; else the name as printed.
 * So a member's English and Chinese names are one member, and the member's page
 * keeps the Chinese name's path whichever edition arrives first or later.
 */
function memberKeys(sorted: readonly Reply[]): (r: Reply) => string {
  const primaryOf = (r: Reply) => r.editions[PRIMARY_LANG];
  const byName = new Map<string, string>();
  const byRef = new Map<string, string>();
  const ref = (year: string, memberRef: string | null) => (memberRef === null ? null : `${year}\u0000${memberRef}`);
  for (const r of sorted) {
    const zh = primaryOf(r);
    if (!zh) continue;
    const key = ref(r.year, zh.memberRef);
    if (key !== null && !byRef.has(key)) byRef.set(key, zh.member);
    for (const e of Object.values(r.editions)) if (e !== zh && !byName.has(e.member)) byName.set(e.member, zh.member);
  }
  return (r) => {
    const zh = primaryOf(r);
    if (zh) return zh.member;
    const key = ref(r.year, r.memberRef);
    return byName.get(r.member) ?? (key !== null ? byRef.get(key) : undefined) ?? r.member;
  };
}

/**
 * Who asked each reply, found across every year (the catalogue, src/build):
 * the name of the member's group by reply id, and each member's names in
 * each language. A year's unit reads one year, and must still name a member
 * as the whole archive does.
 */
export interface MemberIdentity {
  /** Reply id → the name the member is grouped under. */
  member: Record<string, string>;
  /** That name → the member's name in each language. */
  names: Record<string, Names>;
}

/** The member identity of an archive's members, limited to the replies of `years` (a unit's slice of it). */
export function memberIdentity(members: readonly MemberGroup[], years?: ReadonlySet<string>): MemberIdentity {
  const member: Record<string, string> = {};
  const names: Record<string, Names> = {};
  for (const m of members) {
    for (const r of m.replies) {
      if (years && !years.has(r.year)) continue;
      member[r.id] = m.name;
      names[m.name] = m.names;
    }
  }
  return { member, names };
}

/** Members, each with their replies by year and head; sets each reply's memberPage and labels.member (run after groupByYear, which sets labels.head). */
export function groupByMember(sorted: Reply[], identity?: MemberIdentity): MemberGroup[] {
  const members = new Map<string, MemberGroup>();
  const counts = new Map<MemberGroup, Map<ReplyLang, Map<string, number>>>();
  const names = commonNames(sorted);
  const found = memberKeys(sorted);
  const keyOf = identity ? (r: Reply) => identity.member[r.id] ?? found(r) : found;
  for (const r of sorted) {
    const name = keyOf(r);
    const path = memberPath(name);
    const m = getOrAdd(members, path, () => ({ name, names: {}, path, replies: [], years: [], lang: name === r.member ? r.lang : PRIMARY_LANG }));
    // Two names whose pages would be one folder (e.g. "a/b" and "a:b"): never merge two people.
    if (m.name !== name) {
      throw new Error(`${r.file}: member "${name}" and ${m.replies[0]!.file}: member "${m.name}" would share the page ${path}`);
    }
    m.replies.push(r);
    r.memberPage = m.path;
    r.labels.member = m.names;
    const perLang = getOrAdd(counts, m, () => new Map<ReplyLang, Map<string, number>>());
    for (const e of Object.values(r.editions)) {
      const c = getOrAdd(perLang, e.lang, () => new Map<string, number>());
      c.set(e.member, (c.get(e.member) ?? 0) + 1);
    }
    let year = m.years[m.years.length - 1];
    if (!year || year.year !== r.year) {
      year = { year: r.year, heads: [] };
      m.years.push(year);
    }
    let head = year.heads.find((h) => h.code === r.head.code);
    if (!head) {
      head = { code: r.head.code, name: names.head(r.year, r.head.code) ?? r.head.name, names: r.labels.head, path: headPath(r.year, r.head.code), replies: [] };
      year.heads.push(head);
    }
    head.replies.push(r);
  }
  for (const [m, perLang] of counts) {
    for (const l of LANGS) {
      const c = perLang.get(l);
      // The name the member's page is known by is their name in its language; other languages: the most printed.
      if (c) m.names[l] = l === m.lang ? m.name : mostCommon(c);
    }
    if (m.names[m.lang] === undefined) m.names[m.lang] = m.name;
    // Named as the whole archive names them (a year's unit sees one year's replies).
    const known = identity?.names[m.name];
    if (known) {
      for (const l of Object.keys(m.names) as ReplyLang[]) delete m.names[l];
      Object.assign(m.names, known);
    }
  }
  for (const m of members.values()) for (const y of m.years) y.heads.sort((a, b) => compareCodes(a.code, b.code));
  return [...members.values()].sort((a, b) => compareNames(a.name, b.name));
}
