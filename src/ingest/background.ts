import { auditRoles, bodyLoss, type AuditFigures } from './audit.ts';
import { fullWidth, readBlocks, type Block } from './blocks.ts';
import { zhLayout, enLayout } from './layout.ts';
import { escapeInline, renderBlock, renderDocument } from './markdown.ts';
import type { BackgroundFrontMatter, ReplyLang } from '../model/front-matter-types.ts';
import { LEADING_NUMBERING, displayWidth, ink } from './text.ts';
import { Role } from './roles.ts';

export interface BackgroundInput {
  lines: readonly string[];
  file: string;
  meta: { slug: string; lang: ReplyLang; title: string; date: string; committee: string };
}

/**
 * A background paper → one page. Same text cleanup as the replies; a short
 * line standing alone before a numbered paragraph is a section heading.
 */
export function ingestBackground(input: BackgroundInput): { frontMatter: BackgroundFrontMatter; markdown: string; audit: AuditFigures } {
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
  // Same lossless audit as the replies: every character reaches the page.
  const audit = auditRoles(input.lines, roles);
  let sourceInk = '';
  input.lines.forEach((l, i) => {
    if (roles[i] === Role.body) sourceInk += ink(l);
  });
  const outputInk = blocks.map((b) => (b.kind === 'paragraph' ? ink(b.text) : b.kind === 'annex' ? ink(b.title) : b.kind === 'extracted' ? ink(b.lines.join('')) : ink(b.source.join('')))).join('');
  audit.unaccounted += bodyLoss(sourceInk, outputInk);
  return { frontMatter, markdown: renderDocument(frontMatter, `${parts.join('\n\n')}\n`), audit };
}

function isHeading(b: Block & { kind: 'paragraph' }, next: Block | undefined): boolean {
  if (displayWidth(b.text) > 40 || /[。，；：:,;]$/.test(b.text)) return false;
  if (LEADING_NUMBERING.test(b.text) && !/^[（(][一二三四五六七八九十]+[)）]/.test(b.text)) return false;
  return next !== undefined && next.kind === 'paragraph' && /^\d+\./.test(next.text);
}
