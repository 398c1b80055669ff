/**
 * Reads a Markdown file with YAML front-matter and checks the fields the site
 * relies on. Errors name the file and line, so a bad generated file is found
 * at once instead of surfacing as a broken page.
 */
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';

export class ContentError extends Error {}

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** Finds the 1-based line of a top-level front-matter key (for messages). */
  lineOf(key: string): number;
}

export function splitFrontMatter(text: string, file: string): ParsedFile {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!src.startsWith('---\n')) throw new ContentError(`${file}:1: expected YAML front-matter starting with "---"`);
  const end = src.indexOf('\n---\n', 3);
  const endAtEof = end < 0 && src.endsWith('\n---') ? src.length - 4 : end;
  if (endAtEof < 0) throw new ContentError(`${file}:1: front-matter is not closed by a "---" line`);
  const yamlText = src.slice(4, endAtEof + 1);
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = counter.linePos(firstError.pos[0]).line + 1;
    throw new ContentError(`${file}:${line}: invalid YAML front-matter: ${firstError.message.split('\n')[0]}`);
  }
  const data = doc.toJS() as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentError(`${file}:2: front-matter must be a mapping of fields`);
  }
  const lineOf = (key: string): number => {
    if (isMap(doc.contents)) {
      for (const item of doc.contents.items) {
        if (isScalar(item.key) && item.key.value === key) {
          const range = (item.key as Node).range;
          if (range) return counter.linePos(range[0]).line + 1;
        }
      }
    }
    return 2;
  };
  const bodyStart = endAtEof + 5;
  return { data: data as Record<string, unknown>, body: src.slice(Math.min(bodyStart, src.length)), lineOf };
}
