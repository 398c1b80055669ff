/**
 * Each reply as data: every reply page (both interface languages) links its
 * reply.json with rel="alternate" type="application/json", and the file is
 * there; ITIB144's holds its two tables with the cells its page shows (read
 * from the page's HTML), its source and permalink.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { settingsFromEnv } from '../../_data/site.ts';
import { routeTable } from '../../src/site/data/routes.ts';
import { render } from '../../src/site/pages/reply.11ty.ts';
import { archive, exportsOnce } from './_exports.ts';

type Node = { type: string; name?: string; data?: string; attribs?: Record<string, string>; children?: Node[] };
const settings = settingsFromEnv({});
const routes = routeTable(archive, settings);
const pageOf = (url: string) => render({ archive, routes, settings, route: routes.byKind.reply.find((r) => r.url === url)! });

const all = (n: Node, name: string): Node[] => [...(n.name === name ? [n] : []), ...(n.children ?? []).flatMap((c) => all(c, name))];
const text = (n: Node): string => (n.type === 'text' ? n.data! : (n.children ?? []).map(text).join(''));
/**
 * The tables of a page's main text, as a reader sees them: each row's th/td text, a cell spanning
 * columns (a group row's label, issue 18) followed by the empty cells it covers, as in the data.
 */
function pageTables(html: string): string[][][] {
  const main = all(parseDocument(html, { decodeEntities: true }) as unknown as Node, 'main')[0]!;
  const cells = (c: Node) => [text(c).trim(), ...Array<string>(Math.max(0, Number(c.attribs?.colspan ?? 1) - 1)).fill('')];
  return all(main, 'table').map((t) => all(t, 'tr').map((tr) => (tr.children ?? []).filter((c) => c.name === 'th' || c.name === 'td').flatMap(cells)));
}

test('every reply page links its reply.json, which is there', async () => {
  const { dir } = await exportsOnce();
  assert.is(routes.byKind.reply.length, archive.replies.length * 2);
  for (const route of routes.byKind.reply) {
    const html = render({ archive, routes, settings, route });
    const href = /<link rel="alternate" type="application\/json" href="([^"]+)">/.exec(html)?.[1];
    assert.ok(href, `${route.url} links no JSON`);
    // Root-absolute here; the relative-URL transform makes it page-relative in the written page.
    assert.ok(existsSync(join(dir, href!)), `${route.url}: ${href} is missing`);
    assert.is(href, `${route.path}reply.json`);
  }
});

test('ITIB144: reply.json holds its two tables with the cells its page shows, the source and the permalink', async () => {
  const { dir } = await exportsOnce();
  const json = JSON.parse(readFileSync(join(dir, '2023-24/itib144/reply.json'), 'utf8')) as {
    version: number; id: string; permalink: string;
    editions: Record<string, { lang: string; url: string; tables: { tableNo: number; anchor: string; caption: string; header: string[]; rows: string[][]; csvUrl: string }[]; source: { file: string; lines: number[]; pages: number[] | null }; markdown: string }>;
  };
  assert.is(json.id, '2023-24/ITIB144');
  assert.is(json.permalink, '/2023-24/itib144/');
  assert.equal(Object.keys(json.editions), ['zh-Hant-HK']);
  const zh = json.editions['zh-Hant-HK']!;
  const shown = pageTables(pageOf('/2023-24/itib144/'));
  assert.is(shown.length, 2);
  assert.is(zh.tables.length, 2);
  zh.tables.forEach((t, i) => {
    assert.is(t.tableNo, i + 1);
    assert.equal([t.header, ...t.rows], shown[i], `table ${i + 1}: the cells the page shows`);
    assert.is(t.csvUrl, `/2023-24/itib144/${t.anchor}.csv`);
  });
  assert.is(zh.source.file, 'content/sources/2023-24/zh-2023-24-ITIB.txt');
  assert.equal(zh.source.lines.length, 2);
  assert.match(zh.markdown, /^## 問題$/m);
});

test.run();
