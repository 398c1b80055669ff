/**
 * Hostile names in the source (issue 13), through the real ingest CLI and the
 * real build of a scratch copy of the XSS fixture (test/fixtures/xss):
 *
 * - a member `javascript:alert(document.domain)<!--` (header and index row) and
 *   a member `=cmd|' /C calc'!A0`, and a question that makes the title
 *   `=HYPERLINK("http://x","y")…`: the build has no link a browser would
 *   resolve to anything but a page of the site or an http(s) address, every
 *   internal link stays inside the site (no page outside its folder), the
 *   members get pages under /members/, and no replies.csv cell starts a formula;
 * - a member `..`: the ingest stops, naming the source file and line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DomUtils, parseDocument } from 'htmlparser2';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildSite, scratchContent, tempDir, XSS_SOURCE } from '../support/builds.ts';
import { diskTree } from '../support/file-tree.ts';
import { checkLinks, describeProblems } from '../support/links.ts';

const test = suite('hostile names: an ingest error or an inert build');

const JS_MEMBER = 'javascript:alert(document.domain)<!--';
const CMD_MEMBER = "=cmd|' /C calc'!A0";
const FORMULA_TITLE = '=HYPERLINK("http://x","y")';

function hostileSource(member2: string): string {
  const text = readFileSync(XSS_SOURCE, 'utf8');
  const out = text
    .replace('ITIB901 2875 張測試 135', `ITIB901 2875 ${JS_MEMBER} 135`)
    .replace('提問人：張測試議員', `提問人：${JS_MEMBER}議員`)
    .replace('提問人：李測試議員', `提問人：${member2}議員`)
    .replace('1.  <b onmouseover=alert(1)>粗</b> 的資料為何？', `1.  ${FORMULA_TITLE} 的資料為何？`);
  assert.ok(out.includes(JS_MEMBER) && out.includes(member2) && out.includes(FORMULA_TITLE), 'the fixture changed: the hostile names were not put in');
  return out;
}

let site: string | undefined;
const hostileSite = () => (site ??= buildSite(scratchContent('hostile', hostileSource(CMD_MEMBER)), path.join(tempDir('hostile-site'), 'site')));

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/'));
}

test('a member named ".." stops the ingest with the source file and line', () => {
  const content = tempDir('dots');
  const source = path.join(content, 'zh-2023-24-XSS.txt');
  const text = hostileSource('..');
  writeFileSync(source, text);
  const line = text.split('\n').findIndex((l) => l.startsWith('提問人：..議員')) + 1;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', source, '--out', path.join(content, 'out')], { encoding: 'utf8' });
  assert.is.not(r.status, 0, 'the ingest accepted a member named ".."');
  assert.match(r.stderr, `zh-2023-24-XSS.txt:${line}: reply ITIB902: the member's name ".."`);
  assert.not.ok(existsSync(path.join(content, 'out')) && readdirSync(path.join(content, 'out')).length > 0, 'half-written output');
});

test('the built site has no link that is not a page of the site or an http(s) address', () => {
  const dir = hostileSite();
  const bad: string[] = [];
  let links = 0;
  for (const file of htmlFiles(dir)) {
    const doc = parseDocument(readFileSync(path.join(dir, file), 'utf8'));
    // Resolved as a browser would, on the site served at https://site.test/.
    const base = new URL(file, 'https://site.test/');
    for (const el of DomUtils.findAll((e) => ['a', 'link', 'form', 'area'].includes(e.name), doc.children)) {
      const value = el.attribs.href ?? el.attribs.action;
      if (value === undefined) continue;
      links++;
      const url = new URL(value, base);
      if (!['https:', 'http:', 'mailto:'].includes(url.protocol)) bad.push(`${file}: ${value} (${url.protocol})`);
    }
  }
  console.log(`  ${htmlFiles(dir).length} pages, ${links} links, ${bad.length} not http(s) or mailto`);
  assert.equal(bad, [], 'links that resolve to another scheme');
});

test('every page stays in its folder: the members have pages under /members/, every internal link resolves inside the site', () => {
  const dir = hostileSite();
  const members = readdirSync(path.join(dir, 'members')).filter((d) => existsSync(path.join(dir, 'members', d, 'index.html')));
  assert.ok(members.includes('javascript-alert-document.domain'), `member pages: ${members.join(', ')}`);
  assert.ok(members.includes('cmd-C-calc-A0'), `member pages: ${members.join(', ')}`);
  const pages = htmlFiles(dir);
  // Written where the route table says: the site root holds only the known top-level entries.
  assert.equal(readdirSync(dir).filter((f) => !/^(2023-24|404\.html|about|apple-touch-icon\.png|assets|background|data|en|favicon.*|feed\.xml|icon-\d+\.png|index\.html|members|og|pagefind|robots\.txt|search|site\.webmanifest)$/.test(f)), []);
  assert.ok(pages.every((p) => !p.split('/').includes('..')));
  const result = checkLinks(diskTree(dir));
  assert.is(result.problems.length, 0, `broken or escaping references:\n${describeProblems(result.problems)}`);
  // The member's name is shown as written.
  const page = readFileSync(path.join(dir, 'members/javascript-alert-document.domain/index.html'), 'utf8');
  assert.match(page, 'javascript:alert(document.domain)&lt;!--');
});

test('replies.csv: no cell a spreadsheet would run as a formula; the values are all there', () => {
  const dir = hostileSite();
  const rows = parse(readFileSync(path.join(dir, '2023-24/data/replies.csv'), 'utf8').replace(/^\uFEFF/, ''), { relax_quotes: false }) as string[][];
  const cells = rows.flat();
  const formulas = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c));
  assert.equal(formulas, [], 'cells a spreadsheet reads as formulas');
  assert.ok(cells.includes(`'${CMD_MEMBER}`), 'the member is kept, made text with a leading apostrophe');
  assert.ok(cells.some((c) => c.startsWith(`'${FORMULA_TITLE}`)), 'the title is kept, made text with a leading apostrophe');
  assert.ok(cells.includes(JS_MEMBER), 'a name that is no formula is left as it is');
});

test.run();
