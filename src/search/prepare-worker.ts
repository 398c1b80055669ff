/** Worker thread of PreparePool (prepare.ts): source files in, Pagefind HTML out. */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareChunk } from './prepare.ts';
import type { IndexEntry } from './records.ts';

const { language, siteDir } = workerData as { language: string; siteDir?: string };
parentPort?.on('message', (entries: IndexEntry[]) => {
  try {
    parentPort?.postMessage({ chunk: prepareChunk(entries, language, siteDir) });
  } catch (e) {
    parentPort?.postMessage({ error: (e as Error).message });
  }
});
