/**
 * A read-only view of a built site, either a directory on disk or the entries
 * of a zip held in memory, so the same link checker runs over `_site/` and
 * over the offline zip. Paths are POSIX, relative to the site root, no `./`.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';

export interface FileTree {
  /** Every file, sorted. */
  files: string[];
  hasFile(path: string): boolean;
  hasDir(path: string): boolean;
  read(path: string): string;
}

export function diskTree(root: string): FileTree {
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => statSync(join(root, f)).isFile())
    .map((f) => f.split(sep).join('/'))
    .sort();
  const set = new Set(files);
  return {
    files,
    hasFile: (p) => set.has(p),
    hasDir: (p) => p === '' || (existsSync(join(root, p)) && statSync(join(root, p)).isDirectory()),
    read: (p) => readFileSync(join(root, p), 'utf8'),
  };
}

export function zipTree(zip: Uint8Array, stripPrefix = ''): FileTree {
  const entries = unzipSync(zip);
  const map = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue; // explicit directory entries
    if (!name.startsWith(stripPrefix)) continue;
    map.set(name.slice(stripPrefix.length), data);
  }
  const files = [...map.keys()].sort();
  const dirs = new Set<string>(['']);
  for (const f of files) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return {
    files,
    hasFile: (p) => map.has(p),
    hasDir: (p) => dirs.has(p),
    read: (p) => strFromU8(map.get(p) ?? new Uint8Array()),
  };
}
