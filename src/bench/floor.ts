/**
 * The floor the benchmark compares against: the least work that still turns
 * every reply into a page — read the file (with the one walker and reader of
 * content/, src/model/content-files.ts), render the Markdown with markdown-it, write one HTML file —
 * in one process, no framework. Eleventy's cost is reported as a ratio to this.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { editionFiles, readEditionFile } from '../model/content-files.ts';

export function buildFloor(contentDir: string, outDir: string): number {
  const md = new MarkdownIt({ html: false });
  let pages = 0;
  for (const { file } of editionFiles(contentDir)) {
    const { frontMatter, body: markdown } = readEditionFile(file, file);
    const body = md.render(markdown);
    const dir = join(outDir, frontMatter.id.toLowerCase());
    mkdirSync(dir, { recursive: true });
    const title = md.utils.escapeHtml(frontMatter.title);
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="zh-Hant-HK"><meta charset="utf-8"><title>${title}</title><main>${body}</main></html>`);
    pages++;
  }
  return pages;
}
