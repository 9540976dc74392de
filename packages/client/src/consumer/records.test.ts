/**
 * CompletedFetch on hand-built fetched bytes: records below the position skipped,
 * control batches skipped, read_committed's aborted-transaction filter (interleaved
 * producers, a producer with an aborted then a committed transaction), the last stable
 * offset, partial trailing batches, partial drains, and corrupt bytes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildControlBatch, buildRecordBatch, ControlRecordType } from '@gregor/protocol';
import { KafkaError } from '../errors.js';
import {
  type AbortedRange,
  CompletedFetch,
  type ConsumerRecord,
  nextFetchOffset,
  type PositionHolder,
} from './records.js';

function holder(position: number): PositionHolder {
  return { topic: 't', partition: 0, position, epoch: 0, lastLeaderEpoch: -1, paused: false };
}

/** A data batch of `values` at `baseOffset`, optionally transactional for `producerId`. */
function data(baseOffset: number, values: string[], producerId = -1): Buffer {
  return buildRecordBatch({
    baseOffset,
    records: values.map((value) => ({ value, timestamp: 1000 + baseOffset })),
    ...(producerId >= 0 ? { producerId, producerEpoch: 0, baseSequence: 0, transactional: true } : {}),
  });
}

function marker(baseOffset: number, producerId: number, type: 0 | 1): Buffer {
  return buildControlBatch({
    baseOffset,
    producerId,
    producerEpoch: 0,
    type: type === 0 ? ControlRecordType.ABORT : ControlRecordType.COMMIT,
    coordinatorEpoch: 0,
    timestamp: 5,
  });
}

function drainAll(f: CompletedFetch, step = 1000): ConsumerRecord<Buffer | null, Buffer | null>[] {
  const out: ConsumerRecord<Buffer | null, Buffer | null>[] = [];
  while (!f.done) f.drain(out, step, null, null);
  return out;
}

const values = (list: ConsumerRecord<Buffer | null, Buffer | null>[]): string[] =>
  list.map((r) => r.value?.toString() ?? 'null');

