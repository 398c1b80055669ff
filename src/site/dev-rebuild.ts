/**
 * The dev loop's rebuild (scripts/dev.ts): the archive and route table are
 * kept in memory between edits; an edited reply whose front-matter is
 * unchanged has its edition's body rendered again (loadEdition, the build's
 * own reader) and only that reply's pages written, through the same Eleventy
 * configuration and template as the build. Anything else — front-matter
 * changed, a file added or removed — reloads the archive and writes every
 * Eleventy page. Search index and share cards are not touched (npm run build).
 *
 * Why: writing every page took 19.3 s per save at a load of 11; one reply's
 * two pages take about a second (measured figures: README, "The edit loop").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../_data/site.ts';
import { loadArchive, loadEdition } from './data/load.ts';
import { editionFiles } from '../model/content-files.ts';
import type { Archive, Edition, Reply } from '../model/reply.ts';
import { itemOf, routeTable, someRoutes, type RouteTable } from './data/routes.ts';
import { writePages } from './eleventy-config.ts';

const REPLY_TEMPLATE = 'src/site/pages/reply.11ty.ts';

interface State {
  archive: Archive;
  routes: RouteTable;
  /** Front-matter text of every edition file, as last built. */
  frontMatter: Map<string, string>;
}

let state: State | undefined;

const frontMatterOf = (file: string) => /^---\n[\s\S]*?\n---\n/.exec(readFileSync(file, 'utf8'))?.[0] ?? '';

function load(settings: Settings, archive: Archive = loadArchive(settings.contentDir)): State {
  const frontMatter = new Map(editionFiles(settings.contentDir).map(({ file }) => [file, frontMatterOf(file)]));
  return { archive, routes: routeTable(archive, settings), frontMatter };
}

/** Reads the archive as the build just wrote it (or takes it as read): call once after the first build. */
export function startRebuilds(settings: Settings, archive?: Archive): void {
  state = load(settings, archive);
}

export interface Rebuilt {
  what: string;
  pages: number;
  /** Files written, for the browser to reload. */
  written: string[];
}

/** Rebuilds after `files` (absolute paths under content/replies/) changed. */
export async function rebuildReplies(settings: Settings, files: string[]): Promise<Rebuilt> {
  state ??= load(settings);
  const edited = files.filter((f) => f.endsWith('.md'));
  const bodyOnly = edited.length > 0 && edited.every((f) => existsSync(f) && state!.frontMatter.get(f) === frontMatterOf(f));
  if (!bodyOnly) {
    state = load(settings);
    await writePages(settings, state.archive, state.routes, settings.outDir);
    return { what: 'front-matter or files changed: every page', pages: state.routes.all.length, written: [] };
  }
  // The edited editions replace the kept ones in a new archive; nothing read is written to (issue 16).
  const edits = new Map<string, Edition[]>();
  for (const file of edited) {
    const shownAs = path.relative(process.cwd(), file);
    const edition = loadEdition(file, shownAs);
    if (!state.archive.replies.some((r) => r.id === edition.id)) throw new Error(`${shownAs}: reply ${edition.id} is not in the archive`);
    edits.set(edition.id, [...(edits.get(edition.id) ?? []), edition]);
  }
  const replies = state.archive.replies.map((reply) => {
    const editions = edits.get(reply.id);
    if (!editions) return reply;
    const byLang = { ...reply.editions };
    let own: Partial<Reply> = {};
    for (const e of editions) {
      const { markdown, bodyHtml, tables } = e;
      byLang[e.lang] = { ...reply.editions[e.lang]!, markdown, bodyHtml, tables };
      // A reply's own fields are its primary edition's.
      if (reply.lang === e.lang) own = { markdown, bodyHtml, tables };
    }
    return { ...reply, ...own, editions: byLang };
  });
  state = { ...state, archive: { ...state.archive, replies } };
  const ids = new Set(edits.keys());
  const selected = someRoutes(state.routes, (r) => r.kind === 'reply' && ids.has(itemOf(state!.archive, r, 'reply').id));
  await writePages(settings, state.archive, state.routes, settings.outDir, { templates: REPLY_TEMPLATE, only: selected });
  return {
    what: [...ids].join(', '),
    pages: selected.all.length,
    written: selected.all.map((r) => path.join(settings.outDir, r.url, 'index.html')),
  };
}
