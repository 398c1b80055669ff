/**
 * Tables are numbered per section, recovered pipe tables and ```extracted
 * blocks alike ("答覆：表 2" is the second table of the answer, whatever its
 * kind), so every table has a unique, meaningful caption. Used by the tables
 * and extracted plugins.
 */
import type { StateCore, Token } from 'markdown-it';
import { escapeHtml, html } from '../../lib/html.ts';
import { format, formatHtml } from '../lib/i18n.ts';
import { bodyEnv, INTRO_SECTION, labelLang, type SectionMeta } from './env.ts';
import { captionFromHeader, captionFromIntro } from './table-structure.ts';

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

/** The text of the paragraph right before token i, or ''. */
function paragraphBefore(tokens: readonly Token[], i: number): string {
  if (tokens[i - 1]?.type !== 'paragraph_close' || tokens[i - 2]?.type !== 'inline') return '';
  return (tokens[i - 2]!.children ?? []).map((c) => (c.type === 'text' ? c.content : '')).join('').trim();
}

/** The header cells of the table opening at token i. */
function headerCells(tokens: readonly Token[], i: number): string[] {
  const out: string[] = [];
  for (let j = i + 1; j < tokens.length && tokens[j]!.type !== 'thead_close'; j++) {
    if (tokens[j]!.type === 'inline') out.push((tokens[j]!.children ?? []).map((c) => (c.type === 'text' ? c.content : '')).join('').trim());
  }
  return out;
}

/**
 * What a table is, in a few words (table-structure.ts): the text introducing it
 * (a title line, or the end of the sentence before it that ends in a colon),
 * else its column headers; never a cut sentence.
 */
function introduces(tokens: readonly Token[], i: number, textLang: string): string {
  return captionFromIntro(paragraphBefore(tokens, i)) || captionFromHeader(headerCells(tokens, i), textLang);
}

/** Sets meta {id, caption} on every table_open and extracted fence. Idempotent. */
export function numberTables(state: StateCore): void {
  const env = bodyEnv(state.env);
  const counts = new Map<string, number>();
  let section: SectionMeta = { id: INTRO_SECTION, label: '' };
  for (const [i, t] of state.tokens.entries()) {
    if (t.type === 'section_open') section = t.meta as unknown as SectionMeta;
    const extracted = isExtracted(t);
    if (t.type !== 'table_open' && !extracted) continue;
    const n = (counts.get(section.id) ?? 0) + 1;
    counts.set(section.id, n);
    const what = extracted ? '' : introduces(state.tokens, i, env.textLang);
    const template = extracted ? env.labels.extracted : what ? env.labels.tableCaptionWhat : env.labels.tableCaption;
    const inText = (s: string) => (env.uiLang === env.textLang ? s : html`<span lang="${env.textLang}">${s}</span>`);
    // Before the first heading there is no section label: drop "<label>：".
    const captionHtml = section.label
      ? formatHtml(template, { section: inText(section.label), n: String(n), what: inText(what) }).toString()
      : formatHtml(template, { section: '', n: String(n), what: inText(what) }).toString().replace(/^[:：]\s*/u, '');
    const captionText = format(template, { section: section.label, n: String(n), what }).replace(/^[:：]\s*/u, '');
    t.meta = { id: `${section.id}-table-${n}`, captionHtml, captionLang: labelLang(env), captionText } satisfies TableMeta as unknown as Record<string, unknown>;
  }
}
