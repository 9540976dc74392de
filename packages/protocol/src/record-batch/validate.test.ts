import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { Compression } from '../compression/index.js';
import { writeVarint } from '../varint.js';
import type { BuildRecordBatchOptions } from './builder.js';
import { buildRecordBatch } from './builder.js';
import { buildControlBatch, ControlRecordType } from './control.js';
import { RecordBatchErrorCode } from './errors.js';
import {
  ATTRIBUTES_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  CRC_OFFSET,
  LAST_OFFSET_DELTA_OFFSET,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_COUNT_OFFSET,
  RECORDS_OFFSET,
  rewriteBaseOffset,
  TimestampType,
  writeCrc,
} from './header.js';
import type { ValidateRecordBatchesOptions } from './validate.js';
import { validateRecordBatches } from './validate.js';

const { NONE, CORRUPT_MESSAGE, MESSAGE_TOO_LARGE, INVALID_TIMESTAMP, UNSUPPORTED_FOR_MESSAGE_FORMAT, INVALID_RECORD } =
  RecordBatchErrorCode;
const NOT_CLIENT: ValidateRecordBatchesOptions = { fromClient: false };

function batch(options: Partial<BuildRecordBatchOptions> = {}): Buffer {
  return buildRecordBatch({
    records: [
      { key: 'k0', value: 'v0', timestamp: 1_000 },
      { key: null, value: 'v1', timestamp: 1_005, headers: [{ key: 'h', value: null }] },
      { key: 'k2', value: null, timestamp: 1_002 },
    ],
    ...options,
  });
}

/** Applies `edit` to a copy of `buf` and recomputes the CRC, so only the edit is wrong. */
function edited(buf: Buffer, edit: (b: Buffer) => void): Buffer {
  const copy = Buffer.from(buf);
  edit(copy);
  writeCrc(copy, 0);
  return copy;
}

function expectError(
  blob: Buffer,
  options: ValidateRecordBatchesOptions,
  code: RecordBatchErrorCode,
  message: RegExp,
): void {
  const summary = validateRecordBatches(blob, options);
  assert.equal(summary.errorCode, code, summary.errorMessage);
  assert.match(summary.errorMessage, message);
}

/**
 * A legacy message set holding one message, as Kafka clients before 0.11 wrote them:
 * offset int64 · messageSize int32 · crc uint32 (CRC-32, of magic .. end) · magic int8 ·
 * attributes int8 · [timestamp int64, magic 1 only] · key int32 length (-1 null) ·
 * value int32 length + bytes.
 */
function legacyMessageSet(magic: 0 | 1, value: string): Buffer {
  const valueBytes = Buffer.from(value);
  const bodySize = 1 + 1 + (magic === 1 ? 8 : 0) + 4 + 4 + valueBytes.length;
  const buf = Buffer.alloc(12 + 4 + bodySize);
  buf.writeBigInt64BE(0n, 0); // offset
  buf.writeInt32BE(4 + bodySize, 8); // messageSize: crc + body
  let pos = 16;
  buf.writeInt8(magic, pos++);
  buf.writeInt8(0, pos++); // attributes: no compression
  if (magic === 1) {
    buf.writeBigInt64BE(1_700_000_000_000n, pos);
    pos += 8;
  }
  buf.writeInt32BE(-1, pos); // key: null
  pos += 4;
  buf.writeInt32BE(valueBytes.length, pos);
  pos += 4;
  valueBytes.copy(buf, pos);
  buf.writeUInt32BE(crc32(buf.subarray(16)), 12);
  return buf;
}

