/**
 * Turning reply files into Pagefind's input — read, parse YAML, tokenise, write
 * HTML — is a large share of the indexing CPU. It runs in worker threads, one per core, and
 * for the next part of a year's index while Pagefind indexes the current one (build-index.ts).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { readRecord, type SearchRecord, type IndexEntry } from './records.ts';
import { recordHtml } from './record-html.ts';
import { Lexicon, lexiconOf, type LexiconPart } from './lexicon.ts';

export interface PreparedDoc {
  url: string;
  html: string;
  year: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

function docOf(r: SearchRecord, language: string): PreparedDoc {
  return { url: r.url, html: recordHtml(r, language), year: r.year, meta: r.meta, filters: r.filters };
}

export function prepareDoc(entry: IndexEntry, language: string, siteDir?: string): PreparedDoc {
  return docOf(readRecord(entry, siteDir), language);
}

export interface PreparedChunk {
  docs: PreparedDoc[];
  lexicon: LexiconPart;
}

/** Some source files as Pagefind documents, and their lexicon (lexicon.ts). */
export function prepareChunk(entries: IndexEntry[], language: string, siteDir?: string): PreparedChunk {
  const records = entries.map((e) => readRecord(e, siteDir));
  return { docs: records.map((r) => docOf(r, language)), lexicon: lexiconOf(records) };
}

interface Job {
  entries: IndexEntry[];
  resolve: (chunk: PreparedChunk) => void;
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
    /** The built site: its pages give the records' blocks their element ids (page-anchors.ts). */
    private siteDir?: string,
    size = Math.max(1, Math.min(4, availableParallelism())),
  ) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./prepare-worker-boot.mjs', import.meta.url), { workerData: { language, siteDir } });
      w.on('message', (msg: { chunk?: PreparedChunk; error?: string }) => {
        const job = this.jobs.get(w);
        this.jobs.delete(w);
        if (job) {
          if (msg.error) job.reject(new Error(msg.error));
          else if (msg.chunk) job.resolve(msg.chunk);
          else job.reject(new Error('prepare worker: empty answer'));
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
      w.postMessage(job.entries);
    }
  }

  private run(entries: IndexEntry[]): Promise<PreparedChunk> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      this.pump();
    });
  }

  /** Prepared documents in the order of `entries`, and their lexicon. */
  async prepare(entries: IndexEntry[]): Promise<{ docs: PreparedDoc[]; lexicon: Lexicon }> {
    const CHUNK = 250;
    const parts: Promise<PreparedChunk>[] = [];
    if (entries.length < 64) parts.push(Promise.resolve(prepareChunk(entries, this.language, this.siteDir)));
    else for (let i = 0; i < entries.length; i += CHUNK) parts.push(this.run(entries.slice(i, i + CHUNK)));
    const chunks = await Promise.all(parts);
    const lexicon = new Lexicon();
    for (const c of chunks) lexicon.add(c.lexicon);
    return { docs: chunks.flatMap((c) => c.docs), lexicon };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
