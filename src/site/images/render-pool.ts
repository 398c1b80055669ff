/**
 * Renders pictures to PNG files in child processes. Two reasons for processes
 * rather than rendering here: the font configuration is per process (it must
 * be set before fontconfig starts, and must not depend on what else this
 * process did), and drawing text is CPU-bound, so N processes use N cores.
 * Pictures go out in batches (one message per batch, not per picture: a card
 * costs a few ms, and a message round trip is a measurable share of that).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compiledModule } from '../../lib/compiled-module.ts';
import type { RenderJob, RenderReply, RenderRequest } from './render-worker.ts';

export type RenderTask = RenderJob & {
  /** Named in error messages (e.g. the card's output path). */
  label: string;
};

export interface PoolOptions {
  /** Worker processes (bounded by the number of batches). */
  workers: number;
  /** A fontconfig file listing the only fonts the workers may use. */
  fontconfigFile: string;
  /** Most pictures in one batch (default 32). */
  batchSize?: number;
}

export interface PoolResult {
  /** PNG bytes written. */
  bytes: number;
  /** CPU time of the workers (user + system), start-up included: the drawing's whole cost. */
  workerCpuMs: number;
}

const WORKER = new URL('./render-worker.ts', import.meta.url);
/** Batches in flight per worker: 2 keeps a worker busy while the parent answers. */
const IN_FLIGHT = 2;

function startWorker(fontconfigFile: string): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, FONTCONFIG_FILE: fontconfigFile };
  // Anything that could add fonts or settings from the machine goes.
  delete env.FONTCONFIG_PATH;
  delete env.FONTCONFIG_SYSROOT;
  // The worker compiled ahead (compiled-module.ts): no tsx to load in each.
  return fork(fileURLToPath(compiledModule(WORKER)), [], { env, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Batches small enough that every worker gets several (the last ones finish together), at most `size`. */
function batches(tasks: readonly RenderTask[], workers: number, size: number): RenderTask[][] {
  const per = Math.max(1, Math.min(size, Math.ceil(tasks.length / (workers * IN_FLIGHT * 4))));
  const out: RenderTask[][] = [];
  for (let i = 0; i < tasks.length; i += per) out.push(tasks.slice(i, i + per));
  return out;
}

/** Renders every task. Rejects on the first failure, naming the picture. */
export function renderInWorkers(tasks: readonly RenderTask[], options: PoolOptions): Promise<PoolResult> {
  if (tasks.length === 0) return Promise.resolve({ bytes: 0, workerCpuMs: 0 });
  const work = batches(tasks, options.workers, options.batchSize ?? 32);
  const workerCount = Math.max(1, Math.min(options.workers, Math.ceil(work.length / IN_FLIGHT)));
  return new Promise((resolve, reject) => {
    const workers: ChildProcess[] = [];
    /** Each worker's CPU as it last reported it. */
    const cpuMicros = new Map<ChildProcess, number>();
    let next = 0;
    let done = 0;
    let bytes = 0;
    let failed = false;
    const stopAll = () => {
      for (const w of workers) if (w.connected) w.disconnect();
    };
    const fail = (message: string) => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(new Error(message));
    };
    const feed = (worker: ChildProcess) => {
      if (failed || next >= work.length) return;
      const id = next++;
      const request: RenderRequest = { id, jobs: work[id]!.map(({ label: _label, ...job }) => job) };
      worker.send(request);
    };
    for (let i = 0; i < workerCount; i++) {
      const worker = startWorker(options.fontconfigFile);
      workers.push(worker);
      worker.on('message', (reply: RenderReply) => {
        if ('error' in reply) {
          fail(`share card ${work[reply.id]?.[reply.job]?.label ?? `${reply.id}/${reply.job}`}: render failed: ${reply.error}`);
          return;
        }
        bytes += reply.bytes;
        cpuMicros.set(worker, reply.cpuMicros);
        done++;
        if (done === work.length) {
          stopAll();
          resolve({ bytes, workerCpuMs: [...cpuMicros.values()].reduce((a, b) => a + b, 0) / 1000 });
        } else {
          feed(worker);
        }
      });
      worker.on('error', (err) => fail(`render worker: ${err.message}`));
      worker.on('exit', (code, signal) => {
        if (done < work.length && !failed) fail(`render worker exited early (code ${code}, signal ${signal})`);
      });
      for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
    }
  });
}
