import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CreateTopicsResponse } from '@gregor/protocol';
import { ApiKey, CreateTopicsRequest, ErrorCode, ZERO_UUID } from '@gregor/protocol';
import {
  CreatableReplicaAssignment,
  CreatableTopic,
  CreatableTopicConfig,
} from '@gregor/protocol/generated/messages/create-topics-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

interface TopicSpec {
  name: string;
  numPartitions?: number;
  replicationFactor?: number;
  assignments?: [number, number[]][];
  configs?: [string, string | null][];
}

function creatableTopic(spec: TopicSpec): CreatableTopic {
  const t = new CreatableTopic();
  t.name = spec.name;
  t.numPartitions = spec.numPartitions ?? (spec.assignments === undefined ? 1 : -1);
  t.replicationFactor = spec.replicationFactor ?? (spec.assignments === undefined ? 1 : -1);
  for (const [partitionIndex, brokerIds] of spec.assignments ?? []) {
    const a = new CreatableReplicaAssignment();
    a.partitionIndex = partitionIndex;
    a.brokerIds = brokerIds;
    t.assignments.push(a);
  }
  for (const [name, value] of spec.configs ?? []) {
    const c = new CreatableTopicConfig();
    c.name = name;
    c.value = value;
    t.configs.push(c);
  }
  return t;
}

function request(topics: TopicSpec[], opts: { validateOnly?: boolean; timeoutMs?: number } = {}): CreateTopicsRequest {
  const r = new CreateTopicsRequest();
  r.topics = topics.map(creatableTopic);
  r.validateOnly = opts.validateOnly ?? false;
  r.timeoutMs = opts.timeoutMs ?? 30000;
  return r;
}

function byName(response: CreateTopicsResponse): Map<string, CreateTopicsResponse['topics'][number]> {
  return new Map(response.topics.map((t) => [t.name, t]));
}

