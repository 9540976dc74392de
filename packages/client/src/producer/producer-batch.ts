/**
 * One partition's batch of records, encoded as it fills.
 *
 * Each record is written once, at send() time, straight into the batch buffer in the
 * magic 2 record format (KIP-98: a varint length, attributes, varlong timestamp delta,
 * varint offset delta, varint-prefixed key and value, headers). Closing the batch writes
 * the 61-byte header in front (counts, timestamps); stamping then writes the producer id,
 * epoch and base sequence and the CRC-32C. A compressed batch compresses its record bytes
 * at close, once, and the same bytes are resent on retries. Only the producer id, epoch and sequence may
 * change between attempts (after a sequence adjustment or a producer id reset): they are
 * restamped and the CRC recomputed.
 */
import {
  Compression,
  type CompressionType,
  compress,
  crc32c,
  sizeOfVarint,
  sizeOfVarlong,
  writeVarint,
  writeVarlong,
} from '@gregor/protocol';
import type { RecordMetadata, Sink } from './sink.js';

// Header layout (record-batch/header.ts in @gregor/protocol).
const BATCH_LENGTH_OFFSET = 8;
const PARTITION_LEADER_EPOCH_OFFSET = 12;
const MAGIC_OFFSET = 16;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;
const LAST_OFFSET_DELTA_OFFSET = 23;
const BASE_TIMESTAMP_OFFSET = 27;
const MAX_TIMESTAMP_OFFSET = 35;
const PRODUCER_ID_OFFSET = 43;
const PRODUCER_EPOCH_OFFSET = 51;
const BASE_SEQUENCE_OFFSET = 53;
const RECORD_COUNT_OFFSET = 57;
/** Bytes of a batch header. */
export const RECORD_BATCH_OVERHEAD = 61;
const TRANSACTIONAL_FLAG = 0x10;

/** A header as the producer takes it: a string key, bytes (or text) or null. */
export interface WireHeader {
  readonly key: string;
  readonly value: Buffer | string | null;
}

function fieldSize(value: Buffer | string | null): number {
  if (value === null) return 1;
  const length = typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.length;
  return sizeOfVarint(length) + length;
}

/**
 * The encoded size of one record (length prefix included) at offset delta `offsetDelta`
 * and timestamp delta `timestampDelta`.
 */
export function recordSize(
  key: Buffer | string | null,
  value: Buffer | string | null,
  headers: readonly WireHeader[] | null,
  offsetDelta: number,
  timestampDelta: number,
): number {
  let body = 1 + sizeOfVarlong(timestampDelta) + sizeOfVarint(offsetDelta) + fieldSize(key) + fieldSize(value);
  const count = headers === null ? 0 : headers.length;
  body += sizeOfVarint(count);
  for (let i = 0; i < count; i++) {
    const h = headers![i]!;
    body += fieldSize(h.key) + fieldSize(h.value);
  }
  return sizeOfVarint(body) + body;
}

function writeField(buf: Buffer, pos: number, value: Buffer | string | null): number {
  if (value === null) {
    buf[pos] = 1; // zig-zag -1
    return pos + 1;
  }
  if (typeof value === 'string') {
    const length = Buffer.byteLength(value, 'utf8');
    pos = writeVarint(buf, pos, length);
    return pos + buf.write(value, pos, length, 'utf8');
  }
  const length = value.length;
  pos = writeVarint(buf, pos, length);
  if (length < 48) {
    // A loop beats the native copy for small values.
    for (let i = 0; i < length; i++) buf[pos + i] = value[i]!;
  } else value.copy(buf, pos);
  return pos + length;
}

