/**
 * Reusable large buffers in power-of-two size classes, bounded by the bytes kept.
 *
 * Large buffers that live briefly (a broker's log reads until their response is written,
 * a client's Fetch response frames until their records are decoded) are costly to
 * allocate afresh each time: V8 answers the external memory with major garbage
 * collections, and the kernel maps and zeroes new pages. Buffers of `minBytes` and more
 * come from here; smaller ones from Node's own small-buffer pool.
 *
 * A buffer is given back only by whoever holds the last reference to it. A buffer never
 * given back is simply collected.
 */
export class BufferPool {
  private readonly free = new Map<number, Buffer[]>();
  private pooledBytes = 0;
  private kept = 0;

  constructor(
    readonly minBytes: number,
    readonly maxPooledBytes: number,
  ) {}

  /** A buffer of at least `size` bytes (its contents are not zeroed). */
  take(size: number): Buffer {
    if (size < this.minBytes) return Buffer.allocUnsafe(size);
    const capacity = 2 ** Math.ceil(Math.log2(size));
    const list = this.free.get(capacity);
    const buf = list?.pop();
    if (buf !== undefined) {
      this.pooledBytes -= capacity;
      return buf;
    }
    return Buffer.allocUnsafeSlow(capacity);
  }

  /** Returns a buffer from `take` (whole, not a view) for reuse. */
  give(buf: Buffer): void {
    const capacity = buf.length;
    if (capacity < this.minBytes || (capacity & (capacity - 1)) !== 0 || buf.byteOffset !== 0) return;
    if (this.pooledBytes + capacity > this.maxPooledBytes) return;
    let list = this.free.get(capacity);
    if (list === undefined) {
      list = [];
      this.free.set(capacity, list);
    }
    list.push(buf);
    this.pooledBytes += capacity;
    this.kept++;
  }

  get bytesPooled(): number {
    return this.pooledBytes;
  }

  /** Buffers given back and kept for reuse, since the pool was made. */
  get buffersKept(): number {
    return this.kept;
  }
}
