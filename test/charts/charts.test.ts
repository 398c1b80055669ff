/**
 * The charts carry the real numbers: for head 155 of 2023-24, the bars and the
 * table both show the replies per programme and per member as counted straight
 * from the reply files. Names from the data are escaped; no inline style.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { barChart } from '../../src/site/charts/bar-chart.ts';
import { headCharts, TOP_MEMBERS, yearCharts } from '../../src/site/charts/page-charts.ts';
import { loadArchive } from '../../src/site/data/load.ts';
import { CONTENT_DIR, readReplies } from '../support/site.ts';

const STRINGS = { byProgramme: '各綱領的答覆數目', byMember: '提問最多的議員（首 {n} 位）', programmeNote: '一則答覆涉及兩個綱領時，兩處都會計算。' };
const archive = loadArchive(CONTENT_DIR);
const head = archive.heads.find((h) => h.year === '2023-24' && h.code === '155');

/** [label, value] pairs of one chart's table, and the numbers printed on its bars. */
function readChart(markup: string, id: string): { rows: [string, number][]; barValues: number[]; barLabels: string[] } {
  const figure = new RegExp(`<figure class="chart" id="${id}">([\\s\\S]*?)</figure>`).exec(markup)?.[1];
  if (!figure) throw new Error(`no chart ${id}`);
  const rows = [...figure.matchAll(/<tr><th scope="row">(.*?)<\/th><td>([\d,]+)<\/td><\/tr>/g)].map(
    (m) => [m[1]!.replace(/<[^>]+>/g, ''), Number(m[2]!.replace(/,/g, ''))] as [string, number],
  );
  const barValues = [...figure.matchAll(/<text class="chart__value"[^>]*>([\d,]+)<\/text>/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
  const barLabels = [...figure.matchAll(/<text class="chart__label"[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
  return { rows, barValues, barLabels };
}

test('head 155: replies per programme in bars and table equal the counts from the reply files', () => {
  assert.ok(head, 'head 155 exists in 2023-24');
  const files = readReplies().filter((r) => r.frontMatter.year === '2023-24' && r.frontMatter.head.code === '155');
  const expected = new Map<string, number>();
  for (const { frontMatter: fm } of files) {
    const labels = fm.programmes.length ? [...new Set(fm.programmes.map((p) => `(${p.code}) ${p.name}`))] : ['沒有指定綱領'];
    for (const l of labels) expected.set(l, (expected.get(l) ?? 0) + 1);
  }
  const chart = readChart(headCharts(head!, 'zh-Hant-HK', STRINGS).toString(), 'chart-programmes');
  assert.equal(Object.fromEntries(chart.rows), Object.fromEntries(expected));
  assert.equal(chart.barValues, chart.rows.map(([, v]) => v), 'each bar prints the table’s number, in the same order');
  assert.ok(chart.rows.reduce((n, [, v]) => n + v, 0) >= files.length, 'every reply counted at least once');
});

test('head 155: members who asked most, in bars and table, equal the counts from the reply files', () => {
  const files = readReplies().filter((r) => r.frontMatter.year === '2023-24' && r.frontMatter.head.code === '155');
  const counts = new Map<string, number>();
  for (const { frontMatter: fm } of files) counts.set(fm.member, (counts.get(fm.member) ?? 0) + 1);
  const chart = readChart(headCharts(head!, 'zh-Hant-HK', STRINGS).toString(), 'chart-members');
  for (const [name, n] of chart.rows) assert.is(n, counts.get(name), name);
  const values = chart.rows.map(([, v]) => v);
  assert.equal(values, [...values].sort((a, b) => b - a), 'most first');
  const cutoff = values[values.length - 1]!;
  // Everyone at or above the cut is shown: a tie at the cut is never broken by name order.
  for (const [name, n] of counts) if (n >= cutoff) assert.ok(chart.rows.some(([m]) => m === name), `${name} (${n}) is shown`);
  const above = [...counts.values()].filter((n) => n > cutoff).length;
  assert.ok(above < TOP_MEMBERS && chart.rows.length >= Math.min(TOP_MEMBERS, counts.size), `${chart.rows.length} members shown`);
  assert.equal(chart.barLabels, chart.rows.map(([m]) => m));
  assert.equal(chart.barValues, values);
});

test('year page: one programme bar per programme of every head, labelled with its head', () => {
  const y = archive.years.find((x) => x.year === '2023-24')!;
  const markup = yearCharts(y, 'zh-Hant-HK', STRINGS).toString();
  const chart = readChart(markup, 'chart-programmes');
  assert.is(chart.rows.length, y.heads.reduce((n, h) => n + h.programmes.length, 0));
  assert.ok(chart.rows.every(([label]) => label.startsWith('總目 ')), 'labels carry the head');
  assert.is(markup, yearCharts(y, 'zh-Hant-HK', STRINGS).toString(), 'deterministic');
});

test('names with <&> are escaped in the SVG and the table; no inline style, SVG hidden from screen readers, table labelled', () => {
  const markup = barChart(
    [
      { prefix: '', label: '<script>alert(1)</script> & "Co"', value: 3, lang: 'zh-Hant-HK' },
      { prefix: 'A<1> ', label: '陳<b>英', value: 1, lang: 'zh-Hant-HK' },
    ],
    { id: 'c', caption: 'A & <B>', labelHeader: '議員', valueHeader: '答覆數目', lang: 'en' },
  ).toString();
  assert.not.match(markup, /<script|<b>/);
  assert.match(markup, '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
  assert.match(markup, '<th scope="row">A&lt;1&gt; <span lang="zh-Hant-HK">陳&lt;b&gt;英</span></th>', 'interface prefix outside the data’s lang span');
  assert.match(markup, '<figcaption id="c-caption">A &amp; &lt;B&gt;</figcaption>');
  assert.match(markup, /<svg class="chart__svg"[^>]* aria-hidden="true">/);
  assert.match(markup, '<table class="chart__table" aria-labelledby="c-caption">');
  assert.not.match(markup, /style[=>]/, 'CSP: no style attribute or element');
  assert.match(markup, /class="chart__bar" x="0" y="\d+" width="85\.00%"/, 'the largest value spans the bar width');
  assert.match(markup, /class="chart__bar" x="0" y="\d+" width="28\.33%"/, '1 of 3 is a third of it');
});

test.run();
