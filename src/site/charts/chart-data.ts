/**
 * The figures the charts show, computed from the archive's groupings. Pure and
 * stably ordered: programmes in the head's own order ("not specified" last),
 * members by count, then by the site's name order.
 */
import { compareNames } from '../data/group.ts';
import type { InterfaceLang } from '../../../_data/site.ts';
import type { HeadGroup, ProgrammeGroup, Reply } from '../../model/reply.ts';
import { localText } from '../lib/layout.ts';

const labelOf = (t: { text: string; lang: string }) => ({ label: t.text, lang: t.lang });

function programmeLabel(p: ProgrammeGroup, pageLang: InterfaceLang): { label: string; lang: string } {
  const name = localText(p.name ?? '', p.lang, p.names, pageLang);
  return { label: `(${p.code}) ${name.text}`.trim(), lang: name.lang };
}

export interface Bar {
  /** Interface-language text before the label (e.g. "Head 135: "), or "". */
  prefix: string;
  /** Plain text from the data, escaped when drawn. */
  label: string;
  value: number;
  /** Language of the label (data keeps its own language). */
  lang: string;
}

export interface ChartLabels {
  /** e.g. "總目 {code}" prefix for programmes on a year page; empty on a head page. */
  headPrefix: (code: string) => string;
  programmeNone: string;
  /** The page's language: names in it where the archive has them. */
  lang: InterfaceLang;
}

/** Replies per programme of each head (a reply with two programmes counts in both, as on the pages). */
export function programmeBars(heads: readonly HeadGroup[], labels: ChartLabels): Bar[] {
  return heads.flatMap((h) =>
    h.programmes.map((p) =>
      p.code === null
        ? // "not specified" is interface text: all of it is prefix, in the page's language.
          { prefix: `${labels.headPrefix(h.code)}${labels.programmeNone}`, label: '', value: p.replies.length, lang: p.lang }
        : { prefix: labels.headPrefix(h.code), ...programmeLabel(p, labels.lang), value: p.replies.length },
    ),
  );
}

/**
 * The `limit` members with the most replies among `replies`, and every member
 * tied with the last of them: a cut inside a tie would pick members by the
 * order of their names, not by what they asked.
 */
export function topMemberBars(replies: readonly Reply[], limit: number, pageLang: InterfaceLang): Bar[] {
  // By member (their page), as the member pages count them: one member under their names in either edition.
  const counts = new Map<string, { value: number; label: string; lang: string }>();
  for (const r of replies) {
    const entry = counts.get(r.memberPage);
    if (entry) entry.value++;
    else counts.set(r.memberPage, { value: 1, ...labelOf(localText(r.member, r.lang, r.labels.member, pageLang)) });
  }
  return [...counts.values()]
    .map(({ label, value, lang }) => ({ prefix: '', label, value, lang }))
    .sort((a, b) => b.value - a.value || compareNames(a.label, b.label))
    .filter((bar, i, bars) => i < limit || bar.value === bars[limit - 1]!.value);
}
