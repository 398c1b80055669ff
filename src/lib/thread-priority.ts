/**
 * Running the calling worker thread at a lower priority than the rest of its process, so that
 * the work beside a unit's longest step yields the cores to it.
 *
 * Why: an edit's unit is bound by its two cores, and its end is its search index (a Pagefind
 * process and the search thread) while the SQLite file and the share cards, which have time to
 * spare, take a core from it. Paired edits of the benchmark's 19-year record, the SQLite thread at
 * nice 10 against 0, alternated (load 2.2-3.0, 2026-12-05): 20.2-20.6 s against 20.9-21.6 s in three
 * pairs; the unit's search step 6.4 s against 6.8-7.2 s.
 *
 * Linux keeps a nice value per thread (setpriority(2) on a thread id; a process a thread starts
 * inherits it), which `os.setPriority` sets given the thread's id, read from /proc/thread-self.
 * Elsewhere, or on the main thread (the whole process would yield), nothing is changed.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/** The nice value of a thread that works beside the critical one (0 is the default, 19 the lowest priority). */
export const BACKGROUND_NICE = 10;

/** This thread's nice value (field 19 of /proc/thread-self/stat); null where there is none to read. */
export function threadNice(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    // The command name (field 2) is in parentheses and may hold spaces: the fields after its last ')' are counted.
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    return Number.isInteger(nice) ? nice : null;
  } catch {
    return null;
  }
}

/** Lowers this worker thread's priority to `nice`; whether it could. */
export function lowerThisThreadsPriority(nice = BACKGROUND_NICE): boolean {
  if (isMainThread || process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
