/**
 * The sparse offset index of one segment (`<base offset>.index`), as Kafka lays it out:
 * 8-byte entries, each a 4-byte offset relative to the segment's base offset and a
 * 4-byte byte position in the `.log` file, both big-endian, in increasing order. An entry
 * is added every `index.interval.bytes` of appended batches, pointing at a batch's
 * start; a lookup finds the last entry at or before an offset and the reader scans on
 * from there.
 *
 * The entries live in memory (a buffer that doubles); the file is written whole by the
 * segment when it is persisted and read back (and checked) on open. Only the segment
 * calls these methods.
 */
export const OFFSET_INDEX_ENTRY_BYTES = 8;

/** The largest offset a segment can hold relative to its base (index entries store int32). */
export const RELATIVE_OFFSET_MAX = 0x7fffffff;

export class OffsetIndex {
  private buf: Buffer;
  private count = 0;

  constructor(
    readonly baseOffset: number,
    capacity = 16,
  ) {
    this.buf = Buffer.alloc(capacity * OFFSET_INDEX_ENTRY_BYTES);
  }

  get entries(): number {
    return this.count;
  }

  /** Bytes of memory held. */
  get memoryBytes(): number {
    return this.buf.length;
  }

  /** Adds an entry; offsets and positions must increase. */
  append(offset: number, position: number): void {
    const relative = offset - this.baseOffset;
    if (relative < 0 || relative > RELATIVE_OFFSET_MAX)
      throw new RangeError(`offset ${offset} does not fit segment ${this.baseOffset}`);
    if (
      this.count > 0 &&
      (relative <= this.relativeAt(this.count - 1) || position <= this.positionAt(this.count - 1))
    ) {
      throw new Error(`offset index entries must increase: (${offset}, ${position}) after ${this.lastOffset()}`);
    }
    if ((this.count + 1) * OFFSET_INDEX_ENTRY_BYTES > this.buf.length) {
      const grown = Buffer.alloc(this.buf.length * 2);
      this.buf.copy(grown);
      this.buf = grown;
    }
    this.buf.writeInt32BE(relative, this.count * OFFSET_INDEX_ENTRY_BYTES);
    this.buf.writeInt32BE(position, this.count * OFFSET_INDEX_ENTRY_BYTES + 4);
    this.count++;
  }

  private relativeAt(i: number): number {
    return this.buf.readInt32BE(i * OFFSET_INDEX_ENTRY_BYTES);
  }

  private positionAt(i: number): number {
    return this.buf.readInt32BE(i * OFFSET_INDEX_ENTRY_BYTES + 4);
  }

  /** The offset of the last entry, or the base offset when empty. */
  lastOffset(): number {
    return this.count === 0 ? this.baseOffset : this.baseOffset + this.relativeAt(this.count - 1);
  }

  /** The last entry at or before `offset`; (baseOffset, 0) when there is none. */
  lookup(offset: number): { offset: number; position: number } {
    const target = offset - this.baseOffset;
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.relativeAt(mid) <= target) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return { offset: this.baseOffset, position: 0 };
    return { offset: this.baseOffset + this.relativeAt(found), position: this.positionAt(found) };
  }

  /** Removes the entries at or after `offset`. */
  truncateTo(offset: number): void {
    while (this.count > 0 && this.baseOffset + this.relativeAt(this.count - 1) >= offset) this.count--;
  }

  /** Removes the entries whose position is at or after `position`. */
  truncateToPosition(position: number): void {
    while (this.count > 0 && this.positionAt(this.count - 1) >= position) this.count--;
  }

  /** The file contents. */
  toBuffer(): Buffer {
    return this.buf.subarray(0, this.count * OFFSET_INDEX_ENTRY_BYTES);
  }

  /**
   * Reads an index file; null when it is not a valid index for a log of `logBytes`
   * bytes (wrong size, entries not increasing, positions past the end): the caller
   * rebuilds it from the log.
   */
  static fromBuffer(baseOffset: number, data: Buffer, logBytes: number): OffsetIndex | null {
    if (data.length % OFFSET_INDEX_ENTRY_BYTES !== 0) return null;
    const n = data.length / OFFSET_INDEX_ENTRY_BYTES;
    const index = new OffsetIndex(baseOffset, Math.max(16, n));
    let lastRelative = -1;
    let lastPosition = -1;
    for (let i = 0; i < n; i++) {
      const relative = data.readInt32BE(i * OFFSET_INDEX_ENTRY_BYTES);
      const position = data.readInt32BE(i * OFFSET_INDEX_ENTRY_BYTES + 4);
      // Kafka preallocates index files and may leave zero entries after the last one.
      if (i > 0 && relative === 0 && position === 0) break;
      if (relative <= lastRelative || position <= lastPosition || position >= logBytes || relative < 0) return null;
      index.append(baseOffset + relative, position);
      lastRelative = relative;
      lastPosition = position;
    }
    return index;
  }
}
