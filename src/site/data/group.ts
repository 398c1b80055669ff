/**
 * Groupings computed once per build, in linear time (Maps keyed by
 * year/head/programme/member), with stable orders: replies by year then reply
 * number; heads and programmes by numeric code ("none" last); members by a
 * fixed-locale collation, then code-point order as the tie-break.
 *
 * The loaded replies (what the reader returned) are never written to, so they
 * may be frozen or shared: groupArchive makes a new Reply of each, with what
 * the groupings say about it (neighbours, same answers, member, the names of
 * its head and programmes), found by stable keys (reply id = year + reply
 * number; year + head/programme code; member page path), and the groups hold
 * those new replies.
 */
import { site } from '../../../_data/site.ts';
import { headPath, memberPath, programmePath, yearPath } from '../../model/urls.ts';
import type { ReplyFrontMatter, ReplyLang } from '../../model/front-matter-types.ts';
import { LANGUAGES, PRIMARY_LANG } from '../../model/languages.ts';
import type { HeadGroup, LoadedReply, MemberGroup, Names, ProgrammeGroup, Reply, ReplyLabels, ReplyLink, YearGroup } from '../../model/reply.ts';
import { sameAnswerIndexOf, type AnswerText, type SameAnswers } from './same-answers.ts';

const plain = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Numeric codes in numeric order ("47" < "135"); equal numbers by text ("47" < "047"). */
export function compareCodes(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isNaN(na) || Number.isNaN(nb) || na === nb) return plain(a, b);
  return na - nb;
}

export function compareReplies(a: LoadedReply, b: LoadedReply): number {
  return plain(a.year, b.year) || compareCodes(a.replyNo.replace(/^\D+/, ''), b.replyNo.replace(/^\D+/, '')) || plain(a.replyNo, b.replyNo);
}

const collator = new Intl.Collator(site.collation);
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || plain(a, b);
}

/** A sorted copy: the list given is left as it is. */
export function sortReplies<R extends LoadedReply>(replies: readonly R[]): R[] {
  return [...replies].sort(compareReplies);
}

function link(r: LoadedReply): ReplyLink {
  const titles: Names = {};
  for (const e of Object.values(r.editions)) titles[e.lang] = e.title;
  return { replyNo: r.replyNo, title: r.title, path: r.path, lang: r.lang, titles };
}

/** The previous and next reply of the same year (replies sorted). */
function neighbours(sorted: readonly LoadedReply[], i: number): Pick<Reply, 'prev' | 'next'> {
  const r = sorted[i]!;
  const before = sorted[i - 1];
  const after = sorted[i + 1];
  return {
    prev: before && before.year === r.year ? link(before) : null,
    next: after && after.year === r.year ? link(after) : null,
  };
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
function namesByLanguage(replies: readonly LoadedReply[]) {
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
    head: (r: LoadedReply) => collect((n) => n.head(r.year, r.head.code)),
    programme: (r: LoadedReply, code: string) => collect((n) => n.programme(r.year, r.head.code, code)),
  };
}

const headKey = (r: LoadedReply) => `${r.year}\u0000${r.head.code}`;
const programmeKey = (r: LoadedReply, code: string | null) => `${r.year}\u0000${r.head.code}\u0000${code ?? '\u0001none'}`;

/**
 * The names of each head and programme, found once from the loaded replies and
 * looked up by year and code: one Names object per head and per programme,
 * shared by its group and by each of its replies' labels.
 */
interface GroupNames {
  head: (r: LoadedReply) => string;
  headNames: (r: LoadedReply) => Names;
  programme: (r: LoadedReply, code: string) => string;
  programmeNames: (r: LoadedReply, code: string) => Names;
}

