/**
 * MemoryReplicatedLog: the ReplicatedLog for tests and the simulation. Batches are real
 * Kafka v2 record batches held as Buffers, read through RecordBatchView.
 *
 * Durability model (what `crash()` undoes):
 * - appends are volatile until `flush()`, which makes everything appended so far durable;
 * - truncation, snapshots (`writeSnapshot` resolves when durable) and log-start moves
 *   are durable at once;
 * - `crash()` drops every batch at or beyond the flushed end offset, as a machine losing
 *   its page cache would, and rebuilds the epoch cache from what is left.
 *
 * Epoch cache: one (epoch, startOffset) entry per epoch, appended when a batch of a
 * higher epoch arrives, cut on truncation (Kafka's LeaderEpochFileCache).
 */

import { RecordBatchView, rewriteBaseOffset, setPartitionLeaderEpoch } from '@gregor/protocol';
import { splitBatches } from './record-batches.js';
import type { OffsetAndEpoch, ReplicatedLog } from './types.js';

interface StoredBatch {
  baseOffset: number;
  lastOffset: number;
  epoch: number;
  bytes: Buffer;
}

interface EpochEntry {
  epoch: number;
  startOffset: number;
}

export class MemoryReplicatedLog implements ReplicatedLog {
  private batches: StoredBatch[] = [];
  private epochs: EpochEntry[] = [];
  private logStartOffset = 0;
  private flushed = 0;
  private snapshots = new Map<string, { id: OffsetAndEpoch; data: Buffer }>();
  private latestSnapshot: OffsetAndEpoch | null = null;
  private highWatermarkValue = 0;
  private readonly view = new RecordBatchView(Buffer.alloc(0), 0);

  startOffset(): number {
    return this.logStartOffset;
  }

  endOffset(): OffsetAndEpoch {
    const last = this.batches[this.batches.length - 1];
    if (last !== undefined) return { offset: last.lastOffset + 1, epoch: last.epoch };
    if (this.latestSnapshot !== null && this.latestSnapshot.offset === this.logStartOffset) {
      return { offset: this.logStartOffset, epoch: this.latestSnapshot.epoch };
    }
    return { offset: this.logStartOffset, epoch: 0 };
  }

  flushedEndOffset(): number {
    return this.flushed;
  }

  /** The high watermark Raft last reported (informational). */
  highWatermark(): number {
    return this.highWatermarkValue;
  }

  async appendAsLeader(batch: Buffer, epoch: number): Promise<{ baseOffset: number; lastOffset: number }> {
    const parts = splitBatches(batch);
    if (parts.length === 0) throw new RangeError('appendAsLeader: no batch');
    const baseOffset = this.endOffset().offset;
    let next = baseOffset;
    for (const part of parts) {
      rewriteBaseOffset(part, 0, next);
      setPartitionLeaderEpoch(part, 0, epoch);
      next = this.view.moveTo(part, 0).nextOffset;
      this.push(Buffer.from(part));
    }
    return { baseOffset, lastOffset: next - 1 };
  }

  async appendAsFollower(batches: Buffer): Promise<void> {
    for (const part of splitBatches(batches)) {
      const base = this.view.moveTo(part, 0).baseOffset;
      const end = this.endOffset().offset;
      if (base !== end) throw new RangeError(`appendAsFollower: batch at offset ${base}, log ends at ${end}`);
      this.push(Buffer.from(part));
    }
  }

  private push(bytes: Buffer): void {
    const v = this.view.moveTo(bytes, 0);
    const epoch = v.partitionLeaderEpoch;
    const lastEpoch = this.endOffset().epoch;
    if (epoch < lastEpoch) throw new RangeError(`batch epoch ${epoch} is below the log's last epoch ${lastEpoch}`);
    const stored = { baseOffset: v.baseOffset, lastOffset: v.lastOffset, epoch, bytes };
    const lastEntry = this.epochs[this.epochs.length - 1];
    if (lastEntry === undefined || epoch > lastEntry.epoch) this.epochs.push({ epoch, startOffset: stored.baseOffset });
    this.batches.push(stored);
  }

