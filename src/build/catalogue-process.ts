/**
 * The child process that reads the catalogue and writes its summary
 * (catalogue-summary.ts), so the build's own process does not hold the
 * catalogue while it builds the years: V8 keeps a heap it has grown (0.54 GB resident after reading the
 * catalogue of 100,000 bilingual replies and collecting it, a throwaway
 * script with --expose-gc, 2026-12-03), which would sit beside every year's unit.
 * Usage: node --import tsx src/build/catalogue-process.ts <input.json>
 */
import { writeFileWhole } from '../lib/cache-entry.ts';
import { childScriptMain } from '../lib/child-script.ts';
import { readCatalogue } from './catalogue.ts';
import { summarize, type SummaryInput } from './catalogue-summary.ts';

await childScriptMain<SummaryInput>('catalogue-process.ts', () => 'catalogue', (input) =>
  writeFileWhole(input.file, JSON.stringify(summarize(readCatalogue(input.settings.contentDir, input.repoRoot, input.editionsDir), input.settings, input.repoRoot))),
);