describe('validateRecordBatches: a good produce request', () => {
  it('summarises a client batch', () => {
    const summary = validateRecordBatches(
      batch({ producerId: 12, producerEpoch: 3, baseSequence: 100, transactional: true }),
    );
    assert.equal(summary.errorCode, NONE);
    assert.equal(summary.errorMessage, '');
    assert.equal(summary.batchCount, 1);
    assert.equal(summary.recordCount, 3);
    assert.equal(summary.firstOffset, 0);
    assert.equal(summary.lastOffset, 2);
    assert.equal(summary.maxTimestamp, 1_005);
    assert.equal(summary.offsetOfMaxTimestamp, 2);
    assert.equal(summary.compression, 0);
    assert.equal(summary.hasTransactional, true);
    assert.equal(summary.hasControl, false);
    assert.equal(summary.producerId, 12);
    assert.equal(summary.producerEpoch, 3);
    assert.equal(summary.baseSequence, 100);
    assert.equal(summary.lastSequence, 102);
    assert.equal(summary.singleProducer, true);
    assert.equal(summary.validBytes, summary.validBytes);
    assert.equal(summary.partialBytes, 0);
  });

  it('accepts every codec and reports it', () => {
    for (const codec of [Compression.GZIP, Compression.SNAPPY, Compression.LZ4, Compression.ZSTD]) {
      const summary = validateRecordBatches(batch({ compression: codec }), { checkRecords: true });
      assert.equal(summary.errorCode, NONE, summary.errorMessage);
      assert.equal(summary.compression, codec);
      assert.equal(summary.recordCount, 3);
    }
  });

  it('walks the records of uncompressed batches with checkRecords', () => {
    const summary = validateRecordBatches(batch(), { checkRecords: true });
    assert.equal(summary.errorCode, NONE, summary.errorMessage);
  });

  it('leaves the bytes untouched', () => {
    const b = batch();
    const copy = Buffer.from(b);
    validateRecordBatches(b, { checkRecords: true });
    assert.deepEqual(b, copy);
  });
});

describe('validateRecordBatches: several batches (fetch, replication, recovery)', () => {
  it('summarises across batches', () => {
    const a = batch({ baseOffset: 10, producerId: 5, producerEpoch: 1, baseSequence: 0 });
    const b = batch({
      baseOffset: 13,
      producerId: 5,
      producerEpoch: 1,
      baseSequence: 3,
      compression: Compression.GZIP,
    });
    const c = buildControlBatch({
      baseOffset: 16,
      producerId: 5,
      producerEpoch: 1,
      type: ControlRecordType.COMMIT,
      coordinatorEpoch: 0,
      timestamp: 900,
    });
    const summary = validateRecordBatches(Buffer.concat([a, b, c]), NOT_CLIENT);
    assert.equal(summary.errorCode, NONE, summary.errorMessage);
    assert.equal(summary.batchCount, 3);
    assert.equal(summary.recordCount, 7);
    assert.equal(summary.firstOffset, 10);
    assert.equal(summary.lastOffset, 16);
    assert.equal(summary.maxTimestamp, 1_005);
    assert.equal(summary.offsetOfMaxTimestamp, 12, 'the last offset of the first batch holding the max');
    assert.equal(summary.compression, Compression.GZIP);
    assert.equal(summary.hasControl, true);
    assert.equal(summary.hasTransactional, true);
    assert.equal(summary.producerId, 5);
    assert.equal(summary.baseSequence, 0);
    assert.equal(summary.lastSequence, -1, 'the control batch has no sequence');
    assert.equal(summary.singleProducer, true);
    assert.equal(summary.validBytes, a.length + b.length + c.length);
  });

  it('notices batches of different producers', () => {
    const a = batch({ baseOffset: 0, producerId: 5, producerEpoch: 1, baseSequence: 0 });
    const b = batch({ baseOffset: 3, producerId: 5, producerEpoch: 2, baseSequence: 0 });
    const summary = validateRecordBatches(Buffer.concat([a, b]), NOT_CLIENT);
    assert.equal(summary.errorCode, NONE);
    assert.equal(summary.singleProducer, false);
  });

  it('accepts a compacted batch: fewer records than offsets, even none', () => {
    const gaps = buildRecordBatch({
      records: [
        { value: 'a', timestamp: 1, offsetDelta: 0 },
        { value: 'b', timestamp: 1, offsetDelta: 7 },
      ],
    });
    assert.equal(validateRecordBatches(gaps, { ...NOT_CLIENT, checkRecords: true }).errorCode, NONE);
    // The cleaner keeps an empty batch to remember the producer state.
    const empty = Buffer.from(gaps.subarray(0, RECORDS_OFFSET));
    empty.writeInt32BE(RECORDS_OFFSET - 12, 8);
    empty.writeInt32BE(0, RECORD_COUNT_OFFSET);
    writeCrc(empty, 0);
    const summary = validateRecordBatches(empty, { ...NOT_CLIENT, checkRecords: true });
    assert.equal(summary.errorCode, NONE, summary.errorMessage);
    assert.equal(summary.recordCount, 0);
    assert.equal(summary.lastOffset, 7);
  });

  it('accepts an empty blob', () => {
    const summary = validateRecordBatches(Buffer.alloc(0), NOT_CLIENT);
    assert.equal(summary.errorCode, NONE);
    assert.equal(summary.batchCount, 0);
    assert.equal(summary.firstOffset, -1);
  });

  it('rejects offsets that do not increase, keeping what came before', () => {
    const a = batch({ baseOffset: 10 });
    const b = batch({ baseOffset: 12 });
    const summary = validateRecordBatches(Buffer.concat([a, b]), NOT_CLIENT);
    assert.equal(summary.errorCode, INVALID_RECORD);
    assert.match(summary.errorMessage, /^record batch 1 at byte \d+: baseOffset 12 is not after .* 12$/);
    assert.equal(summary.batchCount, 1);
    assert.equal(summary.validBytes, a.length);
    assert.equal(summary.lastOffset, 12);
  });

  it('tolerates a trailing partial batch only when asked, at every cut', () => {
    const a = batch({ baseOffset: 0 });
    const b = batch({ baseOffset: 3 });
    const whole = Buffer.concat([a, b]);
    for (let cut = 1; cut < b.length; cut++) {
      const blob = whole.subarray(0, a.length + cut);
      const strict = validateRecordBatches(blob, NOT_CLIENT);
      assert.equal(strict.errorCode, CORRUPT_MESSAGE, `cut ${cut}`);
      assert.equal(strict.validBytes, a.length);
      const tolerant = validateRecordBatches(blob, { ...NOT_CLIENT, allowTrailingPartialBatch: true });
      assert.equal(tolerant.errorCode, NONE, `cut ${cut}: ${tolerant.errorMessage}`);
      assert.equal(tolerant.batchCount, 1);
      assert.equal(tolerant.validBytes, a.length);
      assert.equal(tolerant.partialBytes, cut);
    }
  });

  it('still rejects a bad batchLength or magic in a partial batch', () => {
    const a = batch();
    const tolerant: ValidateRecordBatchesOptions = { ...NOT_CLIENT, allowTrailingPartialBatch: true };
    const badLength = Buffer.from(a.subarray(0, 30));
    badLength.writeInt32BE(10, 8);
    expectError(badLength, tolerant, CORRUPT_MESSAGE, /batchLength 10 is below the 49-byte minimum/);
    const badMagic = Buffer.from(a.subarray(0, 30));
    badMagic[MAGIC_OFFSET] = 1;
    expectError(badMagic, tolerant, UNSUPPORTED_FOR_MESSAGE_FORMAT, /magic 1/);
  });
});

