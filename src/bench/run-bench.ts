/**
 * The benchmark: synthesise N replies, run the real pipeline stage by stage in
 * a scratch directory, and report per stage wall seconds, CPU seconds, peak
 * memory of the process tree and output bytes; then the same corpus through
 * the no-framework floor, and the ratio.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectPieces, synthesize } from './synthesize.ts';
import { directoryBytes, measureStage, type StageResult } from './measure.ts';

export interface BenchOptions {
  replies: number;
  runs: number;
  scratch: string;
  /** Reuse the share-card cache of an earlier run (the warm figure). */
  warmCards: boolean;
}

export interface BenchRow extends StageResult {
  outputBytes: number;
}

const ROOT = resolve(import.meta.dirname, '../..');
const REAL_SOURCE = join(ROOT, 'content/sources/2023-24/zh-2023-24-ITIB.txt');
const BACKGROUND = join(ROOT, 'content/sources/background');

/** Write the synthetic sources (and the real background paper) under `<scratch>/content/sources`. */
export function prepareCorpus(replies: number, scratch: string): void {
  const content = join(scratch, 'content');
  rmSync(content, { recursive: true, force: true });
  const pieces = collectPieces(readFileSync(REAL_SOURCE, 'utf8'));
  for (const doc of synthesize(pieces, replies)) {
    const dir = join(content, 'sources', doc.year);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, doc.fileName), doc.text);
    writeFileSync(join(dir, doc.fileName.replace(/\.txt$/, '.meta.json')), JSON.stringify(doc.meta, null, 2) + '\n');
  }
  cpSync(BACKGROUND, join(content, 'sources', 'background'), { recursive: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of several runs of the same stage, field by field. */
function medianRow(rows: BenchRow[]): BenchRow {
  return {
    stage: rows[0]!.stage,
    wallSeconds: median(rows.map((r) => r.wallSeconds)),
    cpuSeconds: median(rows.map((r) => r.cpuSeconds)),
    peakBytes: median(rows.map((r) => r.peakBytes)),
    outputBytes: median(rows.map((r) => r.outputBytes)),
    exitCode: Math.max(...rows.map((r) => r.exitCode)),
  };
}

interface Stage {
  name: string;
  command: string;
  /** Directories whose total size is this stage's output. */
  output: string[];
}

export function stages(scratch: string): Stage[] {
  const content = join(scratch, 'content');
  const site = join(scratch, '_site');
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const build = (stage: string) => `cd '${ROOT}' && '${tsx}' scripts/build.ts --stage ${stage}`;
  return [
    { name: 'ingest', command: `cd '${ROOT}' && '${tsx}' scripts/ingest.ts --root '${scratch}' --quiet`, output: [join(content, 'replies')] },
    { name: 'eleventy', command: build('eleventy'), output: [site] },
    { name: 'search index', command: build('search'), output: [join(site, 'pagefind'), join(site, 'pagefind-shards')] },
    { name: 'images', command: build('images'), output: [join(site, 'og')] },
    {
      name: 'floor (markdown-it + write)',
      command: `cd '${ROOT}' && '${tsx}' -e "import('./src/bench/floor.ts').then((m) => m.buildFloor(process.argv[1], process.argv[2]))" '${join(content, 'replies')}' '${join(scratch, '_floor')}'`,
      output: [join(scratch, '_floor')],
    },
  ];
}

export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  const { replies, runs, scratch } = options;
  mkdirSync(scratch, { recursive: true });
  prepareCorpus(replies, scratch);
  const env = {
    ARCHIVE_CONTENT: join(scratch, 'content'),
    ARCHIVE_OUT: join(scratch, '_site'),
    ARCHIVE_CACHE: join(scratch, '.cache'),
  };
  if (!options.warmCards) rmSync(env.ARCHIVE_CACHE, { recursive: true, force: true });
  const perStage = new Map<string, BenchRow[]>();
  for (let run = 0; run < runs; run++) {
    rmSync(env.ARCHIVE_OUT, { recursive: true, force: true });
    rmSync(join(scratch, '_floor'), { recursive: true, force: true });
    for (const stage of stages(scratch)) {
      // Share cards are cached across builds: the first images run on an empty
      // cache is the cold figure, every later one the warm figure.
      const name = stage.name === 'images' && !existsSync(env.ARCHIVE_CACHE) ? 'images (cold cache)' : stage.name;
      const result = await measureStage(name, stage.command, env);
      if (result.exitCode !== 0) {
        throw new Error(`bench: stage "${name}" failed with exit ${result.exitCode} (${replies} replies, scratch ${scratch})`);
      }
      const outputBytes = stage.output.filter((dir) => existsSync(dir)).reduce((sum, dir) => sum + directoryBytes(dir), 0);
      perStage.set(name, [...(perStage.get(name) ?? []), { ...result, outputBytes }]);
    }
  }
  return [...perStage.values()].map(medianRow);
}
