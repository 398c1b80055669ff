// A worker thread's bootstrap (ts-worker.ts): plain JS so Node can start it, then tsx loads
// the TypeScript module named in workerData (worker threads do not inherit the tsx loader
// the main thread runs under).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
