/**
 * Transactions end to end with KafkaJS (KIP-98): a transactional producer commits and
 * aborts; a read_committed consumer sees only committed records, a read_uncommitted one
 * sees both; a zombie producer is fenced; `sendOffsets` in a consume-transform-produce
 * loop commits offsets with the transaction only (UNSTABLE_OFFSET_COMMIT meanwhile for
 * require_stable), also across a restart; a transaction left open across a broker
 * restart is aborted when it times out, and nothing hangs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { OffsetFetchResponse } from '@gregor/protocol';
import { ApiKey, ErrorCode, OffsetFetchRequest } from '@gregor/protocol';
import { OffsetFetchRequestTopic } from '@gregor/protocol/generated/messages/offset-fetch-request';
import kafkajs from 'kafkajs';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

const { Kafka, logLevel } = kafkajs;

const PROPERTIES = {
  'transaction.state.log.num.partitions': '3',
  'offsets.topic.num.partitions': '3',
  'group.initial.rebalance.delay.ms': '0',
  'transaction.abort.timed.out.transaction.cleanup.interval.ms': '200',
};

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function kafkaFor(tb: TestBroker, clientId: string) {
  return new Kafka({ clientId, brokers: [tb.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 10 } });
}

async function createTopic(tb: TestBroker, name: string, partitions = 1): Promise<void> {
  await tb.broker.controller.createTopics(
    [{ name, numPartitions: partitions, replicationFactor: 1, assignments: null, configs: new Map() }],
    false,
  );
  await tb.broker.replicaManager.applyImage(tb.broker.metadata);
}

/** Every value a fresh group reads from the beginning, once `expected` arrived and 300 ms passed quietly. */
async function consumeValues(
  tb: TestBroker,
  topic: string,
  readUncommitted: boolean,
  expected: number,
  timeoutMs = 15_000,
): Promise<string[]> {
  const kafka = kafkaFor(tb, `reader-${readUncommitted}`);
  const consumer = kafka.consumer({
    groupId: `g-${topic}-${readUncommitted}-${Math.random()}`,
    readUncommitted,
    maxWaitTimeInMs: 100,
  });
  const values: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        values.push(message.value?.toString() ?? '');
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (values.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    await consumer.disconnect();
  }
  return values;
}

