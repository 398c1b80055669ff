/**
 * The render environment passed to markdown-it for one document. Labels (table
 * captions, paragraph-link names) come from the _data dictionary of the page's
 * interface language; where that differs from the text's language, the label
 * carries its own `lang` inside the body (which is marked with the text's).
 */
import type { Strings } from '../lib/i18n.ts';
import type { BodyTable } from '../../model/reply.ts';

export type { BodyTable };

export interface BodyEnv {
  /** reply: sections after 問題/答覆 are annexes; page: sections are numbered. */
  kind: 'reply' | 'page';
  labels: Strings['body'];
  /** Language of the labels (the page's interface). */
  uiLang: string;
  /** Language of the text (the body element is marked with it). */
  textLang: string;
  /** The reply's path: each table gets a link to its CSV beside the reply (urls.ts tableCsvPath). */
  dataPath?: string;
  /** When given, every table of the body is collected here as data (for its CSV and tables.json). */
  tables?: BodyTable[];
}

/** ` lang="…"` for an element holding interface text inside the body, or nothing when the languages agree. */
export function labelLang(env: BodyEnv): string {
  return env.uiLang === env.textLang ? '' : ` lang="${env.uiLang}"`;
}

export interface SectionMeta {
  id: string;
  label: string;
}

/** Section id of the content before the first level-2 heading. */
export const INTRO_SECTION = 'intro';

export function bodyEnv(env: unknown): BodyEnv {
  const e = env as Partial<BodyEnv> | undefined;
  if (!e || !e.labels || !e.uiLang || !e.textLang || (e.kind !== 'reply' && e.kind !== 'page')) {
    throw new Error('markdown: render with an env of { kind, labels, uiLang, textLang } (see src/site/markdown/env.ts)');
  }
  return e as BodyEnv;
}

/** A markdown-it plugin without options (markdown-it 15's own types have no name for it). */
export type Plugin = (md: import('markdown-it').MarkdownIt) => void;
