/**
 * Checks the record batches of a records blob (a produce request's `records`, a fetched
 * partition, a log tail) from their headers alone, as Kafka's broker does before an
 * append (`UnifiedLog.analyzeAndValidateRecords`, `LogValidator.validateBatch`).
 *
 * This is the produce hot path: per batch, a few header reads and one CRC-32C pass;
 * no allocation per batch, no closure, no record decoded. Errors from the outside world
 * are values: the summary carries Kafka's error code and a message; nothing throws for
 * bad bytes.
 *
 * What is checked, per batch:
 * - length: at least 61 bytes, batchLength >= 49 and within the blob (a trailing partial
 *   batch is an error unless `allowTrailingPartialBatch`), and at most `maxMessageBytes`;
 * - magic 2 (0 and 1 get UNSUPPORTED_FOR_MESSAGE_FORMAT with a message naming the fix);
 * - the CRC-32C of bytes 21 .. end;
 * - attributes name a known codec; offsets, timestamps and producer id are in range;
 * - recordCount >= 0 and consistent with lastOffsetDelta, and (uncompressed) small enough
 *   to fit in the bytes present;
 * - from a client (Kafka's `AppendOrigin.CLIENT`): exactly one batch, baseOffset 0,
 *   recordCount = lastOffsetDelta + 1 > 0, not a control batch, a sequence number when
 *   there is a producer id, and CreateTime;
 * - across batches (not from a client): offsets strictly increasing.
 *
 * With `checkRecords`, the records of uncompressed batches are also walked, reading only
 * varints (framing, count, offset deltas), still without allocating. Compressed records
 * are checked by records.ts (`checkBatchRecords`), which has to decompress them.
 */

import { crc32c } from '../crc32c.js';
import { RecordBatchErrorCode } from './errors.js';
import {
  ATTRIBUTES_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  BATCH_LENGTH_MIN,
  BATCH_LENGTH_OFFSET,
  COMPRESSION_CODEC_MASK,
  CONTROL_FLAG_MASK,
  CRC_OFFSET,
  CRC_START_OFFSET,
  incrementSequence,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAGIC_VALUE_V2,
  MAX_TIMESTAMP_OFFSET,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  NO_TIMESTAMP,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_COUNT_OFFSET,
  RECORDS_OFFSET,
  TIMESTAMP_TYPE_MASK,
  TRANSACTIONAL_FLAG_MASK,
} from './header.js';

/** The largest codec id in the attributes (zstd); 5-7 are not codecs. */
const COMPRESSION_CODEC_MAX = 4;

/**
 * The smallest record: length, attributes, timestampDelta, offsetDelta, key length,
 * value length and header count, one byte each. Bounds recordCount by the bytes present.
 */
export const RECORD_SIZE_MIN = 7;

export interface ValidateRecordBatchesOptions {
  /**
   * Apply Kafka's rules for batches written by clients (a produce request). Default true.
   * Set false for fetched data, replication and log recovery.
   */
  readonly fromClient?: boolean;
  /**
   * Accept a partial batch at the end of the blob, as fetch responses and a log tail
   * after a crash may hold; it is counted in `partialBytes`, not in the summary.
   * Default false: in a produce request a partial batch is CORRUPT_MESSAGE.
   */
  readonly allowTrailingPartialBatch?: boolean;
  /** `max.message.bytes`: the largest batch, header included. Default: no limit but the blob. */
  readonly maxMessageBytes?: number;
  /** Check each batch's CRC-32C. Default true; false only where the bytes were checked already. */
  readonly verifyCrc?: boolean;
  /** Also walk the records of uncompressed batches (see the module doc). Default false. */
  readonly checkRecords?: boolean;
}

/**
 * What a blob holds, and the first problem found. When `errorCode` is not NONE, the
 * counts and offsets cover only the batches before the bad one (`validBytes` bytes), so a
 * log recovery can cut there.
 */
