/**
 * Writes every reply page, in every interface language, straight to the
 * output directory, after Eleventy has built the other pages (see
 * reply-page.ts for why). Same layout, same escaping, same relative-URL
 * rewrite as the Eleventy pages; nothing is kept in memory between pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { site } from '../../../_data/site.ts';
import type { Archive } from '../data/model.ts';
import { relativizeHtml } from '../lib/relative-url.ts';
import { localize } from '../lib/urls.ts';
import { renderReplyPage } from './reply-page.ts';

export function writeReplyPages(archive: Archive, outDir: string, offline = site.offline): number {
  let written = 0;
  for (const lang of site.languages) {
    for (const reply of archive.replies) {
      const url = localize(reply.path, lang);
      const dir = path.join(outDir, url);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'index.html'), relativizeHtml(renderReplyPage(reply, lang), url, offline));
      written++;
    }
  }
  return written;
}