describe('CompletedFetch', () => {
  test('skips records below the position (a batch starting before it) and advances the position', () => {
    const bytes = Buffer.concat([data(0, ['a', 'b', 'c']), data(3, ['d', 'e'])]);
    const state = holder(1);
    const f = new CompletedFetch(state, bytes, 5, 5, null, false, true);
    const got = drainAll(f, 2);
    assert.deepEqual(values(got), ['b', 'c', 'd', 'e']);
    assert.deepEqual(
      got.map((r) => r.offset),
      [1, 2, 3, 4],
    );
    assert.equal(state.position, 5);
    assert.equal(nextFetchOffset(bytes), 5);
  });

  test('a partial trailing batch is left for the next fetch', () => {
    const full = data(0, ['a']);
    const next = data(1, ['b', 'c']);
    const bytes = Buffer.concat([full, next.subarray(0, next.length - 3)]);
    const state = holder(0);
    assert.deepEqual(values(drainAll(new CompletedFetch(state, bytes, 3, 3, null, false, true))), ['a']);
    assert.equal(state.position, 1);
    assert.equal(nextFetchOffset(bytes), 1);
  });

  test('read_uncommitted: control batches skipped, aborted data returned', () => {
    const bytes = Buffer.concat([data(0, ['x1', 'x2'], 7), marker(2, 7, 0), data(3, ['plain'])]);
    const state = holder(0);
    assert.deepEqual(
      values(drainAll(new CompletedFetch(state, bytes, 4, 4, [{ producerId: 7, firstOffset: 0 }], false, true))),
      ['x1', 'x2', 'plain'],
    );
    assert.equal(state.position, 4);
  });

  test('read_committed: aborted transactions dropped per producer until their ABORT marker', () => {
    // offsets: 0-1 p7 (aborted) · 2-3 p8 (committed) · 4 p7 ABORT · 5 p7 (committed later) · 6 p8 COMMIT · 7 p7 COMMIT · 8 plain
    const bytes = Buffer.concat([
      data(0, ['p7-a', 'p7-b'], 7),
      data(2, ['p8-a', 'p8-b'], 8),
      marker(4, 7, 0),
      data(5, ['p7-c'], 7),
      marker(6, 8, 1),
      marker(7, 7, 1),
      data(8, ['plain']),
    ]);
    const aborted: AbortedRange[] = [{ producerId: 7, firstOffset: 0 }];
    const state = holder(0);
    const got = drainAll(new CompletedFetch(state, bytes, 9, 9, aborted, true, true), 1);
    assert.deepEqual(values(got), ['p8-a', 'p8-b', 'p7-c', 'plain']);
    assert.equal(state.position, 9);
  });

  test('read_committed: a producer with several aborted transactions, a committed one between', () => {
    // 0-1 p7 aborted · 2 ABORT · 3 p7 committed · 4 COMMIT · 5-6 p7 aborted · 7 ABORT · 8 p7 committed · 9 COMMIT
    const bytes = Buffer.concat([
      data(0, ['a1', 'a2'], 7),
      marker(2, 7, 0),
      data(3, ['c1'], 7),
      marker(4, 7, 1),
      data(5, ['a3', 'a4'], 7),
      marker(7, 7, 0),
      data(8, ['c2'], 7),
      marker(9, 7, 1),
    ]);
    const aborted: AbortedRange[] = [
      { producerId: 7, firstOffset: 5 },
      { producerId: 7, firstOffset: 0 },
    ];
    const state = holder(0);
    assert.deepEqual(values(drainAll(new CompletedFetch(state, bytes, 10, 10, aborted, true, true), 1)), ['c1', 'c2']);
    assert.equal(state.position, 10);
    // From the middle of the first aborted batch: still aborted.
    const mid = holder(1);
    assert.deepEqual(values(drainAll(new CompletedFetch(mid, bytes, 10, 10, aborted, true, true))), ['c1', 'c2']);
  });

  test('read_committed: nothing at or beyond the last stable offset', () => {
    const bytes = Buffer.concat([data(0, ['a', 'b']), data(2, ['c', 'd'], 9)]);
    const state = holder(0);
    assert.deepEqual(values(drainAll(new CompletedFetch(state, bytes, 4, 3, null, true, true))), ['a', 'b', 'c']);
    assert.equal(state.position, 3);
  });

  test('a CRC mismatch or a broken record is a CORRUPT_MESSAGE KafkaError; the position stays before it', () => {
    const good = data(0, ['ok']);
    const bad = data(1, ['broken']);
    bad.writeUInt8(bad.readUInt8(bad.length - 2) ^ 0xff, bad.length - 2);
    const state = holder(0);
    const f = new CompletedFetch(state, Buffer.concat([good, bad]), 2, 2, null, false, true);
    const out: ConsumerRecord<Buffer | null, Buffer | null>[] = [];
    assert.throws(
      () => f.drain(out, 10, null, null),
      (e: unknown) => e instanceof KafkaError && e.type === 'CORRUPT_MESSAGE' && e.partition === 0,
    );
    assert.deepEqual(values(out), ['ok']);
    assert.equal(state.position, 1);
    assert.ok(f.done);
    // Without CRC checks, a record whose length overruns its batch is still caught.
    const lying = data(0, ['abc']);
    lying[61] = 0x7e; // the record's length varint: far beyond the batch
    const g = new CompletedFetch(holder(0), lying, 1, 1, null, false, false);
    assert.throws(
      () => g.drain([], 10, null, null),
      (e: unknown) => e instanceof KafkaError && e.type === 'CORRUPT_MESSAGE',
    );
  });

  test('deserializers get the bytes and the topic; LogAppendTime batches report it', () => {
    const bytes = buildRecordBatch({
      baseOffset: 0,
      records: [{ key: 'k', value: '{"n":1}', timestamp: 1 }],
      timestampType: 1,
      logAppendTime: 4242,
    });
    const f = new CompletedFetch(holder(0), bytes, 1, 1, null, false, true);
    const out: ConsumerRecord<string, unknown>[] = [];
    f.drain(
      out,
      10,
      (b, topic) => `${topic}/${b?.toString()}`,
      (b) => JSON.parse(b?.toString() ?? 'null'),
    );
    assert.deepEqual(
      out.map((r) => [r.key, r.value, r.timestamp, r.timestampType]),
      [['t/k', { n: 1 }, 4242, 'LogAppendTime']],
    );
  });
});
