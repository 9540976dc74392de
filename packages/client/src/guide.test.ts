/**
 * The snippets of docs/client.md, run against a broker, so that the guide stays true.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestBroker, type TestBroker } from '@gregor/broker/testing';
import { Admin, AdminError, Consumer, deserializers, KafkaError, Producer, serializers } from './index.js';

describe('docs/client.md', () => {
  let broker: TestBroker;
  let bootstrapServers: string;
  before(async () => {
    broker = await startTestBroker({ properties: { 'group.initial.rebalance.delay.ms': '0', 'num.partitions': '3' } });
    bootstrapServers = broker.bootstrap;
  });
  after(async () => {
    await broker.stop();
  });

  it('administration, producing, consuming and a transaction work as written', async () => {
    const admin = new Admin({ bootstrapServers });
    await admin.createTopics([{ name: 'orders', numPartitions: 6, configs: { 'retention.ms': '86400000' } }]);
    const [orders] = await admin.describeTopics(['orders']);
    assert.equal(orders?.partitions.length, 6);
    try {
      await admin.createTopics([{ name: 'orders' }]);
      assert.fail('created twice');
    } catch (error) {
      if (!(error instanceof AdminError && error.errors[0]?.type === 'TOPIC_ALREADY_EXISTS')) throw error;
      assert.ok(error.errors[0] instanceof KafkaError);
    }

    const producer = new Producer({
      bootstrapServers,
      keySerializer: serializers.string,
      valueSerializer: serializers.json,
    });
    const meta = await producer.send({ topic: 'orders', key: 'customer-7', value: { total: 12 } });
    assert.equal(meta.topic, 'orders');
    assert.ok(meta.offset >= 0 && meta.partition >= 0 && meta.timestamp > 0);
    await producer.close();

    const consumer = new Consumer({
      bootstrapServers,
      groupId: 'billing',
      autoOffsetReset: 'earliest',
      valueDeserializer: deserializers.string,
    });
    consumer.subscribe(['orders']);
    const seen: string[] = [];
    for await (const batch of consumer) {
      for (const record of batch.records) seen.push(`${batch.partition}:${record.offset}:${record.value}`);
      if (seen.length === 1) break;
    }
    assert.deepEqual(seen, [`${meta.partition}:${meta.offset}:{"total":12}`]);
    await consumer.commit();

    const tx = new Producer({ bootstrapServers, transactionalId: 'orders-enricher' });
    await tx.initTransactions();
    await tx.transaction(async (t) => {
      await t.send({ topic: 'enriched', value: Buffer.from('...') });
      await t.sendOffsets(
        [{ topic: 'orders', partition: meta.partition, offset: meta.offset + 1 }],
        consumer.groupMetadata(),
      );
    });
    await tx.close();
    await consumer.close();

    const lag = await admin.listGroupOffsets('billing');
    const mine = lag.find((o) => o.partition === meta.partition);
    assert.equal(mine?.offset, meta.offset + 1);
    assert.equal(mine?.lag, 0);
    const planned = await admin.resetGroupOffsets('billing', { topics: ['orders'], to: 'earliest', dryRun: true });
    assert.equal(planned.length, 6);
    await admin.close();
  });
});
