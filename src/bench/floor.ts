/**
 * The floor the benchmark compares against: the least work that still turns
 * every reply into a page — read the Markdown, render it with markdown-it,
 * write one HTML file — in one process, no framework. Eleventy's cost is
 * reported as a ratio to this.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

export function buildFloor(repliesDir: string, outDir: string): number {
  const md = new MarkdownIt({ html: false });
  let pages = 0;
  for (const entry of readdirSync(repliesDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    const match = FRONT_MATTER.exec(text);
    const data = (match ? parseYaml(match[1]!) : {}) as { id?: string; title?: string };
    const body = md.render(match ? text.slice(match[0].length) : text);
    const dir = join(outDir, (data.id ?? entry.name).toLowerCase());
    mkdirSync(dir, { recursive: true });
    const title = md.utils.escapeHtml(data.title ?? '');
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="zh-Hant-HK"><meta charset="utf-8"><title>${title}</title><main>${body}</main></html>`);
    pages++;
  }
  return pages;
}