export class RecordBatchesSummary {
  /** Kafka error code; NONE (0) when every batch passed. */
  errorCode: RecordBatchErrorCode = RecordBatchErrorCode.NONE;
  /** What was wrong, naming the batch and byte position; '' when nothing was. */
  errorMessage = '';
  /** Bytes of whole, valid batches from the start of the blob. */
  validBytes = 0;
  /** Bytes of a tolerated partial batch at the end (`allowTrailingPartialBatch`). */
  partialBytes = 0;
  batchCount = 0;
  /** Sum of the batches' recordCount fields. */
  recordCount = 0;
  /** baseOffset of the first batch; -1 without batches. */
  firstOffset = -1;
  /** baseOffset + lastOffsetDelta of the last batch; -1 without batches. */
  lastOffset = -1;
  /** Largest batch maxTimestamp; -1 (NO_TIMESTAMP) without batches. */
  maxTimestamp = NO_TIMESTAMP;
  /** Last offset of the batch holding maxTimestamp (Kafka's shallowOffsetOfMaxTimestamp). */
  offsetOfMaxTimestamp = -1;
  /** Codec of the last compressed batch, 0 when none is compressed (Kafka's sourceCompression). */
  compression = 0;
  hasTransactional = false;
  hasControl = false;
  /** Producer fields of the first batch (-1 when none). */
  producerId = NO_PRODUCER_ID;
  producerEpoch = -1;
  baseSequence = NO_SEQUENCE;
  /** Sequence of the last record of the last batch (wrapping past int32 max); -1 when none. */
  lastSequence = NO_SEQUENCE;
  /** False when batches carry different producer ids or epochs. */
  singleProducer = true;
}

/** The defaults (a produce request), shared so that a call without options allocates none. */
const NO_OPTIONS: ValidateRecordBatchesOptions = Object.freeze({});

/**
 * Checks every batch of `records` from its header; see the module doc. Never throws for
 * bad bytes: the result carries the error.
 */
