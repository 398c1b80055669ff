/**
 * The pipe tables of a reply's Markdown body, as the tests read them: header
 * then rows (the `| --- |` rule left out), cells with Markdown escapes removed,
 * each with the body line it starts on.
 */
import { splitPipeRow } from '../../src/ingest/blocks.ts';

export interface PipeTable {
  /** 1-based line of the header row in the text given. */
  line: number;
  rows: string[][];
}

const RULE = /^\|(?:\s*:?-{3,}:?\s*\|)+$/;

export function pipeTables(markdown: string): PipeTable[] {
  const out: PipeTable[] = [];
  let current: PipeTable | null = null;
  markdown.split('\n').forEach((line, i) => {
    if (!line.startsWith('|')) {
      current = null;
      return;
    }
    if (!current) out.push((current = { line: i + 1, rows: [] }));
    if (!RULE.test(line)) current.rows.push(splitPipeRow(line).map((c) => c.replace(/\\(.)/g, '$1')));
  });
  return out;
}
