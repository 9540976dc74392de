import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRecordBatch, Compression, type CompressionType, RecordBatchView, readAllRecords } from '@gregor/protocol';
import { ProducerBatch, RECORD_BATCH_OVERHEAD, recordSize } from './producer-batch.js';
import type { RecordMetadata, Sink } from './sink.js';

class CollectSink implements Sink {
  readonly doneList: Array<[number, RecordMetadata]> = [];
  readonly errors: Error[] = [];
  done(index: number, metadata: RecordMetadata): void {
    this.doneList.push([index, metadata]);
  }
  fail(error: Error): void {
    this.errors.push(error);
  }
}

const records = [
  {
    key: Buffer.from('k1'),
    value: Buffer.from('v1'),
    headers: [{ key: 'h', value: Buffer.from('x') }],
    timestamp: 1000,
  },
  { key: null, value: Buffer.alloc(100, 7), headers: [], timestamp: 1005 },
  {
    key: Buffer.from('k3'),
    value: null,
    headers: [
      { key: 'n', value: null },
      { key: 's', value: 'text' },
    ],
    timestamp: 999,
  },
  { key: 'string-key', value: 'é string value', headers: [], timestamp: 2 ** 40 },
];

function fill(batch: ProducerBatch, sink: Sink): void {
  records.forEach((r, i) => {
    assert.ok(batch.tryAppend(r.timestamp, r.key, r.value, r.headers, sink, i, 1 << 20));
  });
}

describe('ProducerBatch', () => {
  for (const [name, codec] of Object.entries(Compression) as Array<[string, CompressionType]>) {
    test(`encodes the same bytes as buildRecordBatch (${name})`, () => {
      const batch = new ProducerBatch('t', 0, Buffer.alloc(4096), 4096, 0);
      fill(batch, new CollectSink());
      batch.producerId = 42;
      batch.producerEpoch = 3;
      batch.baseSequence = 17;
      const ours = batch.close(codec);
      batch.stamp();
      const expected = buildRecordBatch({
        records: records.map((r) => ({ ...r, headers: r.headers })),
        compression: codec,
        producerId: 42,
        producerEpoch: 3,
        baseSequence: 17,
      });
      if (codec === Compression.NONE || codec === Compression.SNAPPY || codec === Compression.LZ4) {
        assert.deepEqual(ours, expected);
      }
      const view = new RecordBatchView(ours, 0);
      assert.equal(view.sizeInBytes, ours.length);
      const decoded = readAllRecords(ours, 0);
      assert.equal(decoded.length, records.length);
      assert.deepEqual(
        decoded.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString('hex') ?? null]),
        records.map((r, i) => [
          i,
          r.timestamp,
          r.key === null ? null : r.key.toString(),
          r.value === null ? null : Buffer.from(r.value).toString('hex'),
        ]),
      );
      assert.deepEqual(
        decoded[2]?.headers.map((h) => [h.key, h.value?.toString() ?? null]),
        [
          ['n', null],
          ['s', 'text'],
        ],
      );
    });
  }

  test('restamping producer fields keeps the batch valid (new CRC)', () => {
    const batch = new ProducerBatch('t', 0, Buffer.alloc(4096), 4096, 0);
    fill(batch, new CollectSink());
    batch.close(Compression.NONE);
    batch.stamp();
    batch.baseSequence = 5;
    batch.producerId = 2 ** 40;
    batch.producerEpoch = 1;
    batch.stamp();
    const view = new RecordBatchView(batch.bytes as Buffer, 0);
    assert.equal(view.baseSequence, 5);
    assert.equal(view.producerId, 2 ** 40);
    assert.equal(readAllRecords(batch.bytes as Buffer, 0).length, 4);
  });

  test('refuses a record that does not fit, becomes full at readyBytes, grows on demand', () => {
    const size = recordSize(null, Buffer.alloc(50), null, 0, 0);
    const capacity = RECORD_BATCH_OVERHEAD + size * 3;
    const batch = new ProducerBatch('t', 0, Buffer.alloc(capacity), capacity, 0);
    const sink = new CollectSink();
    assert.ok(batch.tryAppend(0, null, Buffer.alloc(50), null, sink, 0, RECORD_BATCH_OVERHEAD + size * 2));
    assert.equal(batch.full, false);
    assert.ok(batch.tryAppend(0, null, Buffer.alloc(50), null, sink, 1, RECORD_BATCH_OVERHEAD + size * 2));
    assert.equal(batch.full, true);
    assert.ok(batch.tryAppend(0, null, Buffer.alloc(50), null, sink, 2, RECORD_BATCH_OVERHEAD + size * 2));
    assert.equal(batch.tryAppend(0, null, Buffer.alloc(50), null, sink, 3, RECORD_BATCH_OVERHEAD + size * 2), false);
    batch.grow(capacity * 2);
    assert.ok(batch.tryAppend(0, null, Buffer.alloc(50), null, sink, 3, RECORD_BATCH_OVERHEAD + size * 2));
    const closed = batch.close(Compression.NONE);
    batch.stamp();
    assert.equal(readAllRecords(closed, 0).length, 4);
    assert.equal(batch.tryAppend(0, null, Buffer.alloc(1), null, sink, 4, 1 << 20), false, 'closed');
  });

  test('succeed resolves offsets and timestamps; fail rejects once', () => {
    const batch = new ProducerBatch('t', 3, Buffer.alloc(4096), 4096, 0);
    const sink = new CollectSink();
    fill(batch, sink);
    batch.succeed(100, -1);
    assert.deepEqual(
      sink.doneList.map(([i, m]) => [i, m.partition, m.offset, m.timestamp]),
      records.map((r, i) => [i, 3, 100 + i, r.timestamp]),
    );
    batch.fail(new Error('late'));
    assert.equal(sink.errors.length, 0);
    const appendTime = new ProducerBatch('t', 0, Buffer.alloc(4096), 4096, 0);
    const sink2 = new CollectSink();
    fill(appendTime, sink2);
    appendTime.succeed(0, 123456);
    assert.ok(sink2.doneList.every(([, m]) => m.timestamp === 123456));
  });
});
