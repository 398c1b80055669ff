/**
 * `npm run build:offline` — an archive people can mirror and read from disk.
 *
 * 1. Builds the site offline (directory links end in index.html) into a
 *    separate directory, so the online `_site/` is never touched.
 * 2. Packs it into a deterministic zip: entries sorted, one fixed timestamp,
 *    fixed compression, everything under one top folder. Same commit → same bytes.
 *
 * Options: --site <dir> (default dist/offline-site), --zip <file> (default
 * dist/archive-offline.zip), --units <dir>: instead of one zip, one per budget
 * year, `<dir>/archive-offline-<year>.zip`, each the shell (home, members,
 * search…) with that year's unit (issue 16: a mirror of one year). ARCHIVE_CONTENT
 * and SITE_URL are read as by `npm run build`.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { settingsFromEnv } from '../_data/site.ts';
import { withOutputLock } from '../src/lib/output-lock.ts';
import { build } from './build.ts';

/** The folder a user gets when they unzip the archive. */
export const ZIP_ROOT = 'legco-archive/';

/**
 * DOS timestamps in a zip have no time zone: fflate writes the local-time fields
 * of the Date. Building the Date from local fields makes those fields, and so the
 * bytes, the same in every time zone.
 */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/**
 * Made by Unix, mode -rw-r--r--. With the default (MS-DOS) origin, Info-ZIP's
 * unzip re-encodes names from the DOS code page and mangles the Chinese member
 * directories despite the UTF-8 flag; a Unix origin makes it keep the bytes.
 */
const UNIX = 3;
/** The shell's share cards and a year's (og/, 2023-24/og/). */
const SHARE_CARDS = /^(\d{4}-\d{2}\/)?og\//;
/** A year's unit folder. */
const YEAR_DIR = /^(\d{4}-\d{2})\//;
const REGULAR_FILE_644 = 0o100644 * 0x10000;

/** Already-compressed formats: deflating them again costs time and saves nothing. */
const STORED = /\.(png|jpe?g|webp|avif|gif|woff2?|gz|br|zip|pf_\w+)$/i;

/** The zip of `siteDir`; `year`: the shell and that year's unit only (no other year's folder). */
export function zipDirectory(siteDir: string, year?: string): Uint8Array {
  const files = (readdirSync(siteDir, { recursive: true }) as string[])
    .filter((f) => statSync(join(siteDir, f)).isFile())
    .map((f) => f.split(sep).join('/'))
    // Share cards (og/) only serve link previews on social sites, through absolute
    // og:image URLs; a reader of the offline copy never loads them. Two thirds of the bytes.
    .filter((f) => !SHARE_CARDS.test(f))
    .filter((f) => year === undefined || (YEAR_DIR.exec(f)?.[1] ?? year) === year);
  // Code-unit order, not locale order: stable on every machine.
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!files.includes('index.html')) throw new Error(`${siteDir}: no index.html — did the build run?`);
  const entries: Zippable = {};
  for (const file of files) {
    entries[ZIP_ROOT + file] = [
      readFileSync(join(siteDir, file)),
      { mtime: FIXED_MTIME, level: STORED.test(file) ? 0 : 9, os: UNIX, attrs: REGULAR_FILE_644 },
    ];
  }
  return zipSync(entries, { mtime: FIXED_MTIME });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'dist/offline-site' },
      zip: { type: 'string', default: 'dist/archive-offline.zip' },
      units: { type: 'string' },
    },
  });
  const siteDir = resolve(values.site!);
  const zipPath = resolve(values.zip!);
  if (siteDir === resolve('_site')) {
    throw new Error('build:offline must not write into the online _site/');
  }

  // One offline build per folder at a time, from the build to the zips (another would swap its site in under the zipping).
  const zips = await withOutputLock(siteDir, async () => {
    // A stale file from an earlier build must not end up in the zip.
    rmSync(siteDir, { recursive: true, force: true });
    try {
      await build({ ...settingsFromEnv(process.env), offline: true, outDir: siteDir });
    } catch (err) {
      const e = err as Error & { originalError?: Error };
      console.error(`build:offline: the offline build failed (${(e.originalError ?? e).message}); no zip written`);
      process.exit(1);
    }
    // One zip, or with --units one per budget year (the shell and that year's unit).
    const years: (string | undefined)[] = values.units === undefined ? [undefined] : readdirSync(siteDir).filter((d) => /^\d{4}-\d{2}$/.test(d)).sort();
    return years.map((y) => [y === undefined ? zipPath : join(resolve(values.units!), `archive-offline-${y}.zip`), zipDirectory(siteDir, y)] as const);
  });
  for (const [file, zip] of zips) {
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename: never leave a half-written zip behind (a name of this process's own: two writers never share it).
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, zip);
    renameSync(tmp, file);
    console.log(`build:offline: ${relative(process.cwd(), file)} (${(zip.length / 1e6).toFixed(1)} MB)`);
  }
}

// Run only as a command, so a test can import zipDirectory without building.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (err) {
    console.error(`build:offline: ${(err as Error).message}`);
    process.exit(1);
  }
}
