/**
 * Calls an exported function of a TypeScript module in a worker thread of its
 * own, so that the calling thread can do other work meanwhile (a year's unit
 * runs its exports while its share cards and an edit's search index are made:
 * src/build/unit-process.ts). The arguments and the result cross by structured
 * clone: plain data only. The thread ends when the call does.
 */
import { tsWorker } from './ts-worker.ts';

type Message = { result: unknown } | { error: string };

export function callInThread<F extends (...args: never[]) => unknown>(module: URL, name: string, ...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> {
  const worker = tsWorker(new URL('./thread-call-worker.ts', import.meta.url), { target: module.href, name, args });
  return new Promise((resolve, reject) => {
    worker.on('message', (m: Message) => {
      if ('result' in m) resolve(m.result as Awaited<ReturnType<F>>);
      else reject(new Error(m.error));
      void worker.terminate();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`${name} (${module.pathname}): its worker thread ended (exit ${code}) before it answered`)));
  });
}
