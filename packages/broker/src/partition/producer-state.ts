/**
 * The producer state of one partition (idempotence, KIP-98), as Kafka's
 * ProducerStateManager keeps it: per producer id its epoch and the metadata of its last
 * five batches (first/last sequence, first/last offset, max timestamp).
 *
 * Checks of a client batch (ProducerAppendInfo, Kafka 3.x/4.x):
 * - a batch whose epoch is the producer's and whose first and last sequence match one of
 *   the last five batches is a duplicate: it is answered with that batch's offsets and not
 *   appended again (no DUPLICATE_SEQUENCE_NUMBER since Kafka 1.0, KAFKA-5793);
 * - an epoch below the producer's: INVALID_PRODUCER_EPOCH (KIP-588 replaced
 *   PRODUCER_FENCED with it in Produce responses from 2.7);
 * - a new (higher) epoch must start at sequence 0, unless the producer has no state;
 * - the same epoch must continue at lastSequence + 1 (0 after Integer.MAX_VALUE),
 *   else OUT_OF_ORDER_SEQUENCE_NUMBER;
 * - a producer with no state here (new, or expired) is accepted at any sequence: Kafka
 *   stopped answering UNKNOWN_PRODUCER_ID once KIP-360 let clients recover by bumping
 *   their epoch ("accept writes with any sequence number" in ProducerAppendInfo).
 *
 * `check` changes nothing; `update` records a batch once the log has accepted it.
 *
 * Snapshot format (Gregor's own, big-endian; `<offset>.snapshot` holds the state of
 * every batch below `offset`):
 *
 *   int16  version = 0x4701 (Kafka's snapshots are version 1: Kafka's reader refuses
 *          ours instead of misreading it)
 *   int32  CRC-32C of everything after this field
 *   int32  producer count, then per producer:
 *     int64 producerId, int16 producerEpoch, int32 coordinatorEpoch (-1),
 *     int64 currentTxnFirstOffset (-1), int64 lastTimestamp,
 *     int8  batch count (0-5), then per batch, oldest first:
 *       int32 firstSequence, int32 lastSequence, int64 firstOffset,
 *       int32 offsetDelta (lastOffset - firstOffset), int64 maxTimestamp
 *
 * Unlike Kafka's snapshot (the last batch of each producer only), all five batches are
 * kept, so a retried batch of any of the five in flight is still recognised after a
 * restart. The coordinator epoch and open transaction fields are there for transactions.
 */
import {
  ControlRecordType,
  crc32c,
  ErrorCode,
  incrementSequence,
  RecordBatchView,
  readControlBatch,
} from '@gregor/protocol';
import type { PartitionLog } from '@gregor/storage';

/** Batches remembered per producer (Kafka's ProducerStateEntry.NUM_BATCHES_TO_RETAIN). */
export const BATCHES_TO_RETAIN = 5;

export const SNAPSHOT_VERSION = 0x4701;
const HEADER_BYTES = 2 + 4 + 4;
const ENTRY_BYTES = 8 + 2 + 4 + 8 + 8 + 1;
const BATCH_BYTES = 4 + 4 + 8 + 4 + 8;

export interface BatchMetadata {
  firstSequence: number;
  lastSequence: number;
  firstOffset: number;
  lastOffset: number;
  maxTimestamp: number;
}

export interface ProducerStateEntry {
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  currentTxnFirstOffset: number;
  lastTimestamp: number;
  /** Oldest first, at most BATCHES_TO_RETAIN. */
  batches: BatchMetadata[];
}

/** The producer fields of one batch header. */
export interface ProducerBatch {
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  lastSequence: number;
  /** A batch of a transaction (KIP-98): it opens the producer's transaction here if none is open. */
  isTransactional?: boolean;
}

/** A transaction ended by a marker: its first offset (-1: nothing of it here) and the marker's. */
export interface CompletedTxn {
  producerId: number;
  firstOffset: number;
  lastOffset: number;
  isAborted: boolean;
}

export type MarkerCheck = { kind: 'ok' } | { kind: 'error'; errorCode: number; message: string };

export type ProducerCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; batch: BatchMetadata }
  | { kind: 'error'; errorCode: number; message: string };

