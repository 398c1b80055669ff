/**
 * The charts of the year and head pages: replies per programme, and the members
 * who asked most. Interface text comes from the dictionary (`charts` section).
 */
import type { InterfaceLang } from '../../../_data/site.ts';
import type { HeadGroup, YearGroup } from '../../model/reply.ts';
import { html, type SafeHtml } from '../../lib/html.ts';
import { format, strings } from '../lib/i18n.ts';
import { barChart } from './bar-chart.ts';
import { programmeBars, topMemberBars } from './chart-data.ts';

/** How many members the "asked most" chart shows. */
export const TOP_MEMBERS = 10;

export interface ChartStrings {
  /** Caption of the programme chart. */
  byProgramme: string;
  /** Caption of the member chart; `{n}` is how many are shown. */
  byMember: string;
  /** Why programme counts can add up to more than the replies. */
  programmeNote: string;
}

function charts(heads: readonly HeadGroup[], onYearPage: boolean, lang: InterfaceLang, cs: ChartStrings): SafeHtml {
  const l = strings(lang).lists;
  const replies = heads.flatMap((h) => h.replies);
  const programmes = programmeBars(heads, {
    headPrefix: (code) => (onYearPage ? format(l.headTitle, { code, name: '' }) : ''),
    programmeNone: l.programmeNoneTitle,
    lang,
  });
  const members = topMemberBars(replies, TOP_MEMBERS, lang);
  return html`${barChart(programmes, {
    id: 'chart-programmes',
    caption: cs.byProgramme,
    labelHeader: l.programmes,
    valueHeader: l.colCount,
    lang,
    note: cs.programmeNote,
  })}
${barChart(members, {
    id: 'chart-members',
    caption: format(cs.byMember, { n: members.length }),
    labelHeader: l.colMember,
    valueHeader: l.colCount,
    lang,
  })}`;
}

export function yearCharts(y: YearGroup, lang: InterfaceLang, cs: ChartStrings): SafeHtml {
  return charts(y.heads, true, lang, cs);
}

export function headCharts(h: HeadGroup, lang: InterfaceLang, cs: ChartStrings): SafeHtml {
  return charts([h], false, lang, cs);
}
