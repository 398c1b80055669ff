/**
 * A worker thread running a TypeScript module of the repository, compiled ahead
 * (compiled-module.ts): `module` reads `data` as its workerData.
 */
import { Worker } from 'node:worker_threads';
import { compiledModule } from './compiled-module.ts';

export function tsWorker(module: URL, data: Record<string, unknown>): Worker {
  return new Worker(compiledModule(module), { workerData: data });
}
