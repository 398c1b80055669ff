/**
 * Stable paragraph anchors. A paragraph that starts a numbered part is named
 * after it: `answer-part-3` for "3.", `answer-part-3-b` for "(b)" inside it
 * (part-ids.ts), so "part 3 of the answer" has a link that survives changes
 * elsewhere. Any other paragraph is `<section>-<n>` (n-th paragraph of the
 * section; n counts every paragraph, so these ids do not move when a part is
 * recognised). Each paragraph ends with a small "#" link to itself, shown on
 * hover or keyboard focus. Runs after the sections plugin.
 */
import type { StateCore, Token } from 'markdown-it';
import { escapeHtml } from '../lib/html.ts';
import { format } from '../lib/i18n.ts';
import { bodyEnv, INTRO_SECTION, labelLang, type SectionMeta, type Plugin } from './env.ts';
import { PartNamer } from './part-ids.ts';

export const anchorsPlugin: Plugin = (md) => {
  md.core.ruler.after('archive_sections', 'archive_anchors', (state: StateCore) => {
    const out: Token[] = [];
    const counts = new Map<string, number>();
    const used = new Set<string>();
    let section = INTRO_SECTION;
    let parts = new PartNamer();
    let pendingId: string | null = null;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === 'section_open') {
        section = (t.meta as unknown as SectionMeta).id;
        parts = new PartNamer();
      }
      if (t.type === 'paragraph_open' && !t.hidden) {
        const n = (counts.get(section) ?? 0) + 1;
        counts.set(section, n);
        const part = parts.name(tokens[i + 1]?.content ?? '');
        const partId = part === null ? null : `${section}-part-${part}`;
        // A part number seen twice in a section (a list restarting) keeps the plain id.
        pendingId = partId !== null && !used.has(partId) ? partId : `${section}-${n}`;
        used.add(pendingId);
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
    const e = bodyEnv(env);
    const label = format(e.labels.paragraphLink, { id });
    return ` <a class="pa" href="#${id}" aria-label="${escapeHtml(label)}"${labelLang(e)}>#</a>`;
  };
};
