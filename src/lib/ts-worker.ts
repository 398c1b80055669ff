/**
 * A worker thread running a TypeScript module: `module` is loaded by tsx in the
 * thread (ts-worker-boot.mjs) and reads `data` as its workerData.
 */
import { Worker } from 'node:worker_threads';

const BOOT = new URL('./ts-worker-boot.mjs', import.meta.url);

export function tsWorker(module: URL, data: Record<string, unknown>): Worker {
  return new Worker(BOOT, { workerData: { ...data, module: module.href } });
}
