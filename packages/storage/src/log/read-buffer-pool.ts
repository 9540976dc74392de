/**
 * Reusable buffers for log reads. A fetch reads up to its byte budget (1 MiB by default
 * per partition) into a buffer that must live until the response has been written to
 * the socket; allocating a fresh one each time makes V8 spend most of a busy broker's
 * CPU in major garbage collections (measured in docs/benchmarks.md). Buffers of 64 KiB
 * and more come from power-of-two size classes and go back here once the response is
 * written; smaller reads use Node's own small-buffer pool.
 *
 * A buffer is given back only by whoever holds the last reference to it (the broker,
 * after the socket write completed). A buffer never given back is simply collected.
 */
export const POOLED_READ_BYTES_MIN = 64 * 1024;

export class ReadBufferPool {
  private readonly free = new Map<number, Buffer[]>();
  private pooledBytes = 0;

  constructor(readonly maxPooledBytes = 64 * 1024 * 1024) {}

  /** A buffer of at least `size` bytes (its contents are not zeroed). */
  take(size: number): Buffer {
    if (size < POOLED_READ_BYTES_MIN) return Buffer.allocUnsafe(size);
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
    if (capacity < POOLED_READ_BYTES_MIN || (capacity & (capacity - 1)) !== 0 || buf.byteOffset !== 0) return;
    if (this.pooledBytes + capacity > this.maxPooledBytes) return;
    let list = this.free.get(capacity);
    if (list === undefined) {
      list = [];
      this.free.set(capacity, list);
    }
    list.push(buf);
    this.pooledBytes += capacity;
  }

  get bytesPooled(): number {
    return this.pooledBytes;
  }
}

/** The pool logs read into unless given another. */
export const sharedReadBufferPool = new ReadBufferPool();
