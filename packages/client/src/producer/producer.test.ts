/**
 * The producer against an in-process broker: offsets, partitioning, acks, codecs,
 * headers and timestamps read back with raw Fetch requests; retries without duplicates;
 * error paths (unknown topic, bad partition, too large, buffer.memory and max.block.ms,
 * close).
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { uniqueTopic } from '@gregor/broker/e2e/support';
import type { TestBroker } from '@gregor/broker/testing';
import { startTestBroker } from '@gregor/broker/testing';
import { ClientClosedError, ConfigError, KafkaError, RequestTimeoutError } from '../errors.js';
import { serializers } from '../types.js';
import { clusterOf, createTopic, kafkaJs, readPartition } from './fixtures.js';
import { keyPartition } from './partitioner.js';
import { Producer } from './producer.js';
import type { RecordMetadata } from './sink.js';

const text = (b: Buffer | null): string | null => (b === null ? null : b.toString('utf8'));

describe('Producer against a broker', { timeout: 120_000 }, () => {
  let tb: TestBroker;
  let producer: Producer;

  before(async () => {
    tb = await startTestBroker({ properties: { 'num.partitions': '3' } });
    producer = new Producer({ bootstrapServers: tb.bootstrap, clientId: 'producer-test' });
    await producer.connect();
  });

  after(async () => {
    await producer?.close();
    await tb?.stop();
  });

  test('send: keyed records land on murmur2 partitions with consecutive offsets', async () => {
    const topic = uniqueTopic('p-send');
    const results: RecordMetadata[] = [];
    for (let i = 0; i < 20; i++) {
      results.push(await producer.send({ topic, key: Buffer.from(`key-${i % 4}`), value: Buffer.from(`v${i}`) }));
    }
    const next = new Map<number, number>();
    results.forEach((r, i) => {
      assert.equal(r.topic, topic);
      assert.equal(r.partition, keyPartition(Buffer.from(`key-${i % 4}`), 3));
      const expected = next.get(r.partition) ?? 0;
      assert.equal(r.offset, expected);
      next.set(r.partition, expected + 1);
    });
    for (const [partition, count] of next) {
      const records = await readPartition(tb.port, topic, partition);
      assert.equal(records.length, count);
      const values = results.filter((r) => r.partition === partition).map((r) => `v${results.indexOf(r)}`);
      assert.deepEqual(
        records.map((r) => text(r.value)),
        values,
      );
    }
  });

  test('sendMany: results in order; keys, null keys, null values, headers and timestamps come back exactly', async () => {
    const topic = uniqueTopic('p-many');
    const t0 = Date.now() - 3_600_000;
    const records = Array.from({ length: 30 }, (_, i) => ({
      topic,
      partition: 1,
      key: i % 3 === 0 ? null : Buffer.from(`k${i}`),
      value: i % 5 === 0 ? null : Buffer.from(`value-${i}-é`),
      timestamp: t0 + i * 1000,
      headers:
        i % 2 === 0 ? { a: `x${i}`, b: [Buffer.from([0, 1]), null] } : [{ key: 'only', value: Buffer.from('1') }],
    }));
    const results = await producer.sendMany(records);
    assert.deepEqual(
      results.map((r) => [r.partition, r.offset, r.timestamp]),
      records.map((r, i) => [1, i, r.timestamp]),
    );
    const back = await readPartition(tb.port, topic, 1);
    assert.equal(back.length, 30);
    back.forEach((r, i) => {
      const sent = records[i]!;
      assert.equal(r.offset, i);
      assert.equal(r.timestamp, sent.timestamp);
      assert.deepEqual(r.key, sent.key);
      assert.deepEqual(r.value, sent.value);
      const headers = r.headers.map((h) => [h.key, h.value === null ? null : h.value.toString('hex')]);
      if (i % 2 === 0) {
        assert.deepEqual(headers, [
          ['a', Buffer.from(`x${i}`).toString('hex')],
          ['b', '0001'],
          ['b', null],
        ]);
      } else assert.deepEqual(headers, [['only', '31']]);
    });
    assert.deepEqual(await producer.sendMany([]), []);
  });

  test('null keys stick to one partition per batch (KIP-480)', async () => {
    const topic = uniqueTopic('p-sticky');
    const results = await producer.sendMany(
      Array.from({ length: 50 }, (_, i) => ({ topic, value: Buffer.from(`${i}`) })),
    );
    // One sendMany fits one batch: every record on the same partition.
    assert.equal(new Set(results.map((r) => r.partition)).size, 1);
  });

  test('serializers: string keys and values, JSON', async () => {
    const topic = uniqueTopic('p-ser');
    const p = new Producer<string | null, unknown>({
      bootstrapServers: tb.bootstrap,
      keySerializer: serializers.string,
      valueSerializer: serializers.json,
      lingerMs: 0,
    });
    try {
      const r = await p.send({ topic, key: 'k', value: { a: 1 }, partition: 0 });
      const [record] = await readPartition(tb.port, topic, 0);
      assert.equal(r.offset, 0);
      assert.equal(text(record?.key ?? null), 'k');
      assert.equal(text(record?.value ?? null), '{"a":1}');
    } finally {
      await p.close();
    }
  });

  for (const acks of [0, 1, -1, 'all'] as const) {
    test(`acks=${acks}`, async () => {
      const topic = uniqueTopic('p-acks');
      const p = new Producer({ bootstrapServers: tb.bootstrap, acks, lingerMs: 0 });
      try {
        const results = await p.sendMany(
          Array.from({ length: 10 }, (_, i) => ({ topic, partition: 0, value: Buffer.from(`a${i}`) })),
        );
        if (acks === 0) assert.ok(results.every((r) => r.offset === -1));
        else
          assert.deepEqual(
            results.map((r) => r.offset),
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
          );
        await p.flush();
        // acks=0 has no response: wait until the broker has appended them.
        let records = await readPartition(tb.port, topic, 0);
        for (let i = 0; i < 50 && records.length < 10; i++) {
          await new Promise((r) => setTimeout(r, 50));
          records = await readPartition(tb.port, topic, 0);
        }
        assert.deepEqual(
          records.map((r) => text(r.value)),
          Array.from({ length: 10 }, (_, i) => `a${i}`),
        );
      } finally {
        await p.close();
      }
    });
  }

  for (const compression of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const) {
    test(`compression ${compression}: round trip`, async () => {
      const topic = uniqueTopic(`p-${compression}`);
      const p = new Producer({ bootstrapServers: tb.bootstrap, compression, lingerMs: 20 });
      try {
        const records = Array.from({ length: 200 }, (_, i) => ({
          topic,
          partition: 2,
          key: Buffer.from(`key-${i}`),
          value: Buffer.from(`${compression} value ${i} `.repeat(1 + (i % 7))),
          headers: { i: String(i) },
        }));
        const results = await p.sendMany(records);
        assert.deepEqual(
          results.map((r) => r.offset),
          records.map((_, i) => i),
        );
        const back = await readPartition(tb.port, topic, 2);
        assert.deepEqual(
          back.map((r) => [text(r.key), text(r.value), text(r.headers[0]?.value ?? null)]),
          records.map((r, i) => [`key-${i}`, r.value.toString(), String(i)]),
        );
      } finally {
        await p.close();
      }
    });
  }

  test('LogAppendTime topic: the metadata carries the broker time', async () => {
    const topic = uniqueTopic('p-lat');
    await createTopic(tb.bootstrap, topic, 1, [{ name: 'message.timestamp.type', value: 'LogAppendTime' }]);
    const before = Date.now();
    const r = await producer.send({ topic, value: Buffer.from('x'), timestamp: 1000 });
    assert.ok(r.timestamp >= before - 1000 && r.timestamp !== 1000, `timestamp ${r.timestamp}`);
  });

  test('many batches across partitions: every record once, in order per partition', async () => {
    const topic = uniqueTopic('p-bulk');
    const p = new Producer({ bootstrapServers: tb.bootstrap, batchSize: 1024, lingerMs: 1 });
    try {
      const promises: Array<Promise<RecordMetadata>> = [];
      for (let i = 0; i < 3000; i++) {
        promises.push(p.send({ topic, key: Buffer.from(`k${i % 10}`), value: Buffer.from(`${i}`.padStart(60, '0')) }));
      }
      const results = await Promise.all(promises);
      for (let partition = 0; partition < 3; partition++) {
        const sent = results.map((r, i) => ({ r, i })).filter(({ r }) => r.partition === partition);
        const back = await readPartition(tb.port, topic, partition);
        assert.deepEqual(
          back.map((r) => Number(text(r.value))),
          sent.map(({ i }) => i),
        );
        assert.deepEqual(
          sent.map(({ r }) => r.offset),
          sent.map((_, j) => j),
        );
      }
    } finally {
      await p.close();
    }
  });

  test('idempotence: connections killed mid-flight cause retries but no duplicates and no reordering', async () => {
    const topic = uniqueTopic('p-idem');
    const p = new Producer({ bootstrapServers: tb.bootstrap, batchSize: 512, lingerMs: 0, retryBackoffMs: 10 });
    try {
      await p.partitionsFor(topic);
      const cluster = clusterOf(p);
      const promises: Array<Promise<RecordMetadata>> = [];
      let killed = 0;
      for (let round = 0; round < 20; round++) {
        for (let i = 0; i < 100; i++) {
          const n = round * 100 + i;
          promises.push(p.send({ topic, partition: n % 2, value: Buffer.from(`${n}`.padStart(40, '-')) }));
        }
        // Wait for requests to go out, then cut the connection under them.
        const connection = await cluster.connection(cluster.leader(topic, 0), 'produce');
        for (let spin = 0; spin < 1000 && connection.inFlightCount === 0; spin++) {
          await new Promise((r) => setImmediate(r));
        }
        if (connection.inFlightCount > 0) killed++;
        connection.destroy();
      }
      const results = await Promise.all(promises);
      assert.ok(killed > 0, 'no connection was killed with requests in flight');
      for (let partition = 0; partition < 2; partition++) {
        const back = await readPartition(tb.port, topic, partition);
        const expected = Array.from({ length: 2000 }, (_, n) => n).filter((n) => n % 2 === partition);
        assert.deepEqual(
          back.map((r) => Number(text(r.value)?.replace(/^-+/, ''))),
          expected,
        );
        const offsets = results.filter((r) => r.partition === partition).map((r) => r.offset);
        assert.deepEqual(
          offsets,
          expected.map((_, j) => j),
        );
      }
    } finally {
      await p.close();
    }
  });

  test('idempotence: a batch refused for good (INVALID_TIMESTAMP) resets the producer id; nothing lost or doubled', async () => {
    const topic = uniqueTopic('p-reset');
    await createTopic(tb.bootstrap, topic, 2, [{ name: 'message.timestamp.before.max.ms', value: '3600000' }]);
    const p = new Producer({ bootstrapServers: tb.bootstrap, batchSize: 256, lingerMs: 0, retryBackoffMs: 10 });
    try {
      await p.connect();
      const txn = (p as unknown as { txn: { producerId: number } }).txn;
      const firstId = txn.producerId;
      assert.ok(firstId >= 0);
      const promises: Array<Promise<RecordMetadata>> = [];
      for (let n = 0; n < 300; n++) {
        promises.push(p.send({ topic, partition: 0, value: Buffer.from(`${n}`.padStart(30, '-')) }));
        if (n === 150) {
          await assert.rejects(
            p.send({ topic, partition: 1, value: Buffer.from('old'), timestamp: 1000 }),
            (e: unknown) => {
              assert.ok(e instanceof KafkaError);
              assert.equal(e.type, 'INVALID_TIMESTAMP');
              assert.equal(e.partition, 1);
              return true;
            },
          );
        }
      }
      const results = await Promise.all(promises);
      assert.ok(txn.producerId !== firstId, 'the producer id was not reset');
      const back = await readPartition(tb.port, topic, 0);
      assert.deepEqual(
        back.map((r) => Number(text(r.value)?.replace(/^-+/, ''))),
        Array.from({ length: 300 }, (_, n) => n),
      );
      assert.deepEqual(
        results.map((r) => r.offset),
        Array.from({ length: 300 }, (_, n) => n),
      );
      // Partition 1 works under the new id.
      assert.equal((await p.send({ topic, partition: 1, value: Buffer.from('new') })).offset, 0);
    } finally {
      await p.close();
    }
  });

  test('explicit partition out of range is refused after a metadata refresh', async () => {
    const topic = uniqueTopic('p-badpart');
    await producer.send({ topic, value: Buffer.from('x'), partition: 0 });
    await assert.rejects(producer.send({ topic, value: Buffer.from('x'), partition: 3 }), (e: unknown) => {
      assert.ok(e instanceof KafkaError);
      assert.equal(e.type, 'UNKNOWN_TOPIC_OR_PARTITION');
      assert.equal(e.topic, topic);
      assert.equal(e.partition, 3);
      return true;
    });
    await assert.rejects(producer.send({ topic, value: Buffer.from('x'), partition: -1 }), KafkaError);
    await assert.rejects(producer.send({ topic, value: Buffer.from('x'), partition: 1.5 }), KafkaError);
  });

  test('bad records are refused: no topic, bad timestamp, bad header, a throwing serializer', async () => {
    await assert.rejects(producer.send({ topic: '', value: null }), ConfigError);
    await assert.rejects(producer.send(null as unknown as { topic: string; value: null }), ConfigError);
    await assert.rejects(producer.sendMany([undefined as unknown as { topic: string; value: null }]), ConfigError);
    await assert.rejects(producer.send({ topic: 't', value: null, timestamp: -5 }), ConfigError);
    await assert.rejects(
      producer.send({ topic: 't', value: null, headers: [{ key: 1 as unknown as string, value: null }] }),
      ConfigError,
    );
    const p = new Producer<Buffer | null, string>({
      bootstrapServers: tb.bootstrap,
      valueSerializer: () => {
        throw new Error('cannot serialize');
      },
    });
    await assert.rejects(p.send({ topic: 't', value: 'x' }), /cannot serialize/);
    await p.close();
    const q = new Producer({
      bootstrapServers: tb.bootstrap,
      partitioner: () => {
        throw new Error('no partition for you');
      },
    });
    await assert.rejects(q.send({ topic: 't', value: null }), /no partition for you/);
    const r = new Producer({ bootstrapServers: tb.bootstrap, partitioner: () => 99 });
    await assert.rejects(r.send({ topic: 't', value: null }), /partitioner chose partition 99/);
    await q.close();
    await r.close();
  });

  test('MESSAGE_TOO_LARGE: a record over maxRequestSize is refused at send', async () => {
    const p = new Producer({ bootstrapServers: tb.bootstrap, maxRequestSize: 1000 });
    try {
      await assert.rejects(p.send({ topic: 't-large', value: Buffer.alloc(2000) }), (e: unknown) => {
        assert.ok(e instanceof KafkaError);
        assert.equal(e.code, 10);
        assert.equal(e.type, 'MESSAGE_TOO_LARGE');
        return true;
      });
      const results = await p.sendMany([{ topic: uniqueTopic('p-small'), value: Buffer.alloc(800) }]);
      assert.equal(results[0]?.offset, 0);
    } finally {
      await p.close();
    }
  });

  test('buffer.memory: a tiny buffer makes send wait, then proceed', async () => {
    const topic = uniqueTopic('p-bp');
    const p = new Producer({ bootstrapServers: tb.bootstrap, bufferMemory: 2048, batchSize: 1024, lingerMs: 0 });
    try {
      await p.partitionsFor(topic);
      const accumulator = (p as unknown as { accumulator: { usedBytes: number; bufferMemory: number } }).accumulator;
      const blocked = p as unknown as { blocked: unknown[]; blockedHead: number };
      const promises: Array<Promise<RecordMetadata>> = [];
      let maxBlocked = 0;
      for (let i = 0; i < 60; i++) {
        promises.push(p.send({ topic, partition: i % 3, value: Buffer.alloc(600, i) }));
        maxBlocked = Math.max(maxBlocked, blocked.blocked.length - blocked.blockedHead);
        assert.ok(accumulator.usedBytes <= accumulator.bufferMemory);
      }
      assert.ok(maxBlocked > 0, 'no send had to wait');
      const results = await Promise.all(promises);
      for (let partition = 0; partition < 3; partition++) {
        const back = await readPartition(tb.port, topic, partition);
        assert.equal(back.length, 20);
        assert.deepEqual(
          back.map((r) => r.value?.[0]),
          results
            .map((r, i) => ({ r, i }))
            .filter(({ r }) => r.partition === partition)
            .map(({ i }) => i),
        );
      }
      assert.equal(accumulator.usedBytes, 0);
    } finally {
      await p.close();
    }
  });

  test('max.block.ms: a send that cannot get memory in time fails with a timeout; abort signals', async () => {
    const topic = uniqueTopic('p-block');
    // Batches wait for linger.ms, so their memory stays taken.
    const p = new Producer({
      bootstrapServers: tb.bootstrap,
      bufferMemory: 4096,
      batchSize: 4096,
      lingerMs: 3_000,
      requestTimeoutMs: 5_000,
      maxBlockMs: 100,
    });
    try {
      await p.partitionsFor(topic);
      const first = p.send({ topic, partition: 0, value: Buffer.from('first') });
      await assert.rejects(p.send({ topic, partition: 1, value: Buffer.from('blocked') }), (e: unknown) => {
        assert.ok(e instanceof RequestTimeoutError, String(e));
        assert.match(String(e), /bufferMemory/);
        return true;
      });
      const controller = new AbortController();
      const aborted = p.send({ topic, partition: 1, value: Buffer.from('aborted') }, { signal: controller.signal });
      controller.abort();
      await assert.rejects(aborted, { name: 'AbortError' });
      await assert.rejects(p.send({ topic, value: null }, { signal: AbortSignal.abort() }), { name: 'AbortError' });
      await p.flush();
      assert.equal((await first).offset, 0);
    } finally {
      await p.close();
    }
  });

  test('close: flushes what is buffered, then send fails with ClientClosedError', async () => {
    const topic = uniqueTopic('p-close');
    const p = new Producer({ bootstrapServers: tb.bootstrap, lingerMs: 10_000, requestTimeoutMs: 5_000 });
    const pending = p.sendMany(Array.from({ length: 5 }, (_, i) => ({ topic, value: Buffer.from(`${i}`) })));
    await p.close();
    assert.equal((await pending).length, 5);
    await assert.rejects(p.send({ topic, value: null }), ClientClosedError);
    await assert.rejects(p.sendMany([{ topic, value: null }]), ClientClosedError);
    await assert.rejects(p.partitionsFor(topic), ClientClosedError);
    await p.close();
  });

  test('metadata.max.age.ms: partitions added later are used by keyless records', async () => {
    const topic = uniqueTopic('p-grow');
    await createTopic(tb.bootstrap, topic, 1);
    const p = new Producer({ bootstrapServers: tb.bootstrap, metadataMaxAgeMs: 50, lingerMs: 0 });
    try {
      assert.equal((await p.send({ topic, value: Buffer.from('x') })).partition, 0);
      const admin = kafkaJs(tb.bootstrap).admin();
      await admin.connect();
      await admin.createPartitions({ topicPartitions: [{ topic, count: 3 }] });
      await admin.disconnect();
      const seen = new Set<number>();
      for (let i = 0; i < 400 && seen.size < 3; i++) {
        for (const r of await p.sendMany(Array.from({ length: 5 }, () => ({ topic, value: Buffer.from('y') })))) {
          seen.add(r.partition);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      assert.deepEqual([...seen].sort(), [0, 1, 2]);
    } finally {
      await p.close();
    }
  });

  test('partitionsFor lists partitions with leaders', async () => {
    const topic = uniqueTopic('p-parts');
    const partitions = await producer.partitionsFor(topic);
    assert.deepEqual(
      partitions.map((p) => p.partition),
      [0, 1, 2],
    );
    assert.ok(partitions.every((p) => p.leader >= 0 && p.topic === topic));
  });

  test('options are checked in the constructor', () => {
    assert.throws(
      () => new Producer({ bootstrapServers: tb.bootstrap, acks: 1, enableIdempotence: true }),
      ConfigError,
    );
  });
});

describe('Producer with auto.create.topics.enable=false', { timeout: 30_000 }, () => {
  let tb: TestBroker;
  before(async () => {
    tb = await startTestBroker({ properties: { 'auto.create.topics.enable': 'false' } });
  });
  after(async () => {
    await tb?.stop();
  });

  test('an unknown topic fails after maxBlockMs with UNKNOWN_TOPIC_OR_PARTITION; later records still go', async () => {
    const p = new Producer({ bootstrapServers: tb.bootstrap, maxBlockMs: 300, retryBackoffMs: 20 });
    try {
      const topic = uniqueTopic('missing');
      const started = Date.now();
      await assert.rejects(p.send({ topic, value: Buffer.from('x') }), (e: unknown) => {
        assert.ok(e instanceof KafkaError);
        assert.equal(e.type, 'UNKNOWN_TOPIC_OR_PARTITION');
        assert.equal(e.topic, topic);
        return true;
      });
      assert.ok(Date.now() - started >= 250);
      const existing = uniqueTopic('exists');
      await createTopic(tb.bootstrap, existing, 1);
      assert.equal((await p.send({ topic: existing, value: Buffer.from('y') })).offset, 0);
      await assert.rejects(p.partitionsFor(uniqueTopic('missing')), KafkaError);
    } finally {
      await p.close();
    }
  });

  test('close with a timeout fails what cannot be delivered in time', async () => {
    const p = new Producer({ bootstrapServers: tb.bootstrap, maxBlockMs: 60_000 });
    // Metadata for this topic never arrives: the send stays blocked.
    const pending = p.send({ topic: uniqueTopic('never'), value: null }).then(
      () => null,
      (e: unknown) => e,
    );
    await p.close({ timeoutMs: 100 });
    assert.ok((await pending) instanceof ClientClosedError);
  });
});

describe('Producer when the broker goes away', { timeout: 30_000 }, () => {
  test('records are retried until deliveryTimeoutMs, then fail with REQUEST_TIMED_OUT', async () => {
    const tb = await startTestBroker();
    const p = new Producer({
      bootstrapServers: tb.bootstrap,
      lingerMs: 0,
      requestTimeoutMs: 300,
      connectionTimeoutMs: 300,
      deliveryTimeoutMs: 800,
      retryBackoffMs: 20,
      retryBackoffMaxMs: 100,
    });
    try {
      const topic = uniqueTopic('p-gone');
      assert.equal((await p.send({ topic, value: Buffer.from('before') })).offset, 0);
      await tb.stop();
      await assert.rejects(p.send({ topic, value: Buffer.from('after') }), (e: unknown) => {
        assert.ok(e instanceof KafkaError, String(e));
        assert.equal(e.type, 'REQUEST_TIMED_OUT');
        assert.equal(e.topic, topic);
        return true;
      });
    } finally {
      await p.close({ timeoutMs: 1_000 });
      await tb.stop().catch(() => undefined);
    }
  });
});

describe('Producer without a reachable broker', { timeout: 30_000 }, () => {
  test('connect() and send() fail within maxBlockMs; blocked sends are bounded', async () => {
    // A port nothing listens on: bind one, close it.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const p = new Producer({
      bootstrapServers: `127.0.0.1:${port}`,
      maxBlockMs: 300,
      retryBackoffMs: 20,
      connectionTimeoutMs: 200,
    });
    try {
      await assert.rejects(p.connect(), KafkaError);
      await assert.rejects(p.send({ topic: 'nowhere', value: Buffer.from('x') }), (e: unknown) => {
        assert.ok(e instanceof KafkaError);
        assert.equal(e.type, 'UNKNOWN_TOPIC_OR_PARTITION');
        assert.match(e.message, /not present in metadata after 300 ms/);
        return true;
      });
      // The queue of blocked sends has a byte limit.
      (p as unknown as { blockedBytesMax: number }).blockedBytesMax = 200;
      const first = p.send({ topic: 'nowhere', value: Buffer.alloc(100) }).then(
        () => null,
        (e: unknown) => e,
      );
      await assert.rejects(p.send({ topic: 'nowhere', value: Buffer.alloc(100) }), /already waiting/);
      assert.ok((await first) instanceof KafkaError);
    } finally {
      await p.close({ timeoutMs: 500 });
    }
  });
});
