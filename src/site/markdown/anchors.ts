/**
 * Stable paragraph anchors. A paragraph that starts a numbered part is named
 * after it: `answer-part-3` for "3.", `answer-part-3-b` for "(b)" inside it
 * (part-ids.ts), so "part 3 of the answer" has a link that survives changes
 * elsewhere. Any other paragraph is `<section>-<n>` (n-th paragraph of the
 * section; n counts every paragraph, so these ids do not move when a part is
 * recognised).
 *
 * Each paragraph ends with a small "#" link to itself, shown on hover or
 * keyboard focus, named for a listener ("Link to part 3 of the reply",
 * "Link to paragraph 1 of the question"). In a section with numbered parts
 * only the parts' links are tab stops and read out; the links of the
 * paragraphs between them are for pointers only (tabindex -1, aria-hidden), so
 * a keyboard walk meets one link per part rather than one per paragraph. A
 * section without parts keeps a link per paragraph. Runs after the sections plugin.
 */
import type { StateCore, Token } from 'markdown-it';
import { escapeHtml } from '../../lib/html.ts';
import { format, type Strings } from '../lib/i18n.ts';
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
        const part = pendingId.startsWith(`${section}-part-`) ? pendingId.slice(section.length + 6) : null;
        link.meta = { id: pendingId, section, n: counts.get(section) ?? 0, part, pointerOnly: false } satisfies AnchorMeta as unknown as Record<string, unknown>;
        out.push(link);
        pendingId = null;
      }
      out.push(t);
    }
    // In a section with numbered parts, the links between the parts are for pointers only.
    const anchors = out.filter((t) => t.type === 'para_anchor').map((t) => t.meta as unknown as AnchorMeta);
    const withParts = new Set(anchors.filter((a) => a.part !== null).map((a) => a.section));
    for (const a of anchors) a.pointerOnly = a.part === null && withParts.has(a.section);
    state.tokens = out;
  });

  md.renderer.rules.para_anchor = (tokens, idx, _options, env) => {
    const a = tokens[idx]!.meta as unknown as AnchorMeta;
    const e = bodyEnv(env);
    if (a.pointerOnly) return ` <a class="pa" href="#${a.id}" tabindex="-1" aria-hidden="true">#</a>`;
    const section = sectionName(a.section, e.labels);
    const label = a.part === null
      ? format(e.labels.paragraphLink, { n: a.n, section })
      : format(e.labels.partLink, { part: a.part.replace(/^(\d+)-([a-z])$/, '$1($2)').replace(/^([a-z])$/, '($1)'), section });
    return ` <a class="pa" href="#${a.id}" aria-label="${escapeHtml(label)}"${labelLang(e)}>#</a>`;
  };
};

interface AnchorMeta {
  id: string;
  /** Section id: question, answer, annex-2, section-1, intro. */
  section: string;
  /** The paragraph's number in its section. */
  n: number;
  /** The numbered part it starts ("3", "3-b", "b"), or null. */
  part: string | null;
  /** A link for pointers only: not a tab stop, not read out. */
  pointerOnly: boolean;
}

/** A section's name in the interface language, for link names: "the reply", "annex 2". */
function sectionName(id: string, labels: Strings['body']): string {
  const names = labels.sections;
  const known = /^(question|answer|intro)(?:-\d+)?$/.exec(id)?.[1] as 'question' | 'answer' | 'intro' | undefined;
  if (known) return names[known];
  const numbered = /^(annex|section)-(\d+)/.exec(id);
  return numbered ? format(names[numbered[1] as 'annex' | 'section'], { n: numbered[2]! }) : names.intro;
}
