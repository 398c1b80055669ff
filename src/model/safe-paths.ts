/**
 * Path segments that come from content, checked before anything is written
 * (issue 21). A source's `.meta.json` with `"year": "../../../../x"` made the
 * ingest write 263 replies outside the clone, and the background paper's
 * `"slug": "../../…"` deleted a page: the site checked the year when it read,
 * the ingest never checked before writing. Every writer also resolves its
 * output paths with `resolveInside`, which refuses one outside its folder,
 * whatever the rules here miss.
 */
import path from 'node:path';
import { forbiddenCharacter } from './characters.ts';

/** What each kind of segment may be, and how the message says it. */
export const SEGMENT_RULES = {
  /** A budget year, `2023-24`: the second part is the year after the first. */
  year: { pattern: /^(\d{4})-(\d{2})$/, what: 'a budget year like "2023-24"' },
  /** A background page's slug, `2015-itb-priorities`. */
  slug: { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, what: 'a lower-case slug (a-z, 0-9, single "-" between)' },
  /** A bureau code, `ITIB`. */
  bureau: { pattern: /^[A-Z][A-Z0-9]{0,15}$/, what: 'a bureau code in capitals and digits, like "ITIB"' },
  /** A reply number, `ITIB001`. */
  replyNo: { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, what: 'a reply number of letters and digits, like "ITIB001"' },
  /** A head or programme code, `155`, `1`. */
  code: { pattern: /^[0-9A-Za-z][0-9A-Za-z-]{0,31}$/, what: 'letters, digits and "-"' },
  /** A file name named by metadata (`originalFile`): one name, no folder, no control character. */
  fileName: { pattern: /^(?!\.\.?$)[^/\\:*?"<>|]{1,200}$/, what: 'one file name (no "/", "\\", ".." or ":")' },
} as const;

export type SegmentKind = keyof typeof SEGMENT_RULES;

/** Why `value` cannot be a `kind` segment, or null when it can. */
export function segmentProblem(kind: SegmentKind, value: unknown): string | null {
  const rule = SEGMENT_RULES[kind];
  if (typeof value !== 'string') return `must be ${rule.what} (found ${JSON.stringify(value) ?? String(value)})`;
  const bad = forbiddenCharacter(value);
  if (bad) return `must be ${rule.what}; it holds ${bad.message}`;
  const m = rule.pattern.exec(value);
  if (!m) return `must be ${rule.what} (found ${JSON.stringify(value)})`;
  if (kind === 'year' && Number(m[2]) !== (Number(m[1]) + 1) % 100) return `must be ${rule.what}, two consecutive years (found ${JSON.stringify(value)})`;
  return null;
}

export const isSafeSegment = (kind: SegmentKind, value: unknown): value is string => segmentProblem(kind, value) === null;

/** A path that is not inside the folder it was meant for. */
export class OutsideFolderError extends Error {
  constructor(readonly folder: string, readonly target: string) {
    super(`refusing to write ${JSON.stringify(target)}: it is outside ${folder}`);
    this.name = 'OutsideFolderError';
  }
}

/**
 * `folder` joined with the relative path `rel`, resolved; throws when the
 * result is not strictly inside `folder` (`..`, an absolute path, a drive).
 */
export function resolveInside(folder: string, rel: string): string {
  const base = path.resolve(folder);
  const target = path.resolve(base, rel);
  const back = path.relative(base, target);
  if (back === '' || back === '..' || back.startsWith(`..${path.sep}`) || path.isAbsolute(back) || rel.includes('\0')) throw new OutsideFolderError(base, rel);
  return target;
}
