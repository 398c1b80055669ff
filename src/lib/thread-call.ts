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

/** A call posted and not yet answered. */
interface Call {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * A worker thread that loads `module` now and then answers calls to its exports. `background`: the
 * thread runs at a lower priority than the rest of the process, and so do the processes it starts
 * (thread-priority.ts): for work that has time to spare beside the work that decides when the
 * caller is done.
 */
export function startThread(module: URL, { background = false }: { background?: boolean } = {}): Thread {
  // The module compiled for threads (compiled-module.ts), which the worker imports.
  const worker: Worker = tsWorker(new URL('./thread-call-worker.ts', import.meta.url), { target: compiledModule(module).href, background });
  // Calls posted and not yet answered, in the order posted: the worker answers them one at a time, in that
  // order (thread-call-worker.ts). A call is posted as it is made, even while the worker answers another. A
  // call queued here until the answer before it came was posted only when this thread next turned to its
  // events: an edit's unit asked its search thread for the year's plan as its pages were done, but the
  // thread, still keying the pages, had its answer read only after the unit had listed the cards and written
  // its exports, and began the plan 1.1 s later (timestamps in the unit's threads, an edit of the
  // benchmark's 19-year record, 2026-12-05). (Before that, a call to an idle thread posted on a later turn of
  // the microtask queue reached the SQLite thread 3 s late, for the same reason.)
  const posted: Call[] = [];
  let ended = false;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    for (const c of posted.splice(0)) c.reject(e);
  };
  worker.on('message', (m: Message) => {
    const c = posted.shift();
    if (!c) return;
    if ('result' in m) c.resolve(m.result);
    else c.reject(new Error(m.error));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!ended) fail(new Error(`${module.pathname}: its worker thread ended (exit ${code}) before it answered`));
  });
  return {
    call<F extends (...args: never[]) => unknown>(name: string, ...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> {
      const reply = new Promise<unknown>((resolve, reject) => {
        if (failure) return reject(failure);
        if (ended) return reject(new Error(`${module.pathname}: ${name} called after its thread ended`));
        try {
          worker.postMessage({ name, args });
          posted.push({ resolve, reject });
        } catch (e) {
          // Arguments that cannot be cloned (a function, say): that call fails, and the thread takes the next.
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
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
