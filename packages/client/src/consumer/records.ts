/**
 * Public record shapes and the decoding of one partition's fetched bytes into them.
 *
 * A {@link CompletedFetch} holds one partition's `records` bytes from one Fetch
 * response and decodes them only when the application asks (poll or the iterator), at
 * most as many records as asked: a poll of 500 records decodes 500, whatever was fetched.
 * Each batch's header and CRC are checked and its records section decompressed by the
 * protocol package (`batchRecordsBytes`, any codec); the records are then decoded here
 * straight into ConsumerRecords, with the same checks as the protocol's RecordIterator
 * (every length within the record, offset deltas increasing and within the batch, the
 * count as declared) but without an iterator result and an intermediate record per
 * record: this is the consumer's hot loop. Keys, values and header values stay views
 * into the fetched (or decompressed) bytes.
 *
 * Reused response buffers: a large Fetch response is read into a pooled buffer
 * (network/frame-reader.ts), shared by the CompletedFetches of its partitions through a
 * {@link FrameLease}. Each gives its hold back when it is finished or dropped; the last
 * one gives the buffer back to the pool, unless a view of it went to the application
 * (raw bytes, a header, or a deserializer that may keep them): then the buffer is left to
 * the garbage collector, as the view may live on. With `reuseFetchBuffers` views may go
 * out, and the hold is given back at the next poll instead (Fetcher.releaseLent).
 *
 * Skipped, as Kafka's fetcher skips them:
 * - records below the fetch position (a batch may start before it: the broker returns
 *   whole batches);
 * - control batches (transaction markers);
 * - under read_committed, batches of aborted transactions: the response lists, per
 *   producer, the first offset of each aborted transaction in the fetched range; from
 *   that offset on, the producer's transactional batches are aborted until its ABORT
 *   marker (KIP-98, Kafka's `Fetcher.CompletedFetch`); nothing at or beyond the last
 *   stable offset is returned.
 */
import {
  BASE_TIMESTAMP_OFFSET,
  type BufferPool,
  batchRecordsBytes,
  CONTROL_FLAG_MASK,
  ControlRecordType,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_COUNT_OFFSET,
  readInt64Number,
  readRecords,
  TIMESTAMP_TYPE_MASK,
  TRANSACTIONAL_FLAG_MASK,
} from '@gregor/protocol';
import { KafkaError } from '../errors.js';
import { type Deserializer, deserializers, type RecordHeader } from '../types.js';

/** Built-in deserializers that copy what they read: the record's bytes do not outlive them. */
const COPYING_DESERIALIZERS = new WeakSet<object>([deserializers.string, deserializers.json]);

/** A pooled Fetch response buffer, held by the CompletedFetches decoded from it. */
export class FrameLease {
  private holders = 0;
  /** A view of the buffer went to the application: it is never given back. */
  escaped = false;

  constructor(
    readonly buffer: Buffer,
    private readonly pool: BufferPool,
  ) {}

  hold(): void {
    this.holders++;
  }

  /** One holder is done with the buffer; the last gives it back to the pool. */
  release(): void {
    if (--this.holders === 0 && !this.escaped) this.pool.give(this.buffer);
  }
}

const ATTRIBUTES_LOW_BYTE = 22;
/** Shared by every record without headers, so those allocate no array. */
const NO_HEADERS: RecordHeader[] = Object.freeze([]) as unknown as RecordHeader[];
const BATCH_LENGTH_AT = 8;
/** magic + attributes must be readable to look at a batch: the 61-byte header. */
const BATCH_HEADER_BYTES = 61;

/** A record as the consumer returns it. */
export interface ConsumerRecord<K, V> {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly timestampType: 'CreateTime' | 'LogAppendTime';
  readonly key: K;
  readonly value: V;
  /** In wire order; keys may repeat. Records without headers share one frozen empty array. */
  readonly headers: readonly RecordHeader[];
  /** The partition leader epoch of the record's batch (-1 when unknown). */
  readonly leaderEpoch: number;
}