describe('validateRecordBatches: sizes', () => {
  it('rejects fewer than 12 trailing bytes', () => {
    for (let n = 1; n < 12; n++) {
      expectError(Buffer.alloc(n), NOT_CLIENT, CORRUPT_MESSAGE, new RegExp(`^record batch 0 at byte 0: ${n} trailing`));
    }
  });

  it('rejects a batchLength below 49, negative included', () => {
    for (const length of [-1, -2147483648, 0, 48]) {
      const b = batch();
      b.writeInt32BE(length, 8);
      expectError(b, NOT_CLIENT, CORRUPT_MESSAGE, new RegExp(`batchLength ${length} is below`));
    }
  });

  it('rejects a batchLength beyond the blob', () => {
    const b = batch();
    b.writeInt32BE(b.length - 12 + 1, 8);
    expectError(b, NOT_CLIENT, CORRUPT_MESSAGE, /is cut off after/);
    b.writeInt32BE(0x7fffffff, 8);
    expectError(b, NOT_CLIENT, CORRUPT_MESSAGE, /is cut off after/);
  });

  it('detects truncation at every byte position', () => {
    const b = batch({ producerId: 1, producerEpoch: 0, baseSequence: 0 });
    for (let cut = 0; cut < b.length; cut++) {
      const summary = validateRecordBatches(b.subarray(0, cut), { checkRecords: true });
      // An empty produce blob is INVALID_RECORD (no batch); any other cut is corrupt.
      assert.equal(summary.errorCode, cut === 0 ? INVALID_RECORD : CORRUPT_MESSAGE, `cut ${cut}`);
      assert.equal(summary.batchCount, 0);
    }
  });

  it('rejects a batch above max.message.bytes with MESSAGE_TOO_LARGE', () => {
    const b = batch();
    assert.equal(validateRecordBatches(b, { maxMessageBytes: b.length }).errorCode, NONE);
    expectError(b, { maxMessageBytes: b.length - 1 }, MESSAGE_TOO_LARGE, /exceeds max.message.bytes/);
  });
});

