/**
 * Builds record batches (magic 2) for clients, coordinators and tests.
 *
 * Two passes, as everywhere in the protocol package: size every record, allocate once,
 * write front to back. A compressed batch writes its records into one buffer of exactly
 * their size, compresses it, and copies the result after the header.
 *
 * Bad arguments are bugs in the caller and throw (RangeError / TypeError); the result
 * always passes validate.ts with `fromClient: false` (and with `fromClient: true` when
 * it is a plain client batch at baseOffset 0).
 */

import type { CompressionType } from '../compression/index.js';
import { Compression, compress } from '../compression/index.js';
import { sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong } from '../varint.js';
import {
  ATTRIBUTES_OFFSET,
  BASE_OFFSET_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  BATCH_LENGTH_OFFSET,
  CONTROL_FLAG_MASK,
  DELETE_HORIZON_FLAG_MASK,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAGIC_VALUE_V2,
  MAX_TIMESTAMP_OFFSET,
  NO_PARTITION_LEADER_EPOCH,
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  NO_TIMESTAMP,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_OVERHEAD,
  RECORD_COUNT_OFFSET,
  TIMESTAMP_TYPE_MASK,
  TimestampType,
  TRANSACTIONAL_FLAG_MASK,
  writeCrc,
  writeInt64Number,
} from './header.js';

const INT32_MAX = 0x7fffffff;

export interface RecordHeaderInput {
  readonly key: string;
  readonly value: Uint8Array | string | null;
}

export interface RecordInput {
  /** null or absent: no key. Strings are written as UTF-8. */
  readonly key?: Uint8Array | string | null;
  /** null or absent: a tombstone. */
  readonly value?: Uint8Array | string | null;
  readonly headers?: readonly RecordHeaderInput[];
  /** Milliseconds; -1 for none. Replaced by `logAppendTime` under LogAppendTime. */
  readonly timestamp: number;
  /** Default: the previous record's offsetDelta + 1 (0 for the first). */
  readonly offsetDelta?: number;
}

export interface BuildRecordBatchOptions {
  /** Default 0, what clients send; the leader assigns the real offset. */
  readonly baseOffset?: number;
  /** Default -1: clients leave it to the leader. */
  readonly partitionLeaderEpoch?: number;
  readonly records: readonly RecordInput[];
  /** Default NONE. */
  readonly compression?: CompressionType;
  /** Default -1 (not idempotent). */
  readonly producerId?: number;
  readonly producerEpoch?: number;
  readonly baseSequence?: number;
  readonly transactional?: boolean;
  /** A batch of control records (control.ts builds the transaction markers). */
  readonly control?: boolean;
  /** Default CREATE_TIME. */
  readonly timestampType?: TimestampType;
  /** Required with LOG_APPEND_TIME: the time every record gets, as Kafka's builder does. */
  readonly logAppendTime?: number;
  /**
   * Default: the last record's offsetDelta. Larger when the log cleaner has removed a
   * batch's last records: the batch keeps its offset range, so its producer's last
   * sequence (baseSequence + lastOffsetDelta) stays right, as Kafka's cleaner does.
   */
  readonly lastOffsetDelta?: number;
  /**
   * KIP-534: sets the delete-horizon attribute and stores this time (ms) as baseTimestamp,
   * record timestamps being written relative to it. The log cleaner sets it on batches
   * holding tombstones or transaction markers; they may go once the time has passed.
   */
  readonly deleteHorizonMs?: number;
}

