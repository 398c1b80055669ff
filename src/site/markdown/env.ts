/**
 * The render environment passed to markdown-it for one document. Labels come
 * from the _data dictionary of the document's own language (the body is
 * rendered once and reused on every interface language, so everything inside
 * it is in the text's language).
 */
import type { Strings } from '../lib/i18n.ts';

export interface BodyEnv {
  /** reply: sections after 問題/答覆 are annexes; page: sections are numbered. */
  kind: 'reply' | 'page';
  labels: Strings['body'];
}

export interface SectionMeta {
  id: string;
  label: string;
}

/** Section id of the content before the first level-2 heading. */
export const INTRO_SECTION = 'intro';

export function bodyEnv(env: unknown): BodyEnv {
  const e = env as Partial<BodyEnv> | undefined;
  if (!e || !e.labels || (e.kind !== 'reply' && e.kind !== 'page')) {
    throw new Error('markdown: render with an env of { kind, labels } (see src/site/markdown/env.ts)');
  }
  return e as BodyEnv;
}

/** A markdown-it plugin without options (markdown-it 15's own types have no name for it). */
export type Plugin = (md: import('markdown-it').MarkdownIt) => void;
