/**
 * Where things live in content/, and the one walker and reader of it: the
 * site's loader, the search index, the benchmark's floor and the ingest all
 * find their files here, so a file the site publishes is the file the index
 * holds.
 *
 * One reply = one Markdown file per language edition:
 * `content/replies/<year>/<replyno>.md` for the primary (Chinese) edition and
 * `<replyno>.en.md` for the English one, lower-case (`itib001.md`,
 * `itib001.en.md`). Background pages: `content/pages/background/*.md`.
 * Official documents: `content/sources/**\/*.txt`, each with its
 * `.meta.json` (source-meta.ts).
 */
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { readBackground, readReply } from './front-matter.ts';
import { LANGUAGES, PRIMARY_LANG, type Lang } from './languages.ts';

/** The file name of a reply's edition: `itib002.md` (primary language), `itib002.en.md` (English). */
export function editionFileName(replyNo: string, lang: Lang): string {
  return `${replyNo.toLowerCase()}${lang === PRIMARY_LANG ? '' : `.${lang}`}.md`;
}

/** The language of an edition's file, from its name (the inverse of editionFileName): `itib001.en.md` is English. */
export function editionLangOf(file: string): Lang {
  return LANGUAGES.find((l) => l !== PRIMARY_LANG && file.endsWith(`.${l}.md`)) ?? PRIMARY_LANG;
}

/** A reply edition's file under content/replies/<year>/. */
export interface EditionFile {
  /** contentDir joined with replies/<year>/<name>. */
  file: string;
  /** Its folder: the budget year, `2023-24`. */
  year: string;
  lang: Lang;
}

/** A folder's entries in name order (code-point order, the same on every machine); none when it is missing. */
function entries(dir: string): Dirent[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function markdownIn(dir: string): string[] {
  return entries(dir).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => path.join(dir, e.name));
}

/** Every reply edition (of `years` only, when given): content/replies/<year>/*.md, by year folder, then file name. */
export function editionFiles(contentDir: string, years?: ReadonlySet<string>): EditionFile[] {
  return yearFolders(contentDir)
    .filter(({ year }) => years === undefined || years.has(year))
    .flatMap(({ year, dir }) => markdownIn(dir).map((file) => ({ file, year, lang: editionLangOf(file) })));
}

/** The budget years' folders of replies, content/replies/<year>/, in name order. */
function yearFolders(contentDir: string): { year: string; dir: string }[] {
  const replies = path.join(contentDir, 'replies');
  return entries(replies)
    .filter((e) => e.isDirectory())
    .map((y) => ({ year: y.name, dir: path.join(replies, y.name) }));
}

/** Every background page: content/pages/background/*.md, by file name. */
export function backgroundFiles(contentDir: string): string[] {
  return markdownIn(path.join(contentDir, 'pages', 'background'));
}

/** Every official document's text: content/sources/**\/*.txt, depth first in name order. */
export function sourceTexts(contentDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of entries(dir)) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt')) out.push(p);
    }
  };
  walk(path.join(contentDir, 'sources'));
  return out;
}

/** Reads and checks a reply edition's file; `shownAs` names it in messages. */
export function readEditionFile(file: string, shownAs: string): ReturnType<typeof readReply> {
  return readReply(readFileSync(file, 'utf8'), shownAs);
}

/** Reads and checks a background page's file; `shownAs` names it in messages. */
export function readBackgroundFile(file: string, shownAs: string): ReturnType<typeof readBackground> {
  return readBackground(readFileSync(file, 'utf8'), shownAs);
}
