/**
 * What each page is made from, as one hash per route (issue 16: editing one
 * reply rebuilds that reply's pages, not its year's). A year's unit keeps the
 * hashes of its last build (src/build/page-reuse.ts); a route whose hash is
 * unchanged is linked from that build instead of rendered again.
 *
 * The rule for each kind follows what its template reads, and errs on the side
 * of rendering again:
 * - reply: the reply as loaded and grouped (every edition with its body and
 *   tables, its names in every language, its previous and next replies, the ids
 *   of the replies with the same answer) and those replies' front-matter (the
 *   page names their members and titles);
 * - table-csv: the table and the edition it belongs to;
 * - every other kind (year, head and programme pages, their feeds, the
 *   sitemap part): the front-matter of every reply of the unit and every route
 *   of it; a feed also the Markdown of the replies it lists (it quotes their
 *   questions: the primary edition's). A kind not named here falls back to everything, every body
 *   included: never stale, only slower.
 *
 * `base` is what every page is made with besides the content: the code and
 * templates, the tool versions, the settings, the catalogue's slice (src/build/plan.ts).
 */
import { createHash } from 'node:crypto';
import type { Archive, Reply } from '../../model/reply.ts';
import { feedReplies, itemOf, type Route, type RouteTable } from './routes.ts';

/** Keys whose values are a reply's body: left out of its front-matter. */
const BODY_KEYS = new Set(['markdown', 'bodyHtml', 'tables']);

/** JSON of the front-matter of `value` (replies, groups): bodies left out, a group's replies by id. */
function frontMatterJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (BODY_KEYS.has(key)) return undefined;
    if (key === 'replies' && Array.isArray(v)) return (v as Reply[]).map((r) => r.id);
    return v;
  });
}

function sha(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\u0000');
  return hash.digest('hex').slice(0, 32);
}

/** Every route's input hash, by URL. */
export function routeInputHashes(archive: Archive, routes: RouteTable, base: string): Map<string, string> {
  const byId = new Map(archive.replies.map((r) => [r.id, r]));
  // Each reply's front-matter hash, made once: a reply is named on the pages of every reply with the same answer.
  const frontMatterHashes = new Map<string, string>();
  const frontMatterHash = (id: string): string => {
    let h = frontMatterHashes.get(id);
    if (h === undefined) frontMatterHashes.set(id, (h = sha(frontMatterJson(byId.get(id)))));
    return h;
  };
  // What every list page of the unit reads: the front-matter of every reply, group and source, and the routes.
  const listed = sha(
    // Not under the key `replies`, which frontMatterJson reduces to ids (a group's list): every reply's front-matter is read here.
    frontMatterJson({ everyReply: archive.replies, years: archive.years, heads: archive.heads, programmes: archive.programmes, members: archive.members, sources: archive.sources }),
    JSON.stringify(routes.all),
  );
  let everything: string | undefined;
  const replyHashes = new Map<Reply, string>();
  const inputsOf = (route: Route): string => {
    switch (route.kind) {
      case 'reply': {
        // A reply has a page in each interface language: its hash is made once.
        const reply = itemOf(archive, route, 'reply');
        let h = replyHashes.get(reply);
        if (h === undefined) replyHashes.set(reply, (h = sha(JSON.stringify(reply), ...reply.sameAnswers.map(frontMatterHash))));
        return h;
      }
      case 'table-csv': {
        const { table, edition, path } = itemOf(archive, route, 'table-csv');
        return sha(JSON.stringify(table), frontMatterJson(edition), path);
      }
      case 'feed':
        if (!route.feedOf) return (everything ??= sha(listed, JSON.stringify(archive.replies)));
        return sha(listed, JSON.stringify(feedReplies(archive, route).map((r) => r.markdown)));
      case 'year':
      case 'head':
      case 'programme':
      case 'sitemap':
        return listed;
      default:
        return (everything ??= sha(listed, JSON.stringify(archive.replies)));
    }
  };
  return new Map(routes.all.map((route) => [route.url, sha(base, JSON.stringify(route), inputsOf(route))]));
}

/**
 * The edition files the table's feeds quote: a feed's entries carry each
 * reply's question, from its Markdown, which the shell's catalogue does not
 * hold, so the feed reads the file (feed.11ty.ts).
 */
export function filesQuotedByFeeds(archive: Archive, routes: RouteTable): string[] {
  const files = new Set<string>();
  for (const route of routes.byKind.feed) for (const r of feedReplies(archive, route)) files.add(r.file);
  return [...files].sort();
}
