/**
 * replies.json (front-matter + URL + Markdown, and the same for each other
 * edition), per year. replies.csv is written from the rows of schema.ts
 * (write.ts). Field order is fixed so the files are byte-stable.
 */
import type { ReplyLang } from '../model/front-matter-types.ts';
import { editionPath, publicUrl } from '../model/urls.ts';
import { REPLY_FIELDS, type Edition, type Reply } from '../model/reply.ts';

/** An edition's front-matter fields in the model's order, the URL of its page (its path when the site has no address) and its Markdown. */
function editionRecord(e: Edition, siteUrl: string | null) {
  return {
    ...Object.fromEntries(REPLY_FIELDS.map((f) => [f, e[f]])),
    url: publicUrl(editionPath(e), siteUrl),
    markdown: e.markdown,
  };
}

/** The reply's editions other than its primary one, in a fixed language order. */
function otherEditions(r: Reply): Edition[] {
  return (Object.keys(r.editions) as ReplyLang[]).sort().map((l) => r.editions[l]!).filter((e) => e.lang !== r.lang);
}

/**
 * One reply in replies.json: its primary edition's fields (the Chinese one when
 * the archive has it), its URL and its Markdown; a reply with another edition
 * adds `editions`, the same fields for each other language
 * (`editions.en`: the English text, title and names).
 */
export function replyRecord(r: Reply, siteUrl: string | null) {
  const others = otherEditions(r);
  return {
    ...editionRecord(r, siteUrl),
    ...(others.length ? { editions: Object.fromEntries(others.map((e) => [e.lang, editionRecord(e, siteUrl)])) } : {}),
  };
}

export function repliesJson(replies: readonly Reply[], siteUrl: string | null): string {
  return JSON.stringify(replies.map((r) => replyRecord(r, siteUrl)), null, 1) + '\n';
}