export function validateRecordBatches(
  records: Buffer,
  options: ValidateRecordBatchesOptions = NO_OPTIONS,
): RecordBatchesSummary {
  const fromClient = options.fromClient !== false;
  const allowPartial = options.allowTrailingPartialBatch === true;
  const maxMessageBytes = options.maxMessageBytes ?? Number.POSITIVE_INFINITY;
  const verifyCrc = options.verifyCrc !== false;
  const checkRecords = options.checkRecords === true;
  const out = new RecordBatchesSummary();
  const end = records.length;
  let at = 0;
  let index = 0;
  let previousLastOffset = -1;

  while (at < end) {
    const remaining = end - at;
    if (remaining < LOG_OVERHEAD) {
      if (allowPartial) break;
      return fail(out, RecordBatchErrorCode.CORRUPT_MESSAGE, index, at, `${remaining} trailing bytes are not a batch`);
    }
    const batchLength = int32At(records, at + BATCH_LENGTH_OFFSET);
    // Legacy message sets (magic 0 and 1) keep the magic at the same position, and can be
    // shorter than a batch header, so look at it before any size rule.
    if (remaining > MAGIC_OFFSET) {
      const magic = (records[at + MAGIC_OFFSET]! << 24) >> 24;
      if (magic !== MAGIC_VALUE_V2) {
        if (magic === 0 || magic === 1) {
          return fail(
            out,
            RecordBatchErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT,
            index,
            at,
            `message format v${magic} (magic ${magic}) is not supported; use a client that writes record batches (magic 2)`,
          );
        }
        return fail(out, RecordBatchErrorCode.CORRUPT_MESSAGE, index, at, `unknown magic ${magic}`);
      }
    }
    if (batchLength < BATCH_LENGTH_MIN) {
      return fail(
        out,
        RecordBatchErrorCode.CORRUPT_MESSAGE,
        index,
        at,
        `batchLength ${batchLength} is below the ${BATCH_LENGTH_MIN}-byte minimum`,
      );
    }
    const size = LOG_OVERHEAD + batchLength;
    if (size > maxMessageBytes) {
      return fail(
        out,
        RecordBatchErrorCode.MESSAGE_TOO_LARGE,
        index,
        at,
        `batch of ${size} bytes exceeds max.message.bytes ${maxMessageBytes}`,
      );
    }
    if (size > remaining) {
      if (allowPartial) break;
      return fail(
        out,
        RecordBatchErrorCode.CORRUPT_MESSAGE,
        index,
        at,
        `batch of ${size} bytes is cut off after ${remaining} bytes`,
      );
    }
    const batchEnd = at + size;

    if (verifyCrc) {
      const stored = int32At(records, at + CRC_OFFSET) >>> 0;
      const computed = crc32c(records.subarray(at + CRC_START_OFFSET, batchEnd));
      if (stored !== computed) {
        return fail(
          out,
          RecordBatchErrorCode.CORRUPT_MESSAGE,
          index,
          at,
          `CRC mismatch: stored 0x${stored.toString(16)}, computed 0x${computed.toString(16)}`,
        );
      }
    }

    // Bits 8-15 of the attributes are unused; everything lives in the low byte.
    const attributes = records[at + ATTRIBUTES_OFFSET + 1]!;
    const codec = attributes & COMPRESSION_CODEC_MASK;
    if (codec > COMPRESSION_CODEC_MAX) {
      return fail(out, RecordBatchErrorCode.CORRUPT_MESSAGE, index, at, `unknown compression codec ${codec}`);
    }
    const baseOffset = int64At(records, at);
    if (!Number.isSafeInteger(baseOffset) || baseOffset < 0) {
      return fail(out, RecordBatchErrorCode.CORRUPT_MESSAGE, index, at, `baseOffset ${baseOffset} is not an offset`);
    }
    const lastOffsetDelta = int32At(records, at + LAST_OFFSET_DELTA_OFFSET);
    const recordCount = int32At(records, at + RECORD_COUNT_OFFSET);
    if (lastOffsetDelta < 0) {
      return fail(
        out,
        RecordBatchErrorCode.INVALID_RECORD,
        index,
        at,
        `lastOffsetDelta ${lastOffsetDelta} is negative`,
      );
    }
    if (recordCount < 0) {
      return fail(out, RecordBatchErrorCode.INVALID_RECORD, index, at, `recordCount ${recordCount} is negative`);
    }
    // Log compaction removes records but keeps the offset range, so in general a batch
    // holds at most lastOffsetDelta + 1 records; a client's batch holds exactly that many.
    if (recordCount > lastOffsetDelta + 1) {
      return fail(
        out,
        RecordBatchErrorCode.INVALID_RECORD,
        index,
        at,
        `recordCount ${recordCount} exceeds the ${lastOffsetDelta + 1} offsets of lastOffsetDelta ${lastOffsetDelta}`,
      );
    }
    if (codec === 0 && recordCount > (batchLength - BATCH_LENGTH_MIN) / RECORD_SIZE_MIN) {
      return fail(
        out,
        RecordBatchErrorCode.CORRUPT_MESSAGE,
        index,
        at,
        `recordCount ${recordCount} records cannot fit in ${batchLength - BATCH_LENGTH_MIN} bytes`,
      );
    }
    const lastOffset = baseOffset + lastOffsetDelta;
    const baseTimestamp = int64At(records, at + BASE_TIMESTAMP_OFFSET);
    const maxTimestamp = int64At(records, at + MAX_TIMESTAMP_OFFSET);
    if (!Number.isSafeInteger(baseTimestamp) || !Number.isSafeInteger(maxTimestamp)) {
      return fail(
        out,
        RecordBatchErrorCode.INVALID_TIMESTAMP,
        index,
        at,
        `baseTimestamp ${baseTimestamp} or maxTimestamp ${maxTimestamp} is beyond ±2^53 ms`,
      );
    }
    const producerId = int64At(records, at + PRODUCER_ID_OFFSET);
    if (!Number.isSafeInteger(producerId) || producerId < NO_PRODUCER_ID) {
      return fail(out, RecordBatchErrorCode.INVALID_RECORD, index, at, `producerId ${producerId} is not a producer id`);
    }
    const producerEpoch =
      ((records[at + PRODUCER_EPOCH_OFFSET]! << 24) | (records[at + PRODUCER_EPOCH_OFFSET + 1]! << 16)) >> 16;
    const baseSequence = int32At(records, at + BASE_SEQUENCE_OFFSET);
    const isControl = (attributes & CONTROL_FLAG_MASK) !== 0;

    if (fromClient) {
      // ProduceRequest.validateRecords: v3+ (every version that carries magic 2) takes
      // exactly one batch per partition.
      if (index > 0) {
        return fail(
          out,
          RecordBatchErrorCode.INVALID_RECORD,
          index,
          at,
          'a produce request holds one batch per partition',
        );
      }
      if (baseOffset !== 0) {
        return fail(
          out,
          RecordBatchErrorCode.INVALID_RECORD,
          index,
          at,
          `baseOffset from a client is ${baseOffset}, not 0`,
        );
      }
      if (recordCount === 0 || recordCount !== lastOffsetDelta + 1) {
        return fail(
          out,
          RecordBatchErrorCode.INVALID_RECORD,
          index,
          at,
          `recordCount ${recordCount} does not match lastOffsetDelta ${lastOffsetDelta}`,
        );
      }
      if (isControl) {
        return fail(out, RecordBatchErrorCode.INVALID_RECORD, index, at, 'clients may not write control batches');
      }
      if (producerId !== NO_PRODUCER_ID && baseSequence < 0) {
        return fail(
          out,
          RecordBatchErrorCode.INVALID_RECORD,
          index,
          at,
          `baseSequence ${baseSequence} is invalid with producerId ${producerId}`,
        );
      }
      if ((attributes & TIMESTAMP_TYPE_MASK) !== 0) {
        return fail(out, RecordBatchErrorCode.INVALID_TIMESTAMP, index, at, 'producers may not set LogAppendTime');
      }
    } else if (index > 0 && baseOffset <= previousLastOffset) {
      return fail(
        out,
        RecordBatchErrorCode.INVALID_RECORD,
        index,
        at,
        `baseOffset ${baseOffset} is not after the previous batch's last offset ${previousLastOffset}`,
      );
    }

    if (checkRecords && codec === 0) {
      const code = walkRecords(
        records,
        at + RECORDS_OFFSET,
        batchEnd,
        recordCount,
        lastOffsetDelta,
        baseTimestamp,
        (attributes & TIMESTAMP_TYPE_MASK) !== 0,
      );
      if (code !== RecordBatchErrorCode.NONE) return fail(out, code, index, at, walkError);
    }

    // The batch passed: fold it into the summary.
    if (index === 0) {
      out.firstOffset = baseOffset;
      out.producerId = producerId;
      out.producerEpoch = producerEpoch;
      out.baseSequence = baseSequence;
    } else if (producerId !== out.producerId || producerEpoch !== out.producerEpoch) {
      out.singleProducer = false;
    }
    out.lastSequence = baseSequence === NO_SEQUENCE ? NO_SEQUENCE : incrementSequence(baseSequence, lastOffsetDelta);
    out.lastOffset = lastOffset;
    if (maxTimestamp > out.maxTimestamp) {
      out.maxTimestamp = maxTimestamp;
      out.offsetOfMaxTimestamp = lastOffset;
    }
    if (codec !== 0) out.compression = codec;
    if ((attributes & TRANSACTIONAL_FLAG_MASK) !== 0) out.hasTransactional = true;
    if (isControl) out.hasControl = true;
    out.recordCount += recordCount;
    out.batchCount = index + 1;
    out.validBytes = batchEnd;
    previousLastOffset = lastOffset;
    index++;
    at = batchEnd;
  }

  out.partialBytes = end - at;
  if (fromClient && index === 0) {
    return fail(out, RecordBatchErrorCode.INVALID_RECORD, 0, 0, 'a produce request needs one batch per partition');
  }
  return out;
}

