import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CompressionType } from '../compression/index.js';
import { Compression } from '../compression/index.js';
import { crc32c } from '../crc32c.js';
import type { BuildRecordBatchOptions, RecordInput } from './builder.js';
import { buildRecordBatch } from './builder.js';
import { RecordBatchView, TimestampType } from './header.js';
import { readAllRecords } from './records.js';
import { validateRecordBatches } from './validate.js';

/**
 * Golden batch: the bytes KafkaJS 2.2.4's record batch encoder writes (an independent
 * implementation with its own CRC-32C) for an idempotent producer's two records:
 * ```
 * 0000000000000000  baseOffset 0 (clients send 0; the leader assigns offsets)
 * 0000004b          batchLength 75: the batch is 75 + 12 = 87 bytes
 * ffffffff          partitionLeaderEpoch -1 (set by the leader)
 * 02                magic 2
 * 68815016          crc: CRC-32C of the 66 bytes from attributes to the end
 * 0000              attributes: no compression, CreateTime, not transactional, not control
 * 00000001          lastOffsetDelta 1
 * 0000018bcfe56800  baseTimestamp 1700000000000 (the first record's)
 * 0000018bcfe56805  maxTimestamp 1700000000005
 * 0000000000001092  producerId 4242
 * 0003              producerEpoch 3
 * 00000011          baseSequence 17
 * 00000002          recordCount 2
 * record 0:
 *   24              length 18 (zig-zag: 0x24 = 36 = 2 * 18)
 *   00              attributes
 *   00              timestampDelta 0
 *   00              offsetDelta 0
 *   06 6b6579       key: length 3, "key"
 *   0a 76616c7565   value: length 5, "value"
 *   02              1 header
 *   02 68           header key: length 1, "h"
 *   02 76           header value: length 1, "v"
 * record 1:
 *   0c              length 6
 *   00              attributes
 *   0a              timestampDelta 5
 *   02              offsetDelta 1
 *   01              key: length -1, null
 *   00              value: length 0, empty
 *   00              no headers
 * ```
 */
const GOLDEN_HEX =
  '0000000000000000' +
  '0000004b' +
  'ffffffff' +
  '02' +
  '68815016' +
  '0000' +
  '00000001' +
  '0000018bcfe56800' +
  '0000018bcfe56805' +
  '0000000000001092' +
  '0003' +
  '00000011' +
  '00000002' +
  ['24', '00', '00', '00', '066b6579', '0a76616c7565', '02', '0268', '0276'].join('') +
  ['0c', '00', '0a', '02', '01', '00', '00'].join('');

const GOLDEN_INPUT: BuildRecordBatchOptions = {
  producerId: 4242,
  producerEpoch: 3,
  baseSequence: 17,
  records: [
    { key: 'key', value: 'value', headers: [{ key: 'h', value: 'v' }], timestamp: 1_700_000_000_000 },
    { key: null, value: Buffer.alloc(0), timestamp: 1_700_000_000_005 },
  ],
};

// KafkaJS is a dev dependency of the workspace: its encoder and decoder are the
// independent implementation the tests compare against. Deep imports, CommonJS, untyped.
interface KafkaJsLong {
  toString(): string;
}
interface KafkaJsModules {
  Long: { fromValue(v: number | string): KafkaJsLong };
  RecordBatch(options: object): Promise<{ buffer: Buffer }>;
  Record(options: object): unknown;
  decodeRecordBatch(decoder: unknown): Promise<{
    records: {
      key: Buffer | null;
      value: Buffer | null;
      offset: string;
      timestamp: string;
      headers: Record<string, Buffer>;
    }[];
  }>;
  Decoder: new (buffer: Buffer) => unknown;
  crc32C(buffer: Buffer): number;
}

function loadKafkaJs(): KafkaJsModules | null {
  const require = createRequire(import.meta.url);
  try {
    return {
      Long: require('kafkajs/src/utils/long'),
      RecordBatch: require('kafkajs/src/protocol/recordBatch/v0/index.js').RecordBatch,
      Record: require('kafkajs/src/protocol/recordBatch/record/v0/index.js'),
      decodeRecordBatch: require('kafkajs/src/protocol/recordBatch/v0/decoder.js'),
      Decoder: require('kafkajs/src/protocol/decoder.js'),
      crc32C: require('kafkajs/src/protocol/recordBatch/crc32C/index.js'),
    };
  } catch {
    return null;
  }
}

const kafkajs = loadKafkaJs();
const skipKafkaJs = kafkajs === null ? 'kafkajs is not installed' : false;

