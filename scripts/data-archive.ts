/**
 * npm run data:archive [-- FILE]: every year's replies in one SQLite file
 * (default replies-all.db), with the same tables, full-text index and
 * Datasette metadata (FILE with .metadata.json) as each year's published
 * replies.db. Not published: at about 100,000 replies it would be one file of
 * several hundred MB (a year's is 2.6 MB for 263 replies). Reads
 * ARCHIVE_CONTENT and SITE_URL like the build.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { settingsFromEnv } from '../_data/site.ts';
import { datasetteMetadata } from '../src/open-data/datasette.ts';
import { sqliteFile } from '../src/open-data/sqlite.ts';
import { archiveRows } from '../src/open-data/write.ts';
import { loadArchive } from '../src/site/data/load.ts';

const settings = settingsFromEnv(process.env);
const file = path.resolve(process.argv[2] ?? 'replies-all.db');
const partial = `${file}.partial-${process.pid}`;
try {
  const archive = loadArchive(settings.contentDir);
  const rows = archiveRows(archive, settings.siteUrl);
  // Written beside the target and renamed: no half-written database under the name.
  writeFileSync(partial, await sqliteFile(rows));
  renameSync(partial, file);
  writeFileSync(file.replace(/\.db$/, '') + '.metadata.json', datasetteMetadata(archive.years.map((y) => y.year).join(', '), path.basename(file, '.db')));
  console.log(`${path.relative(process.cwd(), file)}: ${rows.tables.replies!.length} editions of ${archive.replies.length} replies, ${archive.years.length} year(s)`);
} catch (err) {
  rmSync(partial, { force: true });
  console.error(`data:archive failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
