/**
 * Turning reply files into Pagefind's input — read, parse YAML, tokenise, write
 * HTML — is a large share of the indexing CPU. It runs in worker threads, one per core, and
 * for the next shard while Pagefind indexes the current one.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { readRecord, type SourceFile } from './records.ts';
import { recordHtml } from './record-html.ts';

export interface PreparedDoc {
  url: string;
  html: string;
  year: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export function prepareDoc(src: SourceFile, language: string): PreparedDoc {
  const r = readRecord(src);
  return { url: r.url, html: recordHtml(r, language), year: r.year, meta: r.meta, filters: r.filters };
}

interface Job {
  sources: SourceFile[];
  resolve: (docs: PreparedDoc[]) => void;
  reject: (e: Error) => void;
}

/** A pool of worker threads running prepare-worker.ts; falls back to this thread for small inputs. */
export class PreparePool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: Job[] = [];
  private jobs = new Map<Worker, Job>();

  constructor(
    private language: string,
    size = Math.max(1, Math.min(4, availableParallelism())),
  ) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./prepare-worker-boot.mjs', import.meta.url), { workerData: { language } });
      w.on('message', (msg: { docs?: PreparedDoc[]; error?: string }) => {
        const job = this.jobs.get(w);
        this.jobs.delete(w);
        if (job) {
          if (msg.error) job.reject(new Error(msg.error));
          else job.resolve(msg.docs ?? []);
        }
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (e) => {
        const job = this.jobs.get(w);
        this.jobs.delete(w);
        job?.reject(e);
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.jobs.set(w, job);
      w.postMessage(job.sources);
    }
  }

  private run(sources: SourceFile[]): Promise<PreparedDoc[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sources, resolve, reject });
      this.pump();
    });
  }

  /** Prepared documents in the order of `sources`. */
  async prepare(sources: SourceFile[]): Promise<PreparedDoc[]> {
    if (sources.length < 64) return sources.map((s) => prepareDoc(s, this.language));
    const CHUNK = 250;
    const parts: Promise<PreparedDoc[]>[] = [];
    for (let i = 0; i < sources.length; i += CHUNK) parts.push(this.run(sources.slice(i, i + CHUNK)));
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
