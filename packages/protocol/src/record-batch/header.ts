/**
 * The record batch header (magic 2, KIP-98), read and patched in place.
 *
 * The broker never decodes records on its hot path: it reads these 61 bytes where they
 * lie in the request buffer, checks them (validate.ts), rewrites baseOffset,
 * partitionLeaderEpoch and, for `message.timestamp.type=LogAppendTime`, maxTimestamp,
 * then writes the same bytes to the log.
 *
 * ```
 * offset size field                  in CRC
 *      0    8 baseOffset             no   (so offsets are assigned without a new CRC)
 *      8    4 batchLength            no   (bytes after this field: batch size - 12)
 *     12    4 partitionLeaderEpoch   no   (set by the leader on append, KIP-101)
 *     16    1 magic                  no   (2; 0 and 1 are the legacy message sets)
 *     17    4 crc                    no   (CRC-32C of bytes 21 .. end)
 *     21    2 attributes             yes
 *     23    4 lastOffsetDelta        yes
 *     27    8 baseTimestamp          yes
 *     35    8 maxTimestamp           yes
 *     43    8 producerId             yes
 *     51    2 producerEpoch          yes
 *     53    4 baseSequence           yes
 *     57    4 recordCount            yes
 *     61      records                yes
 * ```
 *
 * int64 fields are read as numbers. Offsets and timestamps beyond 2^53 cannot be held
 * exactly: readers return them rounded, so a caller that has not validated the batch
 * checks `Number.isSafeInteger` (validate.ts does, once per batch).
 */

import { crc32c } from '../crc32c.js';

export const BASE_OFFSET_OFFSET = 0;
export const BATCH_LENGTH_OFFSET = 8;
export const PARTITION_LEADER_EPOCH_OFFSET = 12;
export const MAGIC_OFFSET = 16;
export const CRC_OFFSET = 17;
export const ATTRIBUTES_OFFSET = 21;
export const LAST_OFFSET_DELTA_OFFSET = 23;
export const BASE_TIMESTAMP_OFFSET = 27;
export const MAX_TIMESTAMP_OFFSET = 35;
export const PRODUCER_ID_OFFSET = 43;
export const PRODUCER_EPOCH_OFFSET = 51;
export const BASE_SEQUENCE_OFFSET = 53;
export const RECORD_COUNT_OFFSET = 57;
export const RECORDS_OFFSET = 61;

/** Bytes of a batch header, the smallest possible batch (no records). */
export const RECORD_BATCH_OVERHEAD = 61;
/** baseOffset + batchLength: the bytes of a batch that batchLength does not count. */
export const LOG_OVERHEAD = 12;
/** The smallest valid batchLength: a header and no records. */
export const BATCH_LENGTH_MIN = RECORD_BATCH_OVERHEAD - LOG_OVERHEAD;
/** The CRC covers the batch from the attributes to the end. */
export const CRC_START_OFFSET = ATTRIBUTES_OFFSET;

export const MAGIC_VALUE_V2 = 2;

// Attribute bits (DefaultRecordBatch.java). Bits 7-15 are unused and ignored.
export const COMPRESSION_CODEC_MASK = 0x07;
export const TIMESTAMP_TYPE_MASK = 0x08;
export const TRANSACTIONAL_FLAG_MASK = 0x10;
export const CONTROL_FLAG_MASK = 0x20;
/** KIP-534: baseTimestamp holds the delete horizon of tombstones and aborted markers. */
export const DELETE_HORIZON_FLAG_MASK = 0x40;

export const TimestampType = { CREATE_TIME: 0, LOG_APPEND_TIME: 1 } as const;
export type TimestampType = (typeof TimestampType)[keyof typeof TimestampType];

export const NO_TIMESTAMP = -1;
export const NO_PRODUCER_ID = -1;
export const NO_PRODUCER_EPOCH = -1;
export const NO_SEQUENCE = -1;
export const NO_PARTITION_LEADER_EPOCH = -1;