const APPEND: ProducerCheck = Object.freeze({ kind: 'append' });

export class ProducerSnapshotError extends Error {
  override name = 'ProducerSnapshotError';
}

export class ProducerStateManager {
  private readonly producers = new Map<number, ProducerStateEntry>();
  /** Producer id → first offset of its open transaction (Kafka's ongoingTxns). */
  private readonly ongoing = new Map<number, number>();

  get size(): number {
    return this.producers.size;
  }

  entry(producerId: number): ProducerStateEntry | undefined {
    return this.producers.get(producerId);
  }

  entries(): IterableIterator<ProducerStateEntry> {
    return this.producers.values();
  }

  clear(): void {
    this.producers.clear();
    this.ongoing.clear();
  }

  /**
   * The first offset of the oldest open transaction, or -1 (Kafka's firstUnstableOffset,
   * before the high watermark is taken into account).
   */
  firstUnstableOffset(): number {
    let first = -1;
    for (const offset of this.ongoing.values()) if (first < 0 || offset < first) first = offset;
    return first;
  }

  /**
   * Checks a transaction marker (WriteTxnMarkers, as Kafka's ProducerAppendInfo.appendEndTxnMarker):
   * an epoch below the producer's is fenced (INVALID_PRODUCER_EPOCH), and so is a coordinator
   * epoch below the one of the last marker (TRANSACTION_COORDINATOR_FENCED).
   */
  checkMarker(producerId: number, producerEpoch: number, coordinatorEpoch: number): MarkerCheck {
    const entry = this.producers.get(producerId);
    if (entry === undefined) return { kind: 'ok' };
    if (producerEpoch < entry.producerEpoch) {
      return {
        kind: 'error',
        errorCode: ErrorCode.INVALID_PRODUCER_EPOCH,
        message: `Marker epoch ${producerEpoch} of producer ${producerId} is below its epoch ${entry.producerEpoch}`,
      };
    }
    if (coordinatorEpoch < entry.coordinatorEpoch) {
      return {
        kind: 'error',
        errorCode: ErrorCode.TRANSACTION_COORDINATOR_FENCED,
        message: `Marker of producer ${producerId} has coordinator epoch ${coordinatorEpoch}, below ${entry.coordinatorEpoch}`,
      };
    }
    return { kind: 'ok' };
  }

  /**
   * Ends the producer's open transaction with a marker at `markerOffset` (also used when
   * replaying the log). A marker with a newer epoch moves the producer to it (its
   * sequences start again). Returns the completed transaction.
   */
  completeTxn(
    producerId: number,
    producerEpoch: number,
    coordinatorEpoch: number,
    markerOffset: number,
    isAborted: boolean,
    timestamp: number,
  ): CompletedTxn {
    let entry = this.producers.get(producerId);
    if (entry === undefined) {
      entry = {
        producerId,
        producerEpoch,
        coordinatorEpoch,
        currentTxnFirstOffset: -1,
        lastTimestamp: timestamp,
        batches: [],
      };
      this.producers.set(producerId, entry);
    } else if (entry.producerEpoch !== producerEpoch) {
      entry.producerEpoch = producerEpoch;
      entry.batches = [];
    }
    const firstOffset = entry.currentTxnFirstOffset;
    entry.currentTxnFirstOffset = -1;
    entry.coordinatorEpoch = coordinatorEpoch;
    entry.lastTimestamp = timestamp;
    this.ongoing.delete(producerId);
    return { producerId, firstOffset, lastOffset: markerOffset, isAborted };
  }

