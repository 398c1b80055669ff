/**
 * A table the ingest could not recover is a fenced block with the info string
 * `extracted`. It is shown verbatim, captioned as a numbered table clearly
 * marked "kept as extracted", in a keyboard-focusable scroll region (the lines
 * can be wide). Any other fence falls back to markdown-it's default rendering.
 */
import type { StateCore } from 'markdown-it';
import { escapeHtml } from '../../lib/html.ts';
import type { Plugin } from './env.ts';
import { numberTables, type TableMeta } from './table-numbers.ts';

export const extractedPlugin: Plugin = (md) => {
  md.core.ruler.after('archive_sections', 'archive_extracted', (state: StateCore) => numberTables(state));

  const fallback = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    if (t.info.trim() !== 'extracted') return fallback(tokens, idx, options, env, self);
    const { id, captionHtml, captionLang } = t.meta as unknown as TableMeta;
    return (
      `<figure class="extracted" id="${id}">` +
      `<figcaption id="${id}-c"${captionLang}>${captionHtml}</figcaption>` +
      `<section class="table-scroll" tabindex="0" aria-labelledby="${id}-c">` +
      `<pre>${escapeHtml(t.content)}</pre></section></figure>\n`
    );
  };
};
