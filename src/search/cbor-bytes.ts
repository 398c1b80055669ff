/**
 * CBOR read and written at the byte level, for rewriting Pagefind's index chunks without
 * decoding their positions (merge-parts.ts). Decoding a year's chunks into values with cborg
 * took 4.5 s (33 MB unzipped, the six parts of a synthetic year of 5,500 Chinese editions,
 * a throwaway script, 2026-12-06); walking their bytes is what the merge needs, on an edit's path.
 * Only what Pagefind's encoder (minicbor) writes is read: definite lengths.
 */

/** An item's head: its major type, its argument (a count, a length or an unsigned value) and where its content begins. */
export interface Head {
  major: number;
  value: number;
  next: number;
}

/** The head of the item at `at`; an indefinite length or a buffer that ends inside the head throws. */
export function readHead(buf: Uint8Array, at: number): Head {
  const ib = buf[at];
  if (ib === undefined) throw new Error(`CBOR ends at byte ${at}, inside an item`);
  const major = ib >> 5;
  const info = ib & 31;
  if (info < 24) return { major, value: info, next: at + 1 };
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
  if (size === 0) throw new Error(`CBOR item at byte ${at} has an indefinite or reserved length (${info}), which Pagefind does not write`);
  if (at + 1 + size > buf.length) throw new Error(`CBOR ends at byte ${buf.length}, inside the head at ${at}`);
  let value = 0;
  for (let i = 1; i <= size; i++) value = value * 256 + buf[at + i]!;
  return { major, value, next: at + 1 + size };
}

/** The major type of the item at `at`. */
export function majorAt(buf: Uint8Array, at: number): number {
  const ib = buf[at];
  if (ib === undefined) throw new Error(`CBOR ends at byte ${at}, inside an item`);
  return ib >> 5;
}

/** The argument of the head at `at` (readHead's value, without making an object: the merge reads millions). */
export function argumentAt(buf: Uint8Array, at: number): number {
  const info = buf[at]! & 31;
  if (info < 24) return info;
  if (info === 24) return buf[at + 1]!;
  if (info === 25) return (buf[at + 1]! << 8) | buf[at + 2]!;
  return readHead(buf, at).value;
}

/** Where the content of the item whose head is at `at` begins. */
export function afterHead(buf: Uint8Array, at: number): number {
  const ib = buf[at];
  if (ib === undefined) throw new Error(`CBOR ends at byte ${at}, inside an item`);
  const info = ib & 31;
  if (info < 24) return at + 1;
  if (info === 24) return at + 2;
  if (info === 25) return at + 3;
  if (info === 26) return at + 5;
  if (info === 27) return at + 9;
  throw new Error(`CBOR item at byte ${at} has an indefinite or reserved length (${info}), which Pagefind does not write`);
}

/** Where the item at `at` ends (items inside arrays and maps are counted, not recursed into). */
export function skipItem(buf: Uint8Array, at: number): number {
  let pending = 1;
  let p = at;
  while (pending > 0) {
    pending--;
    const major = majorAt(buf, p);
    const next = afterHead(buf, p);
    if (major === 0 || major === 1 || major === 7) {
      p = next;
      continue;
    }
    const value = argumentAt(buf, p);
    if (major === 2 || major === 3) p = next + value;
    else {
      pending += major === 4 ? value : major === 5 ? 2 * value : 1;
      p = next;
    }
  }
  if (p > buf.length) throw new Error(`CBOR item at byte ${at} runs past the end`);
  return p;
}

/** A growing buffer of CBOR. */
export class CborWriter {
  private buf = Buffer.allocUnsafe(1 << 16);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const bigger = Buffer.allocUnsafe(size);
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }

  /** A head in its shortest form, as minicbor writes it. */
  head(major: number, value: number): void {
    this.room(9);
    const m = major << 5;
    const b = this.buf;
    if (value < 24) b[this.length++] = m | value;
    else if (value < 0x100) {
      b[this.length++] = m | 24;
      b[this.length++] = value;
    } else if (value < 0x10000) {
      b[this.length++] = m | 25;
      b.writeUInt16BE(value, this.length);
      this.length += 2;
    } else if (value < 0x100000000) {
      b[this.length++] = m | 26;
      b.writeUInt32BE(value, this.length);
      this.length += 4;
    } else {
      b[this.length++] = m | 27;
      b.writeBigUInt64BE(BigInt(value), this.length);
      this.length += 8;
    }
  }

  bytes(src: Uint8Array, start = 0, end = src.length): void {
    this.room(end - start);
    this.buf.set(src.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** What was written, copied out; the writer is emptied for the next. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}
