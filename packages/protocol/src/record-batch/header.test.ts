import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32c } from '../crc32c.js';
import { buildRecordBatch } from './builder.js';
import {
  ATTRIBUTES_OFFSET,
  BASE_OFFSET_OFFSET,
  BATCH_LENGTH_MIN,
  CRC_OFFSET,
  incrementSequence,
  LOG_OVERHEAD,
  MAX_TIMESTAMP_OFFSET,
  PARTITION_LEADER_EPOCH_OFFSET,
  RECORD_BATCH_OVERHEAD,
  RECORDS_OFFSET,
  RecordBatchView,
  readInt64Number,
  rewriteBaseOffset,
  setLogAppendTime,
  setMaxTimestamp,
  setPartitionLeaderEpoch,
  TimestampType,
  writeCrc,
  writeInt64Number,
} from './header.js';
import { readAllRecords } from './records.js';
import { validateRecordBatches } from './validate.js';

function sampleBatch(): Buffer {
  return buildRecordBatch({
    producerId: 7,
    producerEpoch: 2,
    baseSequence: 40,
    transactional: true,
    records: [
      { key: 'a', value: '1', timestamp: 1_700_000_000_000 },
      { key: 'b', value: '2', timestamp: 1_700_000_000_009 },
      { key: 'c', value: '3', timestamp: 1_700_000_000_003 },
    ],
  });
}

describe('header layout', () => {
  it('has the sizes Kafka uses', () => {
    assert.equal(RECORD_BATCH_OVERHEAD, 61);
    assert.equal(RECORDS_OFFSET, 61);
    assert.equal(LOG_OVERHEAD, 12);
    assert.equal(BATCH_LENGTH_MIN, 49);
  });
});

describe('RecordBatchView', () => {
  it('reads every field in place', () => {
    const batch = sampleBatch();
    // Put the batch after 5 bytes of something else: the view must honour its offset.
    const buf = Buffer.concat([Buffer.from([9, 9, 9, 9, 9]), batch]);
    const view = new RecordBatchView(buf, 5);
    assert.equal(view.baseOffset, 0);
    assert.equal(view.batchLength, batch.length - 12);
    assert.equal(view.sizeInBytes, batch.length);
    assert.equal(view.partitionLeaderEpoch, -1);
    assert.equal(view.magic, 2);
    assert.equal(view.crc, crc32c(batch.subarray(21)));
    assert.equal(view.attributes, 0x10);
    assert.equal(view.compression, 0);
    assert.equal(view.timestampType, TimestampType.CREATE_TIME);
    assert.equal(view.isTransactional, true);
    assert.equal(view.isControl, false);
    assert.equal(view.hasDeleteHorizon, false);
    assert.equal(view.lastOffsetDelta, 2);
    assert.equal(view.lastOffset, 2);
    assert.equal(view.nextOffset, 3);
    assert.equal(view.baseTimestamp, 1_700_000_000_000);
    assert.equal(view.maxTimestamp, 1_700_000_000_009);
    assert.equal(view.producerId, 7);
    assert.equal(view.producerEpoch, 2);
    assert.equal(view.baseSequence, 40);
    assert.equal(view.lastSequence, 42);
    assert.equal(view.recordCount, 3);
    assert.deepEqual(view.records(), batch.subarray(61));
    assert.equal(view.isCrcValid(), true);
  });

  it('walks several batches with one view', () => {
    const a = buildRecordBatch({ baseOffset: 0, records: [{ value: 'x', timestamp: 1 }] });
    const b = buildRecordBatch({
      baseOffset: 1,
      records: [
        { value: 'y', timestamp: 2 },
        { value: 'z', timestamp: 3 },
      ],
    });
    const blob = Buffer.concat([a, b]);
    const view = new RecordBatchView(blob, 0);
    const seen: number[] = [];
    for (let at = 0; at < blob.length; at += view.sizeInBytes) seen.push(view.moveTo(blob, at).baseOffset);
    assert.deepEqual(seen, [0, 1]);
  });

  it('reads producerId -1 and lastSequence -1 without a producer', () => {
    const view = new RecordBatchView(buildRecordBatch({ records: [{ value: 'x', timestamp: 1 }] }));
    assert.equal(view.producerId, -1);
    assert.equal(view.producerEpoch, -1);
    assert.equal(view.baseSequence, -1);
    assert.equal(view.lastSequence, -1);
  });

  it('wraps lastSequence past int32 max as producers do', () => {
    const batch = buildRecordBatch({
      producerId: 1,
      producerEpoch: 0,
      baseSequence: 0x7ffffffe,
      records: [
        { value: 'a', timestamp: 1 },
        { value: 'b', timestamp: 1 },
        { value: 'c', timestamp: 1 },
      ],
    });
    assert.equal(new RecordBatchView(batch).lastSequence, 0);
    assert.equal(incrementSequence(5, 3), 8);
    assert.equal(incrementSequence(0x7fffffff, 1), 0);
    assert.equal(incrementSequence(0x7ffffffd, 5), 2);
  });
});

