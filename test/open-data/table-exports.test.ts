/**
 * The tables as data, on the real archive: each reply's tables in page order
 * with the cells a reader sees, one CSV per table beside its reply, and
 * tables.json listing every table with its reply.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadArchive } from '../../src/site/data/load.ts';
import { routeTable } from '../../src/site/data/routes.ts';
import { tableCsv, tablesJson } from '../../src/open-data/table-exports.ts';
import { tempDir } from '../support/builds.ts';

const archive = loadArchive('content');

test('ITIB260: two tables, the hotspots by district and the spending, as data with their CSV paths', () => {
  const t = archive.tables.filter((x) => x.reply.replyNo === 'ITIB260');
  assert.equal(t.map((x) => x.path), ['/2023-24/itib260/answer-table-1.csv', '/2023-24/itib260/answer-table-2.csv']);
  assert.equal(t[0]!.table.header, ['地區', '熱點數目']);
  assert.equal(t[0]!.table.rows.at(-1), ['總計', '43 678']); // source line 39074
  // The caption says what the table is, in the words of the sentence that introduces it (source line 39027).
  assert.is(t[0]!.table.caption, '答覆：表 1：設於全港18區超過43 000個Wi-Fi熱點的分布');
  // Markdown escapes are resolved: the cell reads as the page shows it.
  const csv = parse(tableCsv(t[1]!), { bom: true }) as string[][];
  assert.equal(csv[0], ['項目', '2020-21(實際)(萬元)', '2021-22(實際)(萬元)', '2022-23(修訂預算)(萬元)', '2023-24(預算)(萬元)']);
  assert.equal(csv.at(-1), ['總計', '7,141', '3,835', '4,470', '11,220']); // source line 39187
});

test('tables.json: every table once, with its reply, number, caption, header and rows, and the terms of reuse', () => {
  const json = JSON.parse(tablesJson(archive.tables, 'https://example.test/', { 'zh-Hant-HK': '條款', en: 'terms' })) as {
    terms: Record<string, string>;
    tables: Array<{ replyId: string; table: number; id: string; caption: string; csvUrl: string; header: string[]; rows: string[][] }>;
  };
  assert.equal(json.terms, { 'zh-Hant-HK': '條款', en: 'terms' });
  const bodies = archive.replies.reduce((n, r) => n + (r.markdown.match(/^\| --- /gm)?.length ?? 0), 0);
  assert.is(json.tables.length, bodies, 'one record per pipe table in the Markdown');
  const itib144 = json.tables.filter((x) => x.replyId === '2023-24/ITIB144');
  assert.equal(itib144.map((x) => [x.table, x.id]), [[1, 'answer-table-1'], [2, 'answer-table-2']]);
  assert.is(itib144[1]!.csvUrl, 'https://example.test/2023-24/itib144/answer-table-2.csv');
  assert.equal(itib144[1]!.rows.at(-1), ['總數', '184', '36.9%', '14,323', '184', '515', '71', '168']); // source line 20637
  for (const t of json.tables) for (const r of t.rows) assert.is(r.length, t.header.length, `${t.replyId} ${t.id} is rectangular`);
});

test('an English edition\'s table is data beside the English page, and links there; the Chinese tables stay where they were', () => {
  // ITIB144 with a made-up English edition holding one table (a test fixture: the English sample has no pipe table).
  const dir = tempDir('edition-tables');
  const replies = join(dir, 'replies/2023-24');
  mkdirSync(replies, { recursive: true });
  const zh = readFileSync('content/replies/2023-24/itib144.md', 'utf8');
  writeFileSync(join(replies, 'itib144.md'), zh);
  const frontMatter = zh.slice(0, zh.indexOf('\n---\n', 4) + 5).replace('lang: zh-Hant-HK', 'lang: en');
  const body = '\n## Question\n\nPlease list the schemes.\n\n## Reply\n\nThe schemes are as follows:\n\n| Scheme | Projects |\n| --- | ---: |\n| =Fund | 184 |\n';
  writeFileSync(join(replies, 'itib144.en.md'), frontMatter + body);
  const paired = loadArchive(dir);
  const t = paired.tables;
  assert.equal(t.map((x) => [x.edition.lang, x.path]), [
    ['zh-Hant-HK', '/2023-24/itib144/answer-table-1.csv'],
    ['zh-Hant-HK', '/2023-24/itib144/answer-table-2.csv'],
    ['en', '/2023-24/en/itib144/answer-table-1.csv'],
  ]);
  const en = paired.replies[0]!.editions.en!;
  assert.match(en.bodyHtml, '<a href="/2023-24/en/itib144/answer-table-1.csv" download');
  assert.match(paired.replies[0]!.bodyHtml, '<a href="/2023-24/itib144/answer-table-1.csv" download');
  // A cell a spreadsheet would run is inert in the English CSV too (lib/csv.ts).
  assert.equal(parse(tableCsv(t[2]!), { bom: true }), [['Scheme', 'Projects'], ["'=Fund", '184']]);
  const routes = routeTable(paired, { siteUrl: null }).byKind['table-csv'].map((r) => r.url);
  assert.equal(routes, t.map((x) => x.path));
  const json = JSON.parse(tablesJson(t, null, {})) as { tables: Array<{ lang: string; table: number; replyUrl: string; csvUrl: string }> };
  assert.equal(json.tables.map((x) => [x.lang, x.table, x.replyUrl, x.csvUrl]), [
    ['zh-Hant-HK', 1, '/2023-24/itib144/', '/2023-24/itib144/answer-table-1.csv'],
    ['zh-Hant-HK', 2, '/2023-24/itib144/', '/2023-24/itib144/answer-table-2.csv'],
    ['en', 1, '/2023-24/en/itib144/', '/2023-24/en/itib144/answer-table-1.csv'],
  ]);
});

test.run();
