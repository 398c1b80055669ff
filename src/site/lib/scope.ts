/**
 * What the archive covers, said where counts are read (home, year, members,
 * member pages; the year page holds the charts): the bureaus and years of the
 * source documents in the catalogue (each source's `.meta.json`), never a
 * sentence written by hand, so adding a bureau's document changes it.
 */
import type { InterfaceLang } from '../../../_data/site.ts';
import type { SourceDocument } from '../../model/reply.ts';
import { html, type SafeHtml } from '../../lib/html.ts';
import { format, formatYear, strings } from './i18n.ts';

export interface ScopeEntry {
  year: string;
  bureaus: Array<{ code: string; name: string | null }>;
}

/** Years (oldest first) with the bureaus whose replies the archive holds, from the reply documents (the background paper is not counted). */
export function archiveScope(sources: readonly SourceDocument[]): ScopeEntry[] {
  const byYear = new Map<string, Map<string, string | null>>();
  for (const s of sources) {
    if (s.replies === 0 || s.year === null || s.bureau === null) continue;
    const bureaus = byYear.get(s.year) ?? new Map<string, string | null>();
    // The Chinese document names the bureau; an English edition of the same year and bureau adds nothing.
    if (!bureaus.get(s.bureau)) bureaus.set(s.bureau, s.bureauName);
    byYear.set(s.year, bureaus);
  }
  return [...byYear.keys()].sort().map((year) => ({ year, bureaus: [...byYear.get(year)!].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, name]) => ({ code, name })) }));
}

/** One sentence: "本檔案庫收錄2023-24年度創新科技及工業局的答覆；以下數字只計這些答覆。" */
export function scopeNote(sources: readonly SourceDocument[], lang: InterfaceLang): SafeHtml {
  const s = strings(lang);
  const parts = archiveScope(sources).map((entry) => {
    const bureaus = entry.bureaus.map((b, i) => {
      const name = b.name === null ? b.code : lang === 'en' ? html`<span lang="zh-Hant-HK">${b.name}</span> (${b.code})` : b.name;
      return html`${i > 0 ? s.site.listSeparator : ''}${name}`;
    });
    return html`${format(s.scope.entry, { year: formatYear(entry.year, lang) })}${bureaus}`;
  });
  const joined = parts.map((p, i) => html`${i > 0 ? s.site.listSeparator : ''}${p}`);
  const [before, after] = s.scope.note.split('{scope}');
  return html`<p class="scope">${before ?? ''}${joined}${after ?? ''}</p>`;
}
