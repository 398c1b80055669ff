/**
 * Placing a rebuilt unit by the manifests of its two cache entries (src/lib/tree-manifest.ts):
 * the previous entry's folder, moved out, is made to hold exactly the new entry's files, as
 * hard links, as syncTree makes it; and a folder the manifest was not taken of (a copy, as a
 * cache restored from an archive is) is refused, so the caller syncs it the slow way.
 */
import { cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ManifestInPieces, placeByManifest, treeManifest, type TreeManifest } from '../../src/lib/tree-manifest.ts';
import { syncTree } from '../../src/lib/link-tree.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'legco-tree-manifest-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** Every file and folder under `dir`: `name inode` for a file, `name/` for a folder. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .map((e) => {
      const name = path.relative(dir, path.join(e.parentPath, e.name));
      return e.isDirectory() ? `${name}/` : `${name} ${statSync(path.join(dir, name)).ino}`;
    })
    .sort();
}

/**
 * Two entries of one unit as a build makes them: the previous one, and the next, whose unchanged
 * files are links of the previous one's; the next one changes a file, adds a file in a new folder,
 * and drops a file and a whole folder. Returns their folders and the next one's listing.
 */
function entries(name: string) {
  const before = path.join(scratch, name, 'before');
  const after = path.join(scratch, name, 'after');
  write(before, { 'index.html': 'year', 'a/index.html': 'a', 'b/index.html': 'b', 'gone/index.html': 'gone', 'gone/deep/x.json': 'x', 'data/replies.db': 'db 1' });
  for (const kept of ['index.html', 'a/index.html', 'b/index.html']) {
    mkdirSync(path.dirname(path.join(after, kept)), { recursive: true });
    linkSync(path.join(before, kept), path.join(after, kept));
  }
  write(after, { 'data/replies.db': 'db 2', 'new/part/1.pf': 'new' });
  rmSync(path.join(after, 'b/index.html'));
  return { before, after, manifests: { before: treeManifest(before), after: treeManifest(after) } };
}

test('a moved previous entry is brought to the new entry\'s files by the manifests, as syncTree brings it', () => {
  const { before, after, manifests } = entries('moved');
  const spare = path.join(scratch, 'moved', 'site-2023-24');
  renameSync(before, spare);
  const changed = placeByManifest(after, spare, manifests.before, manifests.after);
  // Linked: the changed database, the new part; removed: b's page, gone's two files.
  assert.is(changed, 5);
  assert.equal(listing(spare), listing(after));
  assert.ok(listing(spare).includes('b/'), 'a folder that keeps no file stays, as in the new entry');

  // The same start, synced by reading both folders: the same result.
  const other = entries('synced');
  syncTree(other.after, other.before);
  assert.equal(listing(other.before).map((l) => l.replace(/ \d+$/, '')), listing(spare).map((l) => l.replace(/ \d+$/, '')));
});

test('a copy of the previous entry (new inodes) is not taken for it: the caller syncs it the slow way', () => {
  const { before, after, manifests } = entries('copied');
  const copy = path.join(scratch, 'copied', 'copy');
  cpSync(before, copy, { recursive: true });
  assert.is(placeByManifest(after, copy, manifests.before, manifests.after), null);
  assert.is(placeByManifest(after, path.join(scratch, 'copied', 'absent'), manifests.before, manifests.after), null);
  // Nor is a folder where a name is a file on one side and a folder on the other.
  const swapped = { ...manifests.after, files: [...manifests.after.files, ['gone', 1] as [string, number]] };
  assert.is(placeByManifest(after, before, manifests.before, swapped), null);
});

/** A manifest as sorted lines, so two taken in another order compare. */
const lines = (m: TreeManifest) => [...m.dirs.map((d) => `${d}/`), ...m.files.map(([f, ino]) => `${f} ${ino}`)].sort();

test('a manifest taken in pieces, some folders as they are written, is the manifest of the whole folder', () => {
  const dir = path.join(scratch, 'pieces', 'site-2023-24');
  write(dir, { 'index.html': 'year', 'a/index.html': 'a', 'a/reply.json': '{}', 'og/a.png': 'card' });
  const later = ['og', 'pagefind', 'data'];
  const pieces = new ManifestInPieces(dir, later);
  // Written after the rest was listed: the cards (then listed), a search part in a folder of folders; the data folder never comes.
  write(dir, { 'og/en/a.png': 'card' });
  pieces.add(['og']);
  write(dir, { 'pagefind/1/index/x.pf_index': 'index', 'pagefind/1/pagefind-entry.json': '{}' });
  const whole = pieces.whole();
  assert.equal(lines(whole), lines(treeManifest(dir)));
  assert.ok(lines(whole).includes(`og/en/a.png ${statSync(path.join(dir, 'og/en/a.png')).ino}`));
  assert.equal(whole.root, treeManifest(dir).root);
  // Folders before what they hold, as placeByManifest makes them.
  for (const d of whole.dirs) if (d.includes('/')) assert.ok(whole.dirs.indexOf(path.posix.dirname(d)) < whole.dirs.indexOf(d), d);
});

test.run();
