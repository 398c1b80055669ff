/**
 * Tables that say what they are (src/site/markdown/table-structure.ts, tables.ts,
 * table-notes.ts, table-numbers.ts), on the real replies as committed: each
 * expectation was read off the Markdown table cited.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderBody } from '../../src/site/markdown/index.ts';
import { CAPTION_MAX, captionFromIntro } from '../../src/site/markdown/table-structure.ts';

const DIR = 'content/replies/2023-24';
const realBody = (no: string) => readFileSync(`${DIR}/${no}.md`, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const render = (no: string) => renderBody(realBody(no), 'zh-Hant-HK', 'reply');
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim();
const all = readdirSync(DIR).filter((f) => /^itib\d{3}\.md$/.test(f)).sort().map((f) => ({ no: f.slice(0, 7), html: render(f.slice(0, 7)) }));

test('no row header is a bare serial number, in any of the 97 tables (318 were)', () => {
  let tables = 0;
  const bare: string[] = [];
  for (const { no, html } of all) {
    tables += (html.match(/<table /g) ?? []).length;
    for (const m of html.matchAll(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/g)) if (/^(?:\d+\.?|\(\d+\))$/.test(text(m[1]!))) bare.push(`${no}: ${text(m[1]!)}`);
  }
  assert.is(tables, 97);
  assert.equal(bare, []);
});

test('ITIB201 annex A: the row is named by the app (名稱), its serial number an ordinary cell', () => {
  const html = render('itib201');
  assert.match(html, /<tr>\n<td class="[^"]*serial[^"]*">1\.<\/td>\n<td>漁農自然護理署<\/td>\n<th scope="row">郊野樂行<\/th>/);
});

test('ITIB097: a group row is a header spanning the row, heading its own tbody (scope="rowgroup")', () => {
  const html = render('itib097');
  assert.match(html, /<\/tbody>\n<tbody>\n<tr>\n<th scope="rowgroup" colspan="5" class="group">副題:環境的可持續發展<\/th>\n<\/tr>/);
  assert.match(html, /<th scope="rowgroup" colspan="5" class="group">副題:保持社交聯繫<\/th>/);
});

test('ITIB158: a value printed once for several ranks spans them; the 總計 row\'s blank stays blank', () => {
  const html = render('itib158');
  assert.match(html, '<td class="num span" rowspan="8">15.3</td>');
  assert.match(html, '<td class="num span" rowspan="3">5.6</td>');
  assert.match(html, /<th scope="row">總計<\/th>\n<td class="num">26<\/td>\n<td><\/td>/);
});

test('ITIB150: 不適用^ printed once across four years spans them', () => {
  assert.match(render('itib150'), /<td colspan="4" class="span">不適用<sup class="fn"><a href="#answer-\d+">\^<\/a><\/sup><\/td>/);
});

test('ITIB156: the footnote mark is separate from its header and links to the note under the table', () => {
  const html = render('itib156');
  const m = /<th scope="col"[^>]*>申請宗數<sup class="fn"><a href="#([\w-]+)">註1<\/a><\/sup><\/th>/.exec(html);
  assert.ok(m, 'header 申請宗數 with its mark linked');
  const note = new RegExp(`<p id="${m![1]}">([^<]*)`).exec(html);
  assert.ok(note && /^註\s*1/.test(note[1]!), note?.[1]);
});

test('captions name the table in a few words: never cut (no …), never over 30 characters after the number', () => {
  const long: string[] = [];
  for (const { no, html } of all) {
    for (const m of html.matchAll(/<caption[^>]*>([\s\S]*?)<\/caption>/g)) {
      const caption = text(m[1]!);
      const what = caption.replace(/^[^：]*：表 \d+(?:：)?/u, '');
      if (what.includes('…') || Array.from(what).length > CAPTION_MAX || /^[，、。]/.test(what)) long.push(`${no}: ${caption}`);
    }
  }
  assert.equal(long, []);
});

test('ITIB144 and ITIB120: the captions the issue found cut now name their tables', () => {
  const c144 = [...render('itib144').matchAll(/<caption[^>]*>([\s\S]*?)<\/caption>/g)].map((m) => text(m[1]!));
  for (const c of c144) assert.not.match(c, /…|技應用/, c);
  const c120 = [...render('itib120').matchAll(/<caption[^>]*>([\s\S]*?)<\/caption>/g)].map((m) => text(m[1]!));
  assert.is(c120[0], '答覆：表 1：營運開支(百萬元)');
});

test('an introducing sentence gives the clauses at its end, whole, without "如下"', () => {
  assert.is(captionFromIntro('政府會繼續推動公共Wi-Fi服務，設於全港18區超過43 000個Wi-Fi熱點的分布如下：'), '設於全港18區超過43 000個Wi-Fi熱點的分布');
  assert.is(captionFromIntro('(計至最近千位數)'), '');
  assert.is(captionFromIntro('這是一個完整的句子。'), '');
});

test.run();
