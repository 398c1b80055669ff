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

/** Longest description taken from the sentence that introduces a table, in characters. */
const INTRO_MAX = 60;

/**
 * What a table is, in the reply's own words: the last sentence of the
 * paragraph right before it, when that sentence introduces it (ends in a
 * colon: 「…Wi-Fi熱點的分布如下：」), without the colon or the part's numbering;
 * a long one keeps the clauses at its end, up to INTRO_MAX characters.
 */
function introduces(tokens: readonly Token[], i: number): string {
  if (tokens[i - 1]?.type !== 'paragraph_close' || tokens[i - 2]?.type !== 'inline') return '';
  const text = (tokens[i - 2]!.children ?? []).map((c) => (c.type === 'text' ? c.content : '')).join('').trim();
  if (!/[:：]$/.test(text)) return '';
  // The part's own numbering ((一), 1., (a)) is the paragraph's, not the table's.
  const sentence = text.split(/[。；;]/).pop()!.replace(/[:：]$/, '').trim().replace(/^(?:[(（][一二三四五六七八九十\da-z]{1,3}[)）]|\d{1,2}[.)]|[a-z][.)])\s*/iu, '');
  if (sentence.length <= INTRO_MAX) return sentence;
  // Too long: the clauses at its end, which name what follows (「…熱點的分布如下」).
  let kept = '';
  for (const clause of sentence.split(/(?<=[，,])/).reverse()) {
    if (kept.length + clause.length > INTRO_MAX) break;
    kept = clause + kept;
  }
  return kept ? `…${kept}` : `…${sentence.slice(-(INTRO_MAX - 1))}`;
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
    const what = extracted ? '' : introduces(state.tokens, i);
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
