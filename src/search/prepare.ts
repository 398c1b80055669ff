/**
 * Turning reply files into Pagefind's input — read, parse YAML, tokenise, write
 * HTML — is a large share of the indexing CPU. It runs in worker threads, one per core, and
 * for the next part of a year's index while Pagefind indexes the current one (build-index.ts).
 */
import type { Worker } from 'node:worker_threads';
import { readRecord, type SearchRecord, type IndexEntry } from './records.ts';
import { recordHtml } from './record-html.ts';
import { Lexicon, lexiconOf, type LexiconPart } from './lexicon.ts';
import { tsWorker } from '../lib/ts-worker.ts';
import { THREADS_PER_CORE } from '../lib/thread-call.ts';

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

/** The lexicon of some source files (prepareChunk's), without their documents. */
export function chunkLexicon(entries: IndexEntry[], siteDir?: string): LexiconPart {
  return lexiconOf(entries.map((e) => readRecord(e, siteDir)));
}

/** Some source files as Pagefind documents, and their lexicon (lexicon.ts). */
export function prepareChunk(entries: IndexEntry[], language: string, siteDir?: string): PreparedChunk {
  const records = entries.map((e) => readRecord(e, siteDir));
  return { docs: records.map((r) => docOf(r, language)), lexicon: lexiconOf(records) };
}

/**
 * Editions prepared together: a worker's job, and the unit of the prepared-chunk
 * cache (shard-cache.ts). A chunk's lexicon keeps only the words it saw often
 * (lexicon.ts WORD_MIN), so a part's lexicon depends on how it is cut: always in
 * chunks of this size, in order, wherever they are prepared.
 */
export const PREPARE_CHUNK = 250;

/** `entries` in the chunks they are prepared in. */
export function preparedChunks<T>(entries: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < entries.length; i += PREPARE_CHUNK) out.push(entries.slice(i, i + PREPARE_CHUNK));
  return out;
}

interface Job {
  entries: IndexEntry[];
  resolve: (chunk: PreparedChunk) => void;
  reject: (e: Error) => void;
}

/**
 * A pool of worker threads running prepare-worker.ts; falls back to this thread for
 * small inputs. A worker is started when a job waits and none is idle, up to `size`:
 * starting one (the tsx loader, then the record code) took about 1.4 CPU s (node
 * --cpu-prof of the worker, load 5), wasted when a rebuild after an edit prepares
 * one chunk, or none.
 */
export class PreparePool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: Job[] = [];
  private jobs = new Map<Worker, Job>();

  constructor(
    private language: string,
    /** The built site: its pages give the records' blocks their element ids (page-anchors.ts). */
    private siteDir?: string,
    /** Workers at most; 0: none, every chunk prepared in this thread (a rebuild that prepares one chunk). */
    private size = THREADS_PER_CORE,
  ) {}

  private start(): void {
    const w = tsWorker(new URL('./prepare-worker.ts', import.meta.url), { language: this.language, siteDir: this.siteDir });
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

  private pump(): void {
    while (this.queue.length && !this.idle.length && this.workers.length < this.size) this.start();
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.jobs.set(w, job);
      w.postMessage(job.entries);
    }
  }

  /** One chunk's prepared documents and lexicon (in this thread when it is small, or the pool has no workers). */
  chunk(entries: IndexEntry[]): Promise<PreparedChunk> {
    if (entries.length < 64 || this.size === 0) return Promise.resolve().then(() => prepareChunk(entries, this.language, this.siteDir));
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      this.pump();
    });
  }

  /** Prepared documents in the order of `entries`, and their lexicon. */
  async prepare(entries: IndexEntry[]): Promise<{ docs: PreparedDoc[]; lexicon: Lexicon }> {
    const chunks = await Promise.all(preparedChunks(entries).map((c) => this.chunk(c)));
    const lexicon = new Lexicon();
    for (const c of chunks) lexicon.add(c.lexicon);
    return { docs: chunks.flatMap((c) => c.docs), lexicon };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
