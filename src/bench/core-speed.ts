/**
 * How fast one core of this machine is, as a fixed piece of work timed at the
 * start and at the end of a benchmark run. The load average says how busy the
 * machine was, not how fast it was: on this 2-core machine (one boot) a cold
 * synthetic year of 5,500 bilingual replies took 84–97 s in `npm run bench --
 * --replies 100000 --per-year 5500 --english 1` started at 03:53 UTC on
 * 2026-12-04 (at 8b52639), and 59–69 s in the same command started at 11:14
 * UTC (at ee36be1: the build changed only in comments, a log line and a search
 * lane's bookkeeping), nothing else running either time. Figures from two
 * runs compare only when their core speeds agree.
 *
 * The work uses none of the archive's own code (a change to the build must not
 * change the yardstick): gzip and SHA-256 of a fixed text (native code), and a
 * pass of JavaScript over it (splitting, a regular expression, a Map).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** Rounds of the work timed: 1.85–1.96 s on this machine (three runs of a throwaway driver, 2026-12-04 11:45 UTC). */
const ROUNDS = 36;
/** Rounds run first and not timed: the first one took a fifth longer than the next (the JavaScript not yet compiled). */
const WARM_UP = 2;

/** Seconds that one core takes for the fixed work on `text` (the same text every run). */
export function coreSeconds(text: string, rounds = ROUNDS): number {
  const bytes = Buffer.from(text, 'utf8');
  let check = 0;
  let started = process.hrtime.bigint();
  for (let r = 0; r < WARM_UP + rounds; r++) {
    if (r === WARM_UP) started = process.hrtime.bigint();
    check ^= gzipSync(bytes, { level: 6 }).length;
    check ^= createHash('sha256').update(bytes).digest()[0]!;
    const counts = new Map<string, number>();
    for (const line of text.split('\n')) {
      for (const [word] of line.matchAll(/[\p{Script=Han}]{2}|[A-Za-z0-9]+/gu)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    check ^= counts.size;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // `check` keeps the work from being optimised away; it is the same for the same text.
  return check === -1 ? Number.NaN : Math.round(seconds * 100) / 100;
}
