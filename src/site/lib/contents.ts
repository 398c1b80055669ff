/**
 * Contents for a long reply: its sections (問題, 答覆, each annex) and the
 * tables in each, linked, at the top of the page, so a reader sees the parts
 * and tables of ITIB190 or ITIB201 before scrolling through them. Read from the
 * body as rendered (the section and table ids the markdown plugins give), in a
 * closed <details>; on a phone it moves to the start of the answer (contentsNav).
 */
import type { InterfaceLang } from '../../../_data/site.ts';
import { html, type SafeHtml } from '../../lib/html.ts';
import { format, strings } from './i18n.ts';

/** A reply gets contents when it has at least this many tables and annexes together (measured: 16 of 263 replies). */
export const CONTENTS_MIN = 3;

export interface ContentsEntry {
  id: string;
  label: string;
  tables: Array<{ id: string; label: string }>;
}

const plain = (s: string) =>
  s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();

/** Sections (level-2 headings with ids) and the tables under each, in page order. */
export function contentsOf(bodyHtml: string): ContentsEntry[] {
  const out: ContentsEntry[] = [];
  for (const m of bodyHtml.matchAll(/<h2 id="([^"]+)"[^>]*>([\s\S]*?)<\/h2>|<(?:table|figure)[^>]* id="([^"]+)"[^>]*>\s*<(?:caption|figcaption)[^>]*>([\s\S]*?)<\/(?:caption|figcaption)>/g)) {
    if (m[1] !== undefined) out.push({ id: m[1], label: plain(m[2]!), tables: [] });
    else if (out.length > 0) {
      // Under its section the caption's section name is redundant: 答覆：表 1：營運開支 → 表 1：營運開支.
      const label = plain(m[4]!).replace(/^[^：:]+[：:]\s*/u, '');
      out[out.length - 1]!.tables.push({ id: m[3]!, label });
    }
  }
  return out;
}

/**
 * `where`: 'top' before the body (wide screens), 'answer' at the start of the answer
 * (phones: at 360 × 780 one more line at the top pushed ITIB042's question off the
 * first screen, 772 px > 740). CSS shows one of the two; the other is display:none,
 * so a screen reader meets one contents list.
 */
export function contentsNav(bodyHtml: string, lang: InterfaceLang, where: 'top' | 'answer' = 'top'): SafeHtml | '' {
  const entries = contentsOf(bodyHtml);
  const tables = entries.reduce((n, e) => n + e.tables.length, 0);
  const annexes = Math.max(0, entries.length - 2);
  if (tables + annexes < CONTENTS_MIN) return '';
  const s = strings(lang).reply;
  // Inside the body (marked with the text's language) the answer's copy says which language its labels are in.
  return html`<details class="contents contents-${where}"${where === 'answer' ? html` lang="${lang}"` : ''}>
<summary>${format(s.contentsSummary, { sections: entries.length, tables })}</summary>
<nav aria-label="${where === 'answer' ? s.contentsAtAnswer : s.contents}"><ol>${entries.map(
    (e) => html`<li><a href="#${e.id}">${e.label}</a>${e.tables.length ? html`<ol>${e.tables.map((t) => html`<li><a href="#${t.id}">${t.label}</a></li>`)}</ol>` : ''}</li>`,
  )}</ol></nav>
</details>
`;
}
