/**
 * `npm run correct -- --example`: the reviewer's tool on a reply as it was
 * before its tables were corrected. Every flattened table of the shipped
 * archive is corrected already (the tool then has nothing to show), so the
 * example copies the sources and every correction except the example reply's
 * into a scratch folder, runs the tool there and removes the folder: the
 * reviewer sees the blocks, their source lines and the proposed tables.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { correctDrafts } from './correct.ts';

/** The reply whose corrections the example leaves out: the one content/patches/README.md walks through. */
export const EXAMPLE_REPLY = 'ITIB043';

export function correctExample(root: string, replyNo = EXAMPLE_REPLY): string {
  const scratch = mkdtempSync(path.join(tmpdir(), 'correct-example-'));
  try {
    const patches = path.join(root, 'content/patches');
    cpSync(path.join(root, 'content/sources'), path.join(scratch, 'content/sources'), { recursive: true });
    const left: string[] = [];
    for (const entry of readdirSync(patches, { withFileTypes: true })) {
      const from = path.join(patches, entry.name);
      const to = path.join(scratch, 'content/patches', entry.name);
      if (!entry.isDirectory()) {
        mkdirSync(path.dirname(to), { recursive: true });
        cpSync(from, to);
        continue;
      }
      mkdirSync(to, { recursive: true });
      for (const f of readdirSync(from)) {
        if (f.includes(`-${replyNo.toLowerCase()}-`)) left.push(`${entry.name}/${f}`);
        else cpSync(path.join(from, f), path.join(to, f));
      }
    }
    if (left.length === 0) throw new Error(`no correction of ${replyNo} under content/patches/ to leave out`);
    const shown = correctDrafts(scratch, replyNo, undefined, true);
    return [
      `Example: ${replyNo} as the ingest reads it without its ${left.length} correction(s) (${left.join(', ')}), in a scratch copy removed afterwards.`,
      '',
      shown,
      '',
      `On a reply of yours: npm run correct -- <REPLYNO> writes those drafts under .corrections/ to edit, then --write <draft> (content/patches/README.md).`,
    ].join('\n');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
