/**
 * Tables are numbered per section, recovered pipe tables and ```extracted
 * blocks alike ("答覆：表 2" is the second table of the answer, whatever its
 * kind), so every table has a unique, meaningful caption. Used by the tables
 * and extracted plugins.
 */
import type { StateCore, Token } from 'markdown-it';
import { escapeHtml, html } from '../lib/html.ts';
import { format, formatHtml } from '../lib/i18n.ts';
import { bodyEnv, INTRO_SECTION, labelLang, type SectionMeta } from './env.ts';

export interface TableMeta {
  id: string;
  /** The caption as markup: interface text, the section's name in the text's language. */
  captionHtml: string;
  /** ` lang="…"` for the caption element when the interface language is not the text's. */
  captionLang: string;
  /** The caption as plain text (tables.json, CSV link names). */
  captionText: string;
}

const isExtracted = (t: Token) => t.type === 'fence' && t.info.trim() === 'extracted';

/** Sets meta {id, caption} on every table_open and extracted fence. Idempotent. */
export function numberTables(state: StateCore): void {
  const env = bodyEnv(state.env);
  const counts = new Map<string, number>();
  let section: SectionMeta = { id: INTRO_SECTION, label: '' };
  for (const t of state.tokens) {
    if (t.type === 'section_open') section = t.meta as unknown as SectionMeta;
    const extracted = isExtracted(t);
    if (t.type !== 'table_open' && !extracted) continue;
    const n = (counts.get(section.id) ?? 0) + 1;
    counts.set(section.id, n);
    const template = extracted ? env.labels.extracted : env.labels.tableCaption;
    const sectionName = env.uiLang === env.textLang ? section.label : html`<span lang="${env.textLang}">${section.label}</span>`;
    // Before the first heading there is no section label: drop "<label>：".
    const captionHtml = section.label
      ? formatHtml(template, { section: sectionName, n: String(n) }).toString()
      : escapeHtml(format(template, { section: '', n }).replace(/^[:：]\s*/u, ''));
    const captionText = section.label ? format(template, { section: section.label, n: String(n) }) : format(template, { section: '', n }).replace(/^[:：]\s*/u, '');
    t.meta = { id: `${section.id}-table-${n}`, captionHtml, captionLang: labelLang(env), captionText } satisfies TableMeta as unknown as Record<string, unknown>;
  }
}