// Header fields are read byte by byte: every read below is within bytes already
// checked to be present, and plain indexing skips the argument checks of Buffer's
// read methods (measurably, on a path run for every produced batch).

/** A big-endian int32 at `at`; the caller has checked the 4 bytes are there. */
function int32At(buf: Buffer, at: number): number {
  return (buf[at]! << 24) | (buf[at + 1]! << 16) | (buf[at + 2]! << 8) | buf[at + 3]!;
}

/** A big-endian int64 as a number (exact within ±2^53, see header.ts); bytes checked by the caller. */
function int64At(buf: Buffer, at: number): number {
  return int32At(buf, at) * 0x100000000 + (int32At(buf, at + 4) >>> 0);
}

function fail(
  out: RecordBatchesSummary,
  code: RecordBatchErrorCode,
  index: number,
  at: number,
  message: string,
): RecordBatchesSummary {
  out.errorCode = code;
  out.errorMessage = `record batch ${index} at byte ${at}: ${message}`;
  return out;
}

// The record walk keeps its cursor and error in module state so that it allocates
// nothing per record. It is synchronous and never re-entered.
let walkPos = 0;
let walkError = '';

/**
 * Reads a zig-zag varint (at most 5 bytes, int32) at `walkPos`, not past `end`. On bad
 * bytes sets `walkPos` to -1 and returns 0.
 */
