/**
 * Where the built site and its content are, and which pages stand for each
 * page type. Browser tests run against the real `_site` built by `npm run
 * build` (`npm test` builds first); they never build it themselves, and they
 * fail loudly — never skip — when it is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReplyFrontMatter } from '../../src/model/front-matter-types.ts';
import { readReply as readReplyText } from '../../src/model/front-matter.ts';
import { localize, memberSlug } from '../../src/model/urls.ts';

export const SITE_DIR = resolve(process.env.ARCHIVE_OUT ?? '_site');
export const CONTENT_DIR = resolve(process.env.ARCHIVE_CONTENT ?? 'content');

/** The built site's directory; throws a message that says what to run. */
export function requireSite(dir = SITE_DIR): string {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html does not exist: build the site first with \`npm run build\` (\`npm test\` does)`);
  }
  return dir;
}

export interface ReplyFile {
  file: string;
  frontMatter: ReplyFrontMatter;
  body: string;
}

/** A reply file, read by the site's reader of the reply model. */
export function readReply(file: string): ReplyFile {
  const { frontMatter, body } = readReplyText(readFileSync(file, 'utf8'), file);
  return { file, frontMatter, body };
}

export function readReplies(contentDir = CONTENT_DIR): ReplyFile[] {
  const root = join(contentDir, 'replies');
  if (!existsSync(root)) throw new Error(`${root} does not exist: run the ingest first (npm run ingest)`);
  const out: ReplyFile[] = [];
  for (const year of readdirSync(root).sort()) {
    for (const f of readdirSync(join(root, year)).sort()) {
      if (f.endsWith('.md')) out.push(readReply(join(root, year, f)));
    }
  }
  return out;
}

/** A GitHub pipe table: a `|` row followed by a `| --- |` delimiter row. */
export function countPipeTables(body: string): number {
  const lines = body.split('\n');
  let n = 0;
  for (let i = 1; i < lines.length; i++) {
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(lines[i]!) && lines[i - 1]!.includes('|')) n++;
  }
  return n;
}

/** Column count of the widest pipe table (0 when there is none). */
export function widestPipeTable(body: string): number {
  if (countPipeTables(body) === 0) return 0;
  let widest = 0;
  for (const line of body.split('\n')) {
    if (/^\s*\|.*\|\s*$/.test(line)) widest = Math.max(widest, line.replace(/\\\|/g, '').split('|').length - 2);
  }
  return widest;
}

