/**
 * Groupings computed once per build, in linear time (Maps keyed by
 * year/head/programme/member), with stable orders: replies by year then reply
 * number; heads and programmes by numeric code ("none" last); members by a
 * fixed-locale collation, then code-point order as the tie-break.
 */
import { site } from '../../../_data/site.ts';
import { headPath, memberPath, programmePath, yearPath } from '../lib/urls.ts';
import type { HeadGroup, MemberGroup, ProgrammeGroup, Reply, ReplyLink, YearGroup } from './model.ts';

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
  return { replyNo: r.replyNo, title: r.title, path: r.path, lang: r.lang };
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

/**
 * One name per head and per programme: the one most replies print, ties going
 * to the earliest reply. The source prints some names in two ways (e.g. with
 * "︰" or "："), and a listing must not depend on which reply came first.
 */
export function commonNames(replies: readonly Reply[]): { head: (r: Reply) => string; programme: (r: Reply, code: string) => string } {
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
  for (const [key, names] of counts) {
    let top = '';
    let n = 0;
    for (const [name, c] of names) if (c > n) [top, n] = [name, c]; // Map order = first seen, so ties keep the earliest
    best.set(key, top);
  }
  return {
    head: (r) => best.get(`${r.year}\u0000${r.head.code}`) ?? r.head.name,
    programme: (r, code) => best.get(`${r.year}\u0000${r.head.code}\u0000${code}`) ?? code,
  };
}

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
  for (const r of sorted) {
    const year = getOrAdd(years, r.year, () => ({ year: r.year, path: yearPath(r.year), replies: [], heads: [] }));
    year.replies.push(r);
    const head = getOrAdd(heads, `${r.year}\u0000${r.head.code}`, () => {
      const h: HeadGroup = { year: r.year, code: r.head.code, name: names.head(r), path: headPath(r.year, r.head.code), replies: [], programmes: [], lang: r.lang };
      year.heads.push(h);
      return h;
    });
    head.replies.push(r);
    const progs: ({ code: string; name: string } | null)[] = r.programmes.length ? r.programmes : [null];
    const seen = new Set<string>();
    for (const p of progs) {
      const key = `${r.year}\u0000${r.head.code}\u0000${p ? p.code : '\u0001none'}`;
      if (seen.has(key)) continue; // a programme listed twice in one reply counts once
      seen.add(key);
      const group = getOrAdd(programmes, key, () => {
        const g: ProgrammeGroup = {
          year: r.year,
          head: { code: r.head.code, name: names.head(r) },
          code: p ? p.code : null,
          name: p ? names.programme(r, p.code) : null,
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

export function groupByMember(sorted: Reply[]): MemberGroup[] {
  const members = new Map<string, MemberGroup>();
  const names = commonNames(sorted);
  for (const r of sorted) {
    const path = memberPath(r.member);
    const m = getOrAdd(members, path, () => ({ name: r.member, path, replies: [], years: [], lang: r.lang }));
    // Two names whose pages would be one folder (e.g. "a/b" and "a:b"): never merge two people.
    if (m.name !== r.member) {
      throw new Error(`${r.file}: member "${r.member}" and ${m.replies[0]!.file}: member "${m.name}" would share the page ${path}`);
    }
    m.replies.push(r);
    let year = m.years[m.years.length - 1];
    if (!year || year.year !== r.year) {
      year = { year: r.year, heads: [] };
      m.years.push(year);
    }
    let head = year.heads.find((h) => h.code === r.head.code);
    if (!head) {
      head = { code: r.head.code, name: names.head(r), path: headPath(r.year, r.head.code), replies: [] };
      year.heads.push(head);
    }
    head.replies.push(r);
  }
  for (const m of members.values()) for (const y of m.years) y.heads.sort((a, b) => compareCodes(a.code, b.code));
  return [...members.values()].sort((a, b) => compareNames(a.name, b.name));
}
