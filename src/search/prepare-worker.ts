/** Worker thread of PreparePool (prepare.ts): source files in, Pagefind HTML out. */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareChunk } from './prepare.ts';
import type { SourceFile } from './records.ts';

const { language, siteDir } = workerData as { language: string; siteDir?: string };
parentPort?.on('message', (sources: SourceFile[]) => {
  try {
    parentPort?.postMessage({ chunk: prepareChunk(sources, language, siteDir) });
  } catch (e) {
    parentPort?.postMessage({ error: (e as Error).message });
  }
});