describe('transactions with KafkaJS', () => {
  test('commit and abort; read_committed sees only committed records; zombies are fenced', async () => {
    const tb = await startTestBroker({ properties: PROPERTIES });
    try {
      await createTopic(tb, 'txn-a', 2);
      const kafka = kafkaFor(tb, 'txn');
      const producer = kafka.producer({ transactionalId: 'tx-1', idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();

      const committed = await producer.transaction();
      await committed.send({
        topic: 'txn-a',
        messages: [
          { value: 'c1', partition: 0 },
          { value: 'c2', partition: 1 },
        ],
      });
      await committed.send({ topic: 'txn-a', messages: [{ value: 'c3', partition: 0 }] });
      await committed.commit();

      const aborted = await producer.transaction();
      await aborted.send({
        topic: 'txn-a',
        messages: [
          { value: 'a1', partition: 0 },
          { value: 'a2', partition: 1 },
        ],
      });
      await aborted.abort();

      const last = await producer.transaction();
      await last.send({ topic: 'txn-a', messages: [{ value: 'c4', partition: 1 }] });
      await last.commit();

      for (const index of [0, 1]) {
        const p = tb.broker.replicaManager.get('txn-a', index);
        assert.equal(p?.lastStableOffset, p?.highWatermark, 'every transaction is decided');
      }
      const readCommitted = await consumeValues(tb, 'txn-a', false, 4);
      assert.deepEqual(readCommitted.sort(), ['c1', 'c2', 'c3', 'c4']);
      const readAll = await consumeValues(tb, 'txn-a', true, 6);
      assert.deepEqual(readAll.sort(), ['a1', 'a2', 'c1', 'c2', 'c3', 'c4']);

      // A second producer with the same transactional id fences the first.
      const zombie = producer;
      const successor = kafka.producer({ transactionalId: 'tx-1', idempotent: true, maxInFlightRequests: 1 });
      await successor.connect();
      const fenced = await zombie.transaction();
      // KafkaJS sends InitProducerId when its first transaction begins: the epoch is bumped here.
      const successorTxn = await successor.transaction();
      await assert.rejects(fenced.send({ topic: 'txn-a', messages: [{ value: 'zombie', partition: 0 }] }), (e: Error) =>
        /fenced|epoch|ProducerFenced|INVALID_PRODUCER_EPOCH|PRODUCER_FENCED/i.test(`${e.name} ${e.message}`),
      );
      await successorTxn.send({ topic: 'txn-a', messages: [{ value: 'c5', partition: 0 }] });
      await successorTxn.commit();
      await zombie.disconnect();
      await successor.disconnect();
    } finally {
      await tb.stop();
    }
  });

  test('a transaction open across a restart is aborted when it times out', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'gregor-txn-'));
    dirs.push(logDir);
    let tb = await startTestBroker({ logDir, properties: PROPERTIES });
    try {
      await createTopic(tb, 'txn-r');
      const producer = kafkaFor(tb, 'txn-r').producer({
        transactionalId: 'tx-restart',
        idempotent: true,
        maxInFlightRequests: 1,
        transactionTimeout: 1500,
      });
      await producer.connect();
      const done = await producer.transaction();
      await done.send({ topic: 'txn-r', messages: [{ value: 'kept' }] });
      await done.commit();
      const open = await producer.transaction();
      await open.send({ topic: 'txn-r', messages: [{ value: 'lost' }] });
      // The broker stops with the transaction open; the producer is abandoned.
      await tb.stop(true);
      await producer.disconnect().catch(() => undefined);

      tb = await startTestBroker({ logDir, properties: PROPERTIES });
      const p = tb.broker.replicaManager.get('txn-r', 0);
      assert.ok(p !== undefined);
      assert.ok(p.lastStableOffset < p.highWatermark, 'the open transaction holds the LSO after the restart');
      const deadline = Date.now() + 10_000;
      while (p.lastStableOffset < p.highWatermark && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.equal(p.lastStableOffset, p.highWatermark, 'aborted on timeout');
      assert.deepEqual(await consumeValues(tb, 'txn-r', false, 1), ['kept']);

      // The id works again: a new producer gets a bumped epoch and commits.
      const again = kafkaFor(tb, 'txn-r2').producer({
        transactionalId: 'tx-restart',
        idempotent: true,
        maxInFlightRequests: 1,
      });
      await again.connect();
      const t = await again.transaction();
      await t.send({ topic: 'txn-r', messages: [{ value: 'after' }] });
      await t.commit();
      await again.disconnect();
      assert.deepEqual((await consumeValues(tb, 'txn-r', false, 2)).sort(), ['after', 'kept']);
    } finally {
      await tb.stop(true);
    }
  });

  test('sendOffsets: offsets commit with the transaction, vanish with an abort, survive a restart', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'gregor-txn-offsets-'));
    dirs.push(logDir);
    let tb = await startTestBroker({ logDir, properties: PROPERTIES });
    const GROUP = 'ctp-group';
    async function committedOffset(requireStable: boolean): Promise<{ offset: bigint; errorCode: number }> {
      const client = await TestClient.connect(tb.host, tb.port);
      try {
        const req = new OffsetFetchRequest();
        req.groupId = GROUP;
        const t = new OffsetFetchRequestTopic();
        t.name = 'ctp-in';
        t.partitionIndexes = [0];
        req.topics = [t];
        req.requireStable = requireStable;
        const res = await client.send<OffsetFetchResponse>(ApiKey.OffsetFetch, 7, req);
        const p = res.topics[0]?.partitions[0];
        return { offset: p?.committedOffset ?? -2n, errorCode: p?.errorCode ?? -1 };
      } finally {
        await client.close();
      }
    }
    try {
      await createTopic(tb, 'ctp-in');
      await createTopic(tb, 'ctp-out');
      const kafka = kafkaFor(tb, 'ctp');
      const plain = kafka.producer();
      await plain.connect();
      await plain.send({ topic: 'ctp-in', messages: [{ value: 'x' }, { value: 'y' }, { value: 'z' }] });
      await plain.disconnect();

      const producer = kafka.producer({ transactionalId: 'ctp', idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      const txn = await producer.transaction();
      await txn.send({ topic: 'ctp-out', messages: [{ value: 'X' }, { value: 'Y' }] });
      await txn.sendOffsets({
        consumerGroupId: GROUP,
        topics: [{ topic: 'ctp-in', partitions: [{ partition: 0, offset: '2' }] }],
      });
      assert.deepEqual(await committedOffset(false), { offset: -1n, errorCode: ErrorCode.NONE }, 'not visible yet');
      assert.deepEqual(await committedOffset(true), { offset: -1n, errorCode: ErrorCode.UNSTABLE_OFFSET_COMMIT });
      await txn.commit();
      assert.deepEqual(await committedOffset(true), { offset: 2n, errorCode: ErrorCode.NONE });

      const aborted = await producer.transaction();
      await aborted.send({ topic: 'ctp-out', messages: [{ value: 'Z' }] });
      await aborted.sendOffsets({
        consumerGroupId: GROUP,
        topics: [{ topic: 'ctp-in', partitions: [{ partition: 0, offset: '3' }] }],
      });
      await aborted.abort();
      assert.deepEqual(await committedOffset(true), { offset: 2n, errorCode: ErrorCode.NONE });
      await producer.disconnect();

      await tb.stop(true);
      tb = await startTestBroker({ logDir, properties: PROPERTIES });
      await tb.broker.groups.coordinator.whenLoaded();
      assert.deepEqual(await committedOffset(true), { offset: 2n, errorCode: ErrorCode.NONE });
      assert.deepEqual((await consumeValues(tb, 'ctp-out', false, 2)).sort(), ['X', 'Y']);
    } finally {
      await tb.stop(true);
    }
  });
});
