/**
 * KafkaJS 2.2.4 against an in-process broker: its producer with acks 0, 1 and -1, keyed
 * and unkeyed, gzip; its admin client for topics, offsets, partitions, configs and
 * record deletion. KafkaJS's consumer needs consumer groups, so what was produced is
 * read back with raw Fetch requests (generated codecs over a socket) and compared exactly.
 *
 * Admin subtests whose API has no handler yet are skipped, checked against the handler
 * registry when this file loads, so they run by themselves once the handler lands.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ApiKey,
  ApiVersionsRequest,
  type ApiVersionsResponse,
  buildRecordBatch,
  type FetchResponse,
  RecordBatchView,
} from '@gregor/protocol';
import type { Admin, Producer } from 'kafkajs';
import kafkajs from 'kafkajs';
import { handlerFor } from '../handlers/registry.js';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { FETCH_VERSION, fetchAll, fetchOnce, fetchRequest, produce, produceRequest, RawClient } from './raw-client.js';
import { plain, uniqueTopic, waitFor } from './support.js';

const { CompressionTypes, ConfigResourceTypes, Kafka, logLevel, Partitioners } = kafkajs;

/** The broker must serve every one of `apiKeys`: a missing handler fails the file, never skips. */
function needs(...apiKeys: number[]): { skip?: string } {
  const missing = apiKeys.filter((k) => handlerFor(k) === undefined);
  if (missing.length > 0) throw new Error(`no handler for API keys ${missing.join(', ')}`);
  return {};
}

