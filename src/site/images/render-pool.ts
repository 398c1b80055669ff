/**
 * Renders SVGs to PNG files in child processes. Two reasons for processes
 * rather than rendering here: the font configuration is per process (it must
 * be set before fontconfig starts, and must not depend on what else this
 * process did), and rendering text is CPU-bound, so N processes use N cores.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RenderReply, RenderRequest } from './render-worker.ts';

export interface RenderTask {
  svg: string;
  /** Absolute path of the PNG to write. */
  file: string;
  /** Named in error messages (e.g. the card's output path). */
  label: string;
}

export interface PoolOptions {
  /** Worker processes (bounded by the number of tasks). */
  workers: number;
  /** A fontconfig file listing the only fonts the workers may use. */
  fontconfigFile: string;
  /** Tasks in flight per worker: 2 keeps a worker busy while the parent answers. */
  inFlight?: number;
}

const WORKER = fileURLToPath(new URL('./render-worker.ts', import.meta.url));
/** The workers are TypeScript: run them with tsx's loader, resolved from this package. */
const TSX_LOADER = import.meta.resolve('tsx');

function startWorker(fontconfigFile: string): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, FONTCONFIG_FILE: fontconfigFile };
  // Anything that could add fonts or settings from the machine goes.
  delete env.FONTCONFIG_PATH;
  delete env.FONTCONFIG_SYSROOT;
  return fork(WORKER, [], { env, execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Renders every task; resolves to the total PNG bytes written. Rejects on the first failure, naming the task. */
export function renderInWorkers(tasks: readonly RenderTask[], options: PoolOptions): Promise<number> {
  if (tasks.length === 0) return Promise.resolve(0);
  const inFlight = options.inFlight ?? 2;
  const workerCount = Math.max(1, Math.min(options.workers, Math.ceil(tasks.length / inFlight)));
  return new Promise((resolve, reject) => {
    const workers: ChildProcess[] = [];
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
      if (failed || next >= tasks.length) return;
      const id = next++;
      const task = tasks[id]!;
      const request: RenderRequest = { id, svg: task.svg, file: task.file };
      worker.send(request);
    };
    for (let i = 0; i < workerCount; i++) {
      const worker = startWorker(options.fontconfigFile);
      workers.push(worker);
      worker.on('message', (reply: RenderReply) => {
        if ('error' in reply) {
          fail(`share card ${tasks[reply.id]?.label ?? reply.id}: render failed: ${reply.error}`);
          return;
        }
        bytes += reply.bytes;
        done++;
        if (done === tasks.length) {
          stopAll();
          resolve(bytes);
        } else {
          feed(worker);
        }
      });
      worker.on('error', (err) => fail(`render worker: ${err.message}`));
      worker.on('exit', (code, signal) => {
        if (done < tasks.length && !failed) fail(`render worker exited early (code ${code}, signal ${signal})`);
      });
      for (let k = 0; k < inFlight; k++) feed(worker);
    }
  });
}