function walkVarint(buf: Buffer, end: number): number {
  let pos = walkPos;
  let zz = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (pos >= end) break;
    const b = buf[pos++]!;
    if (shift === 28 && b > 0x0f) break;
    // At shift 28 this may set bit 31: fine, the zig-zag decode below works on the bits.
    zz |= (b & 0x7f) << shift;
    if (b < 0x80) {
      walkPos = pos;
      return (zz >>> 1) ^ -(zz & 1);
    }
  }
  walkPos = -1;
  return 0;
}

/**
 * Reads a zig-zag varlong (at most 10 bytes) at `walkPos`, not past `end`. Values beyond
 * ±(2^53 - 1) are refused, as Reader.varlong refuses them, so that a batch this walk
 * accepts always decodes. On bad bytes sets `walkPos` to -1 and returns 0.
 */
function walkVarlong(buf: Buffer, end: number): number {
  let pos = walkPos;
  let zz = 0;
  let multiplier = 1;
  // Seven bytes (49 bits) are exact in a double: the common case, timestamp deltas.
  for (let i = 0; i < 7; i++) {
    if (pos >= end) {
      walkPos = -1;
      return 0;
    }
    const b = buf[pos++]!;
    zz += (b & 0x7f) * multiplier;
    if (b < 0x80) {
      walkPos = pos;
      return zz % 2 === 0 ? zz / 2 : -(zz + 1) / 2;
    }
    multiplier *= 128;
  }
  return walkLongVarlong(buf, end);
}

/** The rare varlong of 8 to 10 bytes, exactly, with bigints. */
function walkLongVarlong(buf: Buffer, end: number): number {
  let pos = walkPos;
  let zz = 0n;
  for (let shift = 0n; shift < 70n; shift += 7n) {
    if (pos >= end) break;
    const b = buf[pos++]!;
    zz |= BigInt(b & 0x7f) << shift;
    if (b < 0x80) {
      const value = Number((zz >> 1n) ^ -(zz & 1n));
      if (!Number.isSafeInteger(value)) break;
      walkPos = pos;
      return value;
    }
  }
  walkPos = -1;
  return 0;
}

/** Skips a varint length and that many bytes; -1 (null) is allowed when `nullable`. */
function walkSkipBytes(buf: Buffer, end: number, nullable: boolean): void {
  const length = walkVarint(buf, end);
  if (walkPos < 0) return;
  if (length < 0) {
    if (length !== -1 || !nullable) walkPos = -1;
    return;
  }
  if (length > end - walkPos) walkPos = -1;
  else walkPos += length;
}

