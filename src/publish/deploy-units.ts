/**
 * The deploy units of a built site (issue 16): each budget year's folder
 * `_site/<year>/` is a unit of its own (published as that year's Pages site,
 * served at `/<year>/`), and everything else — home, members, about, data
 * index, search page, sitemap index, cross-year feeds — is the `shell`. The
 * benchmark sizes them and the publisher hashes and ships them from this one
 * list, so what is measured is what is published.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The unit of everything that is not a budget year's folder. */
export const SHELL = 'shell';

/** A budget year as a folder name: `2023-24`. */
export function isBudgetYear(name: string): boolean {
  return /^\d{4}-\d{2}$/.test(name);
}

export interface UnitFile {
  /** Relative to the unit's root, `/`-separated: `itib001/index.html` in unit `2023-24`. */
  path: string;
  /** Absolute path on disk. */
  file: string;
  bytes: number;
}

export interface DeployUnit {
  /** `2023-24`, or `shell`. */
  name: string;
  /** Its files in code-point order of their paths (the same on every machine). */
  files: UnitFile[];
  bytes: number;
}

/** Every file under `dir` (following links: the unit build links cached files into the site), paths relative to `root`. */
function filesUnder(dir: string, root: string, skip: (name: string) => boolean = () => false): UnitFile[] {
  const out: UnitFile[] = [];
  for (const name of readdirSync(dir)) {
    if (skip(name)) continue;
    const file = path.join(dir, name);
    const stat = statSync(file);
    if (stat.isDirectory()) out.push(...filesUnder(file, root));
    else if (stat.isFile()) out.push({ path: path.relative(root, file).split(path.sep).join('/'), file, bytes: stat.size });
  }
  return out;
}

const byPath = (a: UnitFile, b: UnitFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The units of the site built in `siteDir`: its years in name order, then the shell. */
export function deployUnits(siteDir: string): DeployUnit[] {
  const years = readdirSync(siteDir)
    .filter((name) => isBudgetYear(name) && statSync(path.join(siteDir, name)).isDirectory())
    .sort();
  const unit = (name: string, files: UnitFile[]): DeployUnit => ({ name, files: files.sort(byPath), bytes: files.reduce((sum, f) => sum + f.bytes, 0) });
  return [
    ...years.map((year) => unit(year, filesUnder(path.join(siteDir, year), path.join(siteDir, year)))),
    unit(SHELL, filesUnder(siteDir, siteDir, (name) => years.includes(name))),
  ];
}
