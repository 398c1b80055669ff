/** Worker thread of PreparePool (prepare.ts): source files in, Pagefind HTML out. */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareChunk } from './prepare.ts';
import type { IndexEntry } from './records.ts';

const { language } = workerData as { language: string };
parentPort?.on('message', (sources: IndexEntry[]) => {
  try {
    parentPort?.postMessage({ chunk: prepareChunk(sources, language) });
  } catch (e) {
    parentPort?.postMessage({ error: (e as Error).message });
  }
});
