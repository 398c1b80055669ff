/**
 * Counts stretches of characters of one text (lexicon.ts: a chunk's Han text,
 * as code points) without making a string of each: a stretch is kept as where
 * it first occurs and its length, found through an open-addressing table, and
 * a string is made only for the stretches asked for at the end. A Map keyed by
 * the stretches as strings spent about 7.5 of the 17 CPU s a prepare worker
 * took for a cold year's Chinese editions (node --cpu-prof of the unit process
 * and its workers, the benchmark's synthetic year of 5,500 bilingual replies,
 * load ~2, 2026-12-03).
 */

/** The hash of a stretch one character longer than the one hashed `hash` (start from 0). */
export function extendHash(hash: number, point: number): number {
  return Math.imul(hash ^ point, 0x9e3779b1) ^ (hash >>> 15);
}

function grown<T extends Uint8Array | Int32Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

export class NgramTable {
  private text: Uint32Array = new Uint32Array(0);
  /** Stretches by id, in the order they were first seen: where the first occurrence starts, length, hash, count. */
  private starts = new Int32Array(1024);
  private lengths = new Uint8Array(1024);
  private hashes = new Int32Array(1024);
  private counts = new Int32Array(1024);
  private size = 0;
  /** Open addressing: id + 1 of the stretch in each slot, 0 empty; at most half full. */
  private slots = new Int32Array(4096);
  /** Whether the last id() added its stretch. */
  isNew = false;

  /**
   * Empties the table for the stretches of `text`, keeping its arrays: a prepare worker counts one chunk after
   * another in one table, so that its memory is that of the largest chunk.
   */
  reset(text: Uint32Array): void {
    this.text = text;
    this.slots.fill(0);
    this.counts.fill(0, 0, this.size);
    this.size = 0;
  }

  /** The id of the stretch `text[start, start + length)` (`hash` by extendHash), added with count 0 when absent. */
  id(start: number, length: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) {
        const id = this.append(start, length, hash);
        this.slots[i] = id + 1;
        if (this.size * 2 > this.slots.length) this.rehash();
        this.isNew = true;
        return id;
      }
      const id = slot - 1;
      if (this.lengths[id] === length && this.hashes[id] === hash && this.same(this.starts[id]!, start, length)) {
        this.isNew = false;
        return id;
      }
    }
  }

  add(id: number): void {
    this.counts[id]!++;
  }

  count(id: number): number {
    return this.counts[id]!;
  }

  /** The stretch `id` as a string. */
  string(id: number): string {
    const at = this.starts[id]!;
    return String.fromCodePoint(...this.text.subarray(at, at + this.lengths[id]!));
  }

  private same(a: number, b: number, length: number): boolean {
    for (let k = 0; k < length; k++) if (this.text[a + k] !== this.text[b + k]) return false;
    return true;
  }

  private append(start: number, length: number, hash: number): number {
    if (this.size === this.lengths.length) {
      const n = this.size * 2;
      this.starts = grown(this.starts, n);
      this.lengths = grown(this.lengths, n);
      this.hashes = grown(this.hashes, n);
      this.counts = grown(this.counts, n);
    }
    const id = this.size++;
    this.starts[id] = start;
    this.lengths[id] = length;
    this.hashes[id] = hash;
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let i = this.hashes[id]! & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = id + 1;
    }
  }
}
