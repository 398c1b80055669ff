import { Role } from './roles.ts';
import { ink } from './text.ts';

export interface AuditFigures {
  /** Non-whitespace characters in the (patched) source. */
  total: number;
  index: number;
  furniture: number;
  header: number;
  body: number;
  /** Characters no step claimed, plus body characters that did not reach the output. */
  unaccounted: number;
  /** 1-based lines holding unaccounted characters (first few), for the error message. */
  unaccountedLines: number[];
}

/** Count every line's ink under the role the pipeline gave it. */
export function auditRoles(lines: readonly string[], roles: Uint8Array): AuditFigures {
  const f: AuditFigures = { total: 0, index: 0, furniture: 0, header: 0, body: 0, unaccounted: 0, unaccountedLines: [] };
  for (let i = 0; i < lines.length; i++) {
    const n = ink(lines[i] ?? '').length;
    if (n === 0) continue;
    f.total += n;
    switch (roles[i]) {
      case Role.index: f.index += n; break;
      case Role.furniture: f.furniture += n; break;
      case Role.header: f.header += n; break;
      case Role.body: f.body += n; break;
      default:
        f.unaccounted += n;
        if (f.unaccountedLines.length < 10) f.unaccountedLines.push(i + 1);
    }
  }
  return f;
}

/**
 * Characters of the body's source lines that are missing from (or extra in) the
 * text the blocks carry: 0 when the cleanup only touched whitespace.
 */
export function bodyLoss(sourceInk: string, outputInk: string): number {
  if (sourceInk === outputInk) return 0;
  let prefix = 0;
  const max = Math.min(sourceInk.length, outputInk.length);
  while (prefix < max && sourceInk[prefix] === outputInk[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && sourceInk[sourceInk.length - 1 - suffix] === outputInk[outputInk.length - 1 - suffix]) suffix++;
  return Math.max(sourceInk.length, outputInk.length) - prefix - suffix;
}
