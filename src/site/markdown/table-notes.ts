/**
 * Footnote marks in table cells (`申請宗數註1`, `不適用*`) separated from the cell
 * text and linked to the note under the table that explains them (`註1：…`), so a
 * screen reader announces the header as 申請宗數 and the mark as a link, not one
 * word 申請宗數註1. A mark without its note stays as printed. Runs after the
 * anchors plugin, which gives the note paragraph its id.
 */
import type { StateCore, Token } from 'markdown-it';
import type { Plugin } from './env.ts';
import { explainsMark, footnoteMark } from './table-structure.ts';

const textOf = (t: Token | undefined) => (t?.children ?? []).map((c) => (c.type === 'text' ? c.content : '')).join('');

/** Paragraphs after the table up to the end of its section: id and text. */
function notesAfter(tokens: readonly Token[], close: number): Array<{ id: string; text: string }> {
  const out: Array<{ id: string; text: string }> = [];
  for (let j = close + 1; j < tokens.length && tokens[j]!.type !== 'section_close' && tokens[j]!.type !== 'table_open'; j++) {
    const t = tokens[j]!;
    const id = t.attrGet('id');
    if (t.type === 'paragraph_open' && id) out.push({ id: String(id), text: textOf(tokens[j + 1]) });
  }
  return out;
}

/** Replace the mark at the end of the inline's text by a superscript link to the note. */
function linkMark(inline: Token, mark: string, id: string, state: StateCore): void {
  const children = inline.children ?? [];
  const last = [...children].reverse().find((c) => c.type === 'text' && c.content.trim() !== '');
  if (!last) return;
  const at = last.content.lastIndexOf(mark);
  if (at < 0) return;
  // A space before the mark stays (`IMPACT #`), so the text reads as printed and as the CSV has it.
  last.content = last.content.slice(0, at);
  const sup = new state.Token('sup_open', 'sup', 1);
  sup.attrSet('class', 'fn');
  const a = new state.Token('link_open', 'a', 1);
  a.attrSet('href', `#${id}`);
  const text = new state.Token('text', '', 0);
  text.content = mark;
  const index = children.indexOf(last);
  children.splice(index + 1, 0, sup, a, text, new state.Token('link_close', 'a', -1), new state.Token('sup_close', 'sup', -1));
}

export const tableNotesPlugin: Plugin = (md) => {
  md.core.ruler.after('archive_anchors', 'archive_table_notes', (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type !== 'table_open') continue;
      let close = i;
      while (close < tokens.length && tokens[close]!.type !== 'table_close') close++;
      const notes = notesAfter(tokens, close);
      if (notes.length > 0) {
        for (let j = i; j < close; j++) {
          const t = tokens[j]!;
          if (t.type !== 'inline' || tokens[j - 1]?.hidden) continue;
          const found = footnoteMark(textOf(t));
          if (!found) continue;
          const note = notes.find((n) => explainsMark(n.text, found[1]));
          if (note) linkMark(t, found[1], note.id, state);
        }
      }
      i = close;
    }
  });
};
