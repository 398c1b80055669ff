import { stringify } from 'yaml';
import type { Block } from './blocks.ts';

/**
 * Escape text so markdown-it renders exactly the source characters: every
 * inline-significant ASCII punctuation gets a backslash, and a paragraph start
 * that would become a list, heading, quote or rule is neutralised.
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&!{}]/g, '\\$&');
}

export function escapeParagraph(text: string): string {
  let out = escapeInline(text);
  // Leading `1.` / `1)` would start an ordered list; leading + - = would start a list or setext heading.
  out = out.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([+\-=])/, '\\$1');
  return out;
}

/** A fence longer than any backtick run in the content, so the content cannot close it. */
export function fenceFor(lines: readonly string[]): string {
  let longest = 0;
  for (const l of lines) for (const m of l.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

export function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return escapeParagraph(block.text);
    case 'annex':
      return `## ${escapeInline(block.title)}`;
    case 'table': {
      const [header = [], ...rows] = block.rows;
      const cell = (c: string) => escapeInline(c) || ' ';
      const line = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
      return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
    }
    case 'extracted': {
      const fence = fenceFor(block.lines);
      return [`${fence}extracted`, ...block.lines, fence].join('\n');
    }
  }
}

export function renderSection(heading: string, blocks: readonly Block[]): string {
  const parts = [`## ${escapeInline(heading)}`];
  for (const b of blocks) parts.push(renderBlock(b));
  return parts.join('\n\n');
}

/** `---\n<yaml>---\n\n<body>` with a stable key order and no line folding. */
export function renderDocument(frontMatter: object, body: string): string {
  const yaml = stringify(frontMatter, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
  return `---\n${yaml}---\n\n${body.endsWith('\n') ? body : `${body}\n`}`;
}
