/**
 * The dev loop's rebuild (src/site/dev-rebuild.ts, `npm run dev`): after a
 * body-only edit it writes that reply's pages and no other, with the edited
 * text, and leaves the archive it read as it was (issue 16: nothing is
 * written to what was read; the edit makes a new archive).
 */
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import { deepFreeze } from '../support/freeze.ts';
import * as assert from 'uvu/assert';
import { settingsFromEnv } from '../../_data/site.ts';
import { writePages } from '../../src/site/eleventy-config.ts';
import { loadArchive } from '../../src/site/data/load.ts';
import { routeTable } from '../../src/site/data/routes.ts';
import { rebuildReplies, startRebuilds } from '../../src/site/dev-rebuild.ts';
import { tempDir } from '../support/builds.ts';

const root = tempDir('dev-rebuild');
const content = path.join(root, 'content');
cpSync('test/fixtures/site', content, { recursive: true });
const settings = { ...settingsFromEnv({ ARCHIVE_CONTENT: content }), outDir: path.join(root, 'site') };

test('a body edit writes that reply\'s pages with the new text, and no other page', async () => {
  const archive = loadArchive(content);
  await writePages(settings, archive, routeTable(archive, settings), settings.outDir);
  // Deep-frozen: a write to what was read throws (strict ESM), so a rebuild that patched the kept reply in place fails here.
  startRebuilds(settings, deepFreeze(archive));
  const page = (p: string) => path.join(settings.outDir, p, 'index.html');
  const otherBefore = statSync(page('2023-24/itib001')).mtimeMs;
  const edited = path.join(content, 'replies/2023-24/itib002.md');
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('\n## 答覆\n', '\n## 答覆\n\n開發時編輯的一句。\n'));

  const r = await rebuildReplies(settings, [edited]);
  assert.is(r.what, '2023-24/ITIB002');
  assert.equal(r.written.map((f) => path.relative(settings.outDir, f)).sort(), ['2023-24/en/itib002/index.html', '2023-24/itib002/index.html']);
  assert.match(readFileSync(page('2023-24/itib002'), 'utf8'), '開發時編輯的一句。');
  assert.match(readFileSync(page('2023-24/en/itib002'), 'utf8'), '開發時編輯的一句。');
  assert.is(statSync(page('2023-24/itib001')).mtimeMs, otherBefore, 'another reply\'s page is not written');
  // The archive as read still has the old body: the rebuild made a new one.
  assert.not.match(archive.replies.find((x) => x.replyNo === 'ITIB002')!.markdown, '開發時編輯的一句。');
});

test.run();
