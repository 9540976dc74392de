/**
 * The accumulator's memory accounting and expandable batches in isolation, then
 * batch.size, linger.ms and flush() as the broker sees them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FETCH_VERSION, fetchOnce, fetchRequest, RawClient } from '@gregor/broker/e2e/raw-client';
import { uniqueTopic } from '@gregor/broker/e2e/support';
import type { TestBroker } from '@gregor/broker/testing';
import { startTestBroker } from '@gregor/broker/testing';
import { ApiKey, type FetchResponse, RecordBatchView } from '@gregor/protocol';
import { RecordAccumulator } from './accumulator.js';
import { Producer } from './producer.js';
import { RECORD_BATCH_OVERHEAD } from './producer-batch.js';
import type { RecordMetadata, Sink } from './sink.js';

const sink: Sink = { done() {}, fail() {} };

describe('RecordAccumulator', () => {
  test('charges whole buffers, returns them on release, reuses batch.size buffers', () => {
    const acc = new RecordAccumulator(1024, 4096, 1 << 20);
    let freed = 0;
    acc.onMemoryFreed = () => freed++;
    const q = acc.queue('t', 0);
    assert.equal(acc.queue('t', 0), q);
    assert.equal(acc.existingQueue('t', 1), undefined);
    const a = acc.newBatch(q, acc.capacityFor(10), 0);
    assert.equal(acc.usedBytes, 1024);
    const big = acc.newBatch(q, acc.capacityFor(2000), 0);
    assert.equal(big.buffer.length, RECORD_BATCH_OVERHEAD + 2000);
    assert.equal(acc.usedBytes, 1024 + 2061);
    assert.equal(acc.hasMemory(1024), false);
    acc.release(a);
    acc.release(a);
    assert.equal(freed, 1);
    assert.equal(acc.usedBytes, 2061);
    const c = acc.newBatch(q, 1024, 0);
    assert.equal(c.buffer, a.buffer, 'the freed buffer is reused');
    acc.release(big);
    acc.release(c);
    assert.equal(acc.usedBytes, 0);
    assert.equal(acc.incomplete.size, 0);
  });

  test('grows only the tail of a busy partition, within batchMaxBytes and buffer.memory', () => {
    const acc = new RecordAccumulator(1000, 20_000, 1 << 20);
    assert.equal(acc.batchMaxBytes, 5000, 'a quarter of buffer.memory');
    const q = acc.queue('t', 0);
    const only = acc.newBatch(q, 1000, 0);
    assert.ok(only.tryAppend(0, null, Buffer.alloc(800), null, sink, 0, 1000));
    assert.equal(acc.tryGrow(q, only, 900), false, 'partition idle: no growth');
    const tail = acc.newBatch(q, 1000, 0);
    assert.ok(tail.tryAppend(0, null, Buffer.alloc(800), null, sink, 0, 1000));
    assert.ok(acc.tryGrow(q, tail, 900), 'a batch is queued ahead: grow');
    assert.equal(tail.buffer.length, 5000, 'straight to batchMaxBytes: one copy');
    assert.equal(acc.usedBytes, 6000);
    assert.ok(tail.tryAppend(0, null, Buffer.alloc(800), null, sink, 1, 1000));
    assert.equal(acc.tryGrow(q, tail, 4000), false, 'past batchMaxBytes');
    acc.release(tail);
    acc.release(only);
    assert.equal(acc.usedBytes, 0);
  });

  test('reuses the buffers of grown batches, and the batch.size buffer a batch grew out of', () => {
    const acc = new RecordAccumulator(1000, 20_000, 1 << 20);
    const q = acc.queue('t', 0);
    const head = acc.newBatch(q, 1000, 0);
    const tail = acc.newBatch(q, 1000, 0);
    const small = tail.buffer;
    assert.ok(tail.tryAppend(0, null, Buffer.alloc(800), null, sink, 0, 1000));
    assert.ok(acc.tryGrow(q, tail, 900));
    const grown = tail.buffer;
    assert.equal(grown.length, acc.batchMaxBytes);
    assert.equal(acc.newBatch(q, 1000, 0).buffer, small, 'the outgrown batch.size buffer is reused');
    acc.release(tail);
    const next = acc.newBatch(q, 1000, 0);
    assert.ok(next.tryAppend(0, null, Buffer.alloc(800), null, sink, 0, 1000));
    assert.ok(acc.tryGrow(q, next, 900));
    assert.equal(next.buffer, grown, 'the grown buffer is reused');
    assert.equal(head.buffer.length, 1000);
  });

  test('waitForIncomplete resolves when the batches of the moment complete', async () => {
    const acc = new RecordAccumulator(100, 10_000, 1 << 20);
    await acc.waitForIncomplete();
    const q = acc.queue('t', 0);
    const a = acc.newBatch(q, 100, 0);
    const b = acc.newBatch(q, 100, 0);
    let done = false;
    const waiting = acc.waitForIncomplete().then(() => {
      done = true;
    });
    acc.newBatch(q, 100, 0); // Later batches are not waited for.
    acc.release(a);
    await new Promise((r) => setImmediate(r));
    assert.equal(done, false);
    acc.release(b);
    await waiting;
  });
});

describe('batching against a broker', { timeout: 60_000 }, () => {
  let tb: TestBroker;
  let client: RawClient;
  before(async () => {
    tb = await startTestBroker();
    client = await RawClient.connect(tb.port);
  });
  after(async () => {
    client?.close();
    await tb?.stop();
  });

  /** Sizes and record counts of the batches of a partition. */
  async function batches(topic: string): Promise<Array<{ records: number; bytes: number }>> {
    const response = await client.request<FetchResponse>(ApiKey.Fetch, FETCH_VERSION, fetchRequest(topic, 0, 0));
    const blob = response.responses[0]?.partitions[0]?.records ?? Buffer.alloc(0);
    const out: Array<{ records: number; bytes: number }> = [];
    for (let at = 0; at < blob.length; ) {
      const view = new RecordBatchView(blob, at);
      out.push({ records: view.recordCount, bytes: view.sizeInBytes });
      at += view.sizeInBytes;
    }
    return out;
  }

  test('batch.size: records are split into batches; the first is at most batch.size', async () => {
    const topic = uniqueTopic('acc-size');
    const p = new Producer({ bootstrapServers: tb.bootstrap, batchSize: 1024, lingerMs: 0 });
    try {
      await p.sendMany(Array.from({ length: 100 }, () => ({ topic, value: Buffer.alloc(100) })));
      const list = await batches(topic);
      assert.ok(list.length > 1, `${list.length} batch`);
      assert.equal(
        list.reduce((n, b) => n + b.records, 0),
        100,
      );
      assert.ok((list[0]?.bytes ?? 0) <= 1024);
    } finally {
      await p.close();
    }
  });

  test('linger.ms holds a batch that is not full; flush() sends it', async () => {
    const topic = uniqueTopic('acc-linger');
    const p = new Producer({
      bootstrapServers: tb.bootstrap,
      lingerMs: 60_000,
      requestTimeoutMs: 5_000,
      deliveryTimeoutMs: 120_000,
    });
    try {
      await p.partitionsFor(topic);
      let result: RecordMetadata | null = null;
      const sent = p.send({ topic, value: Buffer.from('waits') }).then((r) => {
        result = r;
      });
      const second = p.send({ topic, value: Buffer.from('same batch') });
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      assert.equal(result, null, 'sent before linger.ms or a flush');
      assert.equal((await fetchOnce(client, topic, 0, 0)).highWatermark, 0);
      await p.flush();
      await sent;
      assert.equal((await second).offset, 1);
      const list = await batches(topic);
      assert.deepEqual(
        list.map((b) => b.records),
        [2],
      );
    } finally {
      await p.close();
    }
  });

  test('linger.ms=0 with a full batch: sent without waiting', async () => {
    const topic = uniqueTopic('acc-full');
    const p = new Producer({
      bootstrapServers: tb.bootstrap,
      batchSize: 200,
      lingerMs: 100_000,
      deliveryTimeoutMs: 200_000,
    });
    try {
      // The first batch fills (200 bytes): it goes at once, linger or not.
      const r = await p.send({ topic, value: Buffer.alloc(300) });
      assert.equal(r.offset, 0);
    } finally {
      await p.close();
    }
  });
});