function assertInt(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} ${value} is not an integer in [${min}, ${max}]`);
  }
}

function assertTimestamp(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < NO_TIMESTAMP) {
    throw new RangeError(`${what} ${value} is not a safe integer >= -1`);
  }
}

/** Bytes of a varint-length-prefixed field (-1 for null). */
function sizeOfField(value: Uint8Array | string | null | undefined): number {
  if (value === null || value === undefined) return 1;
  const length = typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.length;
  return sizeOfVarint(length) + length;
}

function writeField(buf: Buffer, pos: number, value: Uint8Array | string | null | undefined): number {
  if (value === null || value === undefined) return writeVarint(buf, pos, -1);
  if (typeof value === 'string') {
    const length = Buffer.byteLength(value, 'utf8');
    pos = writeVarint(buf, pos, length);
    return pos + buf.write(value, pos, length, 'utf8');
  }
  pos = writeVarint(buf, pos, value.length);
  buf.set(value, pos);
  return pos + value.length;
}

/** Builds one batch; see the module doc. */
export function buildRecordBatch(options: BuildRecordBatchOptions): Buffer {
  const records = options.records;
  const count = records.length;
  const baseOffset = options.baseOffset ?? 0;
  const partitionLeaderEpoch = options.partitionLeaderEpoch ?? NO_PARTITION_LEADER_EPOCH;
  const compression = options.compression ?? Compression.NONE;
  const producerId = options.producerId ?? NO_PRODUCER_ID;
  const producerEpoch = options.producerEpoch ?? NO_PRODUCER_EPOCH;
  const baseSequence = options.baseSequence ?? NO_SEQUENCE;
  const timestampType = options.timestampType ?? TimestampType.CREATE_TIME;
  const logAppendTime = timestampType === TimestampType.LOG_APPEND_TIME ? options.logAppendTime : undefined;

  if (count === 0) throw new RangeError('a record batch needs at least one record');
  if (!Number.isSafeInteger(baseOffset) || baseOffset < 0) throw new RangeError(`baseOffset ${baseOffset}`);
  assertInt(partitionLeaderEpoch, -1, INT32_MAX, 'partitionLeaderEpoch');
  assertInt(compression, 0, 4, 'compression');
  if (!Number.isSafeInteger(producerId) || producerId < NO_PRODUCER_ID)
    throw new RangeError(`producerId ${producerId}`);
  assertInt(producerEpoch, -1, 0x7fff, 'producerEpoch');
  assertInt(baseSequence, -1, INT32_MAX, 'baseSequence');
  if (timestampType === TimestampType.LOG_APPEND_TIME) {
    if (logAppendTime === undefined) throw new TypeError('LOG_APPEND_TIME needs logAppendTime');
    assertTimestamp(logAppendTime, 'logAppendTime');
  }

  // Pass 1: the timestamps, offset deltas and size of every record.
  const bodySizes = new Int32Array(count);
  const offsetDeltas = new Int32Array(count);
  const first = records[0]!;
  const deleteHorizonMs = options.deleteHorizonMs;
  if (deleteHorizonMs !== undefined) assertTimestamp(deleteHorizonMs, 'deleteHorizonMs');
  const baseTimestamp = deleteHorizonMs ?? logAppendTime ?? first.timestamp;
  assertTimestamp(baseTimestamp, 'timestamp of record 0');
  let maxTimestamp = logAppendTime ?? NO_TIMESTAMP;
  let offsetDelta = -1;
  let recordsSize = 0;
  for (let i = 0; i < count; i++) {
    const record = records[i]!;
    const timestamp = logAppendTime ?? record.timestamp;
    assertTimestamp(timestamp, `timestamp of record ${i}`);
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    // Readers refuse deltas they cannot hold exactly in a number.
    if (!Number.isSafeInteger(timestamp - baseTimestamp)) {
      throw new RangeError(`timestamp of record ${i} is ${timestamp - baseTimestamp} ms from the first`);
    }
    const nextOffsetDelta = record.offsetDelta ?? offsetDelta + 1;
    assertInt(nextOffsetDelta, offsetDelta + 1, INT32_MAX, `offsetDelta of record ${i}`);
    offsetDelta = nextOffsetDelta;
    offsetDeltas[i] = offsetDelta;
    let size =
      1 + // attributes
      sizeOfVarlong(timestamp - baseTimestamp) +
      sizeOfVarint(offsetDelta) +
      sizeOfField(record.key) +
      sizeOfField(record.value);
    const headers = record.headers;
    const headerCount = headers === undefined ? 0 : headers.length;
    size += sizeOfVarint(headerCount);
    for (let h = 0; h < headerCount; h++) {
      const header = headers![h]!;
      if (typeof header.key !== 'string') throw new TypeError(`header ${h} of record ${i} needs a string key`);
      size += sizeOfField(header.key) + sizeOfField(header.value);
    }
    if (size > INT32_MAX) throw new RangeError(`record ${i} is larger than 2 GiB`);
    bodySizes[i] = size;
    recordsSize += sizeOfVarint(size) + size;
  }
  const lastOffsetDelta = options.lastOffsetDelta ?? offsetDelta;
  assertInt(lastOffsetDelta, offsetDelta, INT32_MAX, 'lastOffsetDelta');
  if (recordsSize > INT32_MAX - RECORD_BATCH_OVERHEAD) throw new RangeError('record batch is larger than 2 GiB');

  // Pass 2: write the records, straight into the batch when they are not compressed.
  let batch: Buffer;
  if (compression === Compression.NONE) {
    batch = Buffer.allocUnsafe(RECORD_BATCH_OVERHEAD + recordsSize);
    writeRecords(batch, RECORD_BATCH_OVERHEAD, records, bodySizes, offsetDeltas, baseTimestamp, logAppendTime);
  } else {
    const plain = Buffer.allocUnsafe(recordsSize);
    writeRecords(plain, 0, records, bodySizes, offsetDeltas, baseTimestamp, logAppendTime);
    const compressed = compress(compression, plain);
    if (compressed.length > INT32_MAX - RECORD_BATCH_OVERHEAD)
      throw new RangeError('record batch is larger than 2 GiB');
    batch = Buffer.allocUnsafe(RECORD_BATCH_OVERHEAD + compressed.length);
    batch.set(compressed, RECORD_BATCH_OVERHEAD);
  }

  let attributes = compression;
  if (timestampType === TimestampType.LOG_APPEND_TIME) attributes |= TIMESTAMP_TYPE_MASK;
  if (options.transactional === true) attributes |= TRANSACTIONAL_FLAG_MASK;
  if (options.control === true) attributes |= CONTROL_FLAG_MASK;
  if (deleteHorizonMs !== undefined) attributes |= DELETE_HORIZON_FLAG_MASK;
  writeInt64Number(batch, BASE_OFFSET_OFFSET, baseOffset);
  batch.writeInt32BE(batch.length - LOG_OVERHEAD, BATCH_LENGTH_OFFSET);
  batch.writeInt32BE(partitionLeaderEpoch, PARTITION_LEADER_EPOCH_OFFSET);
  batch.writeInt8(MAGIC_VALUE_V2, MAGIC_OFFSET);
  batch.writeInt16BE(attributes, ATTRIBUTES_OFFSET);
  batch.writeInt32BE(lastOffsetDelta, LAST_OFFSET_DELTA_OFFSET);
  writeInt64Number(batch, BASE_TIMESTAMP_OFFSET, baseTimestamp);
  writeInt64Number(batch, MAX_TIMESTAMP_OFFSET, maxTimestamp);
  writeInt64Number(batch, PRODUCER_ID_OFFSET, producerId);
  batch.writeInt16BE(producerEpoch, PRODUCER_EPOCH_OFFSET);
  batch.writeInt32BE(baseSequence, BASE_SEQUENCE_OFFSET);
  batch.writeInt32BE(count, RECORD_COUNT_OFFSET);
  // Last: the CRC covers every field after it, records included.
  writeCrc(batch, 0);
  return batch;
}

function writeRecords(
  buf: Buffer,
  start: number,
  records: readonly RecordInput[],
  bodySizes: Int32Array,
  offsetDeltas: Int32Array,
  baseTimestamp: number,
  logAppendTime: number | undefined,
): void {
  let pos = start;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const bodySize = bodySizes[i]!;
    pos = writeVarint(buf, pos, bodySize);
    const bodyStart = pos;
    buf[pos++] = 0; // attributes: unused in magic 2
    pos = writeVarlong(buf, pos, (logAppendTime ?? record.timestamp) - baseTimestamp);
    pos = writeVarint(buf, pos, offsetDeltas[i]!);
    pos = writeField(buf, pos, record.key);
    pos = writeField(buf, pos, record.value);
    const headers = record.headers;
    const headerCount = headers === undefined ? 0 : headers.length;
    pos = writeVarint(buf, pos, headerCount);
    for (let h = 0; h < headerCount; h++) {
      const header = headers![h]!;
      pos = writeField(buf, pos, header.key);
      pos = writeField(buf, pos, header.value);
    }
    // The sizing pass and the writing pass must agree, or the batch is garbage.
    if (pos - bodyStart !== bodySize) {
      throw new Error(`record ${i}: sized ${bodySize} bytes, wrote ${pos - bodyStart}`);
    }
  }
  if (pos !== buf.length) throw new Error(`records sized to end at ${buf.length}, written to ${pos}`);
}