// The layout is contiguous and ends where the records start; a typo above would break
// every batch, so check it once at load.
if (
  RECORD_COUNT_OFFSET + 4 !== RECORDS_OFFSET ||
  RECORDS_OFFSET !== RECORD_BATCH_OVERHEAD ||
  BASE_SEQUENCE_OFFSET + 4 !== RECORD_COUNT_OFFSET ||
  PRODUCER_EPOCH_OFFSET + 2 !== BASE_SEQUENCE_OFFSET ||
  PRODUCER_ID_OFFSET + 8 !== PRODUCER_EPOCH_OFFSET ||
  MAX_TIMESTAMP_OFFSET + 8 !== PRODUCER_ID_OFFSET ||
  BASE_TIMESTAMP_OFFSET + 8 !== MAX_TIMESTAMP_OFFSET ||
  LAST_OFFSET_DELTA_OFFSET + 4 !== BASE_TIMESTAMP_OFFSET ||
  ATTRIBUTES_OFFSET + 2 !== LAST_OFFSET_DELTA_OFFSET ||
  CRC_OFFSET + 4 !== ATTRIBUTES_OFFSET ||
  MAGIC_OFFSET + 1 !== CRC_OFFSET ||
  PARTITION_LEADER_EPOCH_OFFSET + 4 !== MAGIC_OFFSET ||
  BATCH_LENGTH_OFFSET + 4 !== PARTITION_LEADER_EPOCH_OFFSET ||
  LOG_OVERHEAD !== PARTITION_LEADER_EPOCH_OFFSET
) {
  throw new Error('record batch header layout constants are inconsistent');
}

/** A big-endian int64 as a number; exact only within ±2^53 (see the module doc). */
export function readInt64Number(buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * 0x100000000 + buf.readUInt32BE(at + 4);
}

/** Writes a safe-integer number as a big-endian int64; anything else is a bug. */
export function writeInt64Number(buf: Buffer, at: number, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`int64 value ${value} is not a safe integer`);
  const hi = Math.floor(value / 0x100000000);
  buf.writeInt32BE(hi, at);
  buf.writeUInt32BE(value - hi * 0x100000000, at + 4);
}

/**
 * The sequence number `increment` after `sequence`, wrapping past int32 max to 0 as
 * producers do (DefaultRecordBatch.incrementSequence).
 */
export function incrementSequence(sequence: number, increment: number): number {
  if (sequence > 0x7fffffff - increment) return increment - (0x7fffffff - sequence) - 1;
  return sequence + increment;
}

/**
 * A zero-copy view of one batch header: every getter reads the buffer. One view can walk
 * many batches (`moveTo`), so a loop over a blob allocates nothing per batch.
 *
 * The view does not check anything: point it only at a batch that validate.ts accepted
 * (or at least at 61 readable bytes), or the getters read garbage or throw RangeError.
 */
export class RecordBatchView {
  buf: Buffer;
  offset: number;

  constructor(buf: Buffer, offset = 0) {
    this.buf = buf;
    this.offset = offset;
  }

  /** Points the view at another batch; returns it for chaining. */
  moveTo(buf: Buffer, offset: number): this {
    this.buf = buf;
    this.offset = offset;
    return this;
  }

  get baseOffset(): number {
    return readInt64Number(this.buf, this.offset + BASE_OFFSET_OFFSET);
  }

  get batchLength(): number {
    return this.buf.readInt32BE(this.offset + BATCH_LENGTH_OFFSET);
  }

  /** The whole batch in bytes, header included. */
  get sizeInBytes(): number {
    return LOG_OVERHEAD + this.batchLength;
  }

  get partitionLeaderEpoch(): number {
    return this.buf.readInt32BE(this.offset + PARTITION_LEADER_EPOCH_OFFSET);
  }

  get magic(): number {
    return this.buf.readInt8(this.offset + MAGIC_OFFSET);
  }