/** KafkaJS's encoding of a client batch at baseOffset 0 (headers with non-null values only). */
async function kafkajsBatch(options: BuildRecordBatchOptions, compression = 0): Promise<Buffer> {
  const k = kafkajs!;
  const first = options.records[0]!.timestamp;
  const encoded = await k.RecordBatch({
    compression,
    firstOffset: k.Long.fromValue(0),
    firstTimestamp: first,
    maxTimestamp: Math.max(...options.records.map((r) => r.timestamp)),
    partitionLeaderEpoch: options.partitionLeaderEpoch ?? -1,
    lastOffsetDelta: options.records.length - 1,
    producerId: k.Long.fromValue(options.producerId ?? -1),
    producerEpoch: options.producerEpoch ?? -1,
    firstSequence: options.baseSequence ?? -1,
    records: options.records.map((r, i) =>
      k.Record({
        offsetDelta: i,
        timestampDelta: r.timestamp - first,
        key: r.key === undefined || r.key === null ? null : Buffer.from(r.key),
        value: r.value === undefined || r.value === null ? null : Buffer.from(r.value),
        headers: Object.fromEntries((r.headers ?? []).map((h) => [h.key, Buffer.from(h.value as string)])),
      }),
    ),
  });
  return encoded.buffer;
}

describe('buildRecordBatch: golden bytes', () => {
  it('writes exactly the golden batch', () => {
    assert.equal(buildRecordBatch(GOLDEN_INPUT).toString('hex'), GOLDEN_HEX);
  });

  it('reads the golden batch back', () => {
    const golden = Buffer.from(GOLDEN_HEX, 'hex');
    assert.equal(golden.length, 87);
    assert.equal(golden.readUInt32BE(17), crc32c(golden.subarray(21)));
    const summary = validateRecordBatches(golden, { checkRecords: true });
    assert.equal(summary.errorCode, 0, summary.errorMessage);
    assert.equal(summary.producerId, 4242);
    assert.equal(summary.lastSequence, 18);
    const [r0, r1] = readAllRecords(golden);
    assert.deepEqual(r0, {
      offset: 0,
      timestamp: 1_700_000_000_000,
      attributes: 0,
      key: Buffer.from('key'),
      value: Buffer.from('value'),
      headers: [{ key: 'h', value: Buffer.from('v') }],
    });
    assert.deepEqual(r1, {
      offset: 1,
      timestamp: 1_700_000_000_005,
      attributes: 0,
      key: null,
      value: Buffer.alloc(0),
      headers: [],
    });
  });

  it('came from KafkaJS, CRC included', { skip: skipKafkaJs }, async () => {
    const golden = Buffer.from(GOLDEN_HEX, 'hex');
    assert.equal((await kafkajsBatch(GOLDEN_INPUT)).toString('hex'), GOLDEN_HEX);
    assert.equal(kafkajs!.crc32C(golden.subarray(21)) >>> 0, 0x68815016);
  });
});

describe('buildRecordBatch: against KafkaJS', { skip: skipKafkaJs }, () => {
  const text = fc.string({ maxLength: 20 });
  const recordArbitrary = fc.record({
    key: fc.option(text, { nil: null }),
    value: fc.option(fc.oneof(text, fc.uint8Array({ maxLength: 40 })), { nil: null }),
    // KafkaJS takes headers as an object: unique, non-numeric keys keep their order.
    headers: fc.uniqueArray(fc.record({ key: text.map((s) => `h${s}`), value: text }), {
      selector: (h) => h.key,
      maxLength: 3,
    }),
    timestamp: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
  });
  const batchArbitrary = fc.record({
    records: fc.array(recordArbitrary, { minLength: 1, maxLength: 8 }),
    producerId: fc.integer({ min: -1, max: 2 ** 40 }),
    producerEpoch: fc.integer({ min: -1, max: 0x7fff }),
    baseSequence: fc.integer({ min: -1, max: 0x7fffffff }),
  });

  it('writes the same bytes as KafkaJS for random batches (seeded)', async () => {
    await fc.assert(
      fc.asyncProperty(batchArbitrary, async (options) => {
        const records = options.records as RecordInput[];
        const ours = buildRecordBatch({ ...options, records });
        const theirs = await kafkajsBatch({ ...options, records });
        assert.equal(ours.toString('hex'), theirs.toString('hex'));
      }),
      { seed: 2024, numRuns: 300 },
    );
  });

  it('reads what KafkaJS writes, gzip included', async () => {
    const k = kafkajs!;
    for (const compression of [Compression.NONE, Compression.GZIP]) {
      const theirs = await kafkajsBatch(GOLDEN_INPUT, compression);
      assert.equal(validateRecordBatches(theirs, { checkRecords: true }).errorCode, 0);
      const records = readAllRecords(theirs);
      assert.deepEqual(
        records.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString()]),
        [
          [0, 1_700_000_000_000, 'key', 'value'],
          [1, 1_700_000_000_005, null, ''],
        ],
      );
      assert.ok(k);
    }
  });

  it('writes what KafkaJS reads, gzip included', async () => {
    const k = kafkajs!;
    for (const compression of [Compression.NONE, Compression.GZIP] as CompressionType[]) {
      const ours = buildRecordBatch({ ...GOLDEN_INPUT, baseOffset: 500, compression });
      const decoded = await k.decodeRecordBatch(new k.Decoder(ours));
      assert.deepEqual(
        decoded.records.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString()]),
        [
          ['500', '1700000000000', 'key', 'value'],
          ['501', '1700000000005', null, ''],
        ],
      );
      assert.deepEqual(decoded.records[0]!.headers, { h: Buffer.from('v') });
    }
  });
});