  /** Validates a batch from a client against the state; changes nothing. */
  check(batch: ProducerBatch): ProducerCheck {
    const entry = this.producers.get(batch.producerId);
    if (entry === undefined) return APPEND;
    if (batch.producerEpoch === entry.producerEpoch) {
      for (const b of entry.batches) {
        if (b.firstSequence === batch.baseSequence && b.lastSequence === batch.lastSequence)
          return { kind: 'duplicate', batch: b };
      }
    }
    if (batch.producerEpoch < entry.producerEpoch) {
      return {
        kind: 'error',
        errorCode: ErrorCode.INVALID_PRODUCER_EPOCH,
        message: `Epoch of producer ${batch.producerId} is ${batch.producerEpoch}, which is smaller than the last seen epoch ${entry.producerEpoch}`,
      };
    }
    if (batch.isTransactional !== true && entry.currentTxnFirstOffset >= 0) {
      // Kafka's ProducerAppendInfo: a plain batch while the producer's transaction is open.
      return {
        kind: 'error',
        errorCode: ErrorCode.INVALID_TXN_STATE,
        message: `Expected transactional write from producer ${batch.producerId} at offset ${entry.currentTxnFirstOffset}`,
      };
    }
    if (batch.producerEpoch !== entry.producerEpoch) {
      if (batch.baseSequence !== 0) {
        return {
          kind: 'error',
          errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
          message: `Invalid sequence number for new epoch of producer ${batch.producerId}: ${batch.producerEpoch} (request epoch), ${batch.baseSequence} (seq. number), ${entry.producerEpoch} (current producer epoch)`,
        };
      }
      return APPEND;
    }
    const last = entry.batches[entry.batches.length - 1];
    // An entry with no batches (possible once transaction markers exist) takes any sequence.
    if (last === undefined) return APPEND;
    if (batch.baseSequence !== incrementSequence(last.lastSequence, 1)) {
      return {
        kind: 'error',
        errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        message: `Out of order sequence number for producer ${batch.producerId}: ${batch.baseSequence} (incoming seq. number), ${last.lastSequence} (current end sequence number)`,
      };
    }
    return APPEND;
  }

  /**
   * Records a batch the log accepted at [firstOffset, lastOffset] (also used when
   * replaying the log: no validation then, as Kafka's AppendOrigin.REPLICATION).
   */
  update(batch: ProducerBatch, firstOffset: number, lastOffset: number, maxTimestamp: number): void {
    let entry = this.producers.get(batch.producerId);
    if (entry === undefined) {
      entry = {
        producerId: batch.producerId,
        producerEpoch: batch.producerEpoch,
        coordinatorEpoch: -1,
        currentTxnFirstOffset: -1,
        lastTimestamp: maxTimestamp,
        batches: [],
      };
      this.producers.set(batch.producerId, entry);
    } else if (entry.producerEpoch !== batch.producerEpoch) {
      // A new epoch starts a new sequence space: older batches can no longer be duplicates.
      entry.producerEpoch = batch.producerEpoch;
      entry.batches = [];
    }
    if (entry.batches.length >= BATCHES_TO_RETAIN) entry.batches.shift();
    entry.batches.push({
      firstSequence: batch.baseSequence,
      lastSequence: batch.lastSequence,
      firstOffset,
      lastOffset,
      maxTimestamp,
    });
    entry.lastTimestamp = maxTimestamp;
    if (batch.isTransactional === true && entry.currentTxnFirstOffset < 0) {
      entry.currentTxnFirstOffset = firstOffset;
      this.ongoing.set(batch.producerId, firstOffset);
    }
  }

  /**
   * Drops producers whose last batch timestamp is `expirationMs` or more in the past
   * (producer.id.expiration.ms, KIP-854), as Kafka's removeExpiredProducers; producers with
   * an open transaction stay. Returns how many were dropped.
   */
  removeExpired(nowMs: number, expirationMs: number): number {
    let removed = 0;
    for (const [id, e] of this.producers) {
      if (e.currentTxnFirstOffset < 0 && nowMs - e.lastTimestamp >= expirationMs) {
        this.producers.delete(id);
        removed++;
      }
    }
    return removed;
  }

