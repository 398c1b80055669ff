/**
 * Real tables: a caption (section heading + table number), column headers
 * with scope="col", the first cell of each body row a row header
 * (scope="row"), alignment as classes (inline style would break the
 * Content-Security-Policy), numeric cells (numeric.ts) marked `num` so they
 * keep together and align right, with the header of an all-numeric column
 * aligned over them; in text cells, numbers are kept whole (`nb`) so a cell
 * wraps between Chinese characters but never inside `1 300` or `2020/21年`.
 * A keyboard-focusable scroll region lets a wide table scroll inside itself
 * instead of squeezing its cells or the page scrolling.
 * Runs after the sections plugin.
 */
import type { StateCore, Token } from 'markdown-it';
import { escapeHtml } from '../../lib/html.ts';
import { format } from '../lib/i18n.ts';
import { tableCsvPath } from '../../model/urls.ts';
import { bodyEnv, labelLang, type BodyTable, type Plugin } from './env.ts';
import { isNumericCell } from './numeric.ts';
import { numberTables, type TableMeta } from './table-numbers.ts';
import { tableStructure, type TableStructure } from './table-structure.ts';

/** A number inside a text cell, with a unit glued to it: `2020-21年度`, `1 300`, `87%`. */
const NUMBER_RUN = /\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?(?:%|％|年度?|億元?|萬元?)?|\d+(?:[.,/\-–]\d+)*(?:%|％|年度?|億元?|萬元?)?/gu;

/** Split the text tokens of a text cell so each number is a `<span class="nb">`. */
function keepNumbersWhole(inline: Token, state: StateCore): void {
  const out: Token[] = [];
  for (const child of inline.children ?? []) {
    if (child.type !== 'text') {
      out.push(child);
      continue;
    }
    let last = 0;
    for (const m of child.content.matchAll(NUMBER_RUN)) {
      if (m[0].length < 2) continue;
      const before = new state.Token('text', '', 0);
      before.content = child.content.slice(last, m.index);
      const open = new state.Token('span_open', 'span', 1);
      open.attrSet('class', 'nb');
      const num = new state.Token('text', '', 0);
      num.content = m[0];
      out.push(before, open, num, new state.Token('span_close', 'span', -1));
      last = m.index + m[0].length;
    }
    const rest = new state.Token('text', '', 0);
    rest.content = child.content.slice(last);
    out.push(rest);
  }
  inline.children = out.filter((t) => t.type !== 'text' || t.content !== '');
}

const cellText = (inline: Token | undefined) =>
  (inline?.children ?? []).map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : '')).join('');

/** Turn a cell's open/close tokens into th (or back into td). */
function setTag(tokens: Token[], open: number, tag: 'th' | 'td'): void {
  tokens[open]!.type = `${tag}_open`;
  tokens[open]!.tag = tag;
  let j = open;
  while (tokens[j]!.type !== 'td_close' && tokens[j]!.type !== 'th_close') j++;
  tokens[j]!.type = `${tag}_close`;
  tokens[j]!.tag = tag;
}

/** Hide a cell a span covers: its tags and text render nothing. */
function hideCell(tokens: Token[], open: number): void {
  tokens[open]!.hidden = true;
  let j = open + 1;
  for (; tokens[j]!.type !== 'td_close' && tokens[j]!.type !== 'th_close'; j++) if (tokens[j]!.type === 'inline') tokens[j]!.children = [];
  tokens[j]!.hidden = true;
}

/**
 * Per table: cell classes, row headers (the row's name, not its serial number),
 * group rows as headers spanning the row over their own tbody (scope="rowgroup"),
 * spans for values printed once (table-structure.ts), and the header alignment of
 * all-numeric columns. Returns the index of the table_close token.
 */
