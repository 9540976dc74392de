/**
 * Control records (KIP-98): batches with the control attribute bit whose records are
 * markers, not data. Consumers never see them as records.
 *
 * key   = version int16 (0) · type int16 (ControlRecordType)
 * value for ABORT / COMMIT = EndTransactionMarker: version int16 (0) · coordinatorEpoch int32
 *
 * A transaction marker batch is transactional and control, holds one record, and carries
 * the producer id and epoch of the transaction it ends (no sequence number).
 * The KRaft types (LEADER_CHANGE and after) have values of their own schemas, decoded by
 * the raft package; here they come back as raw bytes.
 */

import { Compression } from '../compression/index.js';
import { buildRecordBatch } from './builder.js';
import { RecordBatchError, RecordBatchErrorCode } from './errors.js';
import { RecordBatchView, TimestampType } from './header.js';
import type { ReadRecordsOptions } from './records.js';
import { readRecords } from './records.js';

/** Kafka's ControlRecordType ids. */
export const ControlRecordType = {
  ABORT: 0,
  COMMIT: 1,
  LEADER_CHANGE: 2,
  SNAPSHOT_HEADER: 3,
  SNAPSHOT_FOOTER: 4,
  KRAFT_VERSION: 5,
  KRAFT_VOTERS: 6,
} as const;
export type ControlRecordType = (typeof ControlRecordType)[keyof typeof ControlRecordType];

/** The key and EndTransactionMarker versions this code writes. */
export const CONTROL_RECORD_KEY_VERSION = 0;
export const END_TRANSACTION_MARKER_VERSION = 0;
const CONTROL_RECORD_KEY_SIZE = 4;
const END_TRANSACTION_MARKER_SIZE = 6;

export interface ControlRecordKey {
  readonly version: number;
  /** A ControlRecordType id; unknown ids are returned as read. */
  readonly type: number;
}

export interface EndTransactionMarker {
  readonly version: number;
  readonly coordinatorEpoch: number;
}

/**
 * Reads a control record key. Newer key versions are read as version 0, as Kafka does
 * (they may only append fields); a key shorter than 4 bytes or a negative version is
 * INVALID_RECORD.
 */
export function parseControlRecordKey(key: Buffer | null): ControlRecordKey {
  if (key === null || key.length < CONTROL_RECORD_KEY_SIZE) {
    throw new RecordBatchError(
      RecordBatchErrorCode.INVALID_RECORD,
      `control record key has ${key === null ? 'no' : key.length} bytes, needs ${CONTROL_RECORD_KEY_SIZE}`,
    );
  }
  const version = key.readInt16BE(0);
  if (version < 0) {
    throw new RecordBatchError(RecordBatchErrorCode.INVALID_RECORD, `control record key version ${version}`);
  }
  return { version, type: key.readInt16BE(2) };
}

/** Reads the value of an ABORT or COMMIT marker; newer versions are read as version 0. */
export function parseEndTransactionMarker(value: Buffer | null): EndTransactionMarker {
  if (value === null || value.length < END_TRANSACTION_MARKER_SIZE) {
    throw new RecordBatchError(
      RecordBatchErrorCode.INVALID_RECORD,
      `end transaction marker has ${value === null ? 'no' : value.length} bytes, needs ${END_TRANSACTION_MARKER_SIZE}`,
    );
  }
  const version = value.readInt16BE(0);
  if (version < 0) {
    throw new RecordBatchError(RecordBatchErrorCode.INVALID_RECORD, `end transaction marker version ${version}`);
  }
  return { version, coordinatorEpoch: value.readInt32BE(2) };
}

export interface BuildControlBatchOptions {
  /** Default 0; the leader assigns the real offset on append. */
  readonly baseOffset?: number;
  readonly partitionLeaderEpoch?: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly type: typeof ControlRecordType.ABORT | typeof ControlRecordType.COMMIT;
  readonly coordinatorEpoch: number;
  /** When the coordinator wrote the marker (ms). */
  readonly timestamp: number;
}

/** Builds a transaction marker batch (Kafka's `MemoryRecords.withEndTransactionMarker`). */
export function buildControlBatch(options: BuildControlBatchOptions): Buffer {
  if (options.type !== ControlRecordType.ABORT && options.type !== ControlRecordType.COMMIT) {
    throw new RangeError(`control type ${options.type} is not ABORT or COMMIT`);
  }
  if (!Number.isSafeInteger(options.producerId) || options.producerId < 0) {
    throw new RangeError(`a transaction marker needs a producer id, not ${options.producerId}`);
  }
  const key = Buffer.allocUnsafe(CONTROL_RECORD_KEY_SIZE);
  key.writeInt16BE(CONTROL_RECORD_KEY_VERSION, 0);
  key.writeInt16BE(options.type, 2);
  const value = Buffer.allocUnsafe(END_TRANSACTION_MARKER_SIZE);
  value.writeInt16BE(END_TRANSACTION_MARKER_VERSION, 0);
  value.writeInt32BE(options.coordinatorEpoch, 2);
  return buildRecordBatch({
    baseOffset: options.baseOffset ?? 0,
    partitionLeaderEpoch: options.partitionLeaderEpoch ?? -1,
    records: [{ key, value, timestamp: options.timestamp }],
    compression: Compression.NONE,
    producerId: options.producerId,
    producerEpoch: options.producerEpoch,
    transactional: true,
    control: true,
    timestampType: TimestampType.CREATE_TIME,
  });
}

export interface ControlRecord {
  readonly offset: number;
  readonly timestamp: number;
  readonly version: number;
  /** A ControlRecordType id. */
  readonly type: number;
  /** The raw value (KRaft control records are decoded by the raft package). */
  readonly value: Buffer | null;
  /** For ABORT and COMMIT; null for the other types. */
  readonly endTransactionMarker: EndTransactionMarker | null;
}

/**
 * Reads the control records of the control batch at `batchOffset`. Throws
 * RecordBatchError when the batch is bad or is not a control batch.
 */
export function readControlBatch(buf: Buffer, batchOffset = 0, options: ReadRecordsOptions = {}): ControlRecord[] {
  const iterator = readRecords(buf, batchOffset, options);
  const view = new RecordBatchView(buf, batchOffset);
  if (!view.isControl) {
    throw new RecordBatchError(
      RecordBatchErrorCode.INVALID_RECORD,
      `batch at byte ${batchOffset} is not a control batch`,
    );
  }
  const out: ControlRecord[] = [];
  for (const record of iterator) {
    const key = parseControlRecordKey(record.key);
    const isMarker = key.type === ControlRecordType.ABORT || key.type === ControlRecordType.COMMIT;
    if (isMarker && !view.isTransactional) {
      throw new RecordBatchError(
        RecordBatchErrorCode.INVALID_RECORD,
        `transaction marker in a batch at byte ${batchOffset} that is not transactional`,
      );
    }
    out.push({
      offset: record.offset,
      timestamp: record.timestamp,
      version: key.version,
      type: key.type,
      value: record.value,
      endTransactionMarker: isMarker ? parseEndTransactionMarker(record.value) : null,
    });
  }
  return out;
}