export class ProducerBatch {
  readonly topic: string;
  readonly partition: number;
  /** Record bytes from RECORD_BATCH_OVERHEAD; the header is written on close. */
  buffer: Buffer;
  /** Bytes reserved from buffer.memory for this batch (its buffer's size). */
  reservedBytes: number;
  readonly createdMs: number;
  /** Write position in `buffer`. */
  pos = RECORD_BATCH_OVERHEAD;
  recordCount = 0;
  baseTimestamp = 0;
  maxTimestamp = -1;
  /** Big enough to go without waiting for linger.ms. */
  full = false;
  /** Takes no more records (a record did not fit, or the sender took it). */
  closed = false;
  /** The wire bytes once closed. */
  bytes: Buffer | null = null;
  /** The producer fields and CRC in `bytes` are current. */
  stamped = false;
  /** Assigned at the first send with idempotence; kept across retries. */
  baseSequence = -1;
  producerId = -1;
  producerEpoch = -1;
  transactional = false;
  attempts = 0;
  /** Not before this time (backoff after a retriable error). */
  retryAtMs = 0;
  /** True once it came back for a retry: ordering rules then apply (see the sender). */
  retrying = false;
  /** Completed (resolved or failed): late responses are ignored. */
  done = false;
  /** flush() calls waiting for this batch. */
  flushWaiters: Array<{ remaining: number; resolve: () => void }> | null = null;

  /** Per record: who to tell, at which index, and its create time. */
  readonly sinks: Sink[] = [];
  readonly sinkIndexes: number[] = [];
  readonly timestamps: number[] = [];

  constructor(topic: string, partition: number, buffer: Buffer, reservedBytes: number, nowMs: number) {
    this.topic = topic;
    this.partition = partition;
    this.buffer = buffer;
    this.reservedBytes = reservedBytes;
    this.createdMs = nowMs;
  }

  /** Uncompressed size so far (header included). */
  get sizeBytes(): number {
    return this.pos;
  }

  /**
   * Appends one record if it fits in the buffer, returning false if it does not. An
   * empty batch always takes its first record (its buffer was sized for it). `readyBytes`
   * is batch.size: from there the batch is `full` (sent without waiting for linger.ms).
   */
  tryAppend(
    timestamp: number,
    key: Buffer | string | null,
    value: Buffer | string | null,
    headers: readonly WireHeader[] | null,
    sink: Sink,
    sinkIndex: number,
    readyBytes: number,
  ): boolean {
    if (this.closed) return false;
    const count = this.recordCount;
    if (count === 0) this.baseTimestamp = timestamp;
    const timestampDelta = timestamp - this.baseTimestamp;
    // Body size; the same arithmetic as recordSize, inline on the hot path.
    let body = 1 + sizeOfVarlong(timestampDelta) + sizeOfVarint(count) + fieldSize(key) + fieldSize(value);
    const headerCount = headers === null ? 0 : headers.length;
    body += sizeOfVarint(headerCount);
    for (let i = 0; i < headerCount; i++) {
      const h = headers![i]!;
      body += fieldSize(h.key) + fieldSize(h.value);
    }
    const buf = this.buffer;
    let pos = this.pos;
    if (pos + sizeOfVarint(body) + body > buf.length) return false;
    pos = writeVarint(buf, pos, body);
    buf[pos++] = 0;
    pos = writeVarlong(buf, pos, timestampDelta);
    pos = writeVarint(buf, pos, count);
    pos = writeField(buf, pos, key);
    pos = writeField(buf, pos, value);
    pos = writeVarint(buf, pos, headerCount);
    for (let i = 0; i < headerCount; i++) {
      const h = headers![i]!;
      pos = writeField(buf, pos, h.key);
      pos = writeField(buf, pos, h.value);
    }
    this.pos = pos;
    this.recordCount = count + 1;
    if (timestamp > this.maxTimestamp) this.maxTimestamp = timestamp;
    this.sinks.push(sink);
    this.sinkIndexes.push(sinkIndex);
    this.timestamps.push(timestamp);
    if (pos >= readyBytes) this.full = true;
    return true;
  }