describe('validateRecordBatches: magic', () => {
  it('rejects magic 0 and 1 message sets with the clear error', () => {
    for (const magic of [0, 1] as const) {
      const legacy = legacyMessageSet(magic, 'hello');
      for (const fromClient of [true, false]) {
        const summary = validateRecordBatches(legacy, { fromClient });
        assert.equal(summary.errorCode, UNSUPPORTED_FOR_MESSAGE_FORMAT);
        assert.equal(
          summary.errorMessage,
          `record batch 0 at byte 0: message format v${magic} (magic ${magic}) is not supported; ` +
            'use a client that writes record batches (magic 2)',
        );
      }
    }
  });

  it('names the legacy message set even after good batches', () => {
    const summary = validateRecordBatches(Buffer.concat([batch(), legacyMessageSet(1, 'x')]), NOT_CLIENT);
    assert.equal(summary.errorCode, UNSUPPORTED_FOR_MESSAGE_FORMAT);
    assert.equal(summary.batchCount, 1);
  });

  it('rejects unknown magic values as corrupt', () => {
    for (const magic of [3, 127, -1, -128]) {
      const b = batch();
      b.writeInt8(magic, MAGIC_OFFSET);
      expectError(b, NOT_CLIENT, CORRUPT_MESSAGE, new RegExp(`unknown magic ${magic}$`));
    }
  });
});

describe('validateRecordBatches: CRC', () => {
  it('detects a flipped bit at every byte of the CRC-covered region', () => {
    const b = batch({ compression: Compression.NONE });
    for (let at = ATTRIBUTES_OFFSET; at < b.length; at++) {
      for (const mask of [0x01, 0x80]) {
        const copy = Buffer.from(b);
        copy[at]! ^= mask;
        const summary = validateRecordBatches(copy, NOT_CLIENT);
        assert.equal(summary.errorCode, CORRUPT_MESSAGE, `byte ${at} mask ${mask}`);
        assert.match(summary.errorMessage, /CRC mismatch/);
      }
    }
  });

  it('detects a damaged CRC field', () => {
    for (let at = CRC_OFFSET; at < CRC_OFFSET + 4; at++) {
      const copy = batch();
      copy[at]! ^= 0x10;
      expectError(copy, NOT_CLIENT, CORRUPT_MESSAGE, /CRC mismatch: stored 0x[0-9a-f]+, computed 0x[0-9a-f]+/);
    }
  });

  it('skips the CRC when told the bytes were checked', () => {
    const copy = batch();
    copy[CRC_OFFSET]! ^= 0x10;
    assert.equal(validateRecordBatches(copy, { verifyCrc: false }).errorCode, NONE);
  });
});

describe('validateRecordBatches: header fields', () => {
  it('rejects unknown codecs 5-7', () => {
    for (const codec of [5, 6, 7]) {
      const b = edited(batch(), (x) => x.writeInt16BE(codec, ATTRIBUTES_OFFSET));
      expectError(b, NOT_CLIENT, CORRUPT_MESSAGE, new RegExp(`unknown compression codec ${codec}`));
    }
  });

  it('ignores the unused attribute bits 8-15', () => {
    const b = edited(batch(), (x) => x.writeUInt16BE(0xff00, ATTRIBUTES_OFFSET));
    assert.equal(validateRecordBatches(b).errorCode, NONE);
  });

  it('rejects a negative or unsafe baseOffset', () => {
    const negative = batch();
    negative.writeBigInt64BE(-5n, 0);
    expectError(negative, NOT_CLIENT, CORRUPT_MESSAGE, /baseOffset -5 is not an offset/);
    const huge = batch();
    huge.writeBigInt64BE(2n ** 60n, 0);
    expectError(huge, NOT_CLIENT, CORRUPT_MESSAGE, /is not an offset/);
  });

  it('rejects a negative lastOffsetDelta or recordCount', () => {
    const delta = edited(batch(), (x) => x.writeInt32BE(-1, LAST_OFFSET_DELTA_OFFSET));
    expectError(delta, NOT_CLIENT, INVALID_RECORD, /lastOffsetDelta -1 is negative/);
    const count = edited(batch(), (x) => x.writeInt32BE(-3, RECORD_COUNT_OFFSET));
    expectError(count, NOT_CLIENT, INVALID_RECORD, /recordCount -3 is negative/);
  });

  it('rejects more records than offsets', () => {
    const b = edited(batch(), (x) => x.writeInt32BE(1, LAST_OFFSET_DELTA_OFFSET));
    expectError(b, NOT_CLIENT, INVALID_RECORD, /recordCount 3 exceeds the 2 offsets/);
  });

  it('rejects an uncompressed recordCount the bytes cannot hold', () => {
    const b = edited(batch(), (x) => {
      x.writeInt32BE(1_000_000, RECORD_COUNT_OFFSET);
      x.writeInt32BE(999_999, LAST_OFFSET_DELTA_OFFSET);
    });
    expectError(b, NOT_CLIENT, CORRUPT_MESSAGE, /1000000 records cannot fit/);
  });

  it('rejects timestamps beyond ±2^53', () => {
    for (const at of [BASE_TIMESTAMP_OFFSET, MAX_TIMESTAMP_OFFSET]) {
      const b = edited(batch(), (x) => x.writeBigInt64BE(2n ** 62n, at));
      expectError(b, NOT_CLIENT, INVALID_TIMESTAMP, /beyond ±2\^53/);
    }
  });

  it('rejects producer ids below -1 or unsafe', () => {
    for (const id of [-2n, 2n ** 62n]) {
      const b = edited(batch(), (x) => x.writeBigInt64BE(id, PRODUCER_ID_OFFSET));
      expectError(b, NOT_CLIENT, INVALID_RECORD, /is not a producer id/);
    }
  });
});

