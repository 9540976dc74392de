/**
 * A partition this broker leads: its log, its high watermark, the fsync group commit
 * for acks=-1, and the fetch waiters woken by appends.
 *
 * Single node: the in-sync replica set is this broker, so the high watermark is the
 * end of what reached the log file. acks=-1 additionally waits for fsync when
 * `gregor.log.durable` is on; concurrent acks=-1 produces share fsyncs (one in flight,
 * the next one covering everything written meanwhile).
 */
import type { Uuid } from '@gregor/protocol';
import type { AppendResult, PartitionLog } from '@gregor/storage';

export type AppendListener = () => void;

export class Partition {
  leaderEpoch: number;
  private readonly listeners = new Set<AppendListener>();
  private flushing: Promise<number> | null = null;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly topicId: Uuid,
    readonly log: PartitionLog,
    leaderEpoch: number,
    private readonly durable: boolean,
  ) {
    this.leaderEpoch = leaderEpoch;
    this.log.highWatermark = this.log.writtenOffset;
  }

  get highWatermark(): number {
    return this.log.highWatermark;
  }

  get logStartOffset(): number {
    return this.log.logStartOffset;
  }

  get logEndOffset(): number {
    return this.log.logEndOffset;
  }

  /** Appends validated batches from a producer; resolves per `acks`. */
  async append(records: Buffer, acks: number): Promise<AppendResult> {
    const result = await this.log.appendAsLeader(records, this.leaderEpoch);
    this.advanceHighWatermark();
    if (acks === -1 && this.durable) await this.flushTo(result.lastOffset + 1);
    return result;
  }

  advanceHighWatermark(): void {
    const hw = this.log.writtenOffset;
    if (hw > this.log.highWatermark) {
      this.log.highWatermark = hw;
      for (const l of [...this.listeners]) l();
    }
  }

  /** Resolves once everything below `offset` is fsynced. */
  private async flushTo(offset: number): Promise<void> {
    while (this.log.flushedOffset < offset) {
      if (this.flushing === null) {
        this.flushing = this.log.flush().finally(() => {
          this.flushing = null;
        });
      }
      await this.flushing;
    }
  }

  /** Registers a callback for the next high watermark advance; returns its remover. */
  onAppend(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