describe('int64 as numbers', () => {
  it('round-trips safe integers, negative ones included', () => {
    const buf = Buffer.alloc(8);
    for (const v of [0, 1, -1, 2 ** 32, -(2 ** 32) - 5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      writeInt64Number(buf, 0, v);
      assert.equal(buf.readBigInt64BE(0), BigInt(v));
      assert.equal(readInt64Number(buf, 0), v);
    }
  });

  it('reads unsafe values as numbers that fail Number.isSafeInteger', () => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64BE(2n ** 62n, 0);
    assert.equal(Number.isSafeInteger(readInt64Number(buf, 0)), false);
    buf.writeBigInt64BE(-(2n ** 63n), 0);
    assert.equal(Number.isSafeInteger(readInt64Number(buf, 0)), false);
  });

  it('refuses to write unsafe values', () => {
    assert.throws(() => writeInt64Number(Buffer.alloc(8), 0, 2 ** 53), RangeError);
    assert.throws(() => writeInt64Number(Buffer.alloc(8), 0, 1.5), RangeError);
  });
});

describe('rewriteBaseOffset', () => {
  it('changes only baseOffset and keeps the CRC valid', () => {
    const batch = sampleBatch();
    const before = Buffer.from(batch);
    rewriteBaseOffset(batch, 0, 123_456_789_012);
    const view = new RecordBatchView(batch);
    assert.equal(view.baseOffset, 123_456_789_012);
    assert.equal(view.lastOffset, 123_456_789_014);
    assert.equal(view.isCrcValid(), true);
    assert.deepEqual(batch.subarray(8), before.subarray(8));
    assert.equal(validateRecordBatches(batch, { fromClient: false }).errorCode, 0);
    assert.deepEqual(
      readAllRecords(batch).map((r) => r.offset),
      [123_456_789_012, 123_456_789_013, 123_456_789_014],
    );
  });

  it('works on a batch inside a larger buffer', () => {
    const batch = sampleBatch();
    const buf = Buffer.concat([Buffer.alloc(3), batch, Buffer.alloc(4)]);
    rewriteBaseOffset(buf, 3, 99);
    assert.equal(readInt64Number(buf, 3 + BASE_OFFSET_OFFSET), 99);
    assert.deepEqual(buf.subarray(0, 3), Buffer.alloc(3));
    assert.equal(new RecordBatchView(buf, 3).isCrcValid(), true);
  });

  it('refuses offsets that are not non-negative safe integers, and missing batches', () => {
    const batch = sampleBatch();
    assert.throws(() => rewriteBaseOffset(batch, 0, -1), RangeError);
    assert.throws(() => rewriteBaseOffset(batch, 0, 2 ** 53), RangeError);
    assert.throws(() => rewriteBaseOffset(batch, 0, 0.5), RangeError);
    assert.throws(() => rewriteBaseOffset(batch, 1, 0), RangeError);
    assert.throws(() => rewriteBaseOffset(batch.subarray(0, 60), 0, 0), RangeError);
    assert.throws(() => rewriteBaseOffset(batch.subarray(0, batch.length - 1), 0, 0), RangeError);
  });
});