function groupNames(sorted: readonly LoadedReply[]): GroupNames {
  const common = commonNames(sorted);
  const inEachLanguage = namesByLanguage(sorted);
  const heads = new Map<string, Names>();
  const programmes = new Map<string, Names>();
  return {
    head: (r) => common.head(r.year, r.head.code) ?? r.head.name,
    headNames: (r) => getOrAdd(heads, headKey(r), () => inEachLanguage.head(r)),
    programme: (r, code) => common.programme(r.year, r.head.code, code) ?? code,
    programmeNames: (r, code) => getOrAdd(programmes, programmeKey(r, code), () => inEachLanguage.programme(r, code)),
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

/** Years, their heads and the heads' programmes, holding the replies given (sorted, already named: groupArchive). */
function groupByYear(sorted: readonly Reply[], names: GroupNames): { years: YearGroup[]; heads: HeadGroup[]; programmes: ProgrammeGroup[] } {
  const years = new Map<string, YearGroup>();
  const heads = new Map<string, HeadGroup>();
  const programmes = new Map<string, ProgrammeGroup>();
  for (const r of sorted) {
    const year = getOrAdd(years, r.year, () => ({ year: r.year, path: yearPath(r.year), replies: [], heads: [] }));
    year.replies.push(r);
    const head = getOrAdd(heads, headKey(r), () => {
      const h: HeadGroup = { year: r.year, code: r.head.code, name: names.head(r), names: names.headNames(r), path: headPath(r.year, r.head.code), replies: [], programmes: [], lang: r.lang };
      year.heads.push(h);
      return h;
    });
    head.replies.push(r);
    const progs: ({ code: string; name: string } | null)[] = r.programmes.length ? r.programmes : [null];
    const seen = new Set<string>();
    for (const p of progs) {
      const key = programmeKey(r, p ? p.code : null);
      if (seen.has(key)) continue; // a programme listed twice in one reply counts once
      seen.add(key);
      const group = getOrAdd(programmes, key, () => {
        const g: ProgrammeGroup = {
          year: r.year,
          head: { code: r.head.code, name: head.name, names: head.names },
          code: p ? p.code : null,
          name: p ? names.programme(r, p.code) : null,
          names: p ? names.programmeNames(r, p.code) : {},
          path: programmePath(r.year, r.head.code, p ? p.code : null),
          replies: [],
          lang: r.lang,
        };
        head.programmes.push(g);
        return g;
      });
      group.replies.push(r);
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
function memberKeys(sorted: readonly LoadedReply[]): (r: LoadedReply) => string {
  const primaryOf = (r: LoadedReply) => r.editions[PRIMARY_LANG];
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

/** A member as their page names them: found once from the loaded replies, looked up by reply id. */
interface MemberName {
  name: string;
  path: string;
  lang: ReplyLang;
  names: Names;
}

/**
 * Who asked each reply (by reply id) and each member's names in each
 * language: the members are keyed by their page's path, so two names whose
 * pages would be one folder (e.g. "a/b" and "a:b") are an error, never one person.
 */
function memberNames(sorted: readonly LoadedReply[], identity?: MemberIdentity): (r: LoadedReply) => MemberName {
  const found = memberKeys(sorted);
  const keyOf = identity ? (r: LoadedReply) => identity.member[r.id] ?? found(r) : found;
  interface Seen { name: string; path: string; lang: ReplyLang; first: LoadedReply; counts: Map<ReplyLang, Map<string, number>> }
  const byPath = new Map<string, Seen>();
  const pathOf = new Map<string, string>();
  for (const r of sorted) {
    const name = keyOf(r);
    const path = memberPath(name);
    const m = getOrAdd(byPath, path, () => ({ name, path, lang: name === r.member ? r.lang : PRIMARY_LANG, first: r, counts: new Map() }));
    if (m.name !== name) {
      throw new Error(`${r.file}: member "${name}" and ${m.first.file}: member "${m.name}" would share the page ${path}`);
    }
    pathOf.set(r.id, path);
    for (const e of Object.values(r.editions)) {
      const c = getOrAdd(m.counts, e.lang, () => new Map<string, number>());
      c.set(e.member, (c.get(e.member) ?? 0) + 1);
    }
  }
  const members = new Map<string, MemberName>();
  for (const [path, m] of byPath) {
    // Named as the whole archive names them (a year's unit sees one year's replies).
    let names: Names | undefined = identity?.names[m.name];
    if (names) names = { ...names };
    else {
      names = {};
      for (const l of LANGS) {
        const c = m.counts.get(l);
        // The name the member's page is known by is their name in its language; other languages: the most printed.
        if (c) names[l] = l === m.lang ? m.name : mostCommon(c);
      }
      if (names[m.lang] === undefined) names[m.lang] = m.name;
    }
    members.set(path, { name: m.name, path, lang: m.lang, names });
  }
  return (r) => members.get(pathOf.get(r.id)!)!;
}

/** Members, each with their replies by year and head (replies sorted and named: groupArchive). */
function groupByMember(sorted: readonly Reply[], names: GroupNames, memberOf: (r: LoadedReply) => MemberName): MemberGroup[] {
  const members = new Map<string, MemberGroup>();
  for (const r of sorted) {
    const member = memberOf(r);
    const m = getOrAdd(members, member.path, () => ({ name: member.name, names: member.names, path: member.path, replies: [], years: [], lang: member.lang }));
    m.replies.push(r);
    let year = m.years[m.years.length - 1];
    if (!year || year.year !== r.year) {
      year = { year: r.year, heads: [] };
      m.years.push(year);
    }
    let head = year.heads.find((h) => h.code === r.head.code);
    if (!head) {
      head = { code: r.head.code, name: names.head(r), names: names.headNames(r), path: headPath(r.year, r.head.code), replies: [] };
      year.heads.push(head);
    }
    head.replies.push(r);
  }
  for (const m of members.values()) for (const y of m.years) y.heads.sort((a, b) => compareCodes(a.code, b.code));
  return [...members.values()].sort((a, b) => compareNames(a.name, b.name));
}

/** The replies, named and linked, and the groups that hold them. */
export interface Grouped {
  /** New objects, in reply order (year, then reply number). */
  replies: Reply[];
  years: YearGroup[];
  heads: HeadGroup[];
  programmes: ProgrammeGroup[];
  members: MemberGroup[];
}

/** What the same-answer groups of `loaded` are made from (groupArchive; a unit makes them ahead from these). */
export function answerTexts(loaded: readonly LoadedReply[]): AnswerText[] {
  return textsOf(sortReplies(loaded));
}

const textsOf = (sorted: readonly LoadedReply[]): AnswerText[] => sorted.map((r) => ({ id: r.id, year: r.year, markdown: r.markdown }));

/**
 * Groups the loaded replies: each becomes a new Reply (the loaded one is
 * only read: it may be frozen) with its neighbours, the replies of its year
 * given the same answer, its member's page and its labels, and the years,
 * heads, programmes and members hold these new replies. `identity`: who each
 * reply's member is across every year (the catalogue's, for a year's unit).
 * `sameAnswers`: the year's same-answer groups if made ahead (used only when
 * made from these replies' very answers: same-answers.ts sameAnswerIndexOf).
 */
export function groupArchive(loaded: readonly LoadedReply[], identity?: MemberIdentity, sameAnswers?: SameAnswers): Grouped {
  const sorted = sortReplies(loaded);
  // Once per load: Eleventy hands each page a copy of the archive, so a per-page cache would recompute it for every page.
  const same = sameAnswerIndexOf(textsOf(sorted), sameAnswers);
  const names = groupNames(sorted);
  const memberOf = memberNames(sorted, identity);
  const replies = sorted.map((r, i): Reply => {
    const programmes: Record<string, Names> = {};
    for (const p of r.programmes) programmes[p.code] ??= names.programmeNames(r, p.code);
    const labels: ReplyLabels = { member: memberOf(r).names, head: names.headNames(r), programmes };
    return { ...r, labels, memberPage: memberOf(r).path, ...neighbours(sorted, i), sameAnswers: same.get(r.id) ?? [] };
  });
  return { replies, ...groupByYear(replies, names), members: groupByMember(replies, names, memberOf) };
}
