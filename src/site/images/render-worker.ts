/**
 * A render worker: a child process started by render-pool.ts with
 * FONTCONFIG_FILE pointing at our fonts only (fonts.ts). Receives batches of
 * pictures to draw (a card's Pango markup, or an icon's SVG), writes each PNG
 * to its file atomically (a failed layout names its first card), and answers per batch with the bytes written and the
 * CPU time this process has used so far (the pool's measure of the cost), or
 * with the first error.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from './atomic-write.ts';
import { CardPainter } from './card-raster.ts';
import { svgToPng } from './png.ts';

/** One picture: a card (its markup and the archive name of its fixed parts) or an SVG. */
export type RenderJob = { file: string } & ({ card: { markup: string; brand: string } } | { svg: string });

export interface RenderRequest {
  /** Batch number, echoed in the reply. */
  id: number;
  jobs: RenderJob[];
}

export type RenderReply =
  | { id: number; bytes: number; cpuMicros: number }
  | { id: number; error: string; job: number };

// Parallelism comes from several workers; one libvips thread each keeps the total bounded.
sharp.concurrency(1);
sharp.cache(false);

const painter = new CardPainter();
const madeDirs = new Set<string>();

function send(reply: RenderReply): void {
  process.send?.(reply);
}

/**
 * Cards drawn by one Pango layout. A sharp pipeline has a fixed cost of about
 * a millisecond, which 8 cards share: the 348 seed cards painted in one
 * process (load 14) took 6.7–7.6 ms CPU a card one a layout, 4.9–5.5 ms
 * eight a layout, 5.4 ms sixteen a layout (and a picture twice as tall).
 */
const CARDS_PER_LAYOUT = 8;

function write(file: string, png: Buffer): number {
  const dir = path.dirname(file);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  writeFileAtomic(file, png);
  return png.length;
}

type Failure = { error: string; job: number };

/** Draws a batch: runs of cards of one brand in layouts of up to CARDS_PER_LAYOUT, SVGs one by one. */
async function drawBatch(jobs: readonly RenderJob[]): Promise<{ bytes: number } | Failure> {
  let bytes = 0;
  let i = 0;
  while (i < jobs.length) {
    const job = jobs[i]!;
    try {
      if ('card' in job) {
        let end = i + 1;
        while (end < jobs.length && end - i < CARDS_PER_LAYOUT) {
          const other = jobs[end]!;
          if (!('card' in other) || other.card.brand !== job.card.brand) break;
          end++;
        }
        const group = jobs.slice(i, end) as Extract<RenderJob, { card: unknown }>[];
        const pngs = await painter.paint(group.map((j) => j.card.markup), job.card.brand);
        pngs.forEach((png, k) => (bytes += write(group[k]!.file, png)));
        i = end;
      } else {
        bytes += write(job.file, await svgToPng(job.svg));
        i++;
      }
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err), job: i };
    }
  }
  return { bytes };
}

async function handle(request: RenderRequest): Promise<void> {
  const result = await drawBatch(request.jobs);
  if ('error' in result) {
    send({ id: request.id, ...result });
    return;
  }
  const cpu = process.cpuUsage();
  send({ id: request.id, bytes: result.bytes, cpuMicros: cpu.user + cpu.system });
}

// One batch at a time, in order: the next one waits here while this one draws (no idle worker, no second thread).
let queue = Promise.resolve();
process.on('message', (request: RenderRequest) => {
  queue = queue.then(() => handle(request));
});
// The parent closes the IPC channel when it is done: exit then.
process.on('disconnect', () => process.exit(0));
