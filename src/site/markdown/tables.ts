/**
 * Real tables: a caption (section heading + table number), column headers
 * with scope="col", alignment as classes (inline style would break the
 * Content-Security-Policy), and a keyboard-focusable scroll region so a wide
 * table scrolls inside itself instead of the page at 400 % zoom.
 * Runs after the sections plugin.
 */
import type { StateCore, Token } from 'markdown-it';
import type { Plugin } from './env.ts';
import { numberTables, type TableMeta } from './table-numbers.ts';

function alignClass(t: Token): void {
  const style = t.attrGet('style');
  if (style === null) return;
  const m = /text-align:\s*(left|right|center)/.exec(String(style));
  t.attrs = (t.attrs ?? []).filter(([name]) => name !== 'style');
  if (m) t.attrJoin('class', `al-${m[1]![0]}`);
}

export const tablesPlugin: Plugin = (md) => {
  md.core.ruler.after('archive_sections', 'archive_tables', (state: StateCore) => {
    numberTables(state);
    for (const t of state.tokens) {
      if (t.type === 'th_open') {
        alignClass(t);
        t.attrSet('scope', 'col');
      } else if (t.type === 'td_open') {
        alignClass(t);
      }
    }
  });

  const rules = md.renderer.rules;
  rules.table_open = (tokens, idx) => {
    const { id, captionHtml, captionLang } = tokens[idx]!.meta as unknown as TableMeta;
    return (
      `<section class="table-scroll" tabindex="0" aria-labelledby="${id}-c">` +
      `<table id="${id}"><caption id="${id}-c"${captionLang}>${captionHtml}</caption>\n`
    );
  };
  rules.table_close = () => '</table></section>\n';
};