describe('validateRecordBatches: rules for client batches', () => {
  it('rejects an empty produce blob', () => {
    expectError(Buffer.alloc(0), {}, INVALID_RECORD, /needs one batch/);
  });

  it('rejects two batches in one produce request', () => {
    const blob = Buffer.concat([batch(), batch()]);
    expectError(blob, {}, INVALID_RECORD, /^record batch 1 at byte \d+: a produce request holds one batch/);
    assert.equal(validateRecordBatches(blob, {}).batchCount, 1);
  });

  it('rejects a baseOffset other than 0', () => {
    const b = batch();
    rewriteBaseOffset(b, 0, 5);
    expectError(b, {}, INVALID_RECORD, /baseOffset from a client is 5, not 0/);
  });

  it('rejects a record count that does not match lastOffsetDelta', () => {
    const b = buildRecordBatch({
      records: [
        { value: 'a', timestamp: 1 },
        { value: 'b', timestamp: 1, offsetDelta: 3 },
      ],
    });
    expectError(b, {}, INVALID_RECORD, /recordCount 2 does not match lastOffsetDelta 3/);
    const zero = edited(batch(), (x) => {
      x.writeInt32BE(0, RECORD_COUNT_OFFSET);
    });
    expectError(zero, {}, INVALID_RECORD, /recordCount 0 does not match/);
  });

  it('rejects control batches', () => {
    const b = buildControlBatch({
      producerId: 1,
      producerEpoch: 0,
      type: ControlRecordType.ABORT,
      coordinatorEpoch: 0,
      timestamp: 1,
    });
    expectError(b, {}, INVALID_RECORD, /clients may not write control batches/);
  });

  it('rejects a producer id without a sequence', () => {
    const b = edited(batch({ producerId: 3, producerEpoch: 0, baseSequence: 0 }), (x) =>
      x.writeInt32BE(-1, BASE_SEQUENCE_OFFSET),
    );
    expectError(b, {}, INVALID_RECORD, /baseSequence -1 is invalid with producerId 3/);
  });

  it('rejects LogAppendTime from a producer', () => {
    const b = batch({ timestampType: TimestampType.LOG_APPEND_TIME, logAppendTime: 5 });
    expectError(b, {}, INVALID_TIMESTAMP, /producers may not set LogAppendTime/);
    assert.equal(validateRecordBatches(b, NOT_CLIENT).errorCode, NONE);
  });
});