  /** Moves the records to a larger buffer (see the accumulator on expandable batches): `into`, or a new one. */
  grow(capacity: number, into?: Buffer): void {
    const buffer = into ?? Buffer.allocUnsafe(capacity);
    this.buffer.copy(buffer, 0, 0, this.pos);
    this.buffer = buffer;
    this.reservedBytes = capacity;
  }

  /** Writes the header (and compresses) once; later calls only restamp producer fields. */
  close(compression: CompressionType): Buffer {
    this.closed = true;
    if (this.bytes !== null) return this.bytes;
    let bytes: Buffer;
    if (compression === Compression.NONE) {
      bytes = this.buffer.subarray(0, this.pos);
    } else {
      const compressed = compress(compression, this.buffer.subarray(RECORD_BATCH_OVERHEAD, this.pos));
      bytes = Buffer.allocUnsafe(RECORD_BATCH_OVERHEAD + compressed.length);
      compressed.copy(bytes, RECORD_BATCH_OVERHEAD);
    }
    bytes.writeInt32BE(0, 0);
    bytes.writeInt32BE(0, 4); // baseOffset 0: the leader assigns it
    bytes.writeInt32BE(bytes.length - 12, BATCH_LENGTH_OFFSET);
    bytes.writeInt32BE(-1, PARTITION_LEADER_EPOCH_OFFSET);
    bytes[MAGIC_OFFSET] = 2;
    bytes.writeInt16BE(compression | (this.transactional ? TRANSACTIONAL_FLAG : 0), ATTRIBUTES_OFFSET);
    bytes.writeInt32BE(this.recordCount - 1, LAST_OFFSET_DELTA_OFFSET);
    writeInt64(bytes, BASE_TIMESTAMP_OFFSET, this.baseTimestamp);
    writeInt64(bytes, MAX_TIMESTAMP_OFFSET, this.maxTimestamp);
    bytes.writeInt32BE(this.recordCount, RECORD_COUNT_OFFSET);
    this.bytes = bytes;
    this.stamped = false;
    return bytes;
  }

  /**
   * Writes producer id, epoch and base sequence into the closed batch and computes the
   * CRC: once before the first send, again only if those fields change for a retry.
   */
  stamp(): void {
    const bytes = this.bytes;
    if (bytes === null) return;
    this.stamped = true;
    writeInt64(bytes, PRODUCER_ID_OFFSET, this.producerId);
    bytes.writeInt16BE(this.producerEpoch, PRODUCER_EPOCH_OFFSET);
    bytes.writeInt32BE(this.baseSequence, BASE_SEQUENCE_OFFSET);
    bytes.writeUInt32BE(crc32c(bytes.subarray(ATTRIBUTES_OFFSET)), CRC_OFFSET);
  }

  /** Resolves every record's sink: offsets from `baseOffset`, log append time if given. */
  succeed(baseOffset: number, logAppendTimeMs: number): void {
    if (this.done) return;
    this.done = true;
    const { topic, partition, sinks, sinkIndexes, timestamps } = this;
    for (let i = 0; i < sinks.length; i++) {
      const metadata: RecordMetadata = {
        topic,
        partition,
        offset: baseOffset < 0 ? -1 : baseOffset + i,
        timestamp: logAppendTimeMs >= 0 ? logAppendTimeMs : timestamps[i]!,
      };
      sinks[i]!.done(sinkIndexes[i]!, metadata);
    }
  }

  /** Rejects every record's sink with `error`. */
  fail(error: Error): void {
    if (this.done) return;
    this.done = true;
    const sinks = this.sinks;
    for (let i = 0; i < sinks.length; i++) sinks[i]!.fail(error);
  }
}

function writeInt64(buf: Buffer, at: number, value: number): void {
  // Safe integers only: high and low 32-bit halves, two's complement for negatives.
  const high = Math.floor(value / 0x1_0000_0000);
  buf.writeInt32BE(high, at);
  buf.writeUInt32BE(value - high * 0x1_0000_0000, at + 4);
}