describe('setPartitionLeaderEpoch', () => {
  it('changes the epoch without touching the CRC', () => {
    const batch = sampleBatch();
    const crc = batch.readUInt32BE(CRC_OFFSET);
    setPartitionLeaderEpoch(batch, 0, 17);
    assert.equal(batch.readInt32BE(PARTITION_LEADER_EPOCH_OFFSET), 17);
    assert.equal(batch.readUInt32BE(CRC_OFFSET), crc);
    assert.equal(new RecordBatchView(batch).isCrcValid(), true);
  });

  it('refuses epochs outside int32 >= -1', () => {
    const batch = sampleBatch();
    assert.throws(() => setPartitionLeaderEpoch(batch, 0, -2), RangeError);
    assert.throws(() => setPartitionLeaderEpoch(batch, 0, 2 ** 31), RangeError);
    assert.throws(() => setPartitionLeaderEpoch(Buffer.alloc(10), 0, 1), RangeError);
  });
});

describe('setLogAppendTime / setMaxTimestamp', () => {
  it('marks LogAppendTime, sets maxTimestamp and recomputes the CRC', () => {
    const batch = sampleBatch();
    const oldCrc = batch.readUInt32BE(CRC_OFFSET);
    setLogAppendTime(batch, 0, 1_800_000_000_000);
    const view = new RecordBatchView(batch);
    assert.equal(view.timestampType, TimestampType.LOG_APPEND_TIME);
    assert.equal(view.maxTimestamp, 1_800_000_000_000);
    assert.notEqual(view.crc, oldCrc);
    assert.equal(view.isCrcValid(), true);
    assert.equal(view.isTransactional, true, 'other attribute bits are kept');
    // Consumers read the append time for every record.
    assert.deepEqual(
      readAllRecords(batch).map((r) => r.timestamp),
      [1_800_000_000_000, 1_800_000_000_000, 1_800_000_000_000],
    );
    const summary = validateRecordBatches(batch, { fromClient: false });
    assert.equal(summary.errorCode, 0);
    assert.equal(summary.maxTimestamp, 1_800_000_000_000);
  });

  it('can go back to CreateTime', () => {
    const batch = sampleBatch();
    const original = Buffer.from(batch);
    setLogAppendTime(batch, 0, 5);
    setMaxTimestamp(batch, 0, TimestampType.CREATE_TIME, 1_700_000_000_009);
    assert.deepEqual(batch, original);
  });

  it('leaves an unchanged batch alone (no CRC pass)', () => {
    const batch = sampleBatch();
    // A wrong CRC would be "fixed" by a recompute: it stays wrong if nothing is written.
    batch.writeUInt32BE(0xdeadbeef, CRC_OFFSET);
    setMaxTimestamp(batch, 0, TimestampType.CREATE_TIME, 1_700_000_000_009);
    assert.equal(batch.readUInt32BE(CRC_OFFSET), 0xdeadbeef);
  });

  it('works on a batch inside a larger buffer', () => {
    const batch = sampleBatch();
    const buf = Buffer.concat([Buffer.alloc(7), batch, Buffer.from([1, 2, 3])]);
    setLogAppendTime(buf, 7, 42);
    assert.equal(readInt64Number(buf, 7 + MAX_TIMESTAMP_OFFSET), 42);
    assert.equal((buf[7 + ATTRIBUTES_OFFSET + 1]! & 0x08) !== 0, true);
    assert.equal(new RecordBatchView(buf, 7).isCrcValid(), true);
    assert.deepEqual(buf.subarray(buf.length - 3), Buffer.from([1, 2, 3]));
  });

  it('refuses bad timestamps and missing batches', () => {
    const batch = sampleBatch();
    assert.throws(() => setLogAppendTime(batch, 0, -2), RangeError);
    assert.throws(() => setLogAppendTime(batch, 0, 2 ** 53), RangeError);
    assert.throws(() => setLogAppendTime(batch.subarray(0, 70), 0, 1), RangeError);
    assert.throws(() => setLogAppendTime(batch, -1, 1), RangeError);
  });
});

describe('writeCrc', () => {
  it('stores the CRC-32C of bytes 21 .. end', () => {
    const batch = sampleBatch();
    batch.writeUInt32BE(0, CRC_OFFSET);
    const crc = writeCrc(batch, 0);
    assert.equal(crc, crc32c(batch.subarray(21)));
    assert.equal(batch.readUInt32BE(CRC_OFFSET), crc);
  });

  it('refuses a batchLength that points outside the buffer', () => {
    const batch = sampleBatch();
    batch.writeInt32BE(10, 8);
    assert.throws(() => writeCrc(batch, 0), RangeError);
  });
});
