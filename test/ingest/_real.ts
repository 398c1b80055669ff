/**
 * Shared by the golden tests: the real 2023-24 document ingested once, the way
 * `npm run ingest` does it (with the reviewed corrections), plus a Markdown
 * renderer configured like the site (html off) to check what readers will see.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { generateOne, readTitles } from '../../src/ingest/run.ts';
import type { ReplyFrontMatter } from '../../src/model/front-matter-types.ts';
import { editionFileName } from '../../src/model/content-files.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ZH_SOURCE = path.join(root, 'content/sources/2023-24/zh-2023-24-ITIB.txt');
export { EN_SAMPLE } from '../support/builds.ts';

let cached: ReturnType<typeof generateOne> | undefined;
export function realDocument(): ReturnType<typeof generateOne> {
  cached ??= generateOne(root, ZH_SOURCE, 'flat', readTitles(root));
  return cached;
}

export interface ParsedReply {
  fm: ReplyFrontMatter;
  body: string;
  markdown: string;
}

export function splitMarkdown(markdown: string): ParsedReply {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(markdown);
  if (!m) throw new Error('no front-matter');
  return { fm: parse(m[1]!) as ReplyFrontMatter, body: m[2]!, markdown };
}

export function reply(g: ReturnType<typeof generateOne>, replyNo: string): ParsedReply {
  // A document is in one language: its replies are all `itib001.md` or all `itib001.en.md`.
  const md = g.files.get(editionFileName(replyNo, 'zh-Hant-HK')) ?? g.files.get(editionFileName(replyNo, 'en'));
  if (md === undefined) throw new Error(`${replyNo} not generated`);
  return splitMarkdown(md);
}

const md = new MarkdownIt({ html: false });
/** The text a reader sees: rendered HTML with tags removed and entities decoded. */
export function renderedText(markdown: string): string {
  return md
    .render(markdown)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Paragraph texts of a body section (`## 答覆` …), unescaped by rendering each. */
export function section(body: string, heading: string): string[] {
  const parts = body.split(/\n(?=## )/);
  const sec = parts.find((p) => p.startsWith(`## ${heading}\n`));
  if (!sec) return [];
  return sec.split('\n\n').slice(1).map((p) => p.trim());
}
