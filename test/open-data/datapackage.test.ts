/**
 * The Data Packages against the standard: the year's package loads and
 * validates with the Frictionless JavaScript library (datapackage 1.1.10,
 * which checks the descriptor against the standard's published profile), and
 * every CSV it declares reads with its schema (types cast, primary keys unique,
 * foreign keys found); the CSVs are also checked here on their own with
 * csv-parse, column by column, against the types declared. The archive's
 * package (absolute URLs: only with the site's address) validates as well.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import datapackage from 'datapackage';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir } from '../support/builds.ts';
import { archive, exportsOnce, writeExports } from './_exports.ts';

interface Field { name: string; type: string; constraints?: { required?: boolean } }
interface Resource { name: string; path: string; format: string; schema?: { fields: Field[]; primaryKey: string[] } }

test('the year\'s datapackage.json is a valid Data Package, and every CSV reads with its schema and its keys', async () => {
  const published = join((await exportsOnce()).dir, '2023-24/data');
  // The library reads a CSV's byte-order mark (there for Excel) as part of the first column's name, which a
  // decoder of UTF-8 drops (WHATWG Encoding): it reads copies without it, the only difference.
  const dir = tempDir('datapackage');
  for (const f of readdirSync(published)) writeFileSync(join(dir, f), f.endsWith('.csv') ? readFileSync(join(published, f), 'utf8').replace(/^\uFEFF/, '') : readFileSync(join(published, f)));
  const pkg = await datapackage.Package.load(join(dir, 'datapackage.json'));
  assert.equal(pkg.errors.map(String), [], 'descriptor errors');
  assert.ok(pkg.valid);
  const names = pkg.resources.map((r: { name: string }) => r.name);
  assert.equal(names, ['members', 'heads', 'programmes', 'replies', 'reply-programmes', 'tables', 'table-cells', 'tables-json']);
  assert.equal(pkg.descriptor.licenses.map((l) => l.name), ['CC-BY-4.0']);
  for (const resource of pkg.resources) {
    if (!resource.tabular) continue;
    // read() casts every value to its declared type and checks the primary key and (relations) the foreign keys; it throws on the first failure.
    const rows = await resource.read({ keyed: true, relations: true });
    assert.ok(rows.length > 0, resource.name);
  }
});

test('every CSV conforms to its declared schema: header, required values, integers and numbers', async () => {
  const dir = join((await exportsOnce()).dir, '2023-24/data');
  const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
  const counts: Record<string, number> = {};
  for (const r of descriptor.resources.filter((x) => x.format === 'csv')) {
    const text = readFileSync(join(dir, r.path), 'utf8');
    assert.ok(text.startsWith('\uFEFF'), `${r.path}: UTF-8 with BOM, so Excel shows Chinese`);
    const [header, ...rows] = parse(text, { bom: true, record_delimiter: '\r\n' }) as string[][];
    const fields = r.schema!.fields;
    assert.equal(header, fields.map((f) => f.name), `${r.path} header`);
    const keys = new Set<string>();
    rows.forEach((row, i) => {
      const at = `${r.path}:${i + 2}`;
      assert.is(row.length, fields.length, at);
      fields.forEach((f, c) => {
        const v = row[c]!;
        if (v === '') return assert.not.ok(f.constraints?.required, `${at} ${f.name} is required`);
        if (f.type === 'integer') assert.match(v, /^-?\d+$/, `${at} ${f.name}`);
        if (f.type === 'number') assert.ok(Number.isFinite(Number(v)), `${at} ${f.name}: ${v}`);
      });
      const key = r.schema!.primaryKey.map((k) => row[fields.findIndex((f) => f.name === k)]).join('\u0000');
      assert.not.ok(keys.has(key), `${at}: primary key repeated`);
      keys.add(key);
    });
    counts[r.path] = rows.length;
  }
  assert.is(counts['replies.csv'], archive.replies.length);
});

test('the archive\'s /data/datapackage.json (with the site\'s address): valid, every year\'s files by absolute URL', async () => {
  const { dir } = await writeExports('https://example.test/archive/');
  const descriptor = JSON.parse(readFileSync(join(dir, 'data/datapackage.json'), 'utf8')) as { resources: Resource[] };
  const pkg = await datapackage.Package.load(descriptor);
  assert.equal(pkg.errors.map(String), []);
  assert.ok(pkg.valid);
  assert.ok(descriptor.resources.every((r) => r.path.startsWith('https://example.test/archive/2023-24/data/')));
  const index = JSON.parse(readFileSync(join(dir, 'data/index.json'), 'utf8')) as { years: { year: string; files: { name: string; path: string; bytes: number }[] }[]; datapackage: string };
  assert.equal(index.years.map((y) => y.year), ['2023-24']);
  assert.ok(index.years[0]!.files.some((f) => f.name === 'replies.db' && f.bytes > 0));
  assert.is(index.datapackage, 'datapackage.json');
  assert.ok(index.years[0]!.files.every((f) => f.path.startsWith('../2023-24/data/')), 'paths relative to index.json');
  // Without the address there is no archive package (the standard allows no path from the site's root), and the index says so.
  const plain = JSON.parse(readFileSync(join((await exportsOnce()).dir, 'data/index.json'), 'utf8')) as { datapackage: null };
  assert.is(plain.datapackage, null);
});

test.run();
