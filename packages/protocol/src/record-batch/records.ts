/**
 * Decoding the records of one batch (magic 2), for consumers, the log cleaner, the
 * coordinators and tests; the broker's produce path does not come here (validate.ts).
 *
 * Each record, inside the (decompressed) records section:
 * ```
 * length varint · attributes int8 · timestampDelta varlong · offsetDelta varint ·
 * key (varint length, -1 null, bytes) · value (same) ·
 * header count varint · per header: key (varint length, UTF-8) · value (varint length, -1 null)
 * ```
 * Keys, values and header values are views into the batch buffer (or into the
 * decompressed records), never copies: they live as long as that buffer.
 *
 * Every malformed input ends in a RecordBatchError; nothing reads out of bounds and
 * every loop is bounded by the bytes present. The batch header is checked first, as
 * validate.ts does, so the iterator never trusts a length it has not checked.
 */

import type { CompressionType } from '../compression/index.js';
import { decompress, decompressAsync } from '../compression/index.js';
import { Reader } from '../reader.js';
import { RecordBatchError, RecordBatchErrorCode } from './errors.js';
import {
  BATCH_LENGTH_MIN,
  BATCH_LENGTH_OFFSET,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  RECORD_COUNT_OFFSET,
  RECORDS_OFFSET,
  RecordBatchView,
  TimestampType,
} from './header.js';
import { lastWalkError, validateRecordBatches, walkRecords } from './validate.js';

/**
 * Largest decompressed records section accepted unless told otherwise. A batch is at
 * most `max.message.bytes` (1 MiB by default) compressed; zstd and gzip can expand a
 * crafted input a thousandfold, so the limit is what stops a small batch from taking
 * the heap.
 */
export const DECOMPRESSED_BYTES_MAX_DEFAULT = 64 * 1024 * 1024;

export interface RecordHeader {
  readonly key: string;
  readonly value: Buffer | null;
}

export interface KafkaRecord {
  /** baseOffset + offsetDelta. */
  readonly offset: number;
  /** baseTimestamp + timestampDelta, or the batch's maxTimestamp under LogAppendTime. */
  readonly timestamp: number;
  /** Unused in magic 2; kept as read. */
  readonly attributes: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: readonly RecordHeader[];
}

export interface ReadRecordsOptions {
  /** Check the batch CRC before decoding, as consumers do with `check.crcs=true`. Default true. */
  readonly verifyCrc?: boolean;
  /** Largest decompressed records section; default DECOMPRESSED_BYTES_MAX_DEFAULT. */
  readonly decompressedBytesMax?: number;
}

/** Shared by every record without headers, so those allocate no array. */
const NO_HEADERS: readonly RecordHeader[] = Object.freeze([]);

function fieldName(what: string, header: number): string {
  return header < 0 ? what : `header ${header} ${what}`;
}

function corrupt(message: string): RecordBatchError {
  return new RecordBatchError(RecordBatchErrorCode.CORRUPT_MESSAGE, message);
}

/**
 * Checks the header of the batch at `batchOffset` (as validate.ts does for fetched data)
 * and returns where it ends; throws RecordBatchError for bad bytes.
 */
function checkBatch(buf: Buffer, batchOffset: number, options: ReadRecordsOptions): number {
  if (!Number.isInteger(batchOffset) || batchOffset < 0) throw new RangeError(`batchOffset ${batchOffset}`);
  let end = buf.length;
  // Look only at this batch, so that bytes after it (the next batch) play no part.
  if (batchOffset + LOG_OVERHEAD <= buf.length) {
    const batchLength = buf.readInt32BE(batchOffset + BATCH_LENGTH_OFFSET);
    if (batchLength >= BATCH_LENGTH_MIN) end = Math.min(end, batchOffset + LOG_OVERHEAD + batchLength);
  }
  const summary = validateRecordBatches(buf.subarray(Math.min(batchOffset, end), end), {
    fromClient: false,
    verifyCrc: options.verifyCrc !== false,
  });
  if (summary.errorCode !== RecordBatchErrorCode.NONE) {
    throw new RecordBatchError(summary.errorCode, summary.errorMessage);
  }
  if (summary.batchCount !== 1) throw corrupt(`no record batch at byte ${batchOffset}`);
  return end;
}

function decompressionFailed(view: RecordBatchView, cause: unknown): RecordBatchError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error = corrupt(
    `records of the batch at byte ${view.offset} (codec ${view.compression}) do not decompress: ${reason}`,
  );
  error.cause = cause;
  return error;
}

/**
 * The records section of the batch at `batchOffset`, decompressed: a view for an
 * uncompressed batch, a new buffer otherwise. Checks the header first.
 */