describe('validateRecordBatches: checkRecords', () => {
  /** The batch from `batch()` with its records section replaced (lengths and CRC fixed). */
  function withRecords(records: Buffer, count: number, lastOffsetDelta = count - 1): Buffer {
    const head = Buffer.from(batch().subarray(0, RECORDS_OFFSET));
    const b = Buffer.concat([head, records]);
    b.writeInt32BE(b.length - 12, 8);
    b.writeInt32BE(count, RECORD_COUNT_OFFSET);
    b.writeInt32BE(lastOffsetDelta, LAST_OFFSET_DELTA_OFFSET);
    writeCrc(b, 0);
    return b;
  }

  /** One record: attributes 0, timestampDelta 0, the offsetDelta, null key, the value. */
  function record(offsetDelta: number, value: string, lengthFix = 0): Buffer {
    const body = Buffer.alloc(64);
    let pos = 0;
    body[pos++] = 0;
    body[pos++] = 0;
    pos = writeVarint(body, pos, offsetDelta);
    pos = writeVarint(body, pos, -1);
    pos = writeVarint(body, pos, value.length);
    pos += body.write(value, pos);
    pos = writeVarint(body, pos, 0);
    const out = Buffer.alloc(5 + pos);
    const start = writeVarint(out, 0, pos + lengthFix);
    body.copy(out, start, 0, pos);
    return out.subarray(0, start + pos);
  }

  const checked: ValidateRecordBatchesOptions = { ...NOT_CLIENT, checkRecords: true };

  it('accepts hand-made records', () => {
    const b = withRecords(Buffer.concat([record(0, 'ab'), record(1, 'cd')]), 2);
    assert.equal(validateRecordBatches(b, checked).errorCode, NONE);
  });

  it('rejects a record length that does not match its fields', () => {
    expectError(withRecords(record(0, 'abc', -1), 1), checked, CORRUPT_MESSAGE, /fields do not parse/);
    expectError(
      withRecords(Buffer.concat([record(0, 'abc', 1), Buffer.from([0])]), 1),
      checked,
      CORRUPT_MESSAGE,
      /fields do not parse/,
    );
  });

  it('rejects a record length beyond the batch or below the minimum', () => {
    expectError(withRecords(record(0, 'abc', 50), 1), checked, CORRUPT_MESSAGE, /bad length/);
    expectError(withRecords(Buffer.from([0x0a, 0, 0, 0, 0, 0, 0, 0]), 1), checked, CORRUPT_MESSAGE, /bad length/);
    expectError(
      withRecords(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0]), 1),
      checked,
      CORRUPT_MESSAGE,
      /bad length/,
    );
  });

  it('rejects fewer records than declared, and bytes after the last', () => {
    const two = Buffer.concat([record(0, 'long enough'), record(1, 'to hold three')]);
    expectError(withRecords(two, 3, 2), checked, INVALID_RECORD, /declares 3 records but its bytes end after 2/);
    expectError(withRecords(two, 1, 1), checked, INVALID_RECORD, /bytes follow the last of 1 records/);
  });

  it('rejects offset deltas that do not increase or exceed lastOffsetDelta', () => {
    expectError(
      withRecords(Buffer.concat([record(0, 'a'), record(0, 'b')]), 2),
      checked,
      INVALID_RECORD,
      /offsetDelta 0 is not after 0/,
    );
    expectError(withRecords(record(2, 'a'), 1, 1), checked, INVALID_RECORD, /offsetDelta 2 is not after -1/);
  });

  it('does not look into compressed records (records.ts does)', () => {
    const b = batch({ compression: Compression.GZIP });
    assert.equal(validateRecordBatches(b, checked).errorCode, NONE);
  });
});

describe('validateRecordBatches: fuzz', () => {
  it('never throws, and counts only what it accepted (seeded)', () => {
    const good = Buffer.concat([batch({ baseOffset: 0 }), batch({ baseOffset: 3, compression: Compression.LZ4 })]);
    const mutation = fc.record({
      kind: fc.constantFrom('flip', 'set', 'cut', 'insert', 'delete'),
      at: fc.nat(),
      byte: fc.integer({ min: 0, max: 255 }),
      fixCrc: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (mutations, partial) => {
        let b = Buffer.from(good);
        for (const m of mutations) {
          const at = m.at % (b.length + 1);
          if (m.kind === 'flip' && at < b.length) b[at]! ^= 1 << (m.byte % 8);
          else if (m.kind === 'set' && at < b.length) b[at] = m.byte;
          else if (m.kind === 'cut') b = b.subarray(0, at);
          else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from([m.byte]), b.subarray(at)]);
          else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1)]);
          // Fixing the CRC lets the damage reach the checks behind it.
          if (m.fixCrc && b.length >= 61 && b.readInt32BE(8) >= 49 && b.readInt32BE(8) + 12 <= b.length) {
            writeCrc(b, 0);
          }
        }
        const summary = validateRecordBatches(b, {
          fromClient: false,
          allowTrailingPartialBatch: partial,
          checkRecords: true,
        });
        assert.ok(summary.validBytes <= b.length);
        assert.ok(summary.batchCount <= 2 || summary.errorCode === NONE);
        if (summary.errorCode === NONE) assert.equal(summary.validBytes + summary.partialBytes, b.length);
        else assert.notEqual(summary.errorMessage, '');
      }),
      { seed: 0x5eed, numRuns: 3000 },
    );
  });
});
