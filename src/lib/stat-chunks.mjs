// The loop of stat-many.ts, run by the calling thread and by each helper thread (stat-many-worker.mjs):
// plain JavaScript, so that a helper starts in milliseconds without tsx. Takes the files in chunks
// from the counter `next` it shares with the other threads, writes each file's size, modification time
// and inode into `out` (size -1: the stat failed; the caller stats that file again itself and reports
// why), and counts in `done` the files it finished, waking a caller waiting on it.
import { lstatSync } from 'node:fs';

export function statChunks({ files, chunk, next, done, out }) {
  for (;;) {
    const start = Atomics.add(next, 0, chunk);
    if (start >= files.length) return;
    const end = Math.min(files.length, start + chunk);
    for (let i = start; i < end; i++) {
      try {
        const st = lstatSync(files[i]);
        out[3 * i] = st.size;
        out[3 * i + 1] = st.mtimeMs;
        out[3 * i + 2] = st.ino;
      } catch {
        out[3 * i] = -1;
      }
    }
    Atomics.add(done, 0, end - start);
    Atomics.notify(done, 0);
  }
}
