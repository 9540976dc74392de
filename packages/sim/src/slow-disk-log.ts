import type { MemoryReplicatedLog, OffsetAndEpoch, ReplicatedLog } from '@gregor/raft';
import type { SeededRandom } from './random.js';
import type { TimerScope } from './scheduler.js';

/**
 * One node incarnation's view of its `MemoryReplicatedLog`, with a disk whose flush takes
 * (virtual) time. The memory log makes a flush durable at once; since a simulated crash
 * falls between events, the window in which appended data is not yet durable would then
 * never be hit. Here `flush()` resolves after a delay drawn from [0, maxFlushMs], and a
 * crash in between loses whatever the flush had not covered, as a power cut during an
 * fsync does. That exercises what Raft must get right about durability: a follower
 * reports an offset only once flushed, a leader counts only its own flushed end offset.
 *
 * The delay runs on the incarnation's timers, so a flush still pending when the node
 * crashes never completes (the process is gone).
 */
export class SlowDiskLog implements ReplicatedLog {
  readonly #log: MemoryReplicatedLog;
  readonly #timers: TimerScope;
  readonly #random: SeededRandom;
  readonly #maxFlushMs: number;
  readonly #lies: boolean;

  /** `lies` injects a bug for the checker to catch: flush() reports durability it never achieved. */
  constructor(log: MemoryReplicatedLog, timers: TimerScope, random: SeededRandom, maxFlushMs: number, lies = false) {
    this.#log = log;
    this.#timers = timers;
    this.#random = random;
    this.#maxFlushMs = maxFlushMs;
    this.#lies = lies;
  }

  async flush(): Promise<void> {
    if (this.#maxFlushMs > 0) {
      const delay = this.#random.between(0, this.#maxFlushMs);
      if (delay > 0) await new Promise<void>((resolve) => this.#timers.setTimeout(resolve, delay));
    }
    if (!this.#lies) await this.#log.flush();
  }

  startOffset(): number {
    return this.#log.startOffset();
  }

  endOffset(): OffsetAndEpoch {
    return this.#log.endOffset();
  }

  flushedEndOffset(): number {
    return this.#lies ? this.#log.endOffset().offset : this.#log.flushedEndOffset();
  }

  appendAsLeader(batch: Buffer, epoch: number): Promise<{ baseOffset: number; lastOffset: number }> {
    return this.#log.appendAsLeader(batch, epoch);
  }

  appendAsFollower(batches: Buffer): Promise<void> {
    return this.#log.appendAsFollower(batches);
  }

  read(offset: number, maxBytes: number): Promise<Buffer> {
    return this.#log.read(offset, maxBytes);
  }

  truncateTo(offset: number): Promise<void> {
    return this.#log.truncateTo(offset);
  }

  endOffsetForEpoch(epoch: number): OffsetAndEpoch {
    return this.#log.endOffsetForEpoch(epoch);
  }

  updateHighWatermark(offset: number): void {
    this.#log.updateHighWatermark(offset);
  }

  latestSnapshotId(): OffsetAndEpoch | null {
    return this.#log.latestSnapshotId();
  }

  readSnapshot(id: OffsetAndEpoch): Promise<Buffer | null> {
    return this.#log.readSnapshot(id);
  }

  readSnapshotChunk(
    id: OffsetAndEpoch,
    position: number,
    maxBytes: number,
  ): Promise<{ size: number; chunk: Buffer } | null> {
    return this.#log.readSnapshotChunk(id, position, maxBytes);
  }

  writeSnapshot(id: OffsetAndEpoch, data: Buffer): Promise<void> {
    return this.#log.writeSnapshot(id, data);
  }

  deleteBeforeSnapshot(id: OffsetAndEpoch): Promise<void> {
    return this.#log.deleteBeforeSnapshot(id);
  }

  truncateToSnapshot(id: OffsetAndEpoch): Promise<void> {
    return this.#log.truncateToSnapshot(id);
  }
}
