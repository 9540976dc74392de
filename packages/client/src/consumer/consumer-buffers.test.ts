/**
 * Reuse of the buffers large Fetch responses are read into (records.ts, FrameLease):
 * never while a view of one may still be in the application's hands.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uniqueTopic } from '@gregor/broker/e2e/support';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import { sharedFramePool } from '../network/frame-reader.js';
import { deserializers } from '../types.js';
import { Consumer } from './consumer.js';
import { TestData } from './fixtures.js';

const BATCHES = 8;
const PER_BATCH = 1000;
const TOTAL = BATCHES * PER_BATCH;
/** 500-byte values that name their record: 4 MB in all. */
const recordValue = (n: number): string => `record-${n}-`.padEnd(500, String.fromCharCode(97 + (n % 26)));

describe('Consumer: reused response buffers', { timeout: 60_000 }, () => {
  let tb: TestBroker;
  let data: TestData;
  let topic: string;
  const open: Consumer<unknown, unknown>[] = [];

  before(async () => {
    tb = await startTestBroker();
    data = new TestData(tb.bootstrap);
    topic = uniqueTopic('buffers');
    await data.createTopic(topic, 1);
    for (let b = 0; b < BATCHES; b++) {
      await data.produce(
        topic,
        0,
        Array.from({ length: PER_BATCH }, (_, j) => ({
          key: j % 2 === 0 ? Buffer.from(`k${j}`) : null,
          value: Buffer.from(recordValue(b * PER_BATCH + j)),
          timestamp: 1,
        })),
      );
    }
  });

  after(async () => {
    for (const c of open) await c.close().catch(() => undefined);
    await data?.close();
    await tb?.stop();
  });

  function consumer<K, V>(extra: Partial<ConstructorParameters<typeof Consumer<K, V>>[0]>): Consumer<K, V> {
    const c = new Consumer<K, V>({
      bootstrapServers: tb.bootstrap,
      fetchMaxWaitMs: 50,
      autoOffsetReset: 'earliest',
      maxPollRecords: 700,
      // One batch (about 510 KB) per response, and little prefetched: responses keep
      // arriving while polls return, into buffers given back before.
      fetchMaxBytes: 600_000,
      maxPartitionFetchBytes: 600_000,
      ...extra,
    });
    c.assign([{ topic, partition: 0 }]);
    open.push(c as Consumer<unknown, unknown>);
    return c;
  }

  /**
   * Polls until every record was returned, checking each poll's records with `check` just
   * before the next poll, after a pause in which prefetched responses arrive.
   */
  async function consumeAll<K, V>(c: Consumer<K, V>, check: (value: V, offset: number) => void): Promise<void> {
    let next = 0;
    while (next < TOTAL) {
      const records = await c.poll({ timeoutMs: 1_000 });
      await new Promise((resolve) => setTimeout(resolve, 5));
      for (const r of records) {
        assert.equal(r.offset, next++);
        check(r.value, r.offset);
      }
    }
  }

  test('with a copying deserializer (string), buffers go back to the pool and every value is right', async () => {
    const keptBefore = sharedFramePool.buffersKept;
    const values: string[] = [];
    await consumeAll(
      consumer<string | null, string | null>({
        keyDeserializer: deserializers.string,
        valueDeserializer: deserializers.string,
      }),
      (v) => values.push(v as string),
    );
    assert.ok(sharedFramePool.buffersKept > keptBefore, 'response buffers were given back');
    values.forEach((v, n) => {
      assert.equal(v, recordValue(n));
    });
  });

  test('raw bytes (the default) are never overwritten: their buffers are not reused', async () => {
    const keptBefore = sharedFramePool.buffersKept;
    const values: Buffer[] = [];
    await consumeAll(consumer<Buffer | null, Buffer | null>({}), (v) => values.push(v as Buffer));
    // A second consumer reads the same data meanwhile: fresh buffers, none of the first's.
    await consumeAll(consumer<Buffer | null, Buffer | null>({}), () => {});
    assert.equal(sharedFramePool.buffersKept, keptBefore, 'no buffer a view may live in was given back');
    values.forEach((v, n) => {
      assert.equal(v.toString(), recordValue(n));
    });
  });

  test('reuseFetchBuffers: raw bytes are valid until the next poll, and buffers are reused', async () => {
    const keptBefore = sharedFramePool.buffersKept;
    await consumeAll(consumer<Buffer | null, Buffer | null>({ reuseFetchBuffers: true }), (v, offset) =>
      assert.equal((v as Buffer).toString(), recordValue(offset)),
    );
    assert.ok(sharedFramePool.buffersKept > keptBefore, 'response buffers were given back');
  });

  test('reuseFetchBuffers must be a boolean', () => {
    assert.throws(() => consumer({ reuseFetchBuffers: 'yes' as unknown as boolean }), /reuseFetchBuffers/);
  });
});
