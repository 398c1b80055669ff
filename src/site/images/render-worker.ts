/**
 * A render worker: a child process started by render-pool.ts with
 * FONTCONFIG_FILE pointing at our fonts only (fonts.ts). Receives
 * { id, svg, file } messages, writes the PNG to `file` atomically, answers
 * { id, bytes } or { id, error }.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from './atomic-write.ts';
import { svgToPng } from './png.ts';

export interface RenderRequest {
  id: number;
  svg: string;
  file: string;
}

export type RenderReply = { id: number; bytes: number } | { id: number; error: string };

// Parallelism comes from several workers; one libvips thread each keeps the total bounded.
sharp.concurrency(1);
sharp.cache(false);

function send(reply: RenderReply): void {
  process.send?.(reply);
}

process.on('message', (request: RenderRequest) => {
  svgToPng(request.svg).then(
    (png) => {
      mkdirSync(path.dirname(request.file), { recursive: true });
      writeFileAtomic(request.file, png);
      send({ id: request.id, bytes: png.length });
    },
    (err: unknown) => send({ id: request.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
// The parent closes the IPC channel when it is done: exit then.
process.on('disconnect', () => process.exit(0));