  /** The state as a snapshot (format above). */
  serialize(): Buffer {
    let size = HEADER_BYTES;
    for (const e of this.producers.values()) size += ENTRY_BYTES + e.batches.length * BATCH_BYTES;
    const buf = Buffer.alloc(size);
    buf.writeInt16BE(SNAPSHOT_VERSION, 0);
    buf.writeInt32BE(this.producers.size, 6);
    let at = HEADER_BYTES;
    for (const e of this.producers.values()) {
      buf.writeBigInt64BE(BigInt(e.producerId), at);
      buf.writeInt16BE(e.producerEpoch, at + 8);
      buf.writeInt32BE(e.coordinatorEpoch, at + 10);
      buf.writeBigInt64BE(BigInt(e.currentTxnFirstOffset), at + 14);
      buf.writeBigInt64BE(BigInt(e.lastTimestamp), at + 22);
      buf.writeInt8(e.batches.length, at + 30);
      at += ENTRY_BYTES;
      for (const b of e.batches) {
        buf.writeInt32BE(b.firstSequence, at);
        buf.writeInt32BE(b.lastSequence, at + 4);
        buf.writeBigInt64BE(BigInt(b.firstOffset), at + 8);
        buf.writeInt32BE(b.lastOffset - b.firstOffset, at + 16);
        buf.writeBigInt64BE(BigInt(b.maxTimestamp), at + 20);
        at += BATCH_BYTES;
      }
    }
    buf.writeUInt32BE(crc32c(buf.subarray(6)), 2);
    return buf;
  }

  /**
   * Replaces the state with a snapshot's; entries already expired at `nowMs` are skipped
   * (as Kafka's loadFromSnapshot). Throws ProducerSnapshotError on a corrupt snapshot.
   */
  load(data: Buffer, nowMs: number, expirationMs: number): void {
    if (data.length < HEADER_BYTES) throw new ProducerSnapshotError(`snapshot of ${data.length} bytes is too short`);
    const version = data.readInt16BE(0);
    if (version !== SNAPSHOT_VERSION) throw new ProducerSnapshotError(`unknown snapshot version ${version}`);
    if (data.readUInt32BE(2) !== crc32c(data.subarray(6)))
      throw new ProducerSnapshotError('snapshot CRC-32C does not match');
    const count = data.readInt32BE(6);
    const loaded = new Map<number, ProducerStateEntry>();
    let at = HEADER_BYTES;
    for (let i = 0; i < count; i++) {
      if (at + ENTRY_BYTES > data.length) throw new ProducerSnapshotError('snapshot is truncated');
      const entry: ProducerStateEntry = {
        producerId: Number(data.readBigInt64BE(at)),
        producerEpoch: data.readInt16BE(at + 8),
        coordinatorEpoch: data.readInt32BE(at + 10),
        currentTxnFirstOffset: Number(data.readBigInt64BE(at + 14)),
        lastTimestamp: Number(data.readBigInt64BE(at + 22)),
        batches: [],
      };
      const batches = data.readInt8(at + 30);
      at += ENTRY_BYTES;
      if (batches < 0 || batches > BATCHES_TO_RETAIN || at + batches * BATCH_BYTES > data.length)
        throw new ProducerSnapshotError(`snapshot entry of producer ${entry.producerId} is corrupt`);
      for (let j = 0; j < batches; j++) {
        const firstOffset = Number(data.readBigInt64BE(at + 8));
        entry.batches.push({
          firstSequence: data.readInt32BE(at),
          lastSequence: data.readInt32BE(at + 4),
          firstOffset,
          lastOffset: firstOffset + data.readInt32BE(at + 16),
          maxTimestamp: Number(data.readBigInt64BE(at + 20)),
        });
        at += BATCH_BYTES;
      }
      if (entry.currentTxnFirstOffset >= 0 || nowMs - entry.lastTimestamp < expirationMs)
        loaded.set(entry.producerId, entry);
    }
    if (at !== data.length) throw new ProducerSnapshotError(`snapshot has ${data.length - at} trailing bytes`);
    this.clear();
    for (const [id, e] of loaded) {
      this.producers.set(id, e);
      if (e.currentTxnFirstOffset >= 0) this.ongoing.set(id, e.currentTxnFirstOffset);
    }
  }
}

/** Bytes read at a time when replaying the log after a snapshot. */
const REPLAY_READ_BYTES = 1 << 20;

/**
 * Rebuilds `state` from the newest snapshot at or below the log end plus the batches
 * after it (headers only), as Kafka's UnifiedLog.rebuildProducerState: at open and after
 * truncation (from the recovery point or below, so markers the transaction index lost in a
 * crash are indexed again). A snapshot that fails its checks is reported and the whole log replayed
 * instead. Returns where the replay started.
 */
