/**
 * The bytes of the open data in a built site (src/open-data/write.ts writes
 * them): every year's /<year>/data/ folder, every reply's reply.json, and
 * /data/index.json and datapackage.json. The per-table CSVs beside the reply
 * pages are Eleventy's (counted in its stage).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { directoryBytes } from './measure.ts';

export function openDataBytes(site: string): number {
  if (!existsSync(site)) return 0;
  let total = 0;
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
  for (const year of readdirSync(site).filter((d) => /^\d{4}-\d{2}$/.test(d))) {
    const data = join(site, year, 'data');
    if (existsSync(data)) total += directoryBytes(data);
    for (const reply of readdirSync(join(site, year), { withFileTypes: true })) {
      if (reply.isDirectory()) total += size(join(site, year, reply.name, 'reply.json'));
    }
  }
  return total + size(join(site, 'data', 'index.json')) + size(join(site, 'data', 'datapackage.json'));
}
