/**
 * A table the ingest could not recover is a fenced block with the info string
 * `extracted`. It is shown verbatim, clearly labelled as "kept as extracted",
 * in a keyboard-focusable scroll region (the lines can be wide). Any other
 * fence falls back to markdown-it's default rendering.
 */

import type { StateCore } from 'markdown-it';
import { escapeHtml } from '../lib/html.ts';
import { bodyEnv, INTRO_SECTION, type SectionMeta, type Plugin } from './env.ts';

export const extractedPlugin: Plugin = (md) => {
  md.core.ruler.after('archive_sections', 'archive_extracted', (state: StateCore) => {
    const counts = new Map<string, number>();
    let section = INTRO_SECTION;
    for (const t of state.tokens) {
      if (t.type === 'section_open') section = (t.meta as unknown as SectionMeta).id;
      if (t.type === 'fence' && t.info.trim() === 'extracted') {
        const n = (counts.get(section) ?? 0) + 1;
        counts.set(section, n);
        t.meta = { id: `${section}-extracted-${n}` };
      }
    }
  });

  const fallback = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    if (t.info.trim() !== 'extracted') return fallback(tokens, idx, options, env, self);
    const { id } = t.meta as unknown as { id: string };
    const label = bodyEnv(env).labels.extracted;
    return (
      `<figure class="extracted" id="${id}">` +
      `<figcaption id="${id}-c">${escapeHtml(label)}</figcaption>` +
      `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${id}-c">` +
      `<pre>${escapeHtml(t.content)}</pre></div></figure>\n`
    );
  };
};
