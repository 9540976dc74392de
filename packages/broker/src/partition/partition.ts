/**
 * A partition this broker leads: its log, its high watermark, the fsync group commit
 * for acks=-1, and the fetch waiters woken by appends.
 *
 * Single node: the in-sync replica set is this broker, so the high watermark is the
 * end of what reached the log file. acks=-1 additionally waits for fsync when
 * `gregor.log.durable` is on; concurrent acks=-1 produces share fsyncs (one in flight,
 * the next one covering everything written meanwhile).
 *
 * Idempotent producers (KIP-98): the producer state is checked and updated in the same
 * synchronous step in which the log assigns the batch its offsets, so batches of one
 * producer in flight together see each other in order, and the snapshot the log takes
 * when it rolls (inside that step) holds exactly the batches below the roll offset.
 * Kafka updates the state after the segment append succeeded; here the bytes reach the
 * file later, but a failed write fails the whole log (appends refused until it is
 * reopened, which rebuilds the state from the disk), so no batch the state knows can be
 * missing from a log that still takes appends.
 */
import type { Uuid } from '@gregor/protocol';
import { buildControlBatch, ControlRecordType, ErrorCode, RecordBatchView } from '@gregor/protocol';
import type { AppendResult, PartitionLog } from '@gregor/storage';
import { LogError } from '@gregor/storage';
import type { BatchMetadata, ProducerBatch } from './producer-state.js';
import { abortedTxnEntry, ProducerStateManager, rebuildProducerState } from './producer-state.js';

export type AppendListener = () => void;

export type ProducerAppendResult =
  | { kind: 'appended'; result: AppendResult }
  | { kind: 'duplicate'; batch: BatchMetadata }
  | { kind: 'error'; errorCode: number; message: string };

/** A transaction marker to write (the leader's half of WriteTxnMarkers, KIP-98). */
export interface TxnMarker {
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  /** true: ABORT; false: COMMIT. */
  isAborted: boolean;
  /** Default: now. */
  timestamp?: number;
}

export type TxnMarkerResult = { errorCode: number; message: string | null; offset: number };

