import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FindCoordinatorResponse, MetadataResponse } from '@gregor/protocol';
import { ApiKey, ErrorCode, FindCoordinatorRequest, MetadataRequest } from '@gregor/protocol';
import { MetadataRequestTopic } from '@gregor/protocol/generated/messages/metadata-request';
import { GROUP_METADATA_TOPIC, partitionForGroup } from '../group/coordinator-key.js';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { GROUP_TEST_PROPERTIES, joinFully } from './group-requests.js';
import { TestClient } from './protocol-client.js';

describe('FindCoordinator', () => {
  let tb: TestBroker;
  let client: TestClient;
  const send = (version: number, r: FindCoordinatorRequest) =>
    client.send<FindCoordinatorResponse>(ApiKey.FindCoordinator, version, r);
  const request = (key: string, keyType = 0, keys: string[] = []) => {
    const r = new FindCoordinatorRequest();
    r.key = key;
    r.keyType = keyType;
    r.coordinatorKeys = keys;
    return r;
  };

  before(async () => {
    tb = await startTestBroker({ properties: GROUP_TEST_PROPERTIES });
    client = await TestClient.connect(tb.host, tb.port);
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('the first request creates __consumer_offsets (internal, compacted) and names this broker', async () => {
    assert.equal(tb.broker.metadata.topicsByName.has(GROUP_METADATA_TOPIC), false, 'not before it is needed');
    const res = await send(0, request('g0'));
    assert.equal(res.errorCode, ErrorCode.NONE);
    assert.equal(res.nodeId, tb.broker.nodeId);
    assert.equal(res.host, '127.0.0.1');
    assert.equal(res.port, tb.port);
    const topic = tb.broker.metadata.topicsByName.get(GROUP_METADATA_TOPIC);
    assert.equal(topic?.partitions.length, 3, 'offsets.topic.num.partitions');
    const configs = tb.broker.metadata.topicConfigs(GROUP_METADATA_TOPIC);
    assert.equal(configs.get('cleanup.policy'), 'compact');
    assert.equal(configs.get('segment.bytes'), '104857600');
    assert.equal(configs.get('compression.type'), 'producer');
    const m = new MetadataRequest();
    const mt = new MetadataRequestTopic();
    mt.name = GROUP_METADATA_TOPIC;
    m.topics = [mt];
    const md = await client.send<MetadataResponse>(ApiKey.Metadata, 12, m);
    assert.equal(md.topics[0]?.isInternal, true);
    // Its partition is loaded: a JoinGroup right away is served.
    const c = await TestClient.connect(tb.host, tb.port);
    assert.equal((await joinFully(c, 5, 'g0')).errorCode, ErrorCode.NONE);
    await c.close();
    assert.ok(tb.broker.groups.coordinator.shardPartitions().includes(partitionForGroup('g0', 3)));
  });

  test('every version; the error message of a success is "NONE" (v1+)', async () => {
    for (let v = 0; v <= 3; v++) {
      const res = await send(v, request(`g-${v}`));
      assert.equal(res.errorCode, ErrorCode.NONE, `v${v}`);
      assert.equal(res.nodeId, tb.broker.nodeId);
      assert.equal(res.errorMessage, v >= 1 ? 'NONE' : '');
    }
    for (let v = 4; v <= 6; v++) {
      const res = await send(v, request('', 0, ['a', 'b', '']));
      assert.deepEqual(
        res.coordinators.map((c) => [c.key, c.errorCode, c.nodeId, c.port, c.errorMessage]),
        [
          ['a', ErrorCode.NONE, tb.broker.nodeId, tb.port, 'NONE'],
          ['b', ErrorCode.NONE, tb.broker.nodeId, tb.port, 'NONE'],
          ['', ErrorCode.NONE, tb.broker.nodeId, tb.port, 'NONE'],
        ],
        `v${v}`,
      );
    }
  });

  test('transactional ids are served by this broker (KIP-98); unknown key types are INVALID_REQUEST', async () => {
    const txn = await send(3, request('tx', 1));
    assert.equal(txn.errorCode, ErrorCode.NONE);
    assert.equal(txn.nodeId, tb.broker.nodeId);
    assert.equal(txn.port, tb.port);
    assert.ok(tb.broker.metadata.topicsByName.has('__transaction_state'), 'created on first use');
    const batch = await send(4, request('', 1, ['t1', 't2']));
    assert.deepEqual(
      batch.coordinators.map((c) => c.errorCode),
      [ErrorCode.NONE, ErrorCode.NONE],
    );
    assert.equal((await send(6, request('', 2, ['share']))).coordinators[0]?.errorCode, ErrorCode.INVALID_REQUEST);
    assert.equal((await send(2, request('x', 7))).errorCode, ErrorCode.INVALID_REQUEST);
  });
});

describe('FindCoordinator when __consumer_offsets cannot be created', () => {
  test('a replication factor above the live brokers: COORDINATOR_NOT_AVAILABLE', async () => {
    const tb = await startTestBroker({
      properties: { ...GROUP_TEST_PROPERTIES, 'offsets.topic.replication.factor': '3' },
    });
    const client = await TestClient.connect(tb.host, tb.port);
    try {
      const r = new FindCoordinatorRequest();
      r.key = 'g';
      const res = await client.send<FindCoordinatorResponse>(ApiKey.FindCoordinator, 1, r);
      assert.equal(res.errorCode, ErrorCode.COORDINATOR_NOT_AVAILABLE);
      assert.equal(tb.broker.metadata.topicsByName.has(GROUP_METADATA_TOPIC), false);
    } finally {
      await client.close();
      await tb.stop();
    }
  });
});