/** The records of one partition from one fetch, as the async iterator yields them. */
export interface ConsumerBatch<K, V> {
  readonly topic: string;
  readonly partition: number;
  readonly records: ConsumerRecord<K, V>[];
  /** The partition's high watermark when fetched. */
  readonly highWatermark: number;
  /** The partition's last stable offset when fetched (-1 when the broker did not say). */
  readonly lastStableOffset: number;
}

/** An aborted transaction from a Fetch response, as numbers. */
export interface AbortedRange {
  readonly producerId: number;
  readonly firstOffset: number;
}

/** Where a partition's positions live; the fetcher owns it. */
export interface PositionHolder {
  readonly topic: string;
  readonly partition: number;
  /** The next offset to hand to the application. */
  position: number | null;
  /** Bumped by every seek, reset and reassignment: older fetched data is stale. */
  epoch: number;
  /** Leader epoch of the last record handed out (-1 before any). */
  lastLeaderEpoch: number;
  /** Paused partitions are not fetched and their buffered data is not returned. */
  paused: boolean;
}

/** One partition's bytes from one Fetch response, decoded on demand. */
export class CompletedFetch {
  readonly state: PositionHolder;
  readonly epoch: number;
  readonly records: Buffer;
  readonly highWatermark: number;
  readonly lastStableOffset: number;
  readonly readCommitted: boolean;
  private readonly aborted: AbortedRange[];
  private abortedIndex = 0;
  private abortedProducers: Set<number> | null = null;
  private at = 0;
  /** The current batch's records section (decompressed), or null between batches. */
  private section: Buffer | null = null;
  private sectionPos = 0;
  private recordIndex = 0;
  private recordCount = 0;
  private previousOffsetDelta = -1;
  private batchBaseOffset = 0;
  private batchBaseTimestamp = 0;
  private batchLastOffsetDelta = 0;
  /** maxTimestamp under LogAppendTime (every record's timestamp), else -2. */
  private batchLogAppendTime = -2;
  private batchLastOffset = -1;
  private batchTimestampType: 'CreateTime' | 'LogAppendTime' = 'CreateTime';
  private batchLeaderEpoch = -1;
  private readonly verifyCrc: boolean;
  /** True once every record was handed out or skipped. */
  done = false;
  /** The pooled buffer `records` is a view of, or null. */
  private readonly lease: FrameLease | null;
  /** Views of the lease's buffer may go out (reuseFetchBuffers): valid until the next poll. */
  private readonly lendViews: boolean;
  private leaseReleased = false;
  /** The current batch's records section is a view of the lease's buffer (not decompressed). */
  private sectionInLease = false;
  /** Views of the lease's buffer went out under lendViews: release only at the next poll. */
  lentViews = false;

  constructor(
    state: PositionHolder,
    records: Buffer,
    highWatermark: number,
    lastStableOffset: number,
    aborted: AbortedRange[] | null,
    readCommitted: boolean,
    verifyCrc: boolean,
    lease: FrameLease | null = null,
    lendViews = false,
  ) {
    this.lease = lease;
    this.lendViews = lendViews;
    lease?.hold();
    this.state = state;
    this.epoch = state.epoch;
    this.records = records;
    this.highWatermark = highWatermark;
    this.lastStableOffset = lastStableOffset;
    this.readCommitted = readCommitted;
    this.aborted = aborted === null ? [] : aborted.sort((a, b) => a.firstOffset - b.firstOffset);
    this.verifyCrc = verifyCrc;
  }

  get bytes(): number {
    return this.records.length;
  }

  /** Gives this fetch's hold on its pooled buffer back (once; it must not be read after). */
  releaseBuffer(): void {
    if (this.lease === null || this.leaseReleased) return;
    this.leaseReleased = true;
    this.lease.release();
  }

  /** False when a seek or reassignment made these bytes stale. */
  get valid(): boolean {
    return this.epoch === this.state.epoch;
  }