export class Partition {
  leaderEpoch: number;
  private readonly listeners = new Set<AppendListener>();
  private flushing: Promise<number> | null = null;
  /** Settles when the last batch accepted from a producer settled (never rejects). */
  private lastProducerAppend: Promise<void> = Promise.resolve();
  private producerOrder: Promise<unknown> = Promise.resolve();
  /**
   * Transactions whose marker is in the log but not yet below the high watermark: their
   * records stay unstable until it passes the marker (Kafka's unreplicatedTxns).
   */
  private readonly unreplicatedTxns: { firstOffset: number; lastOffset: number }[] = [];

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly topicId: Uuid,
    readonly log: PartitionLog,
    leaderEpoch: number,
    private readonly durable: boolean,
    readonly producers: ProducerStateManager = new ProducerStateManager(),
  ) {
    this.leaderEpoch = leaderEpoch;
    this.log.highWatermark = this.log.writtenOffset;
  }

  get highWatermark(): number {
    return this.log.highWatermark;
  }

  /**
   * The last stable offset (KIP-98): below it every transaction is decided. The first
   * offset of the oldest open (or not yet replicated) transaction, else the high watermark.
   */
  get lastStableOffset(): number {
    const hw = this.log.highWatermark;
    let lso = hw;
    const first = this.producers.firstUnstableOffset();
    if (first >= 0 && first < lso) lso = first;
    for (const t of this.unreplicatedTxns) {
      if (t.lastOffset >= hw && t.firstOffset >= 0 && t.firstOffset < lso) lso = t.firstOffset;
    }
    return lso;
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

  /**
   * Runs `fn` after every earlier call has finished: idempotent batches are checked and
   * accepted in the order they arrived, as Kafka handles one request per connection at a
   * time. `fn` must hand its batch to the log without waiting for the write.
   */
  inProducerOrder<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.producerOrder.then(fn, fn);
    this.producerOrder = run.catch(() => undefined);
    return run;
  }

  /**
   * Appends a batch from an idempotent producer: checked against the producer state,
   * accepted (state updated) synchronously in this call, then settled per `acks`. A
   * duplicate is answered with the original batch once that one is as far as `acks`
   * asks (in the file; fsynced for acks=-1), as its own answer would have been.
   */
  async appendFromProducer(records: Buffer, acks: number, batch: ProducerBatch): Promise<ProducerAppendResult> {
    const check = this.producers.check(batch);
    if (check.kind === 'error') return check;
    if (check.kind === 'duplicate') {
      const original = check.batch;
      if (this.log.writtenOffset <= original.lastOffset) await this.lastProducerAppend;
      if (this.log.writtenOffset <= original.lastOffset)
        throw new LogError(
          'KAFKA_STORAGE_ERROR',
          `the original of a duplicate batch at ${original.firstOffset} was not written`,
        );
      if (acks === -1 && this.durable) await this.flushTo(original.lastOffset + 1);
      return { kind: 'duplicate', batch: original };
    }
    const before = this.log.logEndOffset;
    const pending = this.log.appendAsLeader(records, this.leaderEpoch);
    if (this.log.logEndOffset > before) {
      // Accepted: the log rewrote the base offset in place.
      const view = new RecordBatchView(records, 0);
      this.producers.update(batch, view.baseOffset, view.lastOffset, view.maxTimestamp);
      this.lastProducerAppend = pending.then(
        () => undefined,
        () => undefined,
      );
    }
    const result = await pending;
    this.advanceHighWatermark();
    if (acks === -1 && this.durable) await this.flushTo(result.lastOffset + 1);
    return { kind: 'appended', result };
  }

  /**
   * Appends a COMMIT or ABORT marker for a producer's transaction, as the partition leader
   * does for WriteTxnMarkers: a control batch with the producer's id and epoch. The
   * producer's open transaction ends in the same synchronous step that assigns the
   * marker its offset; an abort adds its entry to the transaction index. A marker with
   * an older producer or coordinator epoch is refused. Run through `inProducerOrder`.
   */
  async appendTxnMarker(marker: TxnMarker, acks = -1): Promise<TxnMarkerResult> {
    const check = this.producers.checkMarker(marker.producerId, marker.producerEpoch, marker.coordinatorEpoch);
    if (check.kind === 'error') return { errorCode: check.errorCode, message: check.message, offset: -1 };
    const timestamp = marker.timestamp ?? Date.now();
    const batch = buildControlBatch({
      producerId: marker.producerId,
      producerEpoch: marker.producerEpoch,
      coordinatorEpoch: marker.coordinatorEpoch,
      type: marker.isAborted ? ControlRecordType.ABORT : ControlRecordType.COMMIT,
      timestamp,
    });
    const before = this.log.logEndOffset;
    const pending = this.log.appendAsLeader(batch, this.leaderEpoch);
    if (this.log.logEndOffset > before) {
      const offset = new RecordBatchView(batch, 0).baseOffset;
      const txn = this.producers.completeTxn(
        marker.producerId,
        marker.producerEpoch,
        marker.coordinatorEpoch,
        offset,
        marker.isAborted,
        timestamp,
      );
      if (txn.firstOffset >= 0) this.unreplicatedTxns.push({ firstOffset: txn.firstOffset, lastOffset: offset });
      if (txn.isAborted && txn.firstOffset >= 0) this.log.appendAbortedTxn(abortedTxnEntry(this.producers, txn));
      this.lastProducerAppend = pending.then(
        () => undefined,
        () => undefined,
      );
    }
    try {
      const result = await pending;
      this.advanceHighWatermark();
      if (acks === -1 && this.durable) await this.flushTo(result.lastOffset + 1);
      return { errorCode: ErrorCode.NONE, message: null, offset: result.baseOffset };
    } catch (e) {
      if (e instanceof LogError) return { errorCode: ErrorCode[e.errorCode], message: e.message, offset: -1 };
      throw e;
    }
  }

  /** Rebuilds the producer state from the latest snapshot and the log after it. */
  rebuildProducerState(nowMs: number, expirationMs: number, onCorrupt?: (e: Error) => void): Promise<number> {
    return rebuildProducerState(this.log, this.producers, nowMs, expirationMs, onCorrupt);
  }

  /** Truncates the log (replication) and rebuilds the producer state for what is left. */
  async truncateTo(offset: number, nowMs: number, expirationMs: number): Promise<void> {
    await this.log.truncateTo(offset);
    this.unreplicatedTxns.length = 0;
    await this.rebuildProducerState(nowMs, expirationMs);
  }

  /** Writes a producer state snapshot at the log end (clean close). */
  async snapshotProducerState(): Promise<void> {
    await this.log.takeSnapshot(this.producers.serialize());
  }

  advanceHighWatermark(): void {
    const hw = this.log.writtenOffset;
    if (hw > this.log.highWatermark) {
      this.log.highWatermark = hw;
      while (this.unreplicatedTxns.length > 0 && (this.unreplicatedTxns[0] as { lastOffset: number }).lastOffset < hw)
        this.unreplicatedTxns.shift();
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
