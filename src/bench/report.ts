/** Format benchmark rows as the table the README and the issue notes carry. */
import type { BenchRow } from './run-bench.ts';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

const isFloor = (row: BenchRow) => row.stage.startsWith('floor');

export function formatTable(replies: number, rows: BenchRow[]): { text: string; pipelineMsPerReply: number } {
  const pipeline = rows.filter((row) => !isFloor(row));
  const floor = rows.find(isFloor);
  const eleventy = rows.find((row) => row.stage === 'eleventy');
  const wall = pipeline.reduce((sum, row) => sum + row.wallSeconds, 0);
  const peak = Math.max(...pipeline.map((row) => row.peakBytes));
  const lines = [
    `\n${replies} replies`,
    '| stage | wall s | CPU s | peak GB | output MB |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((row) =>
      `| ${row.stage} | ${row.wallSeconds.toFixed(2)} | ${row.cpuSeconds.toFixed(2)} | ${(row.peakBytes / GB).toFixed(2)} | ${(row.outputBytes / MB).toFixed(1)} |`),
    `| **pipeline total** | ${wall.toFixed(2)} | ${pipeline.reduce((s, r) => s + r.cpuSeconds, 0).toFixed(2)} | ${(peak / GB).toFixed(2)} (max) | |`,
    '',
    `per reply: ${((wall * 1000) / replies).toFixed(2)} ms (whole pipeline)`,
  ];
  if (floor && eleventy) {
    lines.push(`Eleventy vs floor (markdown-it + write): ${eleventy.wallSeconds.toFixed(2)} s / ${floor.wallSeconds.toFixed(2)} s = ${(eleventy.wallSeconds / floor.wallSeconds).toFixed(1)}×`);
  }
  return { text: lines.join('\n'), pipelineMsPerReply: (wall * 1000) / replies };
}
