import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { type Fixture, produce, rejectsWithItems, startFixture, unique } from './fixtures.js';

describe('Admin offsets and records', { timeout: 60_000 }, () => {
  let f: Fixture;
  before(async () => {
    f = await startFixture();
  });
  after(async () => {
    await f?.stop();
  });

  it('lists earliest, latest, max-timestamp and by-timestamp offsets', async () => {
    const topic = unique('offsets');
    await f.admin.createTopics([{ name: topic, numPartitions: 2 }]);
    const base = Date.now() - 60_000;
    // Timestamps 0, 10, 20, ... 90 ms after base; the largest is at offset 6.
    const timestamps = [0, 10, 20, 30, 40, 50, 95, 70, 80, 90].map((d) => base + d);
    // Three batches, the largest timestamp alone in the second: the answer is the same
    // whether the broker finds it by record or by batch.
    const values = timestamps.map((_, i) => `v${i}`);
    await produce(f.kafka, topic, 0, values.slice(0, 6), timestamps.slice(0, 6));
    await produce(f.kafka, topic, 0, values.slice(6, 7), timestamps.slice(6, 7));
    await produce(f.kafka, topic, 0, values.slice(7), timestamps.slice(7));
    const result = await f.admin.listOffsets([
      { topic, partition: 0, spec: 'earliest' },
      { topic, partition: 0 + 1, spec: 'latest' },
    ]);
    assert.deepEqual(
      result.map((r) => [r.topic, r.partition, r.offset]),
      [
        [topic, 0, 0],
        [topic, 1, 0],
      ],
    );
    const [latest] = await f.admin.listOffsets([{ topic, partition: 0, spec: 'latest' }]);
    assert.equal(latest?.offset, 10);
    assert.ok((latest?.leaderEpoch ?? -1) >= 0);
    const [max] = await f.admin.listOffsets([{ topic, partition: 0, spec: 'max-timestamp' }]);
    assert.equal(max?.offset, 6);
    assert.equal(max?.timestamp, base + 95);
    const [at] = await f.admin.listOffsets([{ topic, partition: 0, spec: { timestamp: base + 25 } }]);
    assert.equal(at?.offset, 3);
    assert.equal(at?.timestamp, base + 30);
    const [exact] = await f.admin.listOffsets([{ topic, partition: 0, spec: { timestamp: base + 40 } }]);
    assert.equal(exact?.offset, 4);
    const [none] = await f.admin.listOffsets([{ topic, partition: 0, spec: { timestamp: base + 10_000 } }]);
    assert.equal(none?.offset, -1);
    const [committed] = await f.admin.listOffsets([{ topic, partition: 0, spec: 'latest' }], {
      isolationLevel: 'read_committed',
    });
    assert.equal(committed?.offset, 10);
  });

  it('reports unknown topics and partitions per partition, at once', async () => {
    const topic = unique('offsets-known');
    const missing = unique('offsets-missing');
    await f.admin.createTopics([{ name: topic, numPartitions: 1 }]);
    const error = await rejectsWithItems(
      f.admin.listOffsets(
        [
          { topic, partition: 0, spec: 'latest' },
          { topic, partition: 5, spec: 'latest' },
          { topic: missing, partition: 0, spec: 'latest' },
        ],
        { timeoutMs: 60_000 },
      ),
      [
        { type: 'UNKNOWN_TOPIC_OR_PARTITION', topic, partition: 5 },
        { type: 'UNKNOWN_TOPIC_OR_PARTITION', topic: missing, partition: 0 },
      ],
    );
    assert.deepEqual(
      error.results.map((r) => {
        const { topic, partition, offset } = r as { topic: string; partition: number; offset: number };
        return { topic, partition, offset };
      }),
      [{ topic, partition: 0, offset: 0 }],
    );
  });

  it('sees partitions added after its metadata was cached', async () => {
    const topic = unique('offsets-grow');
    await f.admin.createTopics([{ name: topic, numPartitions: 1 }]);
    await f.admin.listOffsets([{ topic, partition: 0, spec: 'latest' }]);
    await f.admin.createPartitions([{ name: topic, count: 3 }]);
    const [r] = await f.admin.listOffsets([{ topic, partition: 2, spec: 'latest' }]);
    assert.equal(r?.offset, 0);
  });

  it('refuses bad queries', async () => {
    await assert.rejects(
      f.admin.listOffsets([
        { topic: 't', partition: 0, spec: 'latest' },
        { topic: 't', partition: 0, spec: 'earliest' },
      ]),
      ConfigError,
    );
    await assert.rejects(f.admin.listOffsets([{ topic: 't', partition: -1, spec: 'latest' }]), ConfigError);
    await assert.rejects(
      f.admin.listOffsets([{ topic: 't', partition: 0, spec: 'soon' as unknown as 'latest' }]),
      ConfigError,
    );
    await assert.rejects(f.admin.deleteRecords([{ topic: 't', partition: 0, offset: -2 }]), ConfigError);
  });

  it('deletes records: the low watermark moves and listOffsets earliest shows it', async () => {
    const topic = unique('delete-records');
    await f.admin.createTopics([{ name: topic, numPartitions: 2 }]);
    await produce(f.kafka, topic, 0, ['a', 'b', 'c', 'd', 'e']);
    await produce(f.kafka, topic, 1, ['a', 'b', 'c']);
    const deleted = await f.admin.deleteRecords([
      { topic, partition: 0, offset: 3 },
      { topic, partition: 1, offset: -1 },
    ]);
    assert.deepEqual(deleted, [
      { topic, partition: 0, lowWatermark: 3 },
      { topic, partition: 1, lowWatermark: 3 },
    ]);
    const earliest = await f.admin.listOffsets([
      { topic, partition: 0, spec: 'earliest' },
      { topic, partition: 1, spec: 'earliest' },
    ]);
    assert.deepEqual(
      earliest.map((e) => e.offset),
      [3, 3],
    );
    await rejectsWithItems(f.admin.deleteRecords([{ topic, partition: 0, offset: 99 }]), [
      { type: 'OFFSET_OUT_OF_RANGE', topic, partition: 0 },
    ]);
  });
});