export async function rebuildProducerState(
  log: PartitionLog,
  state: ProducerStateManager,
  nowMs: number,
  expirationMs: number,
  onCorrupt: (e: Error) => void = () => undefined,
): Promise<number> {
  state.clear();
  let from = log.logStartOffset;
  // As Kafka's LogLoader after an unclean stop: start from a snapshot at or below the
  // recovery point, so that every transaction marker the index files may have missed
  // (they are persisted at checkpoints) is replayed and its aborted entry restored.
  const snapshot = await log.latestSnapshot(Math.min(log.logEndOffset, log.recoveryPoint));
  if (snapshot !== null) {
    try {
      state.load(snapshot.data, nowMs, expirationMs);
      from = Math.max(snapshot.offset, log.logStartOffset);
    } catch (e) {
      if (!(e instanceof ProducerSnapshotError)) throw e;
      onCorrupt(e);
      state.clear();
    }
  }
  const replayFrom = from;
  const end = log.writtenOffset;
  while (from < end) {
    const r = await log.read(from, REPLAY_READ_BYTES, end);
    if (r.records.length === 0) break;
    const records = r.records;
    for (let at = 0; at < records.length; ) {
      const v = new RecordBatchView(records, at);
      if (v.baseOffset >= replayFrom && v.producerId >= 0 && v.isControl) {
        replayMarker(log, state, records, at, v);
      } else if (v.baseOffset >= replayFrom && v.producerId >= 0) {
        state.update(
          {
            producerId: v.producerId,
            producerEpoch: v.producerEpoch,
            baseSequence: v.baseSequence,
            lastSequence: v.lastSequence,
            isTransactional: v.isTransactional,
          },
          v.baseOffset,
          v.lastOffset,
          v.maxTimestamp,
        );
      }
      at += v.sizeInBytes;
    }
    from = r.nextOffset;
  }
  state.removeExpired(nowMs, expirationMs);
  return replayFrom;
}

/**
 * The entry of the transaction index for an aborted transaction: its lastStableOffset is
 * the first offset of the oldest transaction still open, or the marker's next offset
 * (Kafka's ProducerStateManager.lastStableOffset(completedTxn)). Call after `completeTxn`.
 */
export function abortedTxnEntry(
  state: ProducerStateManager,
  txn: CompletedTxn,
): { producerId: number; firstOffset: number; lastOffset: number; lastStableOffset: number } {
  const first = state.firstUnstableOffset();
  return {
    producerId: txn.producerId,
    firstOffset: txn.firstOffset,
    lastOffset: txn.lastOffset,
    lastStableOffset: first >= 0 ? first : txn.lastOffset + 1,
  };
}

/**
 * A transaction marker met while replaying the log: ends the producer's transaction and,
 * for an abort the transaction index does not hold yet (its file is written at segment
 * flush, so a crash can lose it), adds the entry, as Kafka's recovery rebuilds it.
 */
function replayMarker(
  log: PartitionLog,
  state: ProducerStateManager,
  records: Buffer,
  at: number,
  v: RecordBatchView,
): void {
  const txn = completeReplicatedTxn(state, records, at, v);
  if (txn === null || !txn.isAborted || txn.firstOffset < 0) return;
  const known = log.collectAbortedTxns(txn.lastOffset, txn.lastOffset + 1);
  for (const k of known) if (k.lastOffset === txn.lastOffset && k.producerId === txn.producerId) return;
  log.appendAbortedTxn(abortedTxnEntry(state, txn));
}

/**
 * Ends the transaction a COMMIT or ABORT control batch at `at` marks (log replay, and
 * follower appends); null for other control batches.
 */
export function completeReplicatedTxn(
  state: ProducerStateManager,
  records: Buffer,
  at: number,
  v: RecordBatchView,
): CompletedTxn | null {
  const control = readControlBatch(records, at, { verifyCrc: false })[0];
  if (control === undefined || control.endTransactionMarker === null) return null;
  if (control.type !== ControlRecordType.ABORT && control.type !== ControlRecordType.COMMIT) return null;
  return state.completeTxn(
    v.producerId,
    v.producerEpoch,
    control.endTransactionMarker.coordinatorEpoch,
    v.baseOffset,
    control.type === ControlRecordType.ABORT,
    v.maxTimestamp,
  );
}
