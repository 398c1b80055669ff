/**
 * The picture cache: one PNG per distinct (SVG, fonts, renderer) in a content
 * addressed folder, so a rebuild renders only pictures whose text, template,
 * font or renderer changed. Default `.cache/og` (git-ignored); `og/` under
 * ARCHIVE_CACHE when set (the benchmark's scratch cache), or exactly
 * IMAGE_CACHE_DIR. Entries are never
 * rewritten, only added: deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, constants, linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export function imageCacheDir(): string {
  return path.resolve(process.env.IMAGE_CACHE_DIR ?? path.join(process.env.ARCHIVE_CACHE ?? '.cache', 'og'));
}

export function cacheKey(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

/** Two-level layout keeps folders small at 20 000 cards. */
export function cachedPng(cacheDir: string, key: string): string {
  return path.join(cacheDir, key.slice(0, 2), `${key}.png`);
}

/**
 * Puts a cached picture into the site. A hard link costs no bytes or copying
 * (cache entries are immutable, and the site folder is deleted, never edited,
 * by the next build); across file systems it falls back to a copy.
 */
export function publish(cached: string, target: string): void {
  try {
    linkSync(cached, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EEXIST') throw err;
    copyFileSync(cached, target, constants.COPYFILE_FICLONE);
  }
}

/** Creates each folder once (mkdir per file is a measurable cost at 20 000 cards). */
export function folderMaker(): (dir: string) => void {
  const made = new Set<string>();
  return (dir) => {
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
}
