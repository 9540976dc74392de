import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DescribeTopicPartitionsResponse } from '@gregor/protocol';
import { ApiKey, DescribeTopicPartitionsRequest, ErrorCode } from '@gregor/protocol';
import { Cursor, TopicRequest } from '@gregor/protocol/generated/messages/describe-topic-partitions-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

function request(topics: string[], limit: number, cursor?: [string, number]): DescribeTopicPartitionsRequest {
  const r = new DescribeTopicPartitionsRequest();
  r.topics = topics.map((name) => {
    const t = new TopicRequest();
    t.name = name;
    return t;
  });
  r.responsePartitionLimit = limit;
  if (cursor !== undefined) {
    r.cursor = new Cursor();
    r.cursor.topicName = cursor[0];
    r.cursor.partitionIndex = cursor[1];
  }
  return r;
}

/** [topic, [partition indexes]] of a response, and its next cursor. */
function summary(res: DescribeTopicPartitionsResponse) {
  return {
    topics: res.topics.map((t) => [t.name, t.errorCode, t.partitions.map((p) => p.partitionIndex)]),
    next: res.nextCursor === null ? null : [res.nextCursor.topicName, res.nextCursor.partitionIndex],
  };
}

describe('DescribeTopicPartitions', () => {
  let tb: TestBroker;
  let client: TestClient;
  const send = (body: DescribeTopicPartitionsRequest) =>
    client.send<DescribeTopicPartitionsResponse>(ApiKey.DescribeTopicPartitions, 0, body);

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    await tb.broker.controller.createTopics(
      [
        { name: 'tp-b', numPartitions: 3, replicationFactor: 1, assignments: null, configs: new Map() },
        { name: 'tp-a', numPartitions: 2, replicationFactor: 1, assignments: null, configs: new Map() },
        { name: 'tp-c', numPartitions: 1, replicationFactor: 1, assignments: null, configs: new Map() },
      ],
      false,
    );
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('all topics, sorted, with the partition details of Metadata v12', async () => {
    const res = await send(request([], 2000));
    assert.deepEqual(summary(res), {
      topics: [
        ['tp-a', 0, [0, 1]],
        ['tp-b', 0, [0, 1, 2]],
        ['tp-c', 0, [0]],
      ],
      next: null,
    });
    const t = res.topics[0];
    const image = tb.broker.metadata.topicsByName.get('tp-a');
    assert.equal(t?.topicId, image?.topicId);
    assert.equal(t?.isInternal, false);
    assert.ok((t?.topicAuthorizedOperations ?? 0) > 0);
    const p = t?.partitions[1];
    assert.equal(p?.errorCode, ErrorCode.NONE);
    assert.equal(p?.leaderId, 1);
    assert.equal(p?.leaderEpoch, 0);
    assert.deepEqual(p?.replicaNodes, [1]);
    assert.deepEqual(p?.isrNodes, [1]);
    assert.deepEqual(p?.eligibleLeaderReplicas, []);
    assert.deepEqual(p?.lastKnownElr, []);
    assert.deepEqual(p?.offlineReplicas, []);
  });

  test('paginates by responsePartitionLimit, following nextCursor', async () => {
    const pages: ReturnType<typeof summary>[] = [];
    let cursor: [string, number] | undefined;
    for (let i = 0; i < 10; i++) {
      const page = summary(await send(request([], 2, cursor)));
      pages.push(page);
      if (page.next === null) break;
      cursor = page.next as [string, number];
    }
    assert.deepEqual(pages, [
      { topics: [['tp-a', 0, [0, 1]]], next: ['tp-b', 0] },
      { topics: [['tp-b', 0, [0, 1]]], next: ['tp-b', 2] },
      {
        topics: [
          ['tp-b', 0, [2]],
          ['tp-c', 0, [0]],
        ],
        next: null,
      },
    ]);
  });

  test('named topics: deduplicated, sorted, unknown and illegal ones with errors taking no room', async () => {
    const res = await send(request(['tp-c', 'tp-missing', 'tp-a', 'tp-c', 'bad/name'], 4));
    assert.deepEqual(summary(res), {
      topics: [
        ['bad/name', ErrorCode.INVALID_TOPIC_EXCEPTION, []],
        ['tp-a', 0, [0, 1]],
        ['tp-c', 0, [0]],
        ['tp-missing', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, []],
      ],
      next: null,
    });
    // As Kafka: once the limit is used up exactly, the cursor names the next topic, known or not.
    const exact = await send(request(['tp-c', 'tp-missing', 'tp-a'], 3));
    assert.deepEqual(summary(exact).next, ['tp-missing', 0]);
    const limited = await send(request(['tp-c', 'tp-b', 'tp-a'], 2, ['tp-b', 1]));
    assert.deepEqual(summary(limited), { topics: [['tp-b', 0, [1, 2]]], next: ['tp-c', 0] });
  });

  test('the limit is at least 1 and at most 2000', async () => {
    assert.deepEqual(summary(await send(request([], 0))).next, ['tp-a', 1]);
    assert.deepEqual(summary(await send(request([], -5))).next, ['tp-a', 1]);
    // 2001 partitions on another (registered) broker, so that none is opened here.
    await tb.broker.controller.registerBroker(2, [{ name: 'OTHER', host: 'other', port: 9092 }], null);
    const assignments = new Map<number, number[]>();
    for (let i = 0; i < 2001; i++) assignments.set(i, [2]);
    const [created] = await tb.broker.controller.createTopics(
      [{ name: 'tp-wide', numPartitions: -1, replicationFactor: -1, assignments, configs: new Map() }],
      false,
    );
    assert.equal(created?.errorCode, ErrorCode.NONE);
    const res = await send(request(['tp-wide'], 5000));
    assert.equal(res.topics[0]?.partitions.length, 2000);
    assert.deepEqual(summary(res).next, ['tp-wide', 2000]);
    // Broker 2 has no endpoint on this listener: no leader, as Kafka's getAliveEndpoint.
    assert.equal(res.topics[0]?.partitions[0]?.leaderId, -1);
    assert.deepEqual(res.topics[0]?.partitions[0]?.replicaNodes, [2]);
  });

  test('a cursor not among the named topics, or with a negative partition, is INVALID_REQUEST', async () => {
    const res = await send(request(['tp-a', 'tp-b'], 10, ['tp-c', 0]));
    assert.deepEqual(
      res.topics.map((t) => [t.name, t.errorCode]),
      [
        ['tp-a', ErrorCode.INVALID_REQUEST],
        ['tp-b', ErrorCode.INVALID_REQUEST],
      ],
    );
    const negative = await send(request([], 10, ['tp-a', -1]));
    assert.deepEqual(negative.topics, []);
    const negativeNamed = await send(request(['tp-a'], 10, ['tp-a', -1]));
    assert.equal(negativeNamed.topics[0]?.errorCode, ErrorCode.INVALID_REQUEST);
  });
});
