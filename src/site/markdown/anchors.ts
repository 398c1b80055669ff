/**
 * Stable paragraph anchors: the n-th paragraph of a section gets id
 * `<section>-<n>` (answer-3 = third paragraph of the answer, which is where
 * "part 3" usually starts, since numbering stays literal text), and ends with
 * a small "#" link to itself, shown on hover or keyboard focus.
 * Runs after the sections plugin.
 */
import type { StateCore, Token } from 'markdown-it';
import { escapeHtml } from '../lib/html.ts';
import { format } from '../lib/i18n.ts';
import { bodyEnv, INTRO_SECTION, type SectionMeta, type Plugin } from './env.ts';

export const anchorsPlugin: Plugin = (md) => {
  md.core.ruler.after('archive_sections', 'archive_anchors', (state: StateCore) => {
    const out: Token[] = [];
    const counts = new Map<string, number>();
    let section = INTRO_SECTION;
    let pendingId: string | null = null;
    for (const t of state.tokens) {
      if (t.type === 'section_open') section = (t.meta as unknown as SectionMeta).id;
      if (t.type === 'paragraph_open' && !t.hidden) {
        const n = (counts.get(section) ?? 0) + 1;
        counts.set(section, n);
        pendingId = `${section}-${n}`;
        t.attrSet('id', pendingId);
      }
      if (t.type === 'paragraph_close' && pendingId) {
        const link = new state.Token('para_anchor', '', 0);
        link.meta = { id: pendingId };
        out.push(link);
        pendingId = null;
      }
      out.push(t);
    }
    state.tokens = out;
  });

  md.renderer.rules.para_anchor = (tokens, idx, _options, env) => {
    const id = (tokens[idx]!.meta as unknown as { id: string }).id;
    const label = format(bodyEnv(env).labels.paragraphLink, { id });
    return ` <a class="pa" href="#${id}" aria-label="${escapeHtml(label)}">#</a>`;
  };
};
