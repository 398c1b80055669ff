/**
 * Hostile or broken input to `npm run ingest`, on a scratch copy of the
 * repository's content (issue 21): each case used to write outside the clone,
 * empty content/replies, delete a page, or pass a character the build or
 * Pagefind then choked on. Now each stops with `file:line` and a non-zero exit,
 * writes nothing outside and changes nothing inside; a bidirectional control
 * in a source is removed with a warning naming its line.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE = 'content/sources/2023-24/zh-2023-24-ITIB.txt';
const META = SOURCE.replace(/\.txt$/, '.meta.json');
const BACKGROUND_META = 'content/sources/background/background-zh-2015-12-14-ITB-paper.meta.json';
const temps: string[] = [];
process.on('exit', () => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** scratch/one/two/repo with the repository's content: `content/replies/../../../../x` lands in scratch/one, outside the copy. */
function scratchRepo(): { scratch: string; repo: string } {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'legco-hostile-'));
  temps.push(scratch);
  const repo = path.join(scratch, 'one/two/repo');
  mkdirSync(repo, { recursive: true });
  cpSync(path.join(ROOT, 'content'), path.join(repo, 'content'), { recursive: true });
  return { scratch, repo };
}

/** Every file under `dir` → its hash: what "changes nothing" compares. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    if (statSync(p).isFile()) out.set(f, createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return out;
}

function ingest(repo: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/ingest.ts'), '--root', repo, ...args], { cwd: ROOT, encoding: 'utf8' });
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function editJson(file: string, edit: (v: Record<string, unknown>) => void): string {
  const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(v);
  const text = `${JSON.stringify(v, null, 2)}\n`;
  writeFileSync(file, text);
  return text;
}

/** Runs the ingest on a scratch repository changed by `change`; expects a refusal matching `message` and no change anywhere under scratch. */
function refused(change: (repo: string) => void, message: (repo: string) => RegExp | string): void {
  const { scratch, repo } = scratchRepo();
  change(repo);
  const before = snapshot(scratch);
  const r = ingest(repo);
  assert.is.not(r.status, 0, `the ingest accepted it:\n${r.stdout.slice(-500)}`);
  assert.match(r.stderr, message(repo));
  assert.not.match(r.stderr, /\n\s+at /, 'a stack trace instead of a message');
  const after = snapshot(scratch);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
  assert.equal(changed, [], 'files written or changed');
}

const EVIL = '../../../../x';

test('a new source whose metadata says "year": "../../../../x" writes nothing, outside or inside', () => {
  let line = 0;
  refused(
    (repo) => {
      const dir = path.join(repo, 'content/sources/2024-25');
      mkdirSync(dir);
      cpSync(path.join(repo, SOURCE), path.join(dir, 'zh-2024-25-ITIB.txt'));
      cpSync(path.join(repo, META), path.join(dir, 'zh-2024-25-ITIB.meta.json'));
      line = lineOf(editJson(path.join(dir, 'zh-2024-25-ITIB.meta.json'), (m) => (m.year = EVIL)), '"year"');
    },
    () => new RegExp(`content/sources/2024-25/zh-2024-25-ITIB\\.meta\\.json:${line}: "year" must be a budget year like "2023-24" \\(found "\\.\\./`),
  );
});

test(`the existing year's metadata changed to "../../../../x": content/replies is not emptied`, () => {
  let line = 0;
  refused(
    (repo) => (line = lineOf(editJson(path.join(repo, META), (m) => (m.year = EVIL)), '"year"')),
    () => new RegExp(`zh-2023-24-ITIB\\.meta\\.json:${line}: "year" must be`),
  );
});

test(`the background paper's "slug": "../../../../x" writes nothing outside and keeps its page`, () => {
  let line = 0;
  refused(
    (repo) => (line = lineOf(editJson(path.join(repo, BACKGROUND_META), (m) => (m.slug = EVIL)), '"slug"')),
    () => new RegExp(`background-zh-2015-12-14-ITB-paper\\.meta\\.json:${line}: "slug" must be a lower-case slug`),
  );
});

test('a bureau code or file name in metadata that is a path is refused', () => {
  refused((repo) => void editJson(path.join(repo, META), (m) => (m.bureau = 'ITIB/../../x')), () => /zh-2023-24-ITIB\.meta\.json:\d+: "bureau" must be a bureau code/);
  refused((repo) => void editJson(path.join(repo, META), (m) => (m.originalFile = '../../etc/passwd')), () => /"originalFile" must be one file name/);
});

test('a lone surrogate in titles.json stops the ingest at its line (Pagefind used to panic on it, naming no file)', () => {
  let line = 0;
  refused(
    (repo) => {
      const file = path.join(repo, 'content/patches/titles.json');
      // JSON can carry a lone surrogate only as an escape; JSON.stringify writes it as one.
      const text = editJson(file, (t) => ((t['zh-Hant-HK'] as Record<string, string>)['2023-24/ITIB002'] = 'half \ud800 a character'));
      line = lineOf(text, '"2023-24/ITIB002"');
    },
    () => new RegExp(`content/patches/titles\\.json:${line}: "2023-24/ITIB002" holds a lone surrogate \\(U\\+D800`),
  );
});

test(`a control character in a member's name stops the ingest at the source line, not in the build`, () => {
  let line = 0;
  refused(
    (repo) => {
      const file = path.join(repo, SOURCE);
      const text = readFileSync(file, 'utf8');
      line = lineOf(text, '提問人：');
      const lines = text.split('\n');
      lines[line - 1] = lines[line - 1]!.replace('提問人：', '提問人：\u0007');
      writeFileSync(file, lines.join('\n'));
    },
    () => new RegExp(`${SOURCE.replace(/\./g, '\\.')}:${line}: a control character \\(U\\+0007\\)`),
  );
});

test('a right-to-left override in a source is removed, with a warning naming its line; no generated file holds one', () => {
  const { repo } = scratchRepo();
  const file = path.join(repo, SOURCE);
  const text = readFileSync(file, 'utf8');
  const line = lineOf(text, '提問人：');
  const lines = text.split('\n');
  lines[line - 1] = lines[line - 1]!.replace('提問人：', '提問人：\u202E');
  writeFileSync(file, lines.join('\n'));
  const r = ingest(repo);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, `warning bidi-removed: ${SOURCE} (line ${line}): 1 bidirectional control`);
  const generated = (readdirSync(path.join(repo, 'content'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md'));
  const holding = generated.filter((f) => /[\u202A-\u202E\u2066-\u2069]/.test(readFileSync(path.join(repo, 'content', f), 'utf8')));
  assert.equal(holding, []);
  // Nothing else changed: the generated Markdown is what the committed content holds.
  const diff = snapshot(path.join(repo, 'content/replies'));
  const committed = snapshot(path.join(ROOT, 'content/replies'));
  assert.equal([...diff].filter(([f, h]) => committed.get(f) !== h).map(([f]) => f), []);
});

test.run();
