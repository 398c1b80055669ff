/**
 * The child process that reads the catalogue and writes its summary
 * (catalogue-summary.ts), so the build's own process never holds the
 * catalogue: V8 keeps a heap it has grown (0.54 GB resident after reading the
 * catalogue of 100,000 bilingual replies and collecting it, a throwaway
 * script with --expose-gc, 2026-12-03), which would sit beside every year's unit.
 * Usage: node --import tsx src/build/catalogue-process.ts <input.json>
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readCatalogue } from './catalogue.ts';
import { summarize, type SummaryInput } from './catalogue-summary.ts';

const inputFile = process.argv[2];
if (!inputFile) {
  console.error('usage: catalogue-process.ts <input.json>');
  process.exit(2);
}
const input = JSON.parse(readFileSync(inputFile, 'utf8')) as SummaryInput;
try {
  const summary = summarize(readCatalogue(input.settings.contentDir, input.repoRoot, input.editionsDir), input.settings);
  const partial = `${input.file}.partial-${process.pid}`;
  writeFileSync(partial, JSON.stringify(summary));
  renameSync(partial, input.file);
} catch (err) {
  // Content errors carry "file:line: message"; show them without a stack.
  console.error(`build failed: catalogue: ${(err as Error).message}`);
  process.exitCode = 1;
}