  /** Index of the batch holding `offset`, or batches.length when past the end. */
  private indexOf(offset: number): number {
    let lo = 0;
    let hi = this.batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.batches[mid]!.lastOffset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  async read(offset: number, maxBytes: number): Promise<Buffer> {
    if (offset < this.logStartOffset) {
      throw new RangeError(`read at ${offset} is below the log start offset ${this.logStartOffset}`);
    }
    const parts: Buffer[] = [];
    let size = 0;
    for (let i = this.indexOf(offset); i < this.batches.length; i++) {
      const b = this.batches[i]!;
      if (parts.length > 0 && size + b.bytes.length > maxBytes) break;
      parts.push(b.bytes);
      size += b.bytes.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
  }

  async flush(): Promise<void> {
    this.flushed = this.endOffset().offset;
  }

  async truncateTo(offset: number): Promise<void> {
    if (offset < this.logStartOffset) {
      throw new RangeError(`truncateTo ${offset} is below the log start offset ${this.logStartOffset}`);
    }
    // As Kafka's segments do, an offset inside a batch removes that whole batch.
    const i = this.indexOf(offset);
    const cut = Math.min(offset, this.batches[i]?.baseOffset ?? offset);
    this.batches.length = i;
    while (this.epochs.length > 0 && this.epochs[this.epochs.length - 1]!.startOffset >= cut) this.epochs.pop();
    this.flushed = Math.min(this.flushed, this.endOffset().offset);
  }

  endOffsetForEpoch(epoch: number): OffsetAndEpoch {
    const end = this.endOffset();
    if (epoch >= end.epoch) return end;
    let floor = -1;
    for (let i = this.epochs.length - 1; i >= 0; i--) {
      if (this.epochs[i]!.epoch <= epoch) {
        floor = i;
        break;
      }
    }
    if (floor === -1) {
      // Older than anything held: the best answer is where the log (or its snapshot) starts.
      const snap = this.latestSnapshot;
      if (snap !== null && snap.epoch <= epoch) return { offset: snap.offset, epoch: snap.epoch };
      return { offset: this.logStartOffset, epoch: snap !== null ? Math.min(epoch, snap.epoch) : 0 };
    }
    const next = this.epochs[floor + 1];
    return { offset: next === undefined ? end.offset : next.startOffset, epoch: this.epochs[floor]!.epoch };
  }

  updateHighWatermark(offset: number): void {
    this.highWatermarkValue = offset;
  }

  latestSnapshotId(): OffsetAndEpoch | null {
    return this.latestSnapshot;
  }

  async readSnapshot(id: OffsetAndEpoch): Promise<Buffer | null> {
    return this.snapshots.get(`${id.offset}:${id.epoch}`)?.data ?? null;
  }

  async readSnapshotChunk(
    id: OffsetAndEpoch,
    position: number,
    maxBytes: number,
  ): Promise<{ size: number; chunk: Buffer } | null> {
    const data = this.snapshots.get(`${id.offset}:${id.epoch}`)?.data;
    if (data === undefined) return null;
    return { size: data.length, chunk: Buffer.from(data.subarray(position, position + maxBytes)) };
  }

  async writeSnapshot(id: OffsetAndEpoch, data: Buffer): Promise<void> {
    this.snapshots.set(`${id.offset}:${id.epoch}`, { id: { ...id }, data: Buffer.from(data) });
    if (this.latestSnapshot === null || id.offset > this.latestSnapshot.offset) this.latestSnapshot = { ...id };
  }

  async deleteBeforeSnapshot(id: OffsetAndEpoch): Promise<void> {
    if (this.snapshots.get(`${id.offset}:${id.epoch}`) === undefined) {
      throw new RangeError(`deleteBeforeSnapshot: no snapshot ${id.offset}:${id.epoch}`);
    }
    if (id.offset <= this.logStartOffset) return;
    if (id.offset > this.endOffset().offset) throw new RangeError(`snapshot ${id.offset} is beyond the log end`);
    const i = this.indexOf(id.offset);
    const b = this.batches[i];
    if (b !== undefined && b.baseOffset !== id.offset) {
      throw new RangeError(`snapshot offset ${id.offset} is inside the batch [${b.baseOffset}, ${b.lastOffset}]`);
    }
    this.batches.splice(0, i);
    this.logStartOffset = id.offset;
    // Older snapshots are no longer needed once the log starts at a newer one.
    for (const [key, s] of this.snapshots) if (s.id.offset < id.offset) this.snapshots.delete(key);
  }

  async truncateToSnapshot(id: OffsetAndEpoch): Promise<void> {
    if (this.snapshots.get(`${id.offset}:${id.epoch}`) === undefined) {
      throw new RangeError(`truncateToSnapshot: no snapshot ${id.offset}:${id.epoch}`);
    }
    this.batches = [];
    this.epochs = [];
    this.logStartOffset = id.offset;
    this.flushed = id.offset;
    this.latestSnapshot = { ...id };
    for (const [key, s] of this.snapshots) if (s.id.offset < id.offset) this.snapshots.delete(key);
  }

  /**
   * Models a crash: every batch at or beyond the flushed end offset is lost. Snapshots and
   * truncations were durable when their promise resolved, so they stay.
   */
  crash(): void {
    const i = this.indexOf(this.flushed);
    this.batches.length = i;
    this.epochs = [];
    for (const b of this.batches) {
      const last = this.epochs[this.epochs.length - 1];
      if (last === undefined || b.epoch > last.epoch) this.epochs.push({ epoch: b.epoch, startOffset: b.baseOffset });
    }
    this.flushed = this.endOffset().offset;
  }

  /** Every batch held (copies of the headers' facts and the bytes), for invariant checks. */
  batchesForTest(): readonly { baseOffset: number; lastOffset: number; epoch: number; bytes: Buffer }[] {
    return this.batches;
  }
}