  get crc(): number {
    return this.buf.readUInt32BE(this.offset + CRC_OFFSET);
  }

  get attributes(): number {
    return this.buf.readInt16BE(this.offset + ATTRIBUTES_OFFSET);
  }

  /** Bits 0-2 of the attributes: 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd (5-7 invalid). */
  get compression(): number {
    return this.buf[this.offset + ATTRIBUTES_OFFSET + 1]! & COMPRESSION_CODEC_MASK;
  }

  get timestampType(): TimestampType {
    return (this.buf[this.offset + ATTRIBUTES_OFFSET + 1]! & TIMESTAMP_TYPE_MASK) === 0
      ? TimestampType.CREATE_TIME
      : TimestampType.LOG_APPEND_TIME;
  }

  get isTransactional(): boolean {
    return (this.buf[this.offset + ATTRIBUTES_OFFSET + 1]! & TRANSACTIONAL_FLAG_MASK) !== 0;
  }

  get isControl(): boolean {
    return (this.buf[this.offset + ATTRIBUTES_OFFSET + 1]! & CONTROL_FLAG_MASK) !== 0;
  }

  get hasDeleteHorizon(): boolean {
    return (this.buf[this.offset + ATTRIBUTES_OFFSET + 1]! & DELETE_HORIZON_FLAG_MASK) !== 0;
  }

  get lastOffsetDelta(): number {
    return this.buf.readInt32BE(this.offset + LAST_OFFSET_DELTA_OFFSET);
  }

  get lastOffset(): number {
    return this.baseOffset + this.lastOffsetDelta;
  }

  /** The offset after this batch: where the next batch starts. */
  get nextOffset(): number {
    return this.baseOffset + this.lastOffsetDelta + 1;
  }

  get baseTimestamp(): number {
    return readInt64Number(this.buf, this.offset + BASE_TIMESTAMP_OFFSET);
  }

  get maxTimestamp(): number {
    return readInt64Number(this.buf, this.offset + MAX_TIMESTAMP_OFFSET);
  }

  /** -1 when the producer is neither idempotent nor transactional. */
  get producerId(): number {
    return readInt64Number(this.buf, this.offset + PRODUCER_ID_OFFSET);
  }

  get producerEpoch(): number {
    return this.buf.readInt16BE(this.offset + PRODUCER_EPOCH_OFFSET);
  }

  get baseSequence(): number {
    return this.buf.readInt32BE(this.offset + BASE_SEQUENCE_OFFSET);
  }

  /** The sequence of the last record, wrapping as producers do; -1 without a sequence. */
  get lastSequence(): number {
    const baseSequence = this.baseSequence;
    if (baseSequence === NO_SEQUENCE) return NO_SEQUENCE;
    return incrementSequence(baseSequence, this.lastOffsetDelta);
  }

  get recordCount(): number {
    return this.buf.readInt32BE(this.offset + RECORD_COUNT_OFFSET);
  }

  /** The records section (compressed if the batch is), as a view. */
  records(): Buffer {
    return this.buf.subarray(this.offset + RECORDS_OFFSET, this.offset + LOG_OVERHEAD + this.batchLength);
  }

  /** CRC-32C of the bytes the stored CRC covers. */
  computeCrc(): number {
    return crc32c(this.buf.subarray(this.offset + CRC_START_OFFSET, this.offset + LOG_OVERHEAD + this.batchLength));
  }

  isCrcValid(): boolean {
    return this.computeCrc() === this.crc;
  }
}

