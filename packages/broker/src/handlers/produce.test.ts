import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ProduceResponse } from '@gregor/protocol';
import {
  ApiKey,
  buildRecordBatch,
  Compression,
  CreateTopicsRequest,
  ErrorCode,
  FetchRequest,
  ProduceRequest,
  RecordBatchView,
  readAllRecords,
  TimestampType,
} from '@gregor/protocol';
import { CreatableTopic, CreatableTopicConfig } from '@gregor/protocol/generated/messages/create-topics-request';
import { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import type { FetchResponse } from '@gregor/protocol/generated/messages/fetch-response';
import { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

function produceRequest(topic: string, batch: Buffer | null, acks = -1, partition = 0): ProduceRequest {
  const r = new ProduceRequest();
  r.acks = acks;
  r.timeoutMs = 10_000;
  const t = new TopicProduceData();
  t.name = topic;
  const p = new PartitionProduceData();
  p.index = partition;
  p.records = batch;
  t.partitionData.push(p);
  r.topicData.push(t);
  return r;
}

function partitionOf(response: ProduceResponse) {
  const p = response.responses[0]?.partitionResponses[0];
  assert.ok(p !== undefined);
  return p;
}

describe('Produce', () => {
  let tb: TestBroker;
  let client: TestClient;

  async function createTopic(name: string, configs: Record<string, string> = {}): Promise<void> {
    const req = new CreateTopicsRequest();
    const t = new CreatableTopic();
    t.name = name;
    t.numPartitions = 1;
    t.replicationFactor = 1;
    for (const [k, v] of Object.entries(configs)) {
      const c = new CreatableTopicConfig();
      c.name = k;
      c.value = v;
      t.configs.push(c);
    }
    req.topics.push(t);
    req.timeoutMs = 10_000;
    const res = await client.send<{ topics: { errorCode: number; errorMessage: string | null }[] }>(
      ApiKey.CreateTopics,
      7,
      req,
    );
    assert.equal(res.topics[0]?.errorCode, ErrorCode.NONE, res.topics[0]?.errorMessage ?? '');
  }

  async function fetchStored(topic: string): Promise<Buffer> {
    const req = new FetchRequest();
    req.maxBytes = 1 << 20;
    const t = new FetchTopic();
    t.topic = topic;
    const p = new FetchPartition();
    p.partition = 0;
    p.fetchOffset = 0n;
    p.partitionMaxBytes = 1 << 20;
    t.partitions.push(p);
    req.topics.push(t);
    const res = await client.send<FetchResponse>(ApiKey.Fetch, 12, req);
    return res.responses[0]?.partitions[0]?.records ?? Buffer.alloc(0);
  }

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    await createTopic('plain');
  });
  after(async () => {
    client.close();
    await tb.stop();
  });

  test('offsets are assigned and the log start offset is returned', async () => {
    const batch = buildRecordBatch({
      records: [
        { value: 'a', timestamp: Date.now() },
        { value: 'b', timestamp: Date.now() },
      ],
    });
    const first = partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('plain', batch)));
    assert.equal(first.errorCode, ErrorCode.NONE);
    assert.equal(first.baseOffset, 0n);
    assert.equal(first.logStartOffset, 0n);
    assert.equal(first.logAppendTimeMs, -1n);
    const second = partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 3, produceRequest('plain', batch)));
    assert.equal(second.baseOffset, 2n);
  });

  test('LogAppendTime topics get the broker clock stamped into the batch', async () => {
    await createTopic('append-time', { 'message.timestamp.type': 'LogAppendTime' });
    const before = Date.now();
    const batch = buildRecordBatch({ records: [{ value: 'x', timestamp: 1 }] });
    const r = partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('append-time', batch)));
    assert.equal(r.errorCode, ErrorCode.NONE);
    assert.ok(Number(r.logAppendTimeMs) >= before);
    const stored = await fetchStored('append-time');
    const view = new RecordBatchView(stored, 0);
    assert.equal(view.timestampType, TimestampType.LOG_APPEND_TIME);
    assert.equal(view.maxTimestamp, Number(r.logAppendTimeMs));
    assert.ok(view.isCrcValid());
    assert.equal(readAllRecords(stored, 0)[0]?.timestamp, Number(r.logAppendTimeMs));
  });

  test('max.message.bytes: a larger batch is MESSAGE_TOO_LARGE and nothing is written', async () => {
    await createTopic('small', { 'max.message.bytes': '200' });
    const batch = buildRecordBatch({ records: [{ value: Buffer.alloc(300, 1), timestamp: Date.now() }] });
    const r = partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('small', batch)));
    assert.equal(r.errorCode, ErrorCode.MESSAGE_TOO_LARGE);
    assert.equal((await fetchStored('small')).length, 0);
  });

  test('a compacted topic refuses records without a key, naming the record (v8+)', async () => {
    await createTopic('compacted', { 'cleanup.policy': 'compact' });
    const batch = buildRecordBatch({
      records: [
        { key: 'k', value: 'v', timestamp: Date.now() },
        { key: null, value: 'v', timestamp: Date.now() },
      ],
    });
    const r = partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('compacted', batch)));
    assert.equal(r.errorCode, ErrorCode.INVALID_RECORD);
    assert.equal(r.recordErrors[0]?.batchIndex, 1);
    assert.match(r.errorMessage ?? '', /without key/);
    const keyed = buildRecordBatch({ records: [{ key: 'k', value: 'v', timestamp: Date.now() }] });
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('compacted', keyed))).errorCode,
      ErrorCode.NONE,
    );
  });

  test('record timestamps outside message.timestamp.before/after.max.ms are INVALID_TIMESTAMP', async () => {
    await createTopic('recent', {
      'message.timestamp.before.max.ms': '60000',
      'message.timestamp.after.max.ms': '60000',
    });
    const old = buildRecordBatch({ records: [{ value: 'x', timestamp: Date.now() - 3_600_000 }] });
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('recent', old))).errorCode,
      ErrorCode.INVALID_TIMESTAMP,
    );
    const future = buildRecordBatch({
      compression: Compression.GZIP,
      records: [{ value: 'x', timestamp: Date.now() + 3_600_000 }],
    });
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('recent', future))).errorCode,
      ErrorCode.INVALID_TIMESTAMP,
    );
    const now = buildRecordBatch({ records: [{ value: 'x', timestamp: Date.now() }] });
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('recent', now))).errorCode,
      ErrorCode.NONE,
    );
  });

  test('compression.type other than producer recompresses the batch, keeping the records', async () => {
    await createTopic('zstd-topic', { 'compression.type': 'zstd' });
    const batch = buildRecordBatch({
      records: [
        { key: 'a', value: 'one', timestamp: 5, headers: [{ key: 'h', value: Buffer.from('v') }] },
        { value: 'two', timestamp: 6 },
      ],
    });
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('zstd-topic', batch))).errorCode,
      ErrorCode.NONE,
    );
    const stored = await fetchStored('zstd-topic');
    assert.equal(new RecordBatchView(stored, 0).compression, Compression.ZSTD);
    const records = readAllRecords(stored, 0);
    assert.deepEqual(
      records.map((r) => [r.offset, r.key?.toString() ?? null, r.value?.toString(), r.timestamp]),
      [
        [0, 'a', 'one', 5],
        [1, null, 'two', 6],
      ],
    );
    assert.equal(records[0]?.headers[0]?.key, 'h');
  });

  test('per-partition errors: invalid acks, unknown topic, internal topic, missing records, transactional batches', async () => {
    const batch = buildRecordBatch({ records: [{ value: 'x', timestamp: Date.now() }] });
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('plain', batch, 2))).errorCode,
      ErrorCode.INVALID_REQUIRED_ACKS,
    );
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('no-such-topic', batch)))
        .errorCode,
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    );
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('plain', batch, -1, 7)))
        .errorCode,
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    );
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('__consumer_offsets', batch)))
        .errorCode,
      ErrorCode.INVALID_TOPIC_EXCEPTION,
    );
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('plain', null))).errorCode,
      ErrorCode.INVALID_RECORD,
    );
    const idempotent = buildRecordBatch({
      producerId: 7,
      producerEpoch: 0,
      baseSequence: 0,
      records: [{ value: 'x', timestamp: Date.now() }],
    });
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('plain', idempotent))).errorCode,
      ErrorCode.NONE,
      'idempotent batches are served (idempotence.test.ts)',
    );
    const transactional = buildRecordBatch({
      producerId: 7,
      producerEpoch: 0,
      baseSequence: 0,
      transactional: true,
      records: [{ value: 'x', timestamp: Date.now() }],
    });
    assert.equal(
      partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('plain', transactional)))
        .errorCode,
      ErrorCode.INVALID_TXN_STATE,
      'KIP-890 part 1: the partition is not in an ongoing transaction of the producer',
    );
  });

  test('two batches in one partition are refused (one batch per partition, as Kafka)', async () => {
    const batch = buildRecordBatch({ records: [{ value: 'x', timestamp: Date.now() }] });
    const r = partitionOf(
      await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('plain', Buffer.concat([batch, batch]))),
    );
    assert.equal(r.errorCode, ErrorCode.INVALID_RECORD);
  });

  test('min.insync.replicas above the ISR: acks=-1 is NOT_ENOUGH_REPLICAS and nothing is written; acks=1 is taken', async () => {
    await createTopic('min-isr', { 'min.insync.replicas': '2' });
    const batch = () => buildRecordBatch({ records: [{ value: 'a', timestamp: Date.now() }] });
    const refused = partitionOf(
      await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('min-isr', batch(), -1)),
    );
    assert.equal(refused.errorCode, ErrorCode.NOT_ENOUGH_REPLICAS);
    assert.equal(refused.baseOffset, -1n);
    const taken = partitionOf(
      await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('min-isr', batch(), 1)),
    );
    assert.equal(taken.errorCode, ErrorCode.NONE);
    assert.equal(taken.baseOffset, 0n, 'the refused batch was never appended');
  });

  test('a follower replica refuses produce with NOT_LEADER_OR_FOLLOWER', async () => {
    await createTopic('moved');
    const p = tb.broker.replicaManager.get('moved', 0);
    assert.ok(p !== undefined);
    p.makeFollower({ leaderId: 99, leaderEpoch: p.leaderEpoch + 1, partitionEpoch: 1, replicas: [1, 99], isr: [99] });
    const batch = buildRecordBatch({ records: [{ value: 'a', timestamp: Date.now() }] });
    const r = partitionOf(await client.send<ProduceResponse>(ApiKey.Produce, 9, produceRequest('moved', batch, 1)));
    assert.equal(r.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
  });
});
