/**
 * KafkaJS 2.2.4's admin client against the admin handlers: it negotiates older,
 * non-flexible versions (CreateTopics v3, DeleteTopics v1, CreatePartitions v1,
 * DescribeConfigs v2, AlterConfigs v1, DeleteRecords v1) and checks error codes its own
 * way, so it is a second judge of the answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Admin } from 'kafkajs';
import kafkajs from 'kafkajs';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { appendRecords } from './protocol-client.js';

const { ConfigResourceTypes, Kafka, logLevel } = kafkajs;

/** The `type` of a KafkaJS error (its Kafka error name), or the message. */
async function kafkaError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    const err = e as { type?: string; errors?: { type?: string }[]; cause?: { type?: string }; message: string };
    return err.type ?? err.errors?.[0]?.type ?? err.cause?.type ?? err.message;
  }
  return 'no error';
}

describe('KafkaJS admin', { timeout: 30_000 }, () => {
  let tb: TestBroker;
  let admin: Admin;

  before(async () => {
    tb = await startTestBroker();
    const kafka = new Kafka({
      clientId: 'gregor-admin-test',
      brokers: [tb.bootstrap],
      logLevel: logLevel.NOTHING,
      // KafkaJS retries UNKNOWN_TOPIC_OR_PARTITION; the error paths here need no patience.
      retry: { retries: 1, initialRetryTime: 20, maxRetryTime: 50 },
    });
    admin = kafka.admin();
    await admin.connect();
  });
  after(async () => {
    await admin.disconnect();
    await tb.stop();
  });

  test('createTopics, listTopics, fetchTopicMetadata', async () => {
    assert.equal(
      await admin.createTopics({
        topics: [
          { topic: 'kj-a', numPartitions: 2, replicationFactor: 1 },
          { topic: 'kj-b', configEntries: [{ name: 'retention.ms', value: '60000' }] },
        ],
      }),
      true,
    );
    assert.equal(await admin.createTopics({ topics: [{ topic: 'kj-a' }] }), false, 'already exists');
    // KafkaJS waits for leaders even when validating only; a validated topic has none.
    assert.equal(
      await admin.createTopics({ topics: [{ topic: 'kj-c' }], validateOnly: true, waitForLeaders: false }),
      true,
    );
    assert.ok(!(await admin.listTopics()).includes('kj-c'));
    const topics = await admin.listTopics();
    assert.ok(topics.includes('kj-a') && topics.includes('kj-b'));
    const { topics: meta } = await admin.fetchTopicMetadata({ topics: ['kj-a'] });
    assert.equal(meta[0]?.partitions.length, 2);
    assert.equal(
      await kafkaError(
        admin.createTopics({ topics: [{ topic: 'kj-bad', configEntries: [{ name: 'x.y', value: '1' }] }] }),
      ),
      'INVALID_CONFIG',
    );
    assert.equal(
      await kafkaError(admin.createTopics({ topics: [{ topic: 'kj-rf', replicationFactor: 3 }] })),
      'INVALID_REPLICATION_FACTOR',
    );
  });

  test('createPartitions', async () => {
    await admin.createTopics({ topics: [{ topic: 'kj-grow', numPartitions: 1 }] });
    await admin.createPartitions({ topicPartitions: [{ topic: 'kj-grow', count: 3 }] });
    const { topics } = await admin.fetchTopicMetadata({ topics: ['kj-grow'] });
    assert.equal(topics[0]?.partitions.length, 3);
    assert.equal(
      await kafkaError(admin.createPartitions({ topicPartitions: [{ topic: 'kj-grow', count: 2 }] })),
      'INVALID_PARTITIONS',
    );
    assert.equal(
      await kafkaError(admin.createPartitions({ topicPartitions: [{ topic: 'kj-nope', count: 2 }] })),
      'UNKNOWN_TOPIC_OR_PARTITION',
    );
  });

  test('describeConfigs and alterConfigs', async () => {
    await admin.createTopics({
      topics: [{ topic: 'kj-configs', configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
    });
    const described = await admin.describeConfigs({
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: 'kj-configs', configNames: ['cleanup.policy', 'retention.ms'] },
        { type: ConfigResourceTypes.BROKER, name: '1', configNames: ['num.partitions'] },
      ],
      includeSynonyms: true,
    });
    const topic = described.resources.find((r) => r.resourceName === 'kj-configs');
    const policy = topic?.configEntries.find((c) => c.configName === 'cleanup.policy');
    assert.equal(policy?.configValue, 'compact');
    assert.equal(policy?.isDefault, false);
    assert.equal(policy?.configSource, 1);
    assert.equal(topic?.configEntries.find((c) => c.configName === 'retention.ms')?.configValue, '604800000');
    const brokerEntries = described.resources.find((r) => r.resourceType === ConfigResourceTypes.BROKER)?.configEntries;
    assert.equal(brokerEntries?.[0]?.configValue, '1');

    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: 'kj-configs',
          configEntries: [{ name: 'retention.ms', value: '1000' }],
        },
      ],
    });
    const after = await admin.describeConfigs({
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: 'kj-configs', configNames: ['retention.ms', 'cleanup.policy'] },
      ],
      includeSynonyms: false,
    });
    const values = Object.fromEntries(
      after.resources[0]?.configEntries.map((c) => [c.configName, c.configValue]) ?? [],
    );
    assert.deepEqual(values, { 'retention.ms': '1000', 'cleanup.policy': 'delete' }, 'AlterConfigs replaces');
    assert.equal(
      await kafkaError(
        admin.alterConfigs({
          validateOnly: false,
          resources: [
            {
              type: ConfigResourceTypes.TOPIC,
              name: 'kj-configs',
              configEntries: [{ name: 'retention.ms', value: 'x' }],
            },
          ],
        }),
      ),
      'INVALID_CONFIG',
    );
    assert.equal(
      await kafkaError(
        admin.describeConfigs({
          resources: [{ type: ConfigResourceTypes.TOPIC, name: 'kj-none' }],
          includeSynonyms: false,
        }),
      ),
      'UNKNOWN_TOPIC_OR_PARTITION',
    );
  });

  test('deleteTopicRecords', async () => {
    await admin.createTopics({ topics: [{ topic: 'kj-records', numPartitions: 1 }] });
    await appendRecords(tb.broker, 'kj-records', 0, 6);
    await admin.fetchTopicMetadata({ topics: ['kj-records'] }); // KafkaJS finds leaders in its metadata cache
    await admin.deleteTopicRecords({ topic: 'kj-records', partitions: [{ partition: 0, offset: '4' }] });
    assert.deepEqual(await admin.fetchTopicOffsets('kj-records'), [{ partition: 0, offset: '6', high: '6', low: '4' }]);
    await admin.deleteTopicRecords({ topic: 'kj-records', partitions: [{ partition: 0, offset: '-1' }] });
    assert.equal((await admin.fetchTopicOffsets('kj-records'))[0]?.low, '6');
  });

  test('deleteTopics', async () => {
    await admin.createTopics({ topics: [{ topic: 'kj-gone' }] });
    await admin.deleteTopics({ topics: ['kj-gone'] });
    assert.ok(!(await admin.listTopics()).includes('kj-gone'));
    assert.equal(await kafkaError(admin.deleteTopics({ topics: ['kj-never'] })), 'UNKNOWN_TOPIC_OR_PARTITION');
  });

  test('describeCluster', async () => {
    const cluster = await admin.describeCluster();
    assert.equal(cluster.clusterId, tb.broker.clusterId);
    assert.equal(cluster.controller, 1);
    assert.deepEqual(cluster.brokers, [{ nodeId: 1, host: '127.0.0.1', port: tb.port }]);
  });
});
