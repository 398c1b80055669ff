/**
 * The seed target: `npm run build` of the real, committed content (263
 * replies), as from a clean checkout (no card or search cache: cold) and
 * again with the caches an earlier build left (warm). Built in the scratch
 * directory, so the repository's _site and .cache are untouched.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureStage, type StageResult } from './measure.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SeedResult {
  cold: StageResult;
  /** Medians of `runs` warm builds. */
  warm: StageResult;
  siteDir: string;
}

export async function benchSeed(scratch: string, runs: number): Promise<SeedResult> {
  const siteDir = join(scratch, 'seed', '_site');
  const env = { ARCHIVE_CONTENT: join(ROOT, 'content'), ARCHIVE_OUT: siteDir, ARCHIVE_CACHE: join(scratch, 'seed', '.cache') };
  const command = `cd '${ROOT}' && npm run --silent build`;
  rmSync(join(scratch, 'seed'), { recursive: true, force: true });
  const cold = await measureStage('npm run build, seed, cold caches', command, env);
  const warmRuns: StageResult[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) warmRuns.push(await measureStage('npm run build, seed, warm caches', command, env));
  for (const r of [cold, ...warmRuns]) if (r.exitCode !== 0) throw new Error(`bench: the seed build failed (exit ${r.exitCode})`);
  const byWall = [...warmRuns].sort((a, b) => a.wallSeconds - b.wallSeconds);
  return { cold, warm: byWall[Math.floor(byWall.length / 2)]!, siteDir };
}