describe('CreateTopics', () => {
  let tb: TestBroker;
  let client: TestClient;
  const send = (version: number, body: CreateTopicsRequest) =>
    client.send<CreateTopicsResponse>(ApiKey.CreateTopics, version, body);

  before(async () => {
    tb = await startTestBroker({ settings: { numPartitions: 3 } });
    client = await TestClient.connect(tb.host, tb.port);
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('creates topics at every version, partitions opened before the answer', async () => {
    for (let v = 0; v <= 7; v++) {
      const name = `ct-v${v}`;
      const res = await send(v, request([{ name, numPartitions: 2, replicationFactor: 1 }]));
      const t = res.topics[0];
      assert.ok(t !== undefined);
      assert.equal(t.name, name);
      assert.equal(t.errorCode, ErrorCode.NONE, `v${v}`);
      if (v >= 1) assert.equal(t.errorMessage, null);
      const image = tb.broker.metadata.topicsByName.get(name);
      assert.equal(image?.partitions.length, 2);
      assert.ok(tb.broker.replicaManager.get(name, 0) !== undefined, 'partition 0 open');
      assert.ok(tb.broker.replicaManager.get(name, 1) !== undefined, 'partition 1 open');
      assert.ok(existsSync(join(tb.logDir, `${name}-1`)));
      if (v >= 5) {
        assert.equal(t.numPartitions, 2);
        assert.equal(t.replicationFactor, 1);
        assert.ok((t.configs ?? []).length > 20, 'effective configs');
      } else {
        assert.equal(t.numPartitions, -1, 'not in the v<5 wire format');
      }
      assert.equal(t.topicId, v >= 7 ? image?.topicId : ZERO_UUID);
    }
  });

  test('-1 takes the broker defaults (num.partitions=3, default.replication.factor=1)', async () => {
    for (const v of [0, 4, 7]) {
      const res = await send(v, request([{ name: `ct-defaults-${v}`, numPartitions: -1, replicationFactor: -1 }]));
      assert.equal(res.topics[0]?.errorCode, ErrorCode.NONE);
      assert.equal(tb.broker.metadata.topicsByName.get(`ct-defaults-${v}`)?.partitions.length, 3);
      if (v >= 5) assert.equal(res.topics[0]?.numPartitions, 3);
    }
  });

  test('v5+ returns the effective configs with source, readOnly and isSensitive', async () => {
    const res = await send(
      5,
      request([
        {
          name: 'ct-configs',
          configs: [
            ['retention.ms', '1000'],
            ['cleanup.policy', 'compact'],
          ],
        },
      ]),
    );
    const configs = new Map((res.topics[0]?.configs ?? []).map((c) => [c.name, c]));
    assert.equal(configs.get('retention.ms')?.value, '1000');
    assert.equal(configs.get('retention.ms')?.configSource, 1, 'DYNAMIC_TOPIC_CONFIG');
    assert.equal(configs.get('cleanup.policy')?.value, 'compact');
    assert.equal(configs.get('segment.bytes')?.value, '1073741824');
    assert.equal(configs.get('segment.bytes')?.configSource, 5, 'DEFAULT_CONFIG');
    assert.equal(configs.get('segment.bytes')?.readOnly, false);
    assert.equal(configs.get('segment.bytes')?.isSensitive, false);
    assert.deepEqual(
      Object.fromEntries(tb.broker.metadata.topicConfigs('ct-configs')),
      { 'retention.ms': '1000', 'cleanup.policy': 'compact' },
      'overrides stored',
    );
  });

  test('manual assignment', async () => {
    const res = await send(
      3,
      request([
        {
          name: 'ct-manual',
          assignments: [
            [1, [1]],
            [0, [1]],
          ],
        },
      ]),
    );
    assert.equal(res.topics[0]?.errorCode, ErrorCode.NONE);
    const t = tb.broker.metadata.topicsByName.get('ct-manual');
    assert.equal(t?.partitions.length, 2);
    assert.deepEqual(t?.partitions[1]?.replicas, [1]);
  });

  test('validateOnly checks and creates nothing (v1+), with configs in v5+', async () => {
    const res = await send(5, request([{ name: 'ct-validate', numPartitions: 4 }], { validateOnly: true }));
    assert.equal(res.topics[0]?.errorCode, ErrorCode.NONE);
    assert.equal(res.topics[0]?.numPartitions, 4);
    assert.ok((res.topics[0]?.configs ?? []).length > 0);
    assert.equal(tb.broker.metadata.topicsByName.has('ct-validate'), false);
    const bad = await send(1, request([{ name: 'ct-validate', numPartitions: 0 }], { validateOnly: true }));
    assert.equal(bad.topics[0]?.errorCode, ErrorCode.INVALID_PARTITIONS);
  });

  test('per-topic errors, at the oldest and newest versions', async () => {
    await send(7, request([{ name: 'ct-exists' }]));
    for (const v of [0, 1, 5, 7]) {
      const raw = await send(
        v,
        request([
          { name: 'ct-exists' },
          { name: 'bad/name' },
          { name: '' },
          { name: 'x'.repeat(250) },
          { name: 'ct-zero-partitions', numPartitions: 0 },
          { name: 'ct-negative-partitions', numPartitions: -2 },
          { name: 'ct-zero-rf', replicationFactor: 0 },
          { name: 'ct-rf-too-big', replicationFactor: 3 },
          { name: 'ct-gap', assignments: [[1, [1]]] },
          { name: 'ct-no-such-broker', assignments: [[0, [7]]] },
          { name: 'ct-broker-twice', assignments: [[0, [1, 1]]] },
          {
            name: 'ct-partition-twice',
            assignments: [
              [0, [1]],
              [0, [1]],
            ],
          },
          { name: 'ct-empty-replicas', assignments: [[0, []]] },
          { name: 'ct-both', numPartitions: 2, assignments: [[0, [1]]] },
          { name: 'ct-dup' },
          { name: 'ct-dup' },
          { name: 'ct-unknown-config', configs: [['no.such.config', '1']] },
          { name: 'ct-bad-config', configs: [['retention.ms', 'soon']] },
          { name: 'ct-null-config', configs: [['retention.ms', null]] },
          {
            name: 'ct-lag-conflict',
            configs: [
              ['min.compaction.lag.ms', '10'],
              ['max.compaction.lag.ms', '5'],
            ],
          },
          { name: '__cluster_metadata' },
        ]),
      );
      assert.equal(raw.topics.filter((t) => t.name === 'ct-dup').length, 1, 'one answer for a duplicated name');
      assert.equal(raw.topics.at(-1)?.name, 'ct-dup', 'duplicates answered last');
      const res = byName(raw);
      const code = (n: string) => res.get(n)?.errorCode;
      const message = (n: string) => res.get(n)?.errorMessage ?? '';
      assert.equal(code('ct-exists'), ErrorCode.TOPIC_ALREADY_EXISTS);
      assert.equal(code('bad/name'), ErrorCode.INVALID_TOPIC_EXCEPTION);
      assert.equal(code(''), ErrorCode.INVALID_TOPIC_EXCEPTION);
      assert.equal(code('x'.repeat(250)), ErrorCode.INVALID_TOPIC_EXCEPTION);
      assert.equal(code('ct-zero-partitions'), ErrorCode.INVALID_PARTITIONS);
      assert.equal(code('ct-negative-partitions'), ErrorCode.INVALID_PARTITIONS);
      assert.equal(code('ct-zero-rf'), ErrorCode.INVALID_REPLICATION_FACTOR);
      assert.equal(code('ct-rf-too-big'), ErrorCode.INVALID_REPLICATION_FACTOR);
      assert.equal(code('ct-gap'), ErrorCode.INVALID_REPLICA_ASSIGNMENT);
      assert.equal(code('ct-no-such-broker'), ErrorCode.INVALID_REPLICA_ASSIGNMENT);
      assert.equal(code('ct-broker-twice'), ErrorCode.INVALID_REPLICA_ASSIGNMENT);
      assert.equal(code('ct-partition-twice'), ErrorCode.INVALID_REPLICA_ASSIGNMENT);
      assert.equal(code('ct-empty-replicas'), ErrorCode.INVALID_REPLICA_ASSIGNMENT);
      assert.equal(code('ct-both'), ErrorCode.INVALID_REQUEST);
      assert.equal(code('ct-dup'), ErrorCode.INVALID_REQUEST);
      assert.equal(code('ct-unknown-config'), ErrorCode.INVALID_CONFIG);
      assert.equal(code('ct-bad-config'), ErrorCode.INVALID_CONFIG);
      assert.equal(code('ct-null-config'), ErrorCode.INVALID_CONFIG);
      assert.equal(code('ct-lag-conflict'), ErrorCode.INVALID_CONFIG);
      assert.equal(code('__cluster_metadata'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
      if (v >= 1) {
        assert.match(message('ct-unknown-config'), /no\.such\.config/);
        assert.match(message('ct-bad-config'), /retention\.ms/);
        assert.match(message('ct-null-config'), /retention\.ms/);
        assert.match(message('ct-rf-too-big'), /only 1 broker/);
        assert.match(message('ct-dup'), /Duplicate topic name/);
      } else {
        assert.equal(res.get('ct-exists')?.errorMessage, '', 'no errorMessage before v1');
      }
      if (v >= 5) {
        assert.equal(res.get('ct-exists')?.numPartitions, -1);
        assert.deepEqual(res.get('ct-exists')?.configs, []);
      }
    }
    for (const name of ['ct-gap', 'ct-dup', 'ct-bad-config', 'ct-both']) {
      assert.equal(tb.broker.metadata.topicsByName.has(name), false, `${name} not created`);
    }
  });

  test('a request writing more than 10,000 records is POLICY_VIOLATION', async () => {
    const res = await send(7, request([{ name: 'ct-huge', numPartitions: 10_000 }, { name: 'ct-small' }]));
    assert.deepEqual(
      res.topics.map((t) => t.errorCode),
      [ErrorCode.POLICY_VIOLATION, ErrorCode.POLICY_VIOLATION],
    );
    assert.equal(tb.broker.metadata.topicsByName.has('ct-small'), false);
  });

  test('timeoutMs <= 0 creates the topic and answers REQUEST_TIMED_OUT at once', async () => {
    const res = await send(4, request([{ name: 'ct-no-wait' }, { name: 'ct-exists' }], { timeoutMs: 0 }));
    const results = byName(res);
    assert.equal(results.get('ct-no-wait')?.errorCode, ErrorCode.REQUEST_TIMED_OUT);
    assert.equal(results.get('ct-exists')?.errorCode, ErrorCode.TOPIC_ALREADY_EXISTS);
    assert.ok(tb.broker.metadata.topicsByName.has('ct-no-wait'));
  });
});