describe('KafkaJS end to end', { timeout: 60_000 }, () => {
  let tb: TestBroker;
  let producer: Producer;
  let admin: Admin;
  let client: RawClient;

  before(async () => {
    tb = await startTestBroker();
    const kafka = new Kafka({
      clientId: 'gregor-e2e',
      brokers: [tb.bootstrap],
      logLevel: logLevel.NOTHING,
      retry: { retries: 3, initialRetryTime: 50, maxRetryTime: 500 },
    });
    producer = kafka.producer({ allowAutoTopicCreation: true, createPartitioner: Partitioners.DefaultPartitioner });
    admin = kafka.admin();
    await producer.connect();
    await admin.connect();
    client = await RawClient.connect(tb.port);
  });

  after(async () => {
    client?.close();
    await producer?.disconnect().catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
    await tb?.stop();
  });

  test('acks=-1: keyed and unkeyed messages with headers and timestamps come back exactly', async () => {
    const topic = uniqueTopic('kjs-all');
    const t0 = Date.now() - 60_000;
    const messages = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? {
            key: `key-${i}`,
            value: `value-${i}`,
            headers: { h: `x${i}`, other: Buffer.from([0, 1, 2]) },
            timestamp: String(t0 + i),
          }
        : { value: Buffer.from(`unkeyed-${i}\u0000\n`), timestamp: String(t0 + i) },
    );
    const first = await producer.send({ topic, acks: -1, messages });
    assert.deepEqual(
      first.map((m) => [m.topicName, m.partition, m.errorCode, m.baseOffset]),
      [[topic, 0, 0, '0']],
    );
    const second = await producer.send({ topic, acks: -1, messages: [{ key: null, value: 'last' }] });
    assert.equal(second[0]?.baseOffset, '40');

    const { records, highWatermark } = await fetchAll(client, topic, 0);
    assert.equal(highWatermark, 41);
    assert.equal(records.length, 41);
    for (let i = 0; i < 40; i++) {
      const r = records[i];
      assert.ok(r !== undefined);
      assert.equal(r.offset, i);
      assert.equal(r.timestamp, t0 + i);
      if (i % 2 === 0) {
        assert.deepEqual(plain(r), {
          offset: i,
          key: `key-${i}`,
          value: `value-${i}`,
          headers: [
            ['h', `x${i}`],
            ['other', '\u0000\u0001\u0002'],
          ],
        });
      } else {
        assert.equal(r.key, null);
        assert.ok(r.value?.equals(Buffer.from(`unkeyed-${i}\u0000\n`)));
        assert.deepEqual(r.headers, []);
      }
    }
    assert.equal(records[40]?.value?.toString(), 'last');
  });

  test('acks=1 to an explicit partition', async () => {
    const topic = uniqueTopic('kjs-one');
    for (let round = 0; round < 3; round++) {
      const sent = await producer.send({
        topic,
        acks: 1,
        messages: Array.from({ length: 5 }, (_, i) => ({ partition: 0, key: `r${round}`, value: `m${round * 5 + i}` })),
      });
      assert.equal(sent[0]?.errorCode, 0);
      assert.equal(sent[0]?.baseOffset, String(round * 5));
    }
    const { records } = await fetchAll(client, topic, 0);
    assert.deepEqual(
      records.map((r) => [r.offset, r.key?.toString(), r.value?.toString()]),
      Array.from({ length: 15 }, (_, i) => [i, `r${Math.floor(i / 5)}`, `m${i}`]),
    );
  });

  test('acks=0: KafkaJS gets no response and the messages are still appended', async () => {
    const topic = uniqueTopic('kjs-zero');
    // Create the topic first so the fire-and-forget sends have somewhere to go.
    await producer.send({ topic, acks: 1, messages: [{ value: 'first' }] });
    for (let i = 0; i < 5; i++) {
      await producer.send({ topic, acks: 0, messages: [{ key: `k${i}`, value: `zero-${i}` }] });
    }
    let values: string[] = [];
    await waitFor('the acks=0 messages', async () => {
      values = (await fetchAll(client, topic, 0)).records.map((r) => r.value?.toString() ?? '');
      return values.length >= 6;
    });
    assert.deepEqual(values, ['first', 'zero-0', 'zero-1', 'zero-2', 'zero-3', 'zero-4']);
  });

  test('acks=0 over a raw socket: no response frame at all, the next response is the next request', async () => {
    const topic = uniqueTopic('raw-zero');
    await producer.send({ topic, acks: 1, messages: [{ value: 'created' }] });
    const batch = buildRecordBatch({ records: [{ value: 'no answer', timestamp: Date.now() }] });
    client.send(ApiKey.Produce, 9, produceRequest(topic, 0, batch, 0));
    client.send(ApiKey.Produce, 3, produceRequest(topic, 0, batch, 0));
    const versions = new ApiVersionsRequest();
    versions.clientSoftwareName = 'gregor-e2e';
    versions.clientSoftwareVersion = '1.0';
    const answer = await client.request<ApiVersionsResponse>(ApiKey.ApiVersions, 3, versions);
    assert.equal(answer.errorCode, 0);
    await waitFor('both acks=0 batches', async () => (await fetchOnce(client, topic, 0, 0)).highWatermark === 3);
    const { records } = await fetchAll(client, topic, 0);
    assert.deepEqual(
      records.map((r) => r.value?.toString()),
      ['created', 'no answer', 'no answer'],
    );
  });

  test('gzip: stored as a gzip batch, read back exactly', async () => {
    const topic = uniqueTopic('kjs-gzip');
    const messages = Array.from({ length: 100 }, (_, i) => ({
      key: `k${i % 7}`,
      value: `gzip payload ${i} ${'z'.repeat(i)}`,
    }));
    await producer.send({ topic, acks: -1, compression: CompressionTypes.GZIP, messages });
    const fetched = await client.request<FetchResponse>(ApiKey.Fetch, FETCH_VERSION, fetchRequest(topic, 0, 0));
    const blob = fetched.responses[0]?.partitions[0]?.records;
    assert.ok(blob !== null && blob !== undefined);
    const view = new RecordBatchView(blob, 0);
    assert.equal(view.compression, CompressionTypes.GZIP);
    assert.equal(view.recordCount, 100);
    const { records } = await fetchAll(client, topic, 0);
    assert.deepEqual(
      records.map((r) => [r.key?.toString(), r.value?.toString()]),
      messages.map((m) => [m.key, m.value]),
    );
  });

  test('admin: listTopics and fetchTopicMetadata', async () => {
    const topic = uniqueTopic('kjs-meta');
    await producer.send({ topic, messages: [{ value: 'x' }] });
    assert.ok((await admin.listTopics()).includes(topic));
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    assert.deepEqual(topics, [
      {
        name: topic,
        partitions: [
          { partitionErrorCode: 0, partitionId: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] },
        ],
      },
    ]);
  });

  test('admin: fetchTopicOffsets and fetchTopicOffsetsByTimestamp', async () => {
    const topic = uniqueTopic('kjs-offsets');
    const t0 = Date.now() - 100_000;
    for (let i = 0; i < 4; i++) {
      await producer.send({
        topic,
        messages: Array.from({ length: 5 }, (_, j) => ({
          value: `v${i * 5 + j}`,
          timestamp: String(t0 + i * 1000 + j),
        })),
      });
    }
    assert.deepEqual(await admin.fetchTopicOffsets(topic), [{ partition: 0, offset: '20', high: '20', low: '0' }]);
    assert.deepEqual(await admin.fetchTopicOffsetsByTimestamp(topic, t0 - 1), [{ partition: 0, offset: '0' }]);
    assert.deepEqual(await admin.fetchTopicOffsetsByTimestamp(topic, t0 + 2000), [{ partition: 0, offset: '10' }]);
    assert.deepEqual(await admin.fetchTopicOffsetsByTimestamp(topic, t0 + 2002), [{ partition: 0, offset: '12' }]);
    assert.deepEqual(await admin.fetchTopicOffsetsByTimestamp(topic, t0 + 2500), [{ partition: 0, offset: '15' }]);
    // No record that late: KafkaJS falls back to the latest offset.
    assert.deepEqual(await admin.fetchTopicOffsetsByTimestamp(topic, Date.now() + 3_600_000), [
      { partition: 0, offset: '20' },
    ]);
  });

  test('admin: createTopics (with configs), and again (already exists)', needs(ApiKey.CreateTopics), async () => {
    const topic = uniqueTopic('kjs-created');
    const created = await admin.createTopics({
      topics: [
        { topic, numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '3600000' }] },
      ],
    });
    assert.equal(created, true);
    assert.equal(await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] }), false);
    assert.ok((await admin.listTopics()).includes(topic));
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    assert.deepEqual(topics[0]?.partitions.map((p) => [p.partitionId, p.leader]).sort(), [
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    assert.equal(tb.broker.metadata.topicConfigs(topic).get('retention.ms'), '3600000');
    const sent = await producer.send({ topic, acks: -1, messages: [{ partition: 2, value: 'to partition 2' }] });
    assert.deepEqual(
      sent.map((s) => [s.partition, s.errorCode, s.baseOffset]),
      [[2, 0, '0']],
    );
    await assert.rejects(admin.createTopics({ topics: [{ topic: 'bad/name', numPartitions: 1 }] }));
  });

  test('admin: deleteTopics', needs(ApiKey.DeleteTopics), async () => {
    const topic = uniqueTopic('kjs-deleted');
    await producer.send({ topic, acks: -1, messages: [{ value: 'doomed' }] });
    assert.ok((await admin.listTopics()).includes(topic));
    await admin.deleteTopics({ topics: [topic], timeout: 5000 });
    assert.ok(!(await admin.listTopics()).includes(topic));
    const r = await fetchOnce(client, topic, 0, 0);
    assert.equal(r.errorCode, 3); // UNKNOWN_TOPIC_OR_PARTITION
  });

  test('admin: createPartitions', needs(ApiKey.CreatePartitions), async () => {
    const topic = uniqueTopic('kjs-grow');
    await producer.send({ topic, acks: -1, messages: [{ value: 'one partition' }] });
    await admin.createPartitions({ topicPartitions: [{ topic, count: 3 }] });
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    assert.equal(topics[0]?.partitions.length, 3);
    // (KafkaJS's producer would only see the new partitions at its next metadata refresh.)
    const batch = buildRecordBatch({ records: [{ value: 'new partition', timestamp: Date.now() }] });
    const sent = await produce(client, topic, 2, batch);
    assert.equal(sent.errorCode, 0);
    assert.equal(sent.baseOffset, 0);
    const { records } = await fetchAll(client, topic, 2);
    assert.deepEqual(
      records.map((r) => r.value?.toString()),
      ['new partition'],
    );
    // Fewer partitions than there are is refused.
    await assert.rejects(admin.createPartitions({ topicPartitions: [{ topic, count: 2 }] }));
  });

  test('admin: describeConfigs and alterConfigs', needs(ApiKey.DescribeConfigs, ApiKey.AlterConfigs), async () => {
    const topic = uniqueTopic('kjs-configs');
    await producer.send({ topic, acks: -1, messages: [{ value: 'x' }] });
    const describe = async () => {
      const r = await admin.describeConfigs({
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms', 'cleanup.policy'] }],
        includeSynonyms: false,
      });
      const resource = r.resources[0];
      assert.ok(resource !== undefined);
      assert.equal(resource.errorCode, 0);
      return new Map(resource.configEntries.map((e) => [e.configName, e]));
    };
    const before = await describe();
    assert.equal(before.get('cleanup.policy')?.configValue, 'delete');
    assert.equal(before.get('retention.ms')?.isDefault, true);
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: topic, configEntries: [{ name: 'retention.ms', value: '123456' }] },
      ],
    });
    const afterAlter = await describe();
    assert.equal(afterAlter.get('retention.ms')?.configValue, '123456');
    assert.equal(afterAlter.get('retention.ms')?.isDefault, false);
    assert.equal(tb.broker.metadata.topicConfigs(topic).get('retention.ms'), '123456');
    // The broker resource describes too.
    const broker = await admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.BROKER, name: '1', configNames: ['num.partitions'] }],
      includeSynonyms: false,
    });
    assert.equal(broker.resources[0]?.errorCode, 0);
    assert.equal(broker.resources[0]?.configEntries.find((e) => e.configName === 'num.partitions')?.configValue, '1');
  });

  test('admin: deleteTopicRecords moves the log start offset', needs(ApiKey.DeleteRecords), async () => {
    const topic = uniqueTopic('kjs-delrec');
    await producer.send({ topic, acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ value: `d${i}` })) });
    // KafkaJS looks the partition leaders up in the admin's metadata cache, which only
    // holds topics it was asked about.
    await admin.fetchTopicMetadata({ topics: [topic] });
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '4' }] });
    assert.deepEqual(await admin.fetchTopicOffsets(topic), [{ partition: 0, offset: '10', high: '10', low: '4' }]);
    const r = await fetchOnce(client, topic, 0, 0);
    assert.equal(r.errorCode, 1); // OFFSET_OUT_OF_RANGE
    assert.equal(r.logStartOffset, 4);
    const { records } = await fetchAll(client, topic, 0, 4);
    assert.deepEqual(
      records.map((x) => x.value?.toString()),
      ['d4', 'd5', 'd6', 'd7', 'd8', 'd9'],
    );
  });
});