/**
 * Walks `count` records in [start, end): every record's length matches its fields, the
 * count matches the bytes, offset deltas increase within [0, lastOffsetDelta], and
 * (unless `logAppendTime`, where record timestamps are not read) every timestamp is a
 * safe integer. The same rules, in the same order, as records.ts's RecordIterator, so
 * the two agree on every input. Returns NONE, or an error code with the reason in
 * `walkError` (see `lastWalkError`).
 */
export function walkRecords(
  buf: Buffer,
  start: number,
  end: number,
  count: number,
  lastOffsetDelta: number,
  baseTimestamp: number,
  logAppendTime: boolean,
): RecordBatchErrorCode {
  let pos = start;
  let previousOffsetDelta = -1;
  for (let i = 0; i < count; i++) {
    if (pos >= end) {
      walkError = `batch declares ${count} records but its bytes end after ${i}`;
      return RecordBatchErrorCode.INVALID_RECORD;
    }
    walkPos = pos;
    const length = walkVarint(buf, end);
    // 6: attributes, timestampDelta, offsetDelta, key, value, header count, a byte each.
    if (walkPos < 0 || length < RECORD_SIZE_MIN - 1 || length > end - walkPos) {
      walkError = `record ${i} at byte ${pos}: bad length`;
      return RecordBatchErrorCode.CORRUPT_MESSAGE;
    }
    const recordEnd = walkPos + length;
    walkPos += 1; // attributes: unused in magic 2
    const timestampDelta = walkVarlong(buf, recordEnd);
    const offsetDelta = walkPos < 0 ? 0 : walkVarint(buf, recordEnd);
    if (walkPos >= 0) walkSkipBytes(buf, recordEnd, true); // key
    if (walkPos >= 0) walkSkipBytes(buf, recordEnd, true); // value
    const headerCount = walkPos < 0 ? 0 : walkVarint(buf, recordEnd);
    // Each header takes at least two bytes, so the count is bounded by the bytes left.
    if (walkPos < 0 || headerCount < 0 || headerCount > (recordEnd - walkPos) / 2) {
      walkError = `record ${i} at byte ${pos}: fields do not parse within its ${length} bytes`;
      return RecordBatchErrorCode.CORRUPT_MESSAGE;
    }
    for (let h = 0; h < headerCount && walkPos >= 0; h++) {
      walkSkipBytes(buf, recordEnd, false);
      if (walkPos >= 0) walkSkipBytes(buf, recordEnd, true);
    }
    if (walkPos !== recordEnd) {
      walkError = `record ${i} at byte ${pos}: fields do not parse within its ${length} bytes`;
      return RecordBatchErrorCode.CORRUPT_MESSAGE;
    }
    if (offsetDelta <= previousOffsetDelta || offsetDelta > lastOffsetDelta) {
      walkError = `record ${i} at byte ${pos}: offsetDelta ${offsetDelta} is not after ${previousOffsetDelta} and within lastOffsetDelta ${lastOffsetDelta}`;
      return RecordBatchErrorCode.INVALID_RECORD;
    }
    if (!logAppendTime && !Number.isSafeInteger(baseTimestamp + timestampDelta)) {
      walkError = `record ${i} at byte ${pos}: timestamp beyond ±2^53 ms`;
      return RecordBatchErrorCode.INVALID_TIMESTAMP;
    }
    previousOffsetDelta = offsetDelta;
    pos = recordEnd;
  }
  if (pos !== end) {
    walkError = `${end - pos} bytes follow the last of ${count} records`;
    return RecordBatchErrorCode.INVALID_RECORD;
  }
  return RecordBatchErrorCode.NONE;
}

/** The reason for the last error `walkRecords` returned. */
export function lastWalkError(): string {
  return walkError;
}