/** Throws unless a whole batch header and body lie in `buf` at `batchOffset` (a bug otherwise). */
function batchEnd(buf: Buffer, batchOffset: number): number {
  if (!Number.isInteger(batchOffset) || batchOffset < 0 || batchOffset + RECORD_BATCH_OVERHEAD > buf.length) {
    throw new RangeError(`no record batch header at ${batchOffset} in a buffer of ${buf.length} bytes`);
  }
  const end = batchOffset + LOG_OVERHEAD + buf.readInt32BE(batchOffset + BATCH_LENGTH_OFFSET);
  if (end < batchOffset + RECORD_BATCH_OVERHEAD || end > buf.length) {
    throw new RangeError(`record batch at ${batchOffset} does not fit in a buffer of ${buf.length} bytes`);
  }
  return end;
}

/**
 * Sets baseOffset in place: how the leader assigns offsets to a produced batch. The CRC
 * does not cover baseOffset, so the batch stays valid without recomputing it.
 */
export function rewriteBaseOffset(buf: Buffer, batchOffset: number, baseOffset: number): void {
  if (!Number.isSafeInteger(baseOffset) || baseOffset < 0) {
    throw new RangeError(`baseOffset ${baseOffset} is not a non-negative safe integer`);
  }
  batchEnd(buf, batchOffset);
  writeInt64Number(buf, batchOffset + BASE_OFFSET_OFFSET, baseOffset);
}

/** Sets partitionLeaderEpoch in place (outside the CRC, like baseOffset). */
export function setPartitionLeaderEpoch(buf: Buffer, batchOffset: number, partitionLeaderEpoch: number): void {
  if (!Number.isInteger(partitionLeaderEpoch) || partitionLeaderEpoch < -1 || partitionLeaderEpoch > 0x7fffffff) {
    throw new RangeError(`partitionLeaderEpoch ${partitionLeaderEpoch} is not an int32 >= -1`);
  }
  batchEnd(buf, batchOffset);
  buf.writeInt32BE(partitionLeaderEpoch, batchOffset + PARTITION_LEADER_EPOCH_OFFSET);
}

/** Computes the batch's CRC-32C and stores it; returns it. */
export function writeCrc(buf: Buffer, batchOffset: number): number {
  const end = batchEnd(buf, batchOffset);
  const crc = crc32c(buf.subarray(batchOffset + CRC_START_OFFSET, end));
  buf.writeUInt32BE(crc, batchOffset + CRC_OFFSET);
  return crc;
}

/**
 * Sets the timestamp type and maxTimestamp in place and recomputes the CRC (both fields
 * are inside it). Does nothing when both already hold these values, as Kafka's
 * `DefaultRecordBatch.setMaxTimestamp` does, so an unchanged batch costs no CRC pass.
 */
export function setMaxTimestamp(
  buf: Buffer,
  batchOffset: number,
  timestampType: TimestampType,
  maxTimestamp: number,
): void {
  if (!Number.isSafeInteger(maxTimestamp) || maxTimestamp < NO_TIMESTAMP) {
    throw new RangeError(`maxTimestamp ${maxTimestamp} is not a safe integer >= -1`);
  }
  batchEnd(buf, batchOffset);
  const attributesAt = batchOffset + ATTRIBUTES_OFFSET + 1;
  const oldLow = buf[attributesAt]!;
  const newLow =
    timestampType === TimestampType.LOG_APPEND_TIME ? oldLow | TIMESTAMP_TYPE_MASK : oldLow & ~TIMESTAMP_TYPE_MASK;
  if (newLow === oldLow && readInt64Number(buf, batchOffset + MAX_TIMESTAMP_OFFSET) === maxTimestamp) return;
  buf[attributesAt] = newLow;
  writeInt64Number(buf, batchOffset + MAX_TIMESTAMP_OFFSET, maxTimestamp);
  writeCrc(buf, batchOffset);
}

/**
 * For `message.timestamp.type=LogAppendTime`: marks the batch LogAppendTime and sets
 * maxTimestamp to the append time; consumers then read that time for every record.
 */
export function setLogAppendTime(buf: Buffer, batchOffset: number, logAppendTime: number): void {
  setMaxTimestamp(buf, batchOffset, TimestampType.LOG_APPEND_TIME, logAppendTime);
}
