/**
 * The project's markdown-it instance for reply bodies and pages. `html: false`:
 * source text is never HTML, so anything that looks like a tag is shown as text.
 * Web addresses in the text (https://www.itf.gov.hk/…) become links, and
 * nothing else does (links.ts).
 */
import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';
import { strings } from '../lib/i18n.ts';
import type { ReplyLang } from '../../model/front-matter-types.ts';
import { anchorsPlugin } from './anchors.ts';
import type { BodyEnv } from './env.ts';
import { extractedPlugin } from './extracted.ts';
import { linkAddresses } from './links.ts';
import { sectionsPlugin } from './sections.ts';
import { tableNotesPlugin } from './table-notes.ts';
import { tablesPlugin } from './tables.ts';

export function createMarkdown(): MarkdownItInstance {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  linkAddresses(md);
  return md
    // Source text has no Markdown links or images (the ingest escapes [ ] < >); if
    // one slipped through it must stay text: no third-party requests, no surprises.
    .disable(['image', 'link', 'autolink'])
    .use(sectionsPlugin)
    .use(anchorsPlugin)
    .use(tablesPlugin)
    .use(tableNotesPlugin)
    .use(extractedPlugin);
}

let shared: MarkdownItInstance | undefined;

/**
 * Renders a reply body (kind "reply") or a page body (kind "page"): the text in
 * its own language, the labels in the page's interface language `uiLang`
 * (default: the text's). With `data.dataPath` (a reply's path) each table links
 * to its CSV; with `data.tables` the tables are collected there as data.
 */
export function renderBody(
  markdown: string,
  lang: ReplyLang,
  kind: BodyEnv['kind'],
  uiLang: ReplyLang = lang,
  data: Pick<BodyEnv, 'dataPath' | 'tables'> = {},
): string {
  shared ??= createMarkdown();
  const env: BodyEnv = { kind, labels: strings(uiLang).body, uiLang, textLang: lang, ...data };
  // markdown-it types env as an open record; ours is a closed interface.
  return shared.render(markdown, env as unknown as Record<string, unknown>);
}
