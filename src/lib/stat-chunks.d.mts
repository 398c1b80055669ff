/** One call's work, shared by the threads that do it (stat-chunks.mjs). */
export interface StatWork {
  files: readonly string[];
  chunk: number;
  /** The next file to take: one Int32 on a SharedArrayBuffer. */
  next: Int32Array;
  /** Files finished: one Int32 on a SharedArrayBuffer. */
  done: Int32Array;
  /** Size, modification time and inode of each file, in order, on a SharedArrayBuffer. */
  out: Float64Array;
}

export function statChunks(work: StatWork): void;
