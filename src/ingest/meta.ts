import { segmentProblem } from '../model/safe-paths.ts';
import { IngestError } from './errors.ts';
import type { Layout } from './layout.ts';
import type { SourceMeta } from '../model/source-meta.ts';

export type { SourceMeta };

export interface DocumentFacts {
  year: string;
  session: number;
  bureau: string;
}

/**
 * Year, session and bureau: from the metadata when given, otherwise read from the
 * document's own title block and reply numbers, so a new source needs no code change.
 */
export function documentFacts(lines: readonly string[], meta: Partial<SourceMeta>, layout: Layout, firstReplyNo: string | undefined, file: string): DocumentFacts {
  let year = meta.year;
  let session = meta.session;
  for (let i = 0; i < lines.length && (year === undefined || session === undefined); i++) {
    const line = lines[i] ?? '';
    year ??= layout.year.exec(line)?.[1];
    const s = layout.session.exec(line)?.[1];
    if (session === undefined && s !== undefined) session = Number(s);
  }
  const bureau = meta.bureau ?? firstReplyNo?.replace(/\d+$/, '');
  if (year === undefined) throw new IngestError(file, 1, 'cannot tell the budget year (no metadata and no "2023-24年度" in the title block)');
  if (session === undefined) throw new IngestError(file, 1, 'cannot tell the session number (no metadata and no "第 17 節" in the title block)');
  if (bureau === undefined) throw new IngestError(file, 1, 'cannot tell the bureau (no metadata and no reply numbers)');
  // Read from the document: a path segment all the same (content/replies/<year>/).
  for (const [kind, value] of [['year', year], ['bureau', bureau]] as const) {
    const problem = segmentProblem(kind, value);
    if (problem) throw new IngestError(file, 1, `the document's ${kind} ${problem}`);
  }
  return { year, session, bureau };
}

/** The official document a reply cites: its title, and its address only when the metadata gives one. */
export function documentRef(meta: Partial<SourceMeta>): { title?: string; url?: string } {
  return {
    ...(typeof meta.title === 'string' && meta.title !== '' ? { title: meta.title } : {}),
    ...(typeof meta.url === 'string' && /^https?:\/\//.test(meta.url) ? { url: meta.url } : {}),
  };
}
