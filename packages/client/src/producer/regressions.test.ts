/**
 * Producer defects found in review, each pinned by a test: order kept when several
 * batches of a partition are retried across a producer id reset; serialized keys and
 * values that are not bytes; aborts that fail or race AddPartitionsToTxn.
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { uniqueTopic } from '@gregor/broker/e2e/support';
import type { TestBroker } from '@gregor/broker/testing';
import { startTestBroker } from '@gregor/broker/testing';
import { ApiKey, ErrorCode } from '@gregor/protocol';
import { ClientClosedError, ConfigError, KafkaError } from '../errors.js';
import { clusterOf, createTopic, readPartition } from './fixtures.js';
import { Producer } from './producer.js';
import type { RecordMetadata } from './sink.js';

const text = (b: Buffer | null): string | null => (b === null ? null : b.toString('utf8'));

describe('producer regressions', { timeout: 120_000 }, () => {
  let tb: TestBroker;
  const producers: Array<Producer<never, never>> = [];
  const make = <K = Buffer | null, V = Buffer | null>(
    options: Omit<ConstructorParameters<typeof Producer<K, V>>[0], 'bootstrapServers'> = {},
  ): Producer<K, V> => {
    const p = new Producer<K, V>({ bootstrapServers: tb.bootstrap, ...options });
    producers.push(p as unknown as Producer<never, never>);
    return p;
  };

  before(async () => {
    tb = await startTestBroker({ properties: { 'num.partitions': '1' } });
  });

  after(async () => {
    for (const p of producers) await p.close({ timeoutMs: 2_000 }).catch(() => undefined);
    await tb?.stop();
  });

  test('batches retried behind a refused one keep their order across the producer id reset', async () => {
    const topic = uniqueTopic('r-order');
    await createTopic(tb.bootstrap, topic, 1, [{ name: 'message.timestamp.before.max.ms', value: '3600000' }]);
    const p = make({ batchSize: 1024, lingerMs: 0, retryBackoffMs: 10 });
    await p.connect();
    // The broker knows this producer on the partition: a sequence gap is now an error.
    assert.equal((await p.send({ topic, value: Buffer.from('first') })).offset, 0);
    // A batch of its own that the broker refuses for good (sequence 0), then several
    // batches behind it in flight that come back OUT_OF_ORDER_SEQUENCE_NUMBER.
    const refused = p.send({ topic, value: Buffer.alloc(900, 'x'), timestamp: 1000 });
    const promises: Array<Promise<RecordMetadata>> = [];
    for (let n = 0; n < 300; n++) {
      promises.push(p.send({ topic, value: Buffer.from(`${n}`.padStart(900, '-')) }));
    }
    await assert.rejects(refused, (e: unknown) => e instanceof KafkaError && e.type === 'INVALID_TIMESTAMP');
    const results = await Promise.all(promises);
    const back = await readPartition(tb.port, topic, 0);
    assert.deepEqual(
      back.slice(1).map((r) => Number(text(r.value)?.replace(/^-+/, ''))),
      Array.from({ length: 300 }, (_, n) => n),
    );
    assert.deepEqual(
      results.map((r) => r.offset),
      Array.from({ length: 300 }, (_, n) => n + 1),
    );
  });

  test('the default serializers refuse keys and values that are not bytes, at once and with ConfigError', async () => {
    const topic = uniqueTopic('r-bytes');
    const p = make({ maxBlockMs: 60_000 });
    const bad = [
      { topic, value: 123 },
      { topic, value: { a: 1 } },
      { topic, value: new ArrayBuffer(3) },
      { topic, key: 42, value: Buffer.from('x') },
      { topic, value: Buffer.from('x'), headers: { h: 5 } },
      { topic: null, value: null },
    ] as unknown as Array<{ topic: string; value: Buffer }>;
    for (const record of bad) {
      // Before the fix these waited maxBlockMs (60 s here) and then timed out.
      await assert.rejects(
        Promise.race([
          p.send(record),
          new Promise((_, reject) => setTimeout(() => reject(new Error('send() did not settle in time')), 5_000)),
        ]),
        (e: unknown) => {
          assert.ok(e instanceof ConfigError, `${String(e)}`);
          return true;
        },
      );
    }
    await assert.rejects(p.sendMany(null as unknown as []), ConfigError);
    await assert.rejects(p.partitionsFor(null as unknown as string), ConfigError);
    // A later good record is not held behind the refused ones.
    assert.equal((await p.send({ topic, value: Buffer.from('ok') })).offset, 0);
  });

  test('Uint8Array keys, values and header values of any size are written as bytes; null headers mean none', async () => {
    const topic = uniqueTopic('r-u8');
    const p = make<Uint8Array, Uint8Array>();
    const big = new Uint8Array(100).fill(65);
    const result = await p.send({
      topic,
      key: new Uint8Array([1, 2, 3]),
      value: big,
      headers: [{ key: 'h', value: big as Buffer }],
    });
    assert.equal(result.offset, 0);
    await p.send({ topic, value: big, headers: null as unknown as [] });
    const back = await readPartition(tb.port, topic, 0);
    assert.equal(back.length, 2);
    assert.deepEqual(back[0]?.key, Buffer.from([1, 2, 3]));
    assert.equal(text(back[0]?.value ?? null), 'A'.repeat(100));
    assert.equal(text(back[0]?.headers[0]?.value ?? null), 'A'.repeat(100));
  });

  test('a bufferMemory smaller than batchSize still takes records (batches are capped by it)', async () => {
    const topic = uniqueTopic('r-small-buffer');
    const p = make({ bufferMemory: 4096, maxRequestSize: 4096, maxBlockMs: 2_000 });
    const results = await p.sendMany(Array.from({ length: 20 }, (_, i) => ({ topic, value: Buffer.alloc(500, i) })));
    assert.deepEqual(
      results.map((r) => r.offset),
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  test('a record of the transaction that fails before reaching a batch spoils the transaction', async () => {
    const topic = uniqueTopic('r-txn-lost');
    await createTopic(tb.bootstrap, topic, 1);
    const p = make({ transactionalId: uniqueTopic('txid'), lingerMs: 0 });
    await p.initTransactions();
    p.beginTransaction();
    const good = p.send({ topic, value: Buffer.from('kept') });
    // Partition 5 does not exist: refused after a metadata refresh, never in a batch.
    await assert.rejects(p.send({ topic, partition: 5, value: Buffer.from('lost') }), /UNKNOWN_TOPIC_OR_PARTITION/);
    await good;
    await assert.rejects(p.commitTransaction(), /must be aborted/);
    await p.abortTransaction();
  });

  test('close with a timeout does not then wait for the broker to answer what it gave up on', async () => {
    const topic = uniqueTopic('r-close');
    const p = make({ lingerMs: 0, requestTimeoutMs: 60_000 });
    await p.send({ topic, value: Buffer.from('warm') });
    const cluster = clusterOf(p);
    const connection = await cluster.connection(cluster.leader(topic, 0), 'produce');
    // The broker's answers are no longer read: the next request stays in flight.
    (connection as unknown as { socket: Socket }).socket.pause();
    const pending = p.send({ topic, value: Buffer.from('stuck') });
    for (let i = 0; i < 1000 && connection.inFlightCount === 0; i++) await new Promise((r) => setImmediate(r));
    assert.equal(connection.inFlightCount, 1);
    const closed = p.close({ timeoutMs: 100 });
    await assert.rejects(pending, ClientClosedError);
    // Before the fix close() went on waiting 5 s for the connection's requests in flight.
    await Promise.race([
      closed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('close() outlived its timeout by 4 s')), 4_000)),
    ]);
  });

  test('a sequenced batch failed while waiting for its retry makes the abort bump the epoch', async () => {
    const topic = uniqueTopic('r-txn-gap');
    await createTopic(tb.bootstrap, topic, 1);
    // A long backoff keeps the batch queued for its retry while the transaction fails.
    const p = make({
      transactionalId: uniqueTopic('txid'),
      lingerMs: 0,
      retryBackoffMs: 3_000,
      retryBackoffMaxMs: 3_000,
      // Refuses one key at once: a record of the transaction that never reaches a batch.
      partitioner: (_topic, key) => {
        if (key?.toString() === 'refused') throw new Error('no partition for this key');
        return 0;
      },
    });
    await p.initTransactions();
    await p.transaction(async (tx) => {
      await tx.send({ topic, value: Buffer.from('committed') });
    });
    const cluster = clusterOf(p);
    const connection = await cluster.connection(cluster.leader(topic, 0), 'produce');
    const original = connection.requestAt.bind(connection);
    let inject = 1;
    connection.requestAt = ((...args: Parameters<typeof original>) => {
      if (args[0] === ApiKey.Produce && inject-- > 0) {
        // Refused before reaching the broker: its sequence is stamped but never written.
        return Promise.reject(new KafkaError(ErrorCode.NOT_LEADER_OR_FOLLOWER, 'injected', { retriable: true }));
      }
      return original(...args);
    }) as typeof original;
    p.beginTransaction();
    const retried = p.send({ topic, value: Buffer.from('retried') });
    retried.catch(() => undefined);
    for (let i = 0; i < 5000 && inject > 0; i++) await new Promise((r) => setTimeout(r, 1));
    assert.equal(inject, 0, 'the Produce request was not sent');
    await assert.rejects(p.send({ topic, key: Buffer.from('refused'), value: null }), /no partition/);
    await p.abortTransaction();
    await assert.rejects(retried);
    // The next transaction's sequences must not start after the batch that was never written.
    await p.transaction(async (tx) => {
      await tx.send({ topic, value: Buffer.from('after') });
    });
  });

  test('an abort whose EndTxn fails can be tried again', async () => {
    const topic = uniqueTopic('r-abort-retry');
    const p = make({ transactionalId: uniqueTopic('txid'), lingerMs: 0 });
    await p.initTransactions();
    p.beginTransaction();
    await p.send({ topic, value: Buffer.from('x') });
    const cluster = clusterOf(p);
    const original = cluster.coordinatorRequest.bind(cluster);
    let failures = 1;
    cluster.coordinatorRequest = ((...args: Parameters<typeof original>) => {
      if (args[2] === ApiKey.EndTxn && failures-- > 0) {
        return Promise.reject(new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, 'injected EndTxn failure'));
      }
      return original(...args);
    }) as typeof original;
    await assert.rejects(p.abortTransaction(), /injected EndTxn failure/);
    await p.abortTransaction();
    await p.transaction(async (tx) => {
      await tx.send({ topic, value: Buffer.from('y') });
    });
  });

  test('abort waits for an AddPartitionsToTxn in flight, so the broker transaction is ended', async () => {
    const topic = uniqueTopic('r-abort-add');
    await createTopic(tb.bootstrap, topic, 1);
    const p = make({ transactionalId: uniqueTopic('txid'), lingerMs: 0 });
    await p.initTransactions();
    const cluster = clusterOf(p);
    const original = cluster.coordinatorRequest.bind(cluster);
    const calls: number[] = [];
    cluster.coordinatorRequest = (async (...args: Parameters<typeof original>) => {
      calls.push(args[2]);
      // AddPartitionsToTxn is slow: abort() is called while it is in flight.
      if (args[2] === ApiKey.AddPartitionsToTxn) await new Promise((r) => setTimeout(r, 200));
      return original(...args);
    }) as typeof original;
    p.beginTransaction();
    const sent = p.send({ topic, value: Buffer.from('never') });
    sent.catch(() => undefined);
    // Let the sender ask for the partition to be added.
    for (let i = 0; i < 100 && !calls.includes(ApiKey.AddPartitionsToTxn); i++) {
      await new Promise((r) => setImmediate(r));
    }
    assert.ok(calls.includes(ApiKey.AddPartitionsToTxn));
    await p.abortTransaction();
    await assert.rejects(sent);
    // The partition did join the broker's transaction: EndTxn must have ended it.
    assert.ok(calls.includes(ApiKey.EndTxn), `calls: ${calls.join(',')}`);
  });
});