describe('buildRecordBatch: fields', () => {
  it('sets the header from the options and the records', () => {
    const batch = buildRecordBatch({
      baseOffset: 77,
      partitionLeaderEpoch: 4,
      producerId: 1,
      producerEpoch: 2,
      baseSequence: 3,
      transactional: true,
      records: [
        { value: 'a', timestamp: 50 },
        { value: 'b', timestamp: 40, offsetDelta: 5 },
        { value: 'c', timestamp: 60 },
      ],
    });
    const view = new RecordBatchView(batch);
    assert.equal(view.baseOffset, 77);
    assert.equal(view.partitionLeaderEpoch, 4);
    assert.equal(view.sizeInBytes, batch.length);
    assert.equal(view.lastOffsetDelta, 6);
    assert.equal(view.recordCount, 3);
    assert.equal(view.baseTimestamp, 50, 'the first record, not the smallest');
    assert.equal(view.maxTimestamp, 60);
    assert.equal(view.isTransactional, true);
    assert.equal(view.isControl, false);
    assert.equal(view.isCrcValid(), true);
    assert.deepEqual(
      readAllRecords(batch).map((r) => [r.offset, r.timestamp]),
      [
        [77, 50],
        [82, 40],
        [83, 60],
      ],
    );
  });

  it('writes NO_TIMESTAMP (-1) as the max when no record has a timestamp', () => {
    const batch = buildRecordBatch({ records: [{ value: 'a', timestamp: -1 }] });
    assert.equal(new RecordBatchView(batch).maxTimestamp, -1);
  });

  it('writes LogAppendTime as Kafka does: every record at the append time', () => {
    const batch = buildRecordBatch({
      timestampType: TimestampType.LOG_APPEND_TIME,
      logAppendTime: 1_234,
      records: [
        { value: 'a', timestamp: 1 },
        { value: 'b', timestamp: 99 },
      ],
    });
    const view = new RecordBatchView(batch);
    assert.equal(view.timestampType, TimestampType.LOG_APPEND_TIME);
    assert.equal(view.baseTimestamp, 1_234);
    assert.equal(view.maxTimestamp, 1_234);
    assert.deepEqual(
      readAllRecords(batch).map((r) => r.timestamp),
      [1_234, 1_234],
    );
  });

  it('keeps a lastOffsetDelta beyond the last record (a batch the log cleaner shrank)', () => {
    const batch = buildRecordBatch({
      baseOffset: 10,
      producerId: 5,
      producerEpoch: 0,
      baseSequence: 100,
      lastOffsetDelta: 7,
      records: [{ value: 'a', timestamp: 1, offsetDelta: 2 }],
    });
    const view = new RecordBatchView(batch);
    assert.equal(view.lastOffsetDelta, 7);
    assert.equal(view.lastSequence, 107);
    assert.equal(view.recordCount, 1);
    assert.equal(view.isCrcValid(), true);
    assert.deepEqual(
      readAllRecords(batch).map((r) => r.offset),
      [12],
    );
    assert.equal(validateRecordBatches(batch, { fromClient: false }).errorCode, 0);
    assert.throws(
      () => buildRecordBatch({ lastOffsetDelta: 1, records: [{ timestamp: 1, offsetDelta: 2 }] }),
      RangeError,
    );
  });

  it('writes a KIP-534 delete horizon as baseTimestamp, records still reading their own times', () => {
    for (const compression of [Compression.NONE, Compression.ZSTD]) {
      const batch = buildRecordBatch({
        deleteHorizonMs: 90_000,
        compression,
        records: [
          { key: 'k', value: null, timestamp: 1_000 },
          { key: 'j', value: 'v', timestamp: -1 },
        ],
      });
      const view = new RecordBatchView(batch);
      assert.equal(view.hasDeleteHorizon, true);
      assert.equal(view.baseTimestamp, 90_000);
      assert.equal(view.maxTimestamp, 1_000);
      assert.equal(view.isCrcValid(), true);
      assert.deepEqual(
        readAllRecords(batch).map((r) => r.timestamp),
        [1_000, -1],
      );
    }
    const plain = new RecordBatchView(buildRecordBatch({ records: [{ timestamp: 5 }] }));
    assert.equal(plain.hasDeleteHorizon, false);
    assert.throws(() => buildRecordBatch({ deleteHorizonMs: -2, records: [{ timestamp: 1 }] }), RangeError);
  });

  it('compresses the records section only', () => {
    for (const compression of [Compression.GZIP, Compression.SNAPPY, Compression.LZ4, Compression.ZSTD]) {
      const records: RecordInput[] = [];
      for (let i = 0; i < 500; i++)
        records.push({ key: `key-${i % 10}`, value: 'the same value'.repeat(5), timestamp: i });
      const plain = buildRecordBatch({ records });
      const batch = buildRecordBatch({ records, compression });
      const view = new RecordBatchView(batch);
      assert.equal(view.compression, compression);
      assert.ok(batch.length < plain.length / 4, `codec ${compression} compresses`);
      assert.deepEqual(batch.subarray(23, 61), plain.subarray(23, 61), 'same header but attributes and CRC');
      assert.equal(view.isCrcValid(), true);
    }
  });

  it('handles multi-byte lengths and large records', () => {
    const big = Buffer.alloc(300_000, 7);
    const batch = buildRecordBatch({
      records: [{ key: 'x'.repeat(200), value: big, timestamp: 1, headers: [{ key: 'y'.repeat(130), value: big }] }],
    });
    const [record] = readAllRecords(batch);
    assert.equal(record!.key!.length, 200);
    assert.deepEqual(record!.value, big);
    assert.equal(record!.headers[0]!.key.length, 130);
  });
});

