/**
 * The floor the benchmark compares against: the least work that still turns
 * every reply into a page — read the file (with the site's one reader of the
 * reply model), render the Markdown with markdown-it, write one HTML file —
 * in one process, no framework. Eleventy's cost is reported as a ratio to this.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { readReply } from '../model/front-matter.ts';

export function buildFloor(repliesDir: string, outDir: string): number {
  const md = new MarkdownIt({ html: false });
  let pages = 0;
  for (const entry of readdirSync(repliesDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const file = join(entry.parentPath, entry.name);
    const { frontMatter, body: markdown } = readReply(readFileSync(file, 'utf8'), file);
    const body = md.render(markdown);
    const dir = join(outDir, frontMatter.id.toLowerCase());
    mkdirSync(dir, { recursive: true });
    const title = md.utils.escapeHtml(frontMatter.title);
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="zh-Hant-HK"><meta charset="utf-8"><title>${title}</title><main>${body}</main></html>`);
    pages++;
  }
  return pages;
}
