/**
 * Calls an exported function of a TypeScript module in a worker thread of its
 * own, so that the calling thread can do other work meanwhile (a year's unit
 * runs its exports while its share cards and an edit's search index are made:
 * src/build/unit-process.ts). The arguments and the result cross by structured
 * clone: plain data only.
 *
 * A thread can be started before it is called (startThread): it loads its
 * module (compiled ahead: compiled-module.ts) while the caller does other
 * work, and takes calls one at a time until it is ended.
 * callInThread starts one, makes one call and ends it.
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { tsWorker } from './ts-worker.ts';
import { compiledModule } from './compiled-module.ts';

/** Worker threads for work spread over the cores: one per core, at most four. */
export const THREADS_PER_CORE = Math.max(1, Math.min(4, availableParallelism()));

type Message = { result: unknown } | { error: string };

export interface Thread {
  /** Calls the module's export `name` in the thread; calls made before the last one answered wait for it. */
  call<F extends (...args: never[]) => unknown>(name: string, ...args: Parameters<F>): Promise<Awaited<ReturnType<F>>>;
  /** Ends the thread (a call still running is dropped). */
  end(): Promise<void>;
}

/** A worker thread that loads `module` now and then answers calls to its exports. */
export function startThread(module: URL): Thread {
  // The module compiled for threads (compiled-module.ts), which the worker imports.
  const worker: Worker = tsWorker(new URL('./thread-call-worker.ts', import.meta.url), { target: compiledModule(module).href });
  // Calls in order: the worker answers one message at a time, so at most one call waits for its answer.
  let last: Promise<unknown> = Promise.resolve();
  let ended = false;
  let failure: Error | null = null;
  let waiting: { resolve: (v: unknown) => void; reject: (e: Error) => void } | null = null;
  const answer = (settle: (w: NonNullable<typeof waiting>) => void) => {
    const w = waiting;
    waiting = null;
    if (w) settle(w);
  };
  const fail = (e: Error) => {
    failure ??= e;
    answer((w) => w.reject(e));
  };
  worker.on('message', (m: Message) => answer((w) => ('result' in m ? w.resolve(m.result) : w.reject(new Error(m.error)))));
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!ended) fail(new Error(`${module.pathname}: its worker thread ended (exit ${code}) before it answered`));
  });
  return {
    call<F extends (...args: never[]) => unknown>(name: string, ...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> {
      const reply = last.catch(() => {}).then(
        () =>
          new Promise<unknown>((resolve, reject) => {
            if (failure) return reject(failure);
            if (ended) return reject(new Error(`${module.pathname}: ${name} called after its thread ended`));
            waiting = { resolve, reject };
            worker.postMessage({ name, args });
          }),
      );
      last = reply;
      return reply as Promise<Awaited<ReturnType<F>>>;
    },
    async end() {
      ended = true;
      await worker.terminate();
    },
  };
}

export async function callInThread<F extends (...args: never[]) => unknown>(module: URL, name: string, ...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> {
  const thread = startThread(module);
  try {
    return await thread.call<F>(name, ...args);
  } finally {
    await thread.end();
  }
}

/**
 * Each of `calls` (the arguments of one call to `name`) made in one of at most `size` threads of
 * `module`, each thread taking the next call when it has answered; the results in the order of
 * `calls`. When calls fail, no call after the first failure is started, and the error thrown is
 * that of the earliest call that failed: the one a loop making the calls in order would meet.
 */
export async function mapInThreads<F extends (...args: never[]) => unknown>(module: URL, name: string, calls: readonly Readonly<Parameters<F>>[], size: number): Promise<Awaited<ReturnType<F>>[]> {
  if (calls.length === 0) return [];
  const threads = Array.from({ length: Math.max(1, Math.min(size, calls.length)) }, () => startThread(module));
  const out: Awaited<ReturnType<F>>[] = new Array(calls.length);
  const failed = new Map<number, unknown>();
  let next = 0;
  try {
    await Promise.all(
      threads.map(async (thread) => {
        while (next < calls.length && failed.size === 0) {
          const i = next++;
          try {
            out[i] = await thread.call<F>(name, ...(calls[i] as Parameters<F>));
          } catch (e) {
            failed.set(i, e);
          }
        }
      }),
    );
  } finally {
    await Promise.all(threads.map((t) => t.end()));
  }
  if (failed.size > 0) throw failed.get(Math.min(...failed.keys()));
  return out;
}
