import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Fixture, rejectsWithItems, startFixture, unique } from './fixtures.js';

describe('Admin transactions', { timeout: 60_000 }, () => {
  let f: Fixture;
  before(async () => {
    f = await startFixture({ 'transaction.state.log.replication.factor': '1', 'transaction.state.log.min.isr': '1' });
  });
  after(async () => {
    await f?.stop();
  });

  it('lists and describes an open transaction and its producer', async () => {
    const topic = unique('txn-topic');
    const transactionalId = unique('txn');
    await f.admin.createTopics([{ name: topic, numPartitions: 2 }]);
    const producer = f.kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const txn = await producer.transaction();
      await txn.send({ topic, messages: [{ value: 'a', partition: 1 }] });

      const listed = await f.admin.listTransactions();
      const mine = listed.find((t) => t.transactionalId === transactionalId);
      assert.equal(mine?.state, 'Ongoing');
      assert.ok((mine?.producerId ?? -1) >= 0);
      assert.ok(
        (await f.admin.listTransactions({ states: ['Ongoing'] })).some((t) => t.transactionalId === transactionalId),
      );
      assert.ok(
        !(await f.admin.listTransactions({ states: ['CompleteCommit'] })).some(
          (t) => t.transactionalId === transactionalId,
        ),
      );

      const [described] = await f.admin.describeTransactions([transactionalId]);
      assert.equal(described?.state, 'Ongoing');
      assert.equal(described?.producerId, mine?.producerId);
      assert.deepEqual(described?.partitions, [{ topic, partition: 1 }]);
      assert.ok((described?.startTimeMs ?? -1) > 0);

      const [p1] = await f.admin.describeProducers([{ topic, partition: 1 }]);
      const state = p1?.activeProducers.find((p) => p.producerId === mine?.producerId);
      assert.equal(state?.currentTxnStartOffset, 0);
      assert.equal(state?.lastSequence, 0);

      await txn.commit();
      const [after] = await f.admin.describeTransactions([transactionalId]);
      assert.equal(after?.state, 'CompleteCommit');
      assert.deepEqual(after?.partitions, []);
    } finally {
      await producer.disconnect();
    }
  });

  it('reports unknown transactional ids and partitions', async () => {
    const missing = unique('txn-missing');
    await rejectsWithItems(f.admin.describeTransactions([missing]), [
      { type: 'TRANSACTIONAL_ID_NOT_FOUND', topic: missing },
    ]);
    const topic = unique('txn-unknown-topic');
    await rejectsWithItems(f.admin.describeProducers([{ topic, partition: 0 }], { timeoutMs: 60_000 }), [
      { type: 'UNKNOWN_TOPIC_OR_PARTITION', topic, partition: 0 },
    ]);
  });
});