export function batchRecordsBytes(buf: Buffer, batchOffset = 0, options: ReadRecordsOptions = {}): Buffer {
  const end = checkBatch(buf, batchOffset, options);
  const view = new RecordBatchView(buf, batchOffset);
  const raw = buf.subarray(batchOffset + RECORDS_OFFSET, end);
  const codec = view.compression;
  if (codec === 0) return raw;
  try {
    // Any failure of the codec on these bytes is bad input, whatever the library throws.
    return decompress(codec as CompressionType, raw, options.decompressedBytesMax ?? DECOMPRESSED_BYTES_MAX_DEFAULT);
  } catch (cause) {
    throw decompressionFailed(view, cause);
  }
}

/** As `batchRecordsBytes`, decompressing off the event loop. */
export async function batchRecordsBytesAsync(
  buf: Buffer,
  batchOffset = 0,
  options: ReadRecordsOptions = {},
): Promise<Buffer> {
  const end = checkBatch(buf, batchOffset, options);
  const view = new RecordBatchView(buf, batchOffset);
  const raw = buf.subarray(batchOffset + RECORDS_OFFSET, end);
  const codec = view.compression;
  if (codec === 0) return raw;
  try {
    return await decompressAsync(
      codec as CompressionType,
      raw,
      options.decompressedBytesMax ?? DECOMPRESSED_BYTES_MAX_DEFAULT,
    );
  } catch (cause) {
    throw decompressionFailed(view, cause);
  }
}

/**
 * The records of one batch, decoded one at a time. Made by `readRecords` (or
 * `readRecordsAsync`), which check the batch header first; `records` is the decompressed
 * records section. Throws RecordBatchError from `next()` at the first bad record, and
 * when the bytes hold more or fewer records than the header says.
 */
export class RecordIterator implements IterableIterator<KafkaRecord> {
  private readonly reader: Reader;
  private readonly baseOffset: number;
  private readonly baseTimestamp: number;
  private readonly lastOffsetDelta: number;
  /** maxTimestamp under LogAppendTime (every record's timestamp), else null. */
  private readonly logAppendTime: number | null;
  readonly recordCount: number;
  private index = 0;
  private previousOffsetDelta = -1;
  private done = false;