/** `## 附件…` / `## Annex …` sections. */
export function annexHeadings(body: string): string[] {
  return [...body.matchAll(/^## (附件.*|Annex.*)$/gm)].map((m) => m[1]!.trim());
}

/**
 * The reply pages that stand for "a reply with a table and an annex": the first
 * reply (file order) that has both; when no single reply has both, the reply
 * with the most pipe tables plus the first reply with an annex. `table` always
 * has a pipe table (the keyboard and no-JS tests need one).
 */
export function pickRichReplies(contentDir = CONTENT_DIR): { table: ReplyFile; annex: ReplyFile } {
  const replies = readReplies(contentDir);
  const both = replies.find((r) => countPipeTables(r.body) > 0 && annexHeadings(r.body).length > 0);
  if (both) return { table: both, annex: both };
  // The widest table: the one most likely to need horizontal scrolling.
  const table = replies
    .map((r) => ({ r, cols: widestPipeTable(r.body) }))
    .filter((x) => x.cols > 0)
    .sort((a, b) => b.cols - a.cols)[0]?.r;
  const annex = replies.find((r) => annexHeadings(r.body).length > 0);
  if (!table) throw new Error(`no reply under ${contentDir}/replies has a pipe table`);
  if (!annex) throw new Error(`no reply under ${contentDir}/replies has an annex section (## 附件…)`);
  return { table, annex };
}

/** The reply whose widest pipe table has the most columns: the one that must scroll on a phone. */
export function pickWidestTableReply(contentDir = CONTENT_DIR): ReplyFile {
  const widest = readReplies(contentDir)
    .map((r) => ({ r, cols: widestPipeTable(r.body) }))
    .sort((a, b) => b.cols - a.cols)[0];
  if (!widest || widest.cols === 0) throw new Error(`no reply under ${contentDir}/replies has a pipe table`);
  return widest.r;
}

/** The reply with a pipe table (and an annex when one reply has both). */
export function pickRichReply(contentDir = CONTENT_DIR): ReplyFile {
  return pickRichReplies(contentDir).table;
}

export interface PageUnderTest {
  type: string;
  /** Interface language of the page. */
  lang: 'zh' | 'en';
  /** Path relative to the site root, as linked: `2023-24/itib001/`, `404.html`. */
  path: string;
}

/**
 * A page's path (relative to the site root, as linked) in an interface language of the tests,
 * by the site's one URL scheme: a year's English pages are `2023-24/en/…`, others `en/…`.
 */
export function pagePathIn(path: string, lang: 'zh' | 'en'): string {
  return localize(`/${path}`, lang === 'en' ? 'en' : 'zh-Hant-HK').slice(1);
}

/** The file a page path is served from. */
export function fileOf(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * One page per page type and interface language, derived from the rich reply
 * so that its head, programme and member pages are the ones the reply links to.
 * Missing pages are returned separately: a missing page type is a defect.
 */
export function pagesUnderTest(siteDir = SITE_DIR, contentDir = CONTENT_DIR): { pages: PageUnderTest[]; missing: PageUnderTest[] } {
  const { table, annex } = pickRichReplies(contentDir);
  const reply = table.frontMatter;
  // A named programme page (from this reply, else another reply under the same head);
  // the "not specified" group too when this reply has no programme.
  const sameHead = readReplies(contentDir).filter((r) => r.frontMatter.head.code === reply.head.code);
  const programme =
    reply.programmes[0]?.code ?? sameHead.find((r) => r.frontMatter.programmes.length > 0)?.frontMatter.programmes[0]?.code;
  const pages: PageUnderTest[] = [];
  const missing: PageUnderTest[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const at = (p: string) => pagePathIn(p, lang);
    const candidates: Array<[string, string, boolean]> = [
      ['home', at(''), true],
      ['year', at(`${reply.year}/`), true],
      ['reply', at(`${reply.year}/${reply.replyNo.toLowerCase()}/`), true],
      ...(annex === table
        ? []
        : [['reply-annex', at(`${annex.frontMatter.year}/${annex.frontMatter.replyNo.toLowerCase()}/`), true] as [string, string, boolean]]),
      ['head', at(`${reply.year}/heads/${reply.head.code}/`), true],
      ['programme', at(`${reply.year}/heads/${reply.head.code}/programmes/${programme ?? 'none'}/`), true],
      ...(reply.programmes.length === 0 && programme
        ? [['programme-none', at(`${reply.year}/heads/${reply.head.code}/programmes/none/`), true] as [string, string, boolean]]
        : []),
      ['members', at(`members/`), true],
      ['member', at(`members/${memberSlug(reply.member)}/`), true],
      ['about', at(`about/`), true],
      ['data', at(`data/`), true],
      ['search', at(`search/`), false],
    ];
    // A reply with the reading aids of issue 18: the same answer given to others, and contents.
    const aided = readReplies(contentDir)
      .map((r) => at(`${r.frontMatter.year}/${r.frontMatter.replyNo.toLowerCase()}/`))
      .find((p) => existsSync(join(siteDir, fileOf(p))) && /class="same-answer"/.test(readFileSync(join(siteDir, fileOf(p)), 'utf8')));
    const contents = readReplies(contentDir)
      .map((r) => at(`${r.frontMatter.year}/${r.frontMatter.replyNo.toLowerCase()}/`))
      .find((p) => existsSync(join(siteDir, fileOf(p))) && /class="contents /.test(readFileSync(join(siteDir, fileOf(p)), 'utf8')));
    // Named so the phone first-screen test keeps its sample (reply, reply-annex); axe covers these.
    candidates.push(['same-answer', aided ?? '<none>/', false], ['contents', contents ?? '<none>/', false]);
    const bgRoot = join(siteDir, at('background'));
    const bg = existsSync(bgRoot) ? readdirSync(bgRoot).sort().find((d) => existsSync(join(bgRoot, d, 'index.html'))) : undefined;
    candidates.push(['background', at(`background/${bg ?? '<none>'}/`), true]);
    // Hosts serve one 404 page for the whole site; an /en/ one is a bonus.
    candidates.push(['404', at(`404.html`), lang === 'zh']);
    for (const [type, path, required] of candidates) {
      const page = { type, lang, path };
      if (existsSync(join(siteDir, fileOf(path)))) pages.push(page);
      else if (required) missing.push(page);
    }
  }
  return { pages, missing };
}

export interface SiteUnderTest {
  siteDir: string;
  rich: ReplyFile;
  pages: PageUnderTest[];
  missing: PageUnderTest[];
}

/**
 * Everything a browser test file needs at load time, or the reason it cannot
 * run. Test files register one failing test with that reason instead of
 * throwing at import, which would stop every other test file in the uvu run.
 */
export function trySite(): SiteUnderTest | Error {
  try {
    const siteDir = requireSite();
    return { siteDir, rich: pickRichReply(), ...pagesUnderTest(siteDir) };
  } catch (err) {
    return err as Error;
  }
}