function markCells(tokens: Token[], from: number, state: StateCore, structure: TableStructure): number {
  let inBody = false;
  let col = 0;
  let row = -1;
  const headers: Token[] = [];
  const numeric: Array<{ num: number; text: number }> = [];
  const groupStarts: number[] = [];
  let i = from;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'tbody_open') inBody = true;
    else if (t.type === 'tr_open') {
      col = 0;
      if (inBody) row++;
      if (inBody && structure.groupRows.has(row) && row > 0) groupStarts.push(i);
    } else if (t.type === 'th_open' || t.type === 'td_open') {
      const c = col++;
      alignClass(t);
      const inline = tokens[i + 1]?.type === 'inline' ? tokens[i + 1] : undefined;
      const text = cellText(inline).trim();
      const isNum = text !== '' && isNumericCell(text);
      if (!inBody) {
        if (isNum) t.attrJoin('class', 'num');
        else if (inline) keepNumbersWhole(inline, state);
        t.attrSet('scope', 'col');
        headers[c] = t;
        continue;
      }
      if (structure.groupRows.has(row)) {
        // The label heads the rows after it; the row's empty cells go.
        if (c === 0) {
          setTag(tokens, i, 'th');
          t.attrSet('scope', 'rowgroup');
          t.attrSet('colspan', String(headers.length));
          t.attrJoin('class', 'group');
          if (inline) keepNumbersWhole(inline, state);
        } else hideCell(tokens, i);
        continue;
      }
      if (structure.covered.has(`${row},${c}`)) {
        hideCell(tokens, i);
        continue;
      }
      if (isNum) t.attrJoin('class', 'num');
      else if (inline) keepNumbersWhole(inline, state);
      const span = structure.spans.get(`${row},${c}`);
      if (span && span.rowspan > 1) t.attrSet('rowspan', String(span.rowspan));
      if (span && span.colspan > 1) t.attrSet('colspan', String(span.colspan));
      if (span) t.attrJoin('class', 'span');
      const n = (numeric[c] ??= { num: 0, text: 0 });
      if (isNum) n.num++;
      else if (text !== '') n.text++;
      if (c === structure.rowHeaderCol) {
        setTag(tokens, i, 'th');
        t.attrSet('scope', 'row');
      } else if (c === 0 && structure.rowHeaderCol > 0) t.attrJoin('class', 'serial');
    }
  }
  for (const [c, h] of headers.entries()) {
    const n = numeric[c];
    if (c > structure.rowHeaderCol && n && n.num > 0 && n.text === 0 && !/\bal-/.test(String(h.attrGet('class') ?? ''))) h.attrJoin('class', 'al-r');
  }
  // Each group row starts its own tbody, so scope="rowgroup" covers exactly its members.
  for (const at of groupStarts.reverse()) {
    const close = new state.Token('tbody_close', 'tbody', -1);
    const open = new state.Token('tbody_open', 'tbody', 1);
    close.block = open.block = true;
    tokens.splice(at, 0, close, open);
    i += 2;
  }
  return i;
}

function alignClass(t: Token): void {
  const style = t.attrGet('style');
  if (style === null) return;
  const m = /text-align:\s*(left|right|center)/.exec(String(style));
  t.attrs = (t.attrs ?? []).filter(([name]) => name !== 'style');
  if (m) t.attrJoin('class', `al-${m[1]![0]}`);
}

/** The table starting at `from` (its table_open) as data: header and rows of cell text. */
function tableData(tokens: Token[], from: number): BodyTable {
  const { id, captionText } = tokens[from]!.meta as unknown as TableMeta;
  const rows: string[][] = [];
  for (let i = from + 1; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'tr_open') rows.push([]);
    else if (t.type === 'th_open' || t.type === 'td_open') rows[rows.length - 1]!.push(cellText(tokens[i + 1]?.type === 'inline' ? tokens[i + 1] : undefined).trim());
  }
  const [header = [], ...body] = rows;
  return { id, caption: captionText, header, rows: body };
}

export const tablesPlugin: Plugin = (md) => {
  md.core.ruler.after('archive_sections', 'archive_tables', (state: StateCore) => {
    numberTables(state);
    const collect = bodyEnv(state.env).tables;
    for (let i = 0; i < state.tokens.length; i++) {
      if (state.tokens[i]!.type !== 'table_open') continue;
      const data = tableData(state.tokens, i);
      if (collect) collect.push(data);
      const close = markCells(state.tokens, i + 1, state, tableStructure(data.header, data.rows));
      // table_close renders the CSV link: it needs the table's id, which the open token carries.
      if (state.tokens[close]) state.tokens[close].meta = state.tokens[i]!.meta;
      i = close;
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
  // Under a reply's table, its CSV (a download named by the table's caption for a screen reader).
  rules.table_close = (tokens, idx, _options, env) => {
    const e = bodyEnv(env);
    if (!e.dataPath) return '</table></section>\n';
    const { id } = tokens[idx]!.meta as unknown as TableMeta;
    const href = escapeHtml(tableCsvPath(e.dataPath, id));
    return (
      '</table></section>\n' +
      `<p class="table-data"${labelLang(e)}><a href="${href}" download aria-describedby="${id}-c">${escapeHtml(format(e.labels.tableCsv, {}))}</a></p>\n`
    );
  };
};