  constructor(batch: Buffer, batchOffset: number, records: Buffer) {
    const view = new RecordBatchView(batch, batchOffset);
    this.reader = new Reader(records);
    this.baseOffset = view.baseOffset;
    this.baseTimestamp = view.baseTimestamp;
    this.lastOffsetDelta = batch.readInt32BE(batchOffset + LAST_OFFSET_DELTA_OFFSET);
    this.logAppendTime = view.timestampType === TimestampType.LOG_APPEND_TIME ? view.maxTimestamp : null;
    this.recordCount = batch.readInt32BE(batchOffset + RECORD_COUNT_OFFSET);
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<KafkaRecord, undefined> {
    if (this.done) return { done: true, value: undefined };
    if (this.index === this.recordCount) {
      this.done = true;
      const left = this.reader.remaining();
      if (left !== 0) {
        throw new RecordBatchError(
          RecordBatchErrorCode.INVALID_RECORD,
          `${left} bytes follow the last of ${this.recordCount} records`,
        );
      }
      return { done: true, value: undefined };
    }
    try {
      const record = this.decodeRecord();
      this.index++;
      return { done: false, value: record };
    } catch (error) {
      this.done = true;
      throw error;
    }
  }

  /** A CORRUPT_MESSAGE naming the record being decoded; messages are built only on error. */
  private corrupt(start: number, message: string): RecordBatchError {
    return corrupt(`record ${this.index} at byte ${start}: ${message}`);
  }

  private decodeRecord(): KafkaRecord {
    const r = this.reader;
    const start = r.pos;
    if (r.remaining() === 0) {
      throw new RecordBatchError(
        RecordBatchErrorCode.INVALID_RECORD,
        `batch declares ${this.recordCount} records but its bytes end after ${this.index}`,
      );
    }
    const length = r.varint();
    if (r.error !== null) throw this.corrupt(start, `length: ${r.error}`);
    if (length < 0 || length > r.remaining()) {
      throw this.corrupt(start, `length ${length} does not fit the ${r.remaining()} bytes left`);
    }
    const recordEnd = r.pos + length;
    const attributes = r.int8();
    const timestampDelta = r.varlong();
    const offsetDelta = r.varint();
    const key = this.nullableBytes(start, recordEnd, 'key', -1);
    const value = this.nullableBytes(start, recordEnd, 'value', -1);
    const headerCount = r.varint();
    if (r.error !== null) throw this.corrupt(start, r.error);
    // Each header takes at least two bytes: the count cannot ask for more than that.
    if (headerCount < 0 || headerCount > (recordEnd - r.pos) / 2) {
      throw this.corrupt(start, `header count ${headerCount} does not fit the record`);
    }
    let headers = NO_HEADERS;
    if (headerCount > 0) {
      const list: RecordHeader[] = [];
      for (let h = 0; h < headerCount; h++) {
        const keyLength = r.varint();
        if (r.error !== null) throw this.corrupt(start, `header ${h}: ${r.error}`);
        if (keyLength < 0 || keyLength > recordEnd - r.pos) {
          throw this.corrupt(start, `header ${h} key length ${keyLength} is invalid or overruns the record`);
        }
        const headerKey = r.buf.toString('utf8', r.pos, r.pos + keyLength);
        r.pos += keyLength;
        list.push({ key: headerKey, value: this.nullableBytes(start, recordEnd, 'value', h) });
      }
      headers = list;
    }
    if (r.pos !== recordEnd) {
      throw this.corrupt(start, `length says ${length} bytes, its fields take ${r.pos - (recordEnd - length)}`);
    }
    if (offsetDelta <= this.previousOffsetDelta || offsetDelta > this.lastOffsetDelta) {
      throw new RecordBatchError(
        RecordBatchErrorCode.INVALID_RECORD,
        `record ${this.index} at byte ${start}: offsetDelta ${offsetDelta} is not after ${this.previousOffsetDelta} and within lastOffsetDelta ${this.lastOffsetDelta}`,
      );
    }
    this.previousOffsetDelta = offsetDelta;
    const timestamp = this.logAppendTime ?? this.baseTimestamp + timestampDelta;
    if (!Number.isSafeInteger(timestamp)) {
      throw new RecordBatchError(
        RecordBatchErrorCode.INVALID_TIMESTAMP,
        `record ${this.index} at byte ${start}: timestamp beyond ±2^53 ms`,
      );
    }
    return { offset: this.baseOffset + offsetDelta, timestamp, attributes, key, value, headers };
  }

  /**
   * A varint length (-1 null) and that many bytes as a view; stays within the record.
   * `header` is the header index for a header value, -1 for the key and value.
   */
  private nullableBytes(start: number, recordEnd: number, what: string, header: number): Buffer | null {
    const r = this.reader;
    const length = r.varint();
    if (r.error !== null) throw this.corrupt(start, `${fieldName(what, header)}: ${r.error}`);
    if (length === -1) return null;
    if (length < -1 || length > recordEnd - r.pos) {
      throw this.corrupt(start, `${fieldName(what, header)} length ${length} is invalid or overruns the record`);
    }
    const bytes = r.buf.subarray(r.pos, r.pos + length);
    r.pos += length;
    return bytes;
  }
}

/**
 * The records of the batch at `batchOffset` in `buf`, decoded lazily. Throws
 * RecordBatchError for a bad header (here) or a bad record (from `next()`).
 */
export function readRecords(buf: Buffer, batchOffset = 0, options: ReadRecordsOptions = {}): RecordIterator {
  return new RecordIterator(buf, batchOffset, batchRecordsBytes(buf, batchOffset, options));
}

/** As `readRecords`, decompressing off the event loop. */
export async function readRecordsAsync(
  buf: Buffer,
  batchOffset = 0,
  options: ReadRecordsOptions = {},
): Promise<RecordIterator> {
  return new RecordIterator(buf, batchOffset, await batchRecordsBytesAsync(buf, batchOffset, options));
}

/** Every record of the batch at `batchOffset`, in an array. */
export function readAllRecords(buf: Buffer, batchOffset = 0, options: ReadRecordsOptions = {}): KafkaRecord[] {
  const out: KafkaRecord[] = [];
  for (const record of readRecords(buf, batchOffset, options)) out.push(record);
  return out;
}

function checkWalk(buf: Buffer, batchOffset: number, records: Buffer): void {
  const view = new RecordBatchView(buf, batchOffset);
  const code = walkRecords(
    records,
    0,
    records.length,
    view.recordCount,
    view.lastOffsetDelta,
    view.baseTimestamp,
    view.timestampType === TimestampType.LOG_APPEND_TIME,
  );
  if (code !== RecordBatchErrorCode.NONE) {
    throw new RecordBatchError(code, `record batch at byte ${batchOffset}: ${lastWalkError()}`);
  }
}

/**
 * Checks every record of a batch without building them: for compressed batches, which
 * validate.ts cannot look into, before the broker appends them. Throws RecordBatchError.
 */
export function checkBatchRecords(buf: Buffer, batchOffset = 0, options: ReadRecordsOptions = {}): void {
  checkWalk(buf, batchOffset, batchRecordsBytes(buf, batchOffset, options));
}

/** As `checkBatchRecords`, decompressing off the event loop. */
export async function checkBatchRecordsAsync(
  buf: Buffer,
  batchOffset = 0,
  options: ReadRecordsOptions = {},
): Promise<void> {
  checkWalk(buf, batchOffset, await batchRecordsBytesAsync(buf, batchOffset, options));
}
