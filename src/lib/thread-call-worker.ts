/** The worker side of thread-call.ts: calls the named export of the target module with the arguments, posts its result or its error's message. */
import { parentPort, workerData } from 'node:worker_threads';

const { target, name, args } = workerData as { target: string; name: string; args: unknown[] };
try {
  const fn = ((await import(target)) as Record<string, (...a: unknown[]) => unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`${target} exports no function ${name}`);
  parentPort?.postMessage({ result: await fn(...args) });
} catch (e) {
  parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
}
