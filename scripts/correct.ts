/**
 * npm run correct -- ITIB043 [--year 2023-24] [--fresh]
 *   For each `extracted` block of the reply: show it with its source lines and
 *   write a draft under .corrections/ with a proposed table to edit.
 * npm run correct -- --write .corrections/<draft>.md [--number N]
 *   Turn the edited draft into content/patches/<source>/NNN-<reply>-<name>.patch
 *   (Why:, Drops:, Adds: filled in), check that the ingest applies it and that
 *   the block became a table; on any failure the patch is removed again.
 * npm run correct -- --example
 *   The first command on ITIB043 as it was before its tables were corrected
 *   (src/ingest/correct-example.ts), in a scratch copy.
 * See content/patches/README.md ("The correction tool").
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { correctDrafts, writeCorrection } from '../src/ingest/correct.ts';
import { correctExample } from '../src/ingest/correct-example.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

try {
  const argv = process.argv.slice(2);
  const draft = option(argv, '--write');
  if (argv.includes('--example')) {
    console.log(correctExample(root));
  } else if (draft) {
    const n = option(argv, '--number');
    if (n !== undefined && !/^\d{1,3}$/.test(n)) throw new Error(`--number must be 1 to 3 digits, got "${n}"`);
    console.log(writeCorrection(root, path.resolve(draft), n === undefined ? undefined : Number(n)));
  } else {
    const replyNo = argv.find((a) => !a.startsWith('--') && a !== option(argv, '--year'));
    if (!replyNo) throw new Error('usage: npm run correct -- ITIB043 [--year 2023-24] [--fresh] | --write <draft> [--number N] | --example');
    console.log(correctDrafts(root, replyNo.toUpperCase(), option(argv, '--year'), argv.includes('--fresh')));
  }
} catch (err) {
  console.error(`correct: ${(err as Error).message}`);
  process.exitCode = 1;
}
