/**
 * /data/ as a reader follows it: the SQL example, run as printed (by the
 * shell, with Debian's sqlite3) in the year's data folder, lists the replies
 * that contain 數碼港; the curl example names a reply.json that exists; every
 * file it lists is there, and it says where a reply's full data is; every
 * table of the database is described, column by column, in both interfaces.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { settingsFromEnv } from '../../_data/site.ts';
import { routeTable } from '../../src/site/data/routes.ts';
import { render } from '../../src/site/pages/data.11ty.ts';
import { SCHEMA } from '../../src/open-data/schema.ts';
import { archive, exportsOnce, query } from './_exports.ts';

const settings = settingsFromEnv({});
const routes = routeTable(archive, settings);
const page = (lang: string) => render({ archive, routes, settings, route: routes.byKind.data.find((r) => r.lang === lang)! });
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const examples = (html: string) => [...html.matchAll(/<pre class="example"><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) => unescape(m[1]!).split('\n'));

test('the SQL example, run as printed, lists the replies that contain 數碼港', async () => {
  const dir = join((await exportsOnce()).dir, '2023-24/data');
  const sql = examples(page('zh-Hant-HK')).flat().find((l) => l.startsWith('sqlite3 replies.db'))!;
  assert.ok(sql, 'an sqlite3 example');
  const out = execFileSync('sh', ['-c', sql], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
  const expected = query(join(dir, 'replies.db'), "SELECT replyNo FROM replies WHERE markdown LIKE '%數碼港%' OR title LIKE '%數碼港%' ORDER BY rowid");
  assert.equal(out.map((l) => l.split('|')[0]), expected.map((r) => r.replyNo));
});

test('each form has a two-line example; the reply the curl example fetches exists', async () => {
  const { dir } = await exportsOnce();
  for (const lang of ['zh-Hant-HK', 'en']) {
    const blocks = examples(page(lang));
    assert.ok(blocks.length >= 4, `${lang}: SQL, Datasette, reply.json, Data Package, whole archive`);
    for (const b of blocks) assert.is(b.length, 2, b.join('\n'));
    const curl = blocks.flat().find((l) => /^curl \S+\/reply\.json$/.test(l))!;
    assert.ok(existsSync(join(dir, curl.split(' ')[1]!)), curl);
  }
});

test('every file /data/ lists is in its year\'s folder, and the page says where a reply\'s full data is', async () => {
  const { dir } = await exportsOnce();
  for (const lang of ['zh-Hant-HK', 'en']) {
    const html = page(lang);
    const listed = [...html.matchAll(/<a href="(\/\d{4}-\d{2}\/data\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(listed.some((f) => f.endsWith('/replies.db')) && listed.some((f) => f.endsWith('/replies.csv')), `${lang}: the database and the CSV`);
    for (const f of listed) assert.ok(existsSync(join(dir, f)), `${lang}: ${f}`);
    // The paragraph on a reply's full data points at reply.json's fields and the replies table's columns, both on the page.
    const full = /<p id="full-data">([\s\S]*?)<\/p>/.exec(html)?.[1];
    assert.ok(full, `${lang}: where a reply's full data is`);
    for (const anchor of ['reply-json', 'table-replies']) {
      assert.match(full!, `href="#${anchor}"`);
      assert.match(html, `id="${anchor}"`);
    }
  }
});

test('every table and column of the database is described on /data/, in both interfaces', () => {
  for (const lang of ['zh-Hant-HK', 'en'] as const) {
    const html = page(lang);
    for (const t of SCHEMA) {
      const table = new RegExp(`<table class="data-columns" id="table-${t.name}">[\\s\\S]*?</table>`).exec(html)?.[0];
      assert.ok(table, `${lang}: ${t.name}`);
      for (const c of t.columns) assert.match(table!, `<th scope="row"><code>${c.name}</code></th>`);
    }
  }
});

test.run();
