/**
 * Which deploy units to publish, and their artifacts (README "Publishing").
 * Each unit of the built site (deploy-units.ts) is hashed from its files'
 * paths and bytes; the hashes of the last publish are kept in a manifest that
 * the shell carries (`publish-manifest.json` at the site root), so the next
 * publish reads it from the public shell repository and pushes only the
 * units whose hash changed. The shell is pushed whenever anything is, because
 * it carries the manifest (and its search manifest lists every year).
 */
import { copyFileSync, constants, createReadStream, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { SHELL, type DeployUnit } from './deploy-units.ts';

export const MANIFEST_FILE = 'publish-manifest.json';

/** GitHub Pages publishes at most 1 GB a site (decimal: the documented limit, taken at its strictest). */
export const MAX_UNIT_BYTES = 1_000_000_000;
/** GitHub refuses a pushed file over 100 MiB. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export interface ManifestEntry {
  hash: string;
  bytes: number;
  files: number;
}

export interface Manifest {
  /** The archive commit the units were built from, when known. */
  commit?: string;
  units: Record<string, ManifestEntry>;
}

export interface PublishPlan {
  /** Units whose files differ from the last publish (or that it did not have): their artifacts are written. */
  changed: string[];
  unchanged: string[];
  /** Units the last publish had and this build has not: never deleted automatically (README, Publishing). */
  removed: string[];
  /** Whether the shell is pushed: it changed, or any year did (the shell carries the manifest). */
  pushShell: boolean;
  manifest: Manifest;
}

/** sha256 of the unit's files: each path and the sha256 of its bytes, in path order. */
export async function unitHash(unit: DeployUnit): Promise<string> {
  const all = createHash('sha256');
  for (const f of unit.files) {
    const one = createHash('sha256');
    for await (const chunk of createReadStream(f.file)) one.update(chunk as Buffer);
    all.update(`${f.path}\0${one.digest('hex')}\n`);
  }
  return all.digest('hex');
}

/** What breaks GitHub's limits, one line each (unit, file, size); empty when the units fit. */
export function limitProblems(units: DeployUnit[]): string[] {
  const problems: string[] = [];
  for (const u of units) {
    if (u.bytes > MAX_UNIT_BYTES) problems.push(`unit ${u.name}: ${u.bytes} bytes, over the ${MAX_UNIT_BYTES} bytes GitHub Pages publishes for one site`);
    for (const f of u.files) {
      if (f.bytes > MAX_FILE_BYTES) problems.push(`unit ${u.name}: ${f.path}: ${f.bytes} bytes, over the ${MAX_FILE_BYTES} bytes GitHub accepts for one file`);
    }
  }
  return problems;
}

/** Compares the built units with the last publish's manifest (null: nothing published yet). */
export async function planPublish(units: DeployUnit[], previous: Manifest | null, commit?: string): Promise<PublishPlan> {
  const manifest: Manifest = { ...(commit ? { commit } : {}), units: {} };
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const u of units) {
    const entry = { hash: await unitHash(u), bytes: u.bytes, files: u.files.length };
    manifest.units[u.name] = entry;
    (previous?.units[u.name]?.hash === entry.hash ? unchanged : changed).push(u.name);
  }
  const removed = Object.keys(previous?.units ?? {}).filter((name) => !(name in manifest.units)).sort();
  return { changed, unchanged, removed, pushShell: changed.length > 0 || removed.length > 0, manifest };
}

/** A file into the artifact: a hard link when the file system allows (no copy of a gigabyte), else a copy. */
function place(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

/**
 * Writes `<outDir>/<unit>/` for every unit to push: the unit's files at its
 * root (a year's repository serves them at /<year>/), `.nojekyll` (Pages
 * publishes the files as they are, no Jekyll run), and in the shell also the
 * manifest and, with `domain`, the CNAME file that keeps the organisation
 * site's custom domain (a force-pushed branch must carry it).
 */
export function writeArtifacts(units: DeployUnit[], plan: PublishPlan, outDir: string, domain?: string): string[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const u of units) {
    const push = u.name === SHELL ? plan.pushShell : plan.changed.includes(u.name);
    if (!push) continue;
    const dir = path.join(outDir, u.name);
    for (const f of u.files) place(f.file, path.join(dir, ...f.path.split('/')));
    writeFileSync(path.join(dir, '.nojekyll'), '');
    if (u.name === SHELL) {
      writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(plan.manifest, null, 2) + '\n');
      if (domain) writeFileSync(path.join(dir, 'CNAME'), `${domain}\n`);
    }
    written.push(u.name);
  }
  return written;
}

/** The repository secret holding a unit's deploy key: `DEPLOY_KEY_2023_24`, `DEPLOY_KEY_SHELL` (secret names take no `-`). */
export function deployKeySecret(unit: string): string {
  return `DEPLOY_KEY_${unit.replace(/-/g, '_').toUpperCase()}`;
}