  /**
   * Decodes up to `max` records into `out` (pushes), advancing the partition's position.
   * Returns how many were added. Throws KafkaError for corrupt data (the position then
   * stays before the bad batch).
   */
  drain<K, V>(
    out: ConsumerRecord<K, V>[],
    max: number,
    keyDeserializer: Deserializer<K> | null,
    valueDeserializer: Deserializer<V> | null,
  ): number {
    const state = this.state;
    const topic = state.topic;
    const partition = state.partition;
    const lease = this.lease;
    const keyKept = keyDeserializer === null || !COPYING_DESERIALIZERS.has(keyDeserializer);
    const valueKept = valueDeserializer === null || !COPYING_DESERIALIZERS.has(valueDeserializer);
    let added = 0;
    while (added < max && !this.done) {
      const section = this.section;
      if (section === null) {
        if (!this.nextBatch()) {
          this.done = true;
          break;
        }
        continue;
      }
      if (this.recordIndex === this.recordCount) {
        if (this.sectionPos !== section.length) {
          this.done = true;
          throw this.corrupt(
            `${section.length - this.sectionPos} bytes follow the last of ${this.recordCount} records`,
          );
        }
        this.section = null;
        this.finishBatch();
        continue;
      }
      // One record: length · attributes · timestampDelta · offsetDelta · key · value · headers.
      const start = this.sectionPos;
      const length = this.varint(section, section.length);
      const recordEnd = this.sectionPos + length;
      if (length < 0 || recordEnd > section.length) throw this.corrupt(`record at byte ${start}: bad length ${length}`);
      this.sectionPos++; // attributes: unused in magic 2
      const timestampDelta = this.varlong(section, recordEnd);
      const offsetDelta = this.varint(section, recordEnd);
      if (offsetDelta <= this.previousOffsetDelta || offsetDelta > this.batchLastOffsetDelta) {
        throw this.corrupt(`record at byte ${start}: offsetDelta ${offsetDelta} out of order`);
      }
      this.previousOffsetDelta = offsetDelta;
      const rawKey = this.readBytes(section, recordEnd);
      const rawValue = this.readBytes(section, recordEnd);
      const headerCount = this.varint(section, recordEnd);
      if (headerCount < 0 || headerCount > (recordEnd - this.sectionPos) / 2) {
        throw this.corrupt(`record at byte ${start}: header count ${headerCount}`);
      }
      let headers = NO_HEADERS;
      if (headerCount > 0) {
        const list: RecordHeader[] = [];
        for (let h = 0; h < headerCount; h++) {
          const keyLength = this.varint(section, recordEnd);
          if (keyLength < 0 || this.sectionPos + keyLength > recordEnd) {
            throw this.corrupt(`record at byte ${start}: header ${h} key length ${keyLength}`);
          }
          const headerKey = section.toString('utf8', this.sectionPos, this.sectionPos + keyLength);
          this.sectionPos += keyLength;
          list.push({ key: headerKey, value: this.readBytes(section, recordEnd) });
        }
        headers = list;
      }
      if (this.sectionPos !== recordEnd) throw this.corrupt(`record at byte ${start}: fields do not fill its length`);
      this.recordIndex++;
      const offset = this.batchBaseOffset + offsetDelta;
      if (offset < (state.position as number)) continue;
      if (this.readCommitted && this.lastStableOffset >= 0 && offset >= this.lastStableOffset) {
        this.done = true;
        break;
      }
      const timestamp =
        this.batchLogAppendTime !== -2 ? this.batchLogAppendTime : this.batchBaseTimestamp + timestampDelta;
      if (
        lease !== null &&
        this.sectionInLease &&
        ((rawKey !== null && keyKept) || (rawValue !== null && valueKept) || headerCount > 0)
      ) {
        if (this.lendViews) this.lentViews = true;
        else lease.escaped = true;
      }
      const key = keyDeserializer === null ? (rawKey as K) : keyDeserializer(rawKey, topic);
      const value = valueDeserializer === null ? (rawValue as V) : valueDeserializer(rawValue, topic);
      out.push({
        topic,
        partition,
        offset,
        timestamp,
        timestampType: this.batchTimestampType,
        key,
        value,
        headers,
        leaderEpoch: this.batchLeaderEpoch,
      });
      state.position = offset + 1;
      state.lastLeaderEpoch = this.batchLeaderEpoch;
      added++;
    }
    return added;
  }

