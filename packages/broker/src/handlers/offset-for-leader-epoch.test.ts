import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OffsetForLeaderEpochResponse } from '@gregor/protocol';
import { ApiKey, ErrorCode, OffsetForLeaderEpochRequest } from '@gregor/protocol';
import {
  OffsetForLeaderPartition,
  OffsetForLeaderTopic,
} from '@gregor/protocol/generated/messages/offset-for-leader-epoch-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { appendRecords, TestClient } from './protocol-client.js';

function request(
  topics: [string, { partition: number; leaderEpoch: number; currentLeaderEpoch?: number }[]][],
  replicaId = -1,
): OffsetForLeaderEpochRequest {
  const r = new OffsetForLeaderEpochRequest();
  r.replicaId = replicaId;
  r.topics = topics.map(([topic, partitions]) => {
    const t = new OffsetForLeaderTopic();
    t.topic = topic;
    t.partitions = partitions.map((p) => {
      const op = new OffsetForLeaderPartition();
      op.partition = p.partition;
      op.leaderEpoch = p.leaderEpoch;
      op.currentLeaderEpoch = p.currentLeaderEpoch ?? -1;
      return op;
    });
    return t;
  });
  return r;
}

describe('OffsetForLeaderEpoch', () => {
  let tb: TestBroker;
  let client: TestClient;
  const send = (version: number, body: OffsetForLeaderEpochRequest) =>
    client.send<OffsetForLeaderEpochResponse>(ApiKey.OffsetForLeaderEpoch, version, body);

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    await tb.broker.controller.createTopics(
      [{ name: 'oe-topic', numPartitions: 2, replicationFactor: 1, assignments: null, configs: new Map() }],
      false,
    );
    await tb.broker.replicaManager.applyImage(tb.broker.metadata);
    // Epoch 0: offsets 0-2; epoch 2: offsets 3-4 (as if leadership moved twice).
    await appendRecords(tb.broker, 'oe-topic', 0, 3);
    const p = tb.broker.replicaManager.get('oe-topic', 0);
    assert.ok(p !== undefined);
    p.leaderEpoch = 2;
    await appendRecords(tb.broker, 'oe-topic', 0, 2);
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('end offsets of epochs at every version (v0 without the epoch)', async () => {
    for (let v = 0; v <= 4; v++) {
      const res = await send(
        v,
        request([
          [
            'oe-topic',
            [
              { partition: 0, leaderEpoch: 0 },
              { partition: 0, leaderEpoch: 1 },
              { partition: 0, leaderEpoch: 2 },
              { partition: 0, leaderEpoch: 3 },
              { partition: 1, leaderEpoch: 0 },
            ],
          ],
        ]),
      );
      const got = res.topics[0]?.partitions.map((p) => [p.partition, p.errorCode, p.leaderEpoch, p.endOffset]);
      const epoch = (e: number) => (v >= 1 ? e : -1);
      assert.deepEqual(
        got,
        [
          [0, ErrorCode.NONE, epoch(0), 3n],
          [0, ErrorCode.NONE, epoch(0), 3n],
          [0, ErrorCode.NONE, epoch(2), 5n],
          [0, ErrorCode.NONE, epoch(-1), -1n],
          // An empty partition: its leader recorded epoch 0 starting at 0 when it took
          // the leadership (Kafka's makeLeader), so epoch 0 ends at the log end.
          [1, ErrorCode.NONE, epoch(0), 0n],
        ],
        `v${v}`,
      );
    }
  });

  test('currentLeaderEpoch (v2+): older is FENCED_LEADER_EPOCH, newer UNKNOWN_LEADER_EPOCH, -1 unchecked', async () => {
    for (const v of [2, 3, 4]) {
      const res = await send(
        v,
        request(
          [
            [
              'oe-topic',
              [
                { partition: 0, leaderEpoch: 2, currentLeaderEpoch: 1 },
                { partition: 0, leaderEpoch: 2, currentLeaderEpoch: 3 },
                { partition: 0, leaderEpoch: 2, currentLeaderEpoch: 2 },
                { partition: 0, leaderEpoch: 2, currentLeaderEpoch: -1 },
              ],
            ],
          ],
          v >= 3 ? 5 : -2,
        ),
      );
      assert.deepEqual(
        res.topics[0]?.partitions.map((p) => p.errorCode),
        [ErrorCode.FENCED_LEADER_EPOCH, ErrorCode.UNKNOWN_LEADER_EPOCH, ErrorCode.NONE, ErrorCode.NONE],
      );
      assert.equal(res.topics[0]?.partitions[0]?.endOffset, -1n);
    }
    // Before v2 the field is not sent: no check.
    const v1 = await send(1, request([['oe-topic', [{ partition: 0, leaderEpoch: 2, currentLeaderEpoch: 9 }]]]));
    assert.equal(v1.topics[0]?.partitions[0]?.errorCode, ErrorCode.NONE);
  });

  test('unknown partitions, and partitions led by another broker', async () => {
    await tb.broker.controller.registerBroker(2, [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 1 }], null);
    await tb.broker.controller.createTopics(
      [
        {
          name: 'oe-elsewhere',
          numPartitions: -1,
          replicationFactor: -1,
          assignments: new Map([[0, [2]]]),
          configs: new Map(),
        },
      ],
      false,
    );
    for (const v of [0, 4]) {
      const res = await send(
        v,
        request([
          ['oe-missing', [{ partition: 0, leaderEpoch: 0 }]],
          ['oe-topic', [{ partition: 9, leaderEpoch: 0 }]],
          ['oe-elsewhere', [{ partition: 0, leaderEpoch: 0 }]],
        ]),
      );
      assert.deepEqual(
        res.topics.map((t) => t.partitions[0]?.errorCode),
        [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.NOT_LEADER_OR_FOLLOWER],
      );
    }
  });
});