describe('buildRecordBatch: bad arguments are programming errors', () => {
  const one: RecordInput[] = [{ value: 'a', timestamp: 1 }];
  const cases: [string, () => unknown, new (...args: never[]) => Error][] = [
    ['no records', () => buildRecordBatch({ records: [] }), RangeError],
    ['negative baseOffset', () => buildRecordBatch({ records: one, baseOffset: -1 }), RangeError],
    ['unsafe baseOffset', () => buildRecordBatch({ records: one, baseOffset: 2 ** 53 }), RangeError],
    ['partitionLeaderEpoch -2', () => buildRecordBatch({ records: one, partitionLeaderEpoch: -2 }), RangeError],
    ['codec 5', () => buildRecordBatch({ records: one, compression: 5 as CompressionType }), RangeError],
    ['producerId -2', () => buildRecordBatch({ records: one, producerId: -2 }), RangeError],
    ['producerEpoch 2^15', () => buildRecordBatch({ records: one, producerEpoch: 0x8000 }), RangeError],
    ['baseSequence -2', () => buildRecordBatch({ records: one, baseSequence: -2 }), RangeError],
    ['timestamp -2', () => buildRecordBatch({ records: [{ timestamp: -2 }] }), RangeError],
    ['timestamp 1.5', () => buildRecordBatch({ records: [{ timestamp: 1 }, { timestamp: 1.5 }] }), RangeError],
    [
      'timestamp delta beyond 2^53',
      () => buildRecordBatch({ records: [{ timestamp: -1 }, { timestamp: Number.MAX_SAFE_INTEGER }] }),
      RangeError,
    ],
    [
      'offsetDelta not increasing',
      () =>
        buildRecordBatch({
          records: [
            { timestamp: 1, offsetDelta: 3 },
            { timestamp: 1, offsetDelta: 3 },
          ],
        }),
      RangeError,
    ],
    ['negative offsetDelta', () => buildRecordBatch({ records: [{ timestamp: 1, offsetDelta: -1 }] }), RangeError],
    [
      'offsetDelta beyond int32',
      () => buildRecordBatch({ records: [{ timestamp: 1, offsetDelta: 2 ** 31 }] }),
      RangeError,
    ],
    [
      'a record over 2 GiB',
      // Only the length is read while sizing: a stand-in avoids allocating 2 GiB.
      () => buildRecordBatch({ records: [{ timestamp: 1, value: { length: 2 ** 31 } as Uint8Array }] }),
      RangeError,
    ],
    [
      'a batch over 2 GiB',
      () =>
        buildRecordBatch({
          records: [
            { timestamp: 1, value: { length: 2 ** 30 } as Uint8Array },
            { timestamp: 1, value: { length: 2 ** 30 } as Uint8Array },
          ],
        }),
      RangeError,
    ],
    [
      'LogAppendTime without a time',
      () => buildRecordBatch({ records: one, timestampType: TimestampType.LOG_APPEND_TIME }),
      TypeError,
    ],
    [
      'header without a string key',
      () =>
        buildRecordBatch({
          records: [{ timestamp: 1, headers: [{ key: null as unknown as string, value: 'x' }] }],
        }),
      TypeError,
    ],
  ];
  for (const [name, fn, type] of cases) {
    it(name, () => {
      assert.throws(fn, type);
    });
  }
});
