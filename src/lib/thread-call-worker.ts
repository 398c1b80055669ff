/**
 * The worker side of thread-call.ts: loads the target module at once, then for
 * each message calls the named export with the arguments and posts its result
 * or its error's message; a thread started in the background (thread-call.ts
 * startThread) first lowers its own priority.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadsPriority } from './thread-priority.ts';

const { target, background } = workerData as { target: string; background?: boolean };
if (background) lowerThisThreadsPriority();
const loaded = import(target) as Promise<Record<string, (...a: unknown[]) => unknown>>;
loaded.catch(() => {}); // reported to each call below
// Calls are answered one at a time, in the order they came: the caller posts each as it is made (thread-call.ts).
let turn: Promise<void> = Promise.resolve();
parentPort?.on('message', ({ name, args }: { name: string; args: unknown[] }) => {
  turn = turn.then(async () => {
    try {
      const fn = (await loaded)[name];
      if (typeof fn !== 'function') throw new Error(`${target} exports no function ${name}`);
      parentPort?.postMessage({ result: await fn(...args) });
    } catch (e) {
      parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  });
});
