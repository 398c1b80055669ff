/**
 * The open data of the real archive (263 replies of 2023-24), written once per
 * test process by the real writer into a temporary site folder, and a real
 * SQLite to read it: Debian's sqlite3 command, a separate build from the
 * WebAssembly one that wrote the file (so the file is read as any researcher's
 * SQLite reads it).
 */
import { spawnSync } from 'node:child_process';
import { loadArchive } from '../../src/site/data/load.ts';
import { indexInputOf, writeIndexExports, writeYearExports, type YearExports } from '../../src/open-data/write.ts';
import { once } from '../support/once.ts';
import { tempDir } from '../support/builds.ts';

export const archive = loadArchive('content');

/** Writes every year's exports and the index into `dir` (default: a new temporary folder). */
export async function writeExports(siteUrl: string | null, dir = tempDir('open-data')): Promise<{ dir: string; years: YearExports[] }> {
  const years: YearExports[] = [];
  for (const y of archive.years) years.push(await writeYearExports(archive, y.year, siteUrl, dir));
  writeIndexExports(indexInputOf(archive), siteUrl, dir);
  return { dir, years };
}

export const exportsOnce = once(() => writeExports(null));

/** Runs `sql` on the database file with the sqlite3 command; `params` are bound as :name (sqlite3's .parameter). Rows as objects. */
export function query(db: string, sql: string, params: Record<string, string> = {}): Record<string, unknown>[] {
  const set = Object.entries(params).map(([k, v]) => `.parameter set :${k} '${v.replace(/'/g, "''")}'\n`).join('');
  const r = spawnSync('sqlite3', ['-json', db], { input: `${set}${sql};\n`, encoding: 'utf8' });
  if (r.error) throw new Error(`sqlite3 (apt-get install sqlite3) could not be run: ${r.error.message}`);
  if (r.status !== 0 || r.stderr) throw new Error(`sqlite3: ${r.stderr}`);
  return r.stdout.trim() ? (JSON.parse(r.stdout) as Record<string, unknown>[]) : [];
}
