/**
 * Each level-2 heading starts a <section> that runs to the next one:
 * `## 問題` → section#question, `## 答覆` → #answer, further headings in a
 * reply are annexes (#annex-1, #annex-2, …); in other pages #section-1, ….
 * The section is labelled by its heading (aria-labelledby), so it is a
 * navigable region with a stable fragment people can link to.
 */
import type { StateCore, Token } from 'markdown-it';
import { bodyEnv, type SectionMeta, type Plugin } from './env.ts';

const KNOWN: Record<string, string> = {
  問題: 'question',
  答覆: 'answer',
  question: 'question',
  reply: 'answer',
  answer: 'answer',
};

export const sectionsPlugin: Plugin = (md) => {
  md.core.ruler.push('archive_sections', (state: StateCore) => {
    const env = bodyEnv(state.env);
    const out: Token[] = [];
    const used = new Set<string>();
    let open = false;
    let extra = 0;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === 'heading_open' && t.tag === 'h2' && t.level === 0) {
        const label = (tokens[i + 1]?.content ?? '').trim();
        let id = KNOWN[label.replace(/[\s:：]+$/u, '').toLowerCase()];
        if (!id) id = `${env.kind === 'reply' ? 'annex' : 'section'}-${++extra}`;
        let unique = id;
        for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
        used.add(unique);
        if (open) out.push(new state.Token('section_close', 'section', -1));
        const section = new state.Token('section_open', 'section', 1);
        section.block = true;
        section.attrSet('id', unique);
        section.attrSet('aria-labelledby', `${unique}-h`);
        section.meta = { id: unique, label } satisfies SectionMeta;
        t.attrSet('id', `${unique}-h`);
        out.push(section);
        open = true;
      }
      out.push(t);
    }
    if (open) {
      const close = new state.Token('section_close', 'section', -1);
      close.block = true;
      out.push(close);
    }
    state.tokens = out;
  });
};

/**
 * The Markdown of one known section of a body (`question`, `answer`): the
 * lines under its `## ` heading up to the next level-2 heading outside a
 * code fence; '' when the body has none. The reply's feed entry uses the question.
 */
export function sectionMarkdown(markdown: string, id: string): string {
  const out: string[] = [];
  let inside = false;
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) fence = !fence;
    const heading = fence ? undefined : /^## +(.*)$/.exec(line)?.[1];
    if (heading !== undefined) {
      if (inside) break;
      inside = KNOWN[heading.trim().replace(/[\s:：]+$/u, '').toLowerCase()] === id;
      continue;
    }
    if (inside) out.push(line);
  }
  return out.join('\n').trim();
}
