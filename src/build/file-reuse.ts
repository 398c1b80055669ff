/**
 * Files a unit step writes whole (the year's open data: each reply's
 * reply.json, the CSVs), linked from the year's previous build when their
 * bytes are the same, as page-reuse.ts does for pages. An edit changes one
 * reply of a year; writing its 5,500 other reply.json files again made new
 * files that the year's placement then had to link one by one into the site.
 * Measured with a throwaway script writing 5,500 files of 5 KB into existing
 * folders on this machine's disk (load ~3.7, 2026-12-03): mkdir and write
 * 1.43 CPU s, write alone 0.67, hashing the bytes and linking 0.14.
 *
 * The unit's cache entry keeps `files.json`: each file's site path and the
 * sha-256 of its bytes. A file is linked only when the previous entry's
 * manifest has the same hash for it and the file is there; a linked file is
 * never written again (every path is written once per build).
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The manifest's name in a unit's cache entry (beside pages.json). */
export const FILES_MANIFEST = 'files.json';

const hashOf = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64url');

/** Runs `act`; when it fails because the file's folder is missing, makes the folder and runs it again (the folder is there for most files: a reply's page is in it). */
function inFolder(file: string, act: () => void): void {
  try {
    act();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(path.dirname(file), { recursive: true });
    act();
  }
}

export class ReusingWriter {
  /** What this build wrote or linked: site path → hash. */
  private readonly written = new Map<string, string>();
  private readonly previous: Record<string, string>;
  private readonly previousSite: string | null;
  linked = 0;

  /** `previousEntry`: the year's previous cache entry (null: none); its site folder is `<entry>/site`, as this one's is `siteDir`. */
  constructor(
    private readonly siteDir: string,
    previousEntry: string | null,
  ) {
    const manifest = previousEntry === null ? null : path.join(previousEntry, FILES_MANIFEST);
    this.previous = manifest !== null && existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>) : {};
    this.previousSite = previousEntry === null ? null : path.join(previousEntry, 'site');
  }

  /** Writes `data` at `sitePath` (`/2023-24/itib001/reply.json`), or links the previous build's file when it holds the same bytes. */
  readonly write = (sitePath: string, data: string | Uint8Array): void => {
    if (this.written.has(sitePath)) throw new Error(`build: ${sitePath} written twice in one unit`);
    const hash = hashOf(data);
    this.written.set(sitePath, hash);
    const file = path.join(this.siteDir, sitePath);
    if (this.previousSite !== null && this.previous[sitePath] === hash) {
      const from = path.join(this.previousSite, sitePath);
      if (existsSync(from)) {
        inFolder(file, () => linkSync(from, file));
        this.linked++;
        return;
      }
    }
    inFolder(file, () => writeFileSync(file, data));
  };

  /** Keeps this build's manifest in its entry, for the next build. */
  save(entryDir: string): void {
    writeFileSync(path.join(entryDir, FILES_MANIFEST), JSON.stringify(Object.fromEntries([...this.written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))));
  }
}
