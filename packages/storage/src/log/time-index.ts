/**
 * The sparse time index of one segment (`<base offset>.timeindex`), as Kafka lays it
 * out: 12-byte entries, an 8-byte timestamp and a 4-byte offset relative to the base
 * offset, big-endian. An entry says "the largest timestamp seen up to this batch is T,
 * and it is in the batch at offset O"; timestamps in the index only grow. Lookup by
 * time finds the last entry whose timestamp is below the target and scans on from its
 * offset. Only the segment calls these methods.
 */
export const TIME_INDEX_ENTRY_BYTES = 12;

export class TimeIndex {
  private buf: Buffer;
  private count = 0;

  constructor(
    readonly baseOffset: number,
    capacity = 16,
  ) {
    this.buf = Buffer.alloc(capacity * TIME_INDEX_ENTRY_BYTES);
  }

  get entries(): number {
    return this.count;
  }

  get memoryBytes(): number {
    return this.buf.length;
  }

  private timestampAt(i: number): number {
    return Number(this.buf.readBigInt64BE(i * TIME_INDEX_ENTRY_BYTES));
  }

  private relativeAt(i: number): number {
    return this.buf.readInt32BE(i * TIME_INDEX_ENTRY_BYTES + 8);
  }

  lastTimestamp(): number {
    return this.count === 0 ? -1 : this.timestampAt(this.count - 1);
  }

  /** Adds an entry when `timestamp` is larger than the last one (else it is not needed). */
  maybeAppend(timestamp: number, offset: number): void {
    if (
      this.count > 0 &&
      (timestamp <= this.timestampAt(this.count - 1) || offset - this.baseOffset <= this.relativeAt(this.count - 1))
    )
      return;
    if ((this.count + 1) * TIME_INDEX_ENTRY_BYTES > this.buf.length) {
      const grown = Buffer.alloc(this.buf.length * 2);
      this.buf.copy(grown);
      this.buf = grown;
    }
    this.buf.writeBigInt64BE(BigInt(timestamp), this.count * TIME_INDEX_ENTRY_BYTES);
    this.buf.writeInt32BE(offset - this.baseOffset, this.count * TIME_INDEX_ENTRY_BYTES + 8);
    this.count++;
  }

  /** The offset to start scanning from for the first record with timestamp >= `timestamp`. */
  lookup(timestamp: number): number {
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timestampAt(mid) < timestamp) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? this.baseOffset : this.baseOffset + this.relativeAt(found);
  }

  truncateTo(offset: number): void {
    while (this.count > 0 && this.baseOffset + this.relativeAt(this.count - 1) >= offset) this.count--;
  }

  toBuffer(): Buffer {
    return this.buf.subarray(0, this.count * TIME_INDEX_ENTRY_BYTES);
  }

  static fromBuffer(baseOffset: number, data: Buffer, nextOffset: number): TimeIndex | null {
    if (data.length % TIME_INDEX_ENTRY_BYTES !== 0) return null;
    const n = data.length / TIME_INDEX_ENTRY_BYTES;
    const index = new TimeIndex(baseOffset, Math.max(16, n));
    for (let i = 0; i < n; i++) {
      const ts = Number(data.readBigInt64BE(i * TIME_INDEX_ENTRY_BYTES));
      const relative = data.readInt32BE(i * TIME_INDEX_ENTRY_BYTES + 8);
      if (i > 0 && ts === 0 && relative === 0) break;
      if (relative < 0 || baseOffset + relative >= nextOffset) return null;
      if (index.count > 0 && (ts <= index.lastTimestamp() || relative <= index.relativeAt(index.count - 1)))
        return null;
      index.maybeAppend(ts, baseOffset + relative);
    }
    return index;
  }
}
