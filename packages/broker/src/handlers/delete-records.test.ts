import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DeleteRecordsResponse } from '@gregor/protocol';
import { ApiKey, DeleteRecordsRequest, ErrorCode } from '@gregor/protocol';
import { DeleteRecordsPartition, DeleteRecordsTopic } from '@gregor/protocol/generated/messages/delete-records-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { appendRecords, TestClient } from './protocol-client.js';

function request(topics: [string, [number, number][]][]): DeleteRecordsRequest {
  const r = new DeleteRecordsRequest();
  r.timeoutMs = 30000;
  r.topics = topics.map(([name, partitions]) => {
    const t = new DeleteRecordsTopic();
    t.name = name;
    t.partitions = partitions.map(([index, offset]) => {
      const p = new DeleteRecordsPartition();
      p.partitionIndex = index;
      p.offset = BigInt(offset);
      return p;
    });
    return t;
  });
  return r;
}

describe('DeleteRecords', () => {
  let tb: TestBroker;
  let client: TestClient;
  const send = (version: number, body: DeleteRecordsRequest) =>
    client.send<DeleteRecordsResponse>(ApiKey.DeleteRecords, version, body);
  const partition = (topic: string, index: number) => tb.broker.replicaManager.get(topic, index);

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    await tb.broker.controller.createTopics(
      [
        { name: 'dr-topic', numPartitions: 2, replicationFactor: 1, assignments: null, configs: new Map() },
        {
          name: 'dr-compacted',
          numPartitions: 1,
          replicationFactor: 1,
          assignments: null,
          configs: new Map([['cleanup.policy', 'compact']]),
        },
        {
          name: 'dr-both',
          numPartitions: 1,
          replicationFactor: 1,
          assignments: null,
          configs: new Map([['cleanup.policy', 'compact,delete']]),
        },
      ],
      false,
    );
    await tb.broker.replicaManager.applyImage(tb.broker.metadata);
    await appendRecords(tb.broker, 'dr-topic', 0, 10);
    await appendRecords(tb.broker, 'dr-topic', 1, 10);
    await appendRecords(tb.broker, 'dr-compacted', 0, 3);
    await appendRecords(tb.broker, 'dr-both', 0, 3);
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('moves the log start offset at every version; -1 is the high watermark', async () => {
    for (let v = 0; v <= 2; v++) {
      const res = await send(v, request([['dr-topic', [[0, 2 + v]]]]));
      assert.equal(res.topics[0]?.name, 'dr-topic');
      assert.equal(res.topics[0]?.partitions[0]?.errorCode, ErrorCode.NONE, `v${v}`);
      assert.equal(res.topics[0]?.partitions[0]?.lowWatermark, BigInt(2 + v));
      assert.equal(partition('dr-topic', 0)?.logStartOffset, 2 + v);
    }
    const below = await send(2, request([['dr-topic', [[0, 1]]]]));
    assert.equal(below.topics[0]?.partitions[0]?.errorCode, ErrorCode.NONE);
    assert.equal(below.topics[0]?.partitions[0]?.lowWatermark, 4n, 'an offset below the start changes nothing');
    const hw = await send(1, request([['dr-topic', [[1, -1]]]]));
    assert.equal(hw.topics[0]?.partitions[0]?.errorCode, ErrorCode.NONE);
    assert.equal(hw.topics[0]?.partitions[0]?.lowWatermark, 10n);
    assert.equal(partition('dr-topic', 1)?.logStartOffset, 10);
  });

  test('errors at the oldest and newest versions', async () => {
    for (const v of [0, 2]) {
      const res = await send(
        v,
        request([
          [
            'dr-topic',
            [
              [0, 11],
              [1, -2],
              [5, 1],
            ],
          ],
          ['dr-missing', [[0, 1]]],
          ['dr-compacted', [[0, 1]]],
          ['dr-both', [[0, 1]]],
        ]),
      );
      const codes = res.topics.map((t) => [
        t.name,
        t.partitions.map((p) => [p.partitionIndex, p.errorCode, p.lowWatermark]),
      ]);
      assert.deepEqual(codes, [
        [
          'dr-topic',
          [
            [0, ErrorCode.OFFSET_OUT_OF_RANGE, -1n],
            [1, ErrorCode.OFFSET_OUT_OF_RANGE, -1n],
            [5, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1n],
          ],
        ],
        ['dr-missing', [[0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1n]]],
        ['dr-compacted', [[0, ErrorCode.POLICY_VIOLATION, -1n]]],
        ['dr-both', [[0, ErrorCode.NONE, 1n]]],
      ]);
    }
    assert.equal(partition('dr-compacted', 0)?.logStartOffset, 0);
  });

  test('a partition led by another broker is NOT_LEADER_OR_FOLLOWER', async () => {
    await tb.broker.controller.registerBroker(2, [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 1 }], null);
    await tb.broker.controller.createTopics(
      [
        {
          name: 'dr-elsewhere',
          numPartitions: -1,
          replicationFactor: -1,
          assignments: new Map([[0, [2]]]),
          configs: new Map(),
        },
      ],
      false,
    );
    const res = await send(0, request([['dr-elsewhere', [[0, 0]]]]));
    assert.equal(res.topics[0]?.partitions[0]?.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
  });

  test('a partition named twice is answered once, for the last offset', async () => {
    const res = await send(
      2,
      request([
        [
          'dr-both',
          [
            [0, 2],
            [0, 3],
          ],
        ],
      ]),
    );
    assert.equal(res.topics[0]?.partitions.length, 1);
    assert.equal(res.topics[0]?.partitions[0]?.lowWatermark, 3n);
  });
});
