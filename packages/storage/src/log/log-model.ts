/**
 * A reference model of a PartitionLog, for the operation fuzzer (opfuzz.test.ts). It
 * knows nothing of files, segments or indexes: only the batches that must be in the log,
 * their bytes, offsets and timestamps, and how far they are acknowledged. Test-only:
 * nothing in the package imports it.
 *
 * What it states, in Kafka's terms:
 * - a leader's appends get consecutive offsets from the log end offset; a follower's keep
 *   theirs, which may leave gaps (as compaction does);
 * - `truncateTo(o)` removes whole batches whose last offset is >= o; at or below the
 *   log start it empties the log and starts it again at o;
 * - `deleteRecordsBefore(o)` raises the log start offset (never lowers it);
 * - batches below the log start may still be in the first segment (they are "physical"
 *   but not visible); the checker drops them when their segment goes;
 * - after a process kill every acknowledged append survives; after a power loss every
 *   append below the durable end survives; in both cases what survives is a prefix of
 *   what was appended, cut at a batch boundary.
 */

export interface ModelRecord {
  readonly offset: number;
  readonly key: string | null;
  readonly value: string | null;
  readonly timestamp: number;
}

export interface ModelBatch {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly leaderEpoch: number;
  readonly maxTimestamp: number;
  /** The batch exactly as the log must hold it (baseOffset and epoch already stamped). */
  readonly bytes: Buffer;
  readonly records: readonly ModelRecord[];
}

export class LogModel {
  /** Batches still in the log's files, oldest first (the first ones may lie below the log start). */
  batches: ModelBatch[] = [];
  logStartOffset = 0;
  logEndOffset = 0;
  /** Offsets below this were acknowledged as written: they survive a process kill. */
  writtenEnd = 0;
  /** Offsets below this were acknowledged as fsynced: they survive a power loss. */
  durableEnd = 0;

  /** Adds batches the log accepted (offsets already assigned; a follower's may leave a gap). */
  append(batches: readonly ModelBatch[]): void {
    for (const b of batches) {
      if (b.baseOffset < this.logEndOffset)
        throw new Error(`model: batch at ${b.baseOffset} is below the log end ${this.logEndOffset}`);
      this.batches.push(b);
      this.logEndOffset = b.lastOffset + 1;
    }
  }

  ackWritten(end: number): void {
    this.writtenEnd = Math.min(Math.max(this.writtenEnd, end), this.logEndOffset);
  }

  ackDurable(end: number): void {
    this.ackWritten(end);
    this.durableEnd = Math.min(Math.max(this.durableEnd, end), this.logEndOffset);
  }

  /** `firstSegmentBase`: where the log ends when no batch is left (the first segment's base). */
  truncateTo(offset: number, firstSegmentBase: number): void {
    if (offset >= this.logEndOffset) return;
    if (offset <= this.logStartOffset) {
      this.batches = [];
      this.logStartOffset = offset;
      this.logEndOffset = offset;
    } else {
      let keep = this.batches.length;
      while (keep > 0 && (this.batches[keep - 1] as ModelBatch).lastOffset >= offset) keep--;
      this.batches.length = keep;
      this.logEndOffset = keep > 0 ? (this.batches[keep - 1] as ModelBatch).lastOffset + 1 : firstSegmentBase;
      // Nothing visible is left when the cut batch began below the log start.
      this.logStartOffset = Math.min(this.logStartOffset, this.logEndOffset);
    }
    this.clampAcks();
  }

  deleteRecordsBefore(offset: number): void {
    if (offset > this.logStartOffset) this.logStartOffset = offset;
  }

  /** Forgets physical batches below `baseOffset` (their segment was deleted). */
  dropBelow(baseOffset: number): ModelBatch[] {
    let n = 0;
    while (n < this.batches.length && (this.batches[n] as ModelBatch).baseOffset < baseOffset) n++;
    return this.batches.splice(0, n);
  }

  /**
   * The log reopened after a kill or crash with `logEndOffset` (and no bytes at all when
   * `empty`; its first segment began at `firstSegmentBase`): keeps the batches below it.
   * Returns null when that is a valid outcome, else why not.
   */
  survive(logEndOffset: number, lowerBound: number, empty: boolean, firstSegmentBase: number): string | null {
    if (logEndOffset > this.logEndOffset)
      return `log end ${logEndOffset} is past everything appended (${this.logEndOffset})`;
    if (logEndOffset < Math.min(lowerBound, this.logEndOffset))
      return `log end ${logEndOffset} lost acknowledged records below ${lowerBound}`;
    if (empty && logEndOffset === this.logStartOffset && lowerBound <= this.logStartOffset) {
      // Recovery kept nothing at or above the durable log start: the log starts again there.
      this.batches = [];
      this.logEndOffset = logEndOffset;
      this.clampAcks();
      return null;
    }
    let keep = this.batches.length;
    while (keep > 0 && (this.batches[keep - 1] as ModelBatch).lastOffset >= logEndOffset) keep--;
    const end = keep > 0 ? (this.batches[keep - 1] as ModelBatch).lastOffset + 1 : firstSegmentBase;
    if (logEndOffset !== this.logEndOffset && end !== logEndOffset)
      return `log end ${logEndOffset} is not at a batch boundary (nearest below: ${end})`;
    this.batches.length = keep;
    if (logEndOffset < this.logStartOffset) {
      // Every visible record was lost; the log start is durable, so the log starts again there.
      this.batches = [];
      this.logEndOffset = this.logStartOffset;
    } else this.logEndOffset = logEndOffset;
    this.clampAcks();
    return null;
  }

  private clampAcks(): void {
    this.writtenEnd = Math.min(this.writtenEnd, this.logEndOffset);
    this.durableEnd = Math.min(this.durableEnd, this.logEndOffset);
  }

  /** Batches holding at least one record at or above the log start. */
  visibleBatches(): ModelBatch[] {
    return this.batches.filter((b) => b.lastOffset >= this.logStartOffset);
  }

  /** The first batch whose last offset is >= `offset`. */
  batchFor(offset: number): ModelBatch | undefined {
    return this.batches.find((b) => b.lastOffset >= offset);
  }

  /** ListOffsets by time: the first record at or above the log start with timestamp >= `timestamp`. */
  offsetForTimestamp(timestamp: number): { offset: number; timestamp: number } | null {
    for (const b of this.batches) {
      if (b.lastOffset < this.logStartOffset || b.maxTimestamp < timestamp) continue;
      for (const r of b.records)
        if (r.offset >= this.logStartOffset && r.timestamp >= timestamp)
          return { offset: r.offset, timestamp: r.timestamp };
    }
    return null;
  }

  /** Every timestamp of a visible record (for picking lookup targets). */
  visibleTimestamps(): number[] {
    const out: number[] = [];
    for (const b of this.batches)
      for (const r of b.records) if (r.offset >= this.logStartOffset && r.timestamp >= 0) out.push(r.timestamp);
    return out;
  }
}