  /** A CORRUPT_MESSAGE for the current batch; this fetch is given up. */
  private corrupt(message: string): KafkaError {
    this.done = true;
    this.section = null;
    return corrupt(
      this.state.topic,
      this.state.partition,
      new Error(`batch at offset ${this.batchBaseOffset}: ${message}`),
    );
  }

  /** A zig-zag varint (int32) at sectionPos, within `end`. */
  private varint(buf: Buffer, end: number): number {
    let p = this.sectionPos;
    let result = 0;
    let shift = 0;
    for (;;) {
      if (p >= end || shift > 28) throw this.corrupt(`bad varint at byte ${this.sectionPos}`);
      const b = buf[p++] as number;
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
    }
    this.sectionPos = p;
    return (result >>> 1) ^ -(result & 1);
  }

  /** A zig-zag varlong at sectionPos; exact within ±2^53 (timestamps are checked by the caller's use). */
  private varlong(buf: Buffer, end: number): number {
    let p = this.sectionPos;
    let result = 0;
    let scale = 1;
    for (let i = 0; ; i++) {
      if (p >= end || i > 9) throw this.corrupt(`bad varlong at byte ${this.sectionPos}`);
      const b = buf[p++] as number;
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) break;
      scale *= 128;
    }
    this.sectionPos = p;
    if (!Number.isSafeInteger(result)) throw this.corrupt('varlong beyond 2^53');
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }

  /** Varint length (-1 null) and that many bytes as a view, within `end`. */
  private readBytes(buf: Buffer, end: number): Buffer | null {
    const length = this.varint(buf, end);
    if (length === -1) return null;
    const from = this.sectionPos;
    if (length < -1 || from + length > end) throw this.corrupt(`bad bytes length ${length} at byte ${from}`);
    this.sectionPos = from + length;
    return buf.subarray(from, from + length);
  }

  /** The batch is over: the position moves past it (past compaction gaps and markers too). */
  private finishBatch(): void {
    const state = this.state;
    if (state.position !== null && this.batchLastOffset + 1 > state.position) {
      if (!(this.readCommitted && this.lastStableOffset >= 0 && this.batchLastOffset >= this.lastStableOffset)) {
        state.position = this.batchLastOffset + 1;
      }
    }
  }

  /** Moves to the next batch worth reading; false at the end of the bytes. */
  private nextBatch(): boolean {
    const buf = this.records;
    const state = this.state;
    for (;;) {
      const at = this.at;
      if (at + BATCH_HEADER_BYTES > buf.length) return false;
      const end = at + LOG_OVERHEAD + buf.readInt32BE(at + BATCH_LENGTH_AT);
      // A partial batch at the end of a response (cut by the fetch size) is not data yet.
      if (end > buf.length || end < at + BATCH_HEADER_BYTES) return false;
      if (buf[at + MAGIC_OFFSET] !== 2) {
        throw new KafkaError(2, `fetched a batch with magic ${buf[at + MAGIC_OFFSET]} (only magic 2 is read)`, {
          topic: state.topic,
          partition: state.partition,
        });
      }
      this.at = end;
      const baseOffset = readInt64Number(buf, at);
      const lastOffset = baseOffset + buf.readInt32BE(at + LAST_OFFSET_DELTA_OFFSET);
      const attributes = buf[at + ATTRIBUTES_LOW_BYTE] as number;
      this.batchLastOffset = lastOffset;
      const position = state.position as number;
      if (lastOffset < position) continue;
      if (this.readCommitted && this.lastStableOffset >= 0 && baseOffset >= this.lastStableOffset) return false;
      const control = (attributes & CONTROL_FLAG_MASK) !== 0;
      const transactional = (attributes & TRANSACTIONAL_FLAG_MASK) !== 0;
      if (this.readCommitted && transactional) {
        const producerId = readInt64Number(buf, at + PRODUCER_ID_OFFSET);
        // Transactions that began at or before this batch's end are now open for their producer.
        while (this.abortedIndex < this.aborted.length) {
          const next = this.aborted[this.abortedIndex] as AbortedRange;
          if (next.firstOffset > lastOffset) break;
          this.abortedIndex++;
          if (this.abortedProducers === null) this.abortedProducers = new Set();
          this.abortedProducers.add(next.producerId);
        }
        if (control) {
          if (this.abortedProducers?.has(producerId) === true && this.isAbortMarker(at)) {
            this.abortedProducers.delete(producerId);
          }
          this.finishBatch();
          continue;
        }
        if (this.abortedProducers?.has(producerId) === true) {
          this.finishBatch();
          continue;
        }
      }
      if (control) {
        this.finishBatch();
        continue;
      }
      let section: Buffer;
      try {
        section = batchRecordsBytes(buf, at, { verifyCrc: this.verifyCrc });
      } catch (error) {
        this.at = at;
        this.done = true;
        throw corrupt(state.topic, state.partition, error);
      }
      this.section = section;
      this.sectionInLease = this.lease !== null && section.buffer === this.lease.buffer.buffer;
      this.sectionPos = 0;
      this.recordIndex = 0;
      this.recordCount = buf.readInt32BE(at + RECORD_COUNT_OFFSET);
      this.previousOffsetDelta = -1;
      this.batchBaseOffset = baseOffset;
      this.batchBaseTimestamp = readInt64Number(buf, at + BASE_TIMESTAMP_OFFSET);
      this.batchLastOffsetDelta = lastOffset - baseOffset;
      const logAppendTime = (attributes & TIMESTAMP_TYPE_MASK) !== 0;
      this.batchLogAppendTime = logAppendTime ? readInt64Number(buf, at + MAX_TIMESTAMP_OFFSET) : -2;
      this.batchTimestampType = logAppendTime ? 'LogAppendTime' : 'CreateTime';
      this.batchLeaderEpoch = buf.readInt32BE(at + PARTITION_LEADER_EPOCH_OFFSET);
      return true;
    }
  }

  /** True when the control batch at `at` holds an ABORT marker. */
  private isAbortMarker(at: number): boolean {
    try {
      const it = readRecords(this.records, at, { verifyCrc: this.verifyCrc });
      const first = it.next();
      if (first.done === true || first.value.key === null || first.value.key.length < 4) return false;
      return first.value.key.readInt16BE(2) === ControlRecordType.ABORT;
    } catch {
      return false;
    }
  }
}

function corrupt(topic: string, partition: number, cause: unknown): KafkaError {
  const message = cause instanceof Error ? cause.message : String(cause);
  // CORRUPT_MESSAGE (2): Kafka's consumer raises a KafkaException for a bad fetched batch.
  return new KafkaError(2, `fetched data of ${topic}-${partition} is corrupt: ${message}`, {
    topic,
    partition,
    cause,
  });
}

/** The offset after the last complete batch in `records`, or -1 when there is none. */
export function nextFetchOffset(records: Buffer): number {
  let at = 0;
  let next = -1;
  while (at + BATCH_HEADER_BYTES <= records.length) {
    const end = at + LOG_OVERHEAD + records.readInt32BE(at + BATCH_LENGTH_AT);
    if (end > records.length || end < at + BATCH_HEADER_BYTES) break;
    next = readInt64Number(records, at) + records.readInt32BE(at + LAST_OFFSET_DELTA_OFFSET) + 1;
    at = end;
  }
  return next;
}
