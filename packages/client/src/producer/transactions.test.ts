/**
 * Transactions against an in-process broker, judged by KafkaJS: its read_committed
 * consumer for what became visible, its admin client for group offsets.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uniqueTopic } from '@gregor/broker/e2e/support';
import type { TestBroker } from '@gregor/broker/testing';
import { startTestBroker } from '@gregor/broker/testing';
import { KafkaError } from '../errors.js';
import { consumeWithKafkaJs, createTopic, kafkaJs, readPartition } from './fixtures.js';
import { Producer } from './producer.js';
import { TransactionStateError } from './transaction-manager.js';

describe('transactions', { timeout: 120_000 }, () => {
  let tb: TestBroker;
  const producers: Producer[] = [];
  const transactional = (id: string, extra: Record<string, unknown> = {}): Producer => {
    const p = new Producer({ bootstrapServers: tb.bootstrap, transactionalId: id, lingerMs: 0, ...extra });
    producers.push(p);
    return p;
  };

  before(async () => {
    tb = await startTestBroker({ properties: { 'num.partitions': '2' } });
  });

  after(async () => {
    for (const p of producers) await p.close({ timeoutMs: 2_000 }).catch(() => undefined);
    await tb?.stop();
  });

  test('commit: records become visible to a read_committed consumer', async () => {
    const topic = uniqueTopic('tx-commit');
    await createTopic(tb.bootstrap, topic, 2);
    const p = transactional(uniqueTopic('txid'));
    await p.initTransactions();
    p.beginTransaction();
    const results = await p.sendMany(
      Array.from({ length: 10 }, (_, i) => ({
        topic,
        partition: i % 2,
        key: Buffer.from(`k${i}`),
        value: Buffer.from(`c${i}`),
      })),
    );
    assert.equal(results.length, 10);
    await p.commitTransaction();
    const consumed = await consumeWithKafkaJs(tb.bootstrap, topic, 10);
    assert.deepEqual(consumed.map((r) => r.value).sort(), Array.from({ length: 10 }, (_, i) => `c${i}`).sort());
  });

  test('abort: aborted records stay invisible; the next transaction commits', async () => {
    const topic = uniqueTopic('tx-abort');
    await createTopic(tb.bootstrap, topic, 1);
    const p = transactional(uniqueTopic('txid'));
    await p.initTransactions();
    p.beginTransaction();
    await p.sendMany(Array.from({ length: 5 }, (_, i) => ({ topic, value: Buffer.from(`aborted-${i}`) })));
    await p.abortTransaction();
    p.beginTransaction();
    await p.sendMany(Array.from({ length: 5 }, (_, i) => ({ topic, value: Buffer.from(`committed-${i}`) })));
    await p.commitTransaction();
    const consumed = await consumeWithKafkaJs(tb.bootstrap, topic, 5);
    assert.deepEqual(
      consumed.map((r) => r.value),
      Array.from({ length: 5 }, (_, i) => `committed-${i}`),
    );
    // read_uncommitted sees both, plus the markers' offsets.
    const all = await readPartition(tb.port, topic, 0);
    assert.equal(all.length, 10);
  });

  test('abort fails records not yet sent', async () => {
    const topic = uniqueTopic('tx-unsent');
    const p = transactional(uniqueTopic('txid'), { lingerMs: 10_000 });
    await p.initTransactions();
    p.beginTransaction();
    const pending = p.send({ topic, value: Buffer.from('never') }).then(
      () => null,
      (e: unknown) => e,
    );
    await p.abortTransaction();
    assert.ok((await pending) instanceof TransactionStateError);
  });

  test('transaction(): commits on success, aborts and rethrows on failure', async () => {
    const topic = uniqueTopic('tx-fn');
    await createTopic(tb.bootstrap, topic, 1);
    const p = transactional(uniqueTopic('txid'));
    await p.initTransactions();
    await assert.rejects(
      p.transaction(async (tx) => {
        await tx.send({ topic, value: Buffer.from('rolled-back') });
        throw new Error('boom');
      }),
      /boom/,
    );
    const value = await p.transaction(async (tx) => {
      await tx.send({ topic, value: Buffer.from('kept') });
      return 42;
    });
    assert.equal(value, 42);
    const consumed = await consumeWithKafkaJs(tb.bootstrap, topic, 1);
    assert.deepEqual(
      consumed.map((r) => r.value),
      ['kept'],
    );
  });

  test('sendOffsets: group offsets become visible when the transaction commits', async () => {
    const topic = uniqueTopic('tx-offsets');
    await createTopic(tb.bootstrap, topic, 2);
    const groupId = uniqueTopic('group');
    const admin = kafkaJs(tb.bootstrap).admin();
    await admin.connect();
    try {
      const offsetsOf = async (): Promise<string[]> => {
        const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
        return (t?.partitions ?? []).sort((a, b) => a.partition - b.partition).map((p) => p.offset);
      };
      const p = transactional(uniqueTopic('txid'));
      await p.initTransactions();
      p.beginTransaction();
      await p.send({ topic, partition: 0, value: Buffer.from('out') });
      await p.sendOffsets(
        [
          { topic, partition: 0, offset: 42 },
          { topic, partition: 1, offset: 7, metadata: 'meta' },
        ],
        { groupId, generationId: -1, memberId: '', groupInstanceId: null },
      );
      assert.deepEqual(await offsetsOf(), ['-1', '-1']);
      await p.commitTransaction();
      assert.deepEqual(await offsetsOf(), ['42', '7']);
      // Offsets of an aborted transaction are dropped.
      p.beginTransaction();
      await p.sendOffsets([{ topic, partition: 0, offset: 100 }], groupId);
      await p.abortTransaction();
      assert.deepEqual(await offsetsOf(), ['42', '7']);
    } finally {
      await admin.disconnect();
    }
  });

  test('fencing: a second producer with the same transactional id fences the first for good', async () => {
    const topic = uniqueTopic('tx-fence');
    await createTopic(tb.bootstrap, topic, 1);
    const id = uniqueTopic('txid');
    const first = transactional(id);
    await first.initTransactions();
    first.beginTransaction();
    await first.send({ topic, value: Buffer.from('zombie') });
    const second = transactional(id);
    await second.initTransactions();
    const isFenced = (e: unknown): boolean => {
      assert.ok(e instanceof KafkaError, String(e));
      assert.ok(['PRODUCER_FENCED', 'INVALID_PRODUCER_EPOCH'].includes(e.type), e.type);
      return true;
    };
    await assert.rejects(first.commitTransaction(), isFenced);
    await assert.rejects(first.send({ topic, value: Buffer.from('again') }), isFenced);
    assert.throws(() => first.beginTransaction(), isFenced);
    second.beginTransaction();
    await second.send({ topic, value: Buffer.from('winner') });
    await second.commitTransaction();
    const consumed = await consumeWithKafkaJs(tb.bootstrap, topic, 1);
    assert.deepEqual(
      consumed.map((r) => r.value),
      ['winner'],
    );
  });

  test('fencing while sending: the fenced producer cannot add partitions', async () => {
    const topic = uniqueTopic('tx-fence2');
    await createTopic(tb.bootstrap, topic, 1);
    const id = uniqueTopic('txid');
    const first = transactional(id);
    await first.initTransactions();
    const second = transactional(id);
    await second.initTransactions();
    first.beginTransaction();
    await assert.rejects(first.send({ topic, value: Buffer.from('zombie') }), (e: unknown) => {
      assert.ok(e instanceof KafkaError);
      assert.ok(['PRODUCER_FENCED', 'INVALID_PRODUCER_EPOCH'].includes(e.type), e.type);
      return true;
    });
  });

  test('a failed batch spoils the transaction: commit refused, abort bumps the epoch, the next one commits', async () => {
    const topic = uniqueTopic('tx-spoiled');
    await createTopic(tb.bootstrap, topic, 1, [{ name: 'message.timestamp.before.max.ms', value: '3600000' }]);
    const p = transactional(uniqueTopic('txid'));
    await p.initTransactions();
    const txn = (p as unknown as { txn: { producerEpoch: number } }).txn;
    const epoch = txn.producerEpoch;
    p.beginTransaction();
    await p.send({ topic, value: Buffer.from('good-but-aborted') });
    await assert.rejects(p.send({ topic, value: Buffer.from('too old'), timestamp: 1000 }), (e: unknown) => {
      assert.ok(e instanceof KafkaError);
      assert.equal(e.type, 'INVALID_TIMESTAMP');
      return true;
    });
    await assert.rejects(p.send({ topic, value: Buffer.from('refused') }), /aborted after an error/);
    await assert.rejects(p.commitTransaction(), TransactionStateError);
    await p.abortTransaction();
    assert.ok(txn.producerEpoch > epoch, 'the epoch was not bumped');
    await p.transaction(async (tx) => {
      await tx.send({ topic, value: Buffer.from('after') });
    });
    const consumed = await consumeWithKafkaJs(tb.bootstrap, topic, 1);
    assert.deepEqual(
      consumed.map((r) => r.value),
      ['after'],
    );
  });

  test('state errors are clear', async () => {
    const topic = uniqueTopic('tx-state');
    const p = transactional(uniqueTopic('txid'));
    assert.throws(() => p.beginTransaction(), /initTransactions/);
    await assert.rejects(p.send({ topic, value: null }), TransactionStateError);
    await p.initTransactions();
    await assert.rejects(p.initTransactions(), TransactionStateError);
    await assert.rejects(p.send({ topic, value: null }), /beginTransaction/);
    await assert.rejects(p.commitTransaction(), TransactionStateError);
    await assert.rejects(p.abortTransaction(), TransactionStateError);
    await assert.rejects(p.sendOffsets([{ topic, partition: 0, offset: 1 }], 'g'), TransactionStateError);
    p.beginTransaction();
    assert.throws(() => p.beginTransaction(), TransactionStateError);
    await assert.rejects(p.sendOffsets([{ topic, partition: 0, offset: -1 }], 'g'), TransactionStateError);
    await assert.rejects(p.sendOffsets([{ topic, partition: 0, offset: 1 }], ''), TransactionStateError);
    // Nothing joined the transaction: commit needs no EndTxn.
    await p.commitTransaction();

    const plain = new Producer({ bootstrapServers: tb.bootstrap });
    producers.push(plain);
    await assert.rejects(plain.initTransactions(), TransactionStateError);
    assert.throws(() => plain.beginTransaction(), TransactionStateError);
    await assert.rejects(plain.commitTransaction(), TransactionStateError);
    await assert.rejects(plain.sendOffsets([{ topic, partition: 0, offset: 1 }], 'g'), TransactionStateError);
  });
});
