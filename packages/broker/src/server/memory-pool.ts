/**
 * The broker-wide budget for request bytes (`queued.max.request.bytes`): a request's
 * size is charged when its length prefix has been read, before its bytes are gathered
 * or decoded, and released when its response has been written. When the budget is
 * spent, connections stop reading (socket.pause) and wait here, in arrival order, for
 * memory to come back. A single request larger than the whole budget is admitted
 * alone when nothing else holds memory, so it cannot wait forever (Kafka's
 * MemoryPool does the same).
 */
export class MemoryPool {
  private used = 0;
  private readonly waiters: { bytes: number; grant: () => void }[] = [];

  constructor(readonly capacity: number) {
    if (!(capacity > 0)) throw new RangeError(`memory pool capacity must be positive, got ${capacity}`);
  }

  get available(): number {
    return this.capacity - this.used;
  }

  get usedBytes(): number {
    return this.used;
  }

  /** Takes `bytes` now if it can; false when the caller must wait (`whenAvailable`). */
  tryReserve(bytes: number): boolean {
    if (this.waiters.length > 0) return false;
    if (this.used + bytes <= this.capacity || this.used === 0) {
      this.used += bytes;
      return true;
    }
    return false;
  }

  /** Calls `grant` once `bytes` have been reserved for the caller, in arrival order. */
  whenAvailable(bytes: number, grant: () => void): () => void {
    const waiter = { bytes, grant };
    this.waiters.push(waiter);
    this.drain();
    return () => {
      const i = this.waiters.indexOf(waiter);
      if (i >= 0) this.waiters.splice(i, 1);
    };
  }

  release(bytes: number): void {
    this.used -= bytes;
    if (this.used < 0) throw new Error(`memory pool released more than it reserved (${this.used})`);
    this.drain();
  }

  private drain(): void {
    while (this.waiters.length > 0) {
      const next = this.waiters[0] as { bytes: number; grant: () => void };
      if (this.used + next.bytes > this.capacity && this.used !== 0) return;
      this.waiters.shift();
      this.used += next.bytes;
      next.grant();
    }
  }
}
