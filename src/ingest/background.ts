import { fullWidth, readBlocks, type Block } from './blocks.ts';
import { zhLayout, enLayout } from './layout.ts';
import { escapeInline, renderBlock, renderDocument } from './markdown.ts';
import type { BackgroundFrontMatter, ReplyLang } from './model.ts';
import { LEADING_NUMBERING, displayWidth } from './text.ts';

export interface BackgroundInput {
  lines: readonly string[];
  file: string;
  meta: { slug: string; lang: ReplyLang; title: string; date: string; committee: string };
}

/**
 * A background paper → one page. Same text cleanup as the replies; a short
 * line standing alone before a numbered paragraph is a section heading.
 */
export function ingestBackground(input: BackgroundInput): { frontMatter: BackgroundFrontMatter; markdown: string } {
  const layout = input.meta.lang === 'en' ? enLayout : zhLayout;
  const roles = new Uint8Array(input.lines.length);
  const blocks = readBlocks(input.lines, 0, input.lines.length, layout, roles, fullWidth(input.lines));
  const parts: string[] = [];
  blocks.forEach((b, k) => {
    const next = blocks[k + 1];
    if (b.kind === 'paragraph' && isHeading(b, next)) {
      const level = /^[（(][一二三四五六七八九十]+[)）]/.test(b.text) ? '###' : '##';
      parts.push(`${level} ${escapeInline(b.text)}`);
    } else parts.push(renderBlock(b));
  });
  let first = 0;
  let last = input.lines.length - 1;
  while (first < last && (input.lines[first] ?? '').trim() === '') first++;
  while (last > first && (input.lines[last] ?? '').trim() === '') last--;
  const frontMatter: BackgroundFrontMatter = { ...input.meta, source: { file: input.file, lines: [first + 1, last + 1] } };
  return { frontMatter, markdown: renderDocument(frontMatter, `${parts.join('\n\n')}\n`) };
}

function isHeading(b: Block & { kind: 'paragraph' }, next: Block | undefined): boolean {
  if (displayWidth(b.text) > 40 || /[。，；：:,;]$/.test(b.text)) return false;
  if (LEADING_NUMBERING.test(b.text) && !/^[（(][一二三四五六七八九十]+[)）]/.test(b.text)) return false;
  return next !== undefined && next.kind === 'paragraph' && /^\d+\./.test(next.text);
}
