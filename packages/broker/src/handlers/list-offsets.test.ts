import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ListOffsetsResponse, ProduceResponse } from '@gregor/protocol';
import {
  ApiKey,
  buildRecordBatch,
  ErrorCode,
  ListOffsetsRequest,
  MetadataRequest,
  ProduceRequest,
} from '@gregor/protocol';
import { ListOffsetsPartition, ListOffsetsTopic } from '@gregor/protocol/generated/messages/list-offsets-request';
import { MetadataRequestTopic } from '@gregor/protocol/generated/messages/metadata-request';
import { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

function request(
  topic: string,
  wants: readonly { partition: number; timestamp: number; leaderEpoch?: number }[],
): ListOffsetsRequest {
  const r = new ListOffsetsRequest();
  r.replicaId = -1;
  const t = new ListOffsetsTopic();
  t.name = topic;
  for (const w of wants) {
    const p = new ListOffsetsPartition();
    p.partitionIndex = w.partition;
    p.timestamp = BigInt(w.timestamp);
    p.currentLeaderEpoch = w.leaderEpoch ?? -1;
    t.partitions.push(p);
  }
  r.topics.push(t);
  return r;
}

describe('ListOffsets', () => {
  let tb: TestBroker;
  let client: TestClient;

  async function one(timestamp: number, version = 9, leaderEpoch = -1) {
    const res = await client.send<ListOffsetsResponse>(
      ApiKey.ListOffsets,
      version,
      request('times', [{ partition: 0, timestamp, leaderEpoch }]),
    );
    const p = res.topics[0]?.partitions[0];
    assert.ok(p !== undefined);
    return p;
  }

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    const metadata = new MetadataRequest();
    const topic = new MetadataRequestTopic();
    topic.name = 'times';
    metadata.topics = [topic];
    await client.send(ApiKey.Metadata, 9, metadata);
    // Three batches: timestamps 1000-1002, then 4000, 5000 (the largest, not the batch's
    // last record: KAFKA-16310), 4500, then 3000-3001.
    for (const timestamps of [
      [1000, 1001, 1002],
      [4000, 5000, 4500],
      [3000, 3001],
    ]) {
      const r = new ProduceRequest();
      r.acks = -1;
      r.timeoutMs = 10_000;
      const t = new TopicProduceData();
      t.name = 'times';
      const p = new PartitionProduceData();
      p.index = 0;
      p.records = buildRecordBatch({ records: timestamps.map((timestamp) => ({ value: 'x', timestamp })) });
      t.partitionData.push(p);
      r.topicData.push(t);
      const res = await client.send<ProduceResponse>(ApiKey.Produce, 9, r);
      assert.equal(res.responses[0]?.partitionResponses[0]?.errorCode, ErrorCode.NONE);
    }
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('earliest, latest, earliest local and latest tiered', async () => {
    assert.equal((await one(-2)).offset, 0n);
    assert.equal((await one(-1)).offset, 8n);
    assert.equal((await one(-4)).offset, 0n);
    const tiered = await one(-5);
    assert.equal(tiered.offset, -1n, 'no tiered storage: -1, as Kafka answers');
    assert.equal((await one(-1)).leaderEpoch, 0);
  });

  test('by timestamp: the first record at or after it, with its timestamp; none after the last', async () => {
    const mid = await one(1001);
    assert.deepEqual([mid.offset, mid.timestamp], [1n, 1001n]);
    const between = await one(2000);
    assert.deepEqual(
      [between.offset, between.timestamp],
      [3n, 4000n],
      'the first record (by offset) with a timestamp >= 2000',
    );
    assert.equal((await one(6000)).offset, -1n);
    assert.deepEqual([(await one(4600)).offset, (await one(4600)).timestamp], [4n, 5000n]);
    assert.equal((await one(0)).offset, 0n);
  });

  test('max timestamp (-3, v7+): the record with the largest timestamp; refused before v7', async () => {
    const max = await one(-3);
    assert.deepEqual([max.offset, max.timestamp], [4n, 5000n]);
    assert.equal((await one(-3, 6)).errorCode, ErrorCode.UNSUPPORTED_VERSION);
  });

  test('v0 answers with a list of offsets', async () => {
    const res = await client.send<ListOffsetsResponse>(
      ApiKey.ListOffsets,
      0,
      request('times', [{ partition: 0, timestamp: -1 }]),
    );
    assert.deepEqual(res.topics[0]?.partitions[0]?.oldStyleOffsets, [8n]);
  });

  test('errors: unknown partition, a partition twice, leader epochs (v4+)', async () => {
    assert.equal(
      (
        await client.send<ListOffsetsResponse>(
          ApiKey.ListOffsets,
          9,
          request('times', [{ partition: 4, timestamp: -1 }]),
        )
      ).topics[0]?.partitions[0]?.errorCode,
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    );
    const twice = await client.send<ListOffsetsResponse>(
      ApiKey.ListOffsets,
      9,
      request('times', [
        { partition: 0, timestamp: -1 },
        { partition: 0, timestamp: -2 },
      ]),
    );
    assert.deepEqual(
      twice.topics[0]?.partitions.map((p) => p.errorCode),
      [ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST],
    );
    assert.equal((await one(-1, 9, 3)).errorCode, ErrorCode.UNKNOWN_LEADER_EPOCH);
    assert.equal((await one(-1, 9, 0)).errorCode, ErrorCode.NONE);
  });
});
