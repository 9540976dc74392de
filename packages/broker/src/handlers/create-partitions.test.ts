import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CreatePartitionsResponse } from '@gregor/protocol';
import { ApiKey, CreatePartitionsRequest, ErrorCode } from '@gregor/protocol';
import {
  CreatePartitionsAssignment,
  CreatePartitionsTopic,
} from '@gregor/protocol/generated/messages/create-partitions-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { autoCreateTopic } from './metadata.js';
import { TestClient } from './protocol-client.js';

function request(
  topics: { name: string; count: number; assignments?: number[][] | null }[],
  opts: { validateOnly?: boolean; timeoutMs?: number } = {},
): CreatePartitionsRequest {
  const r = new CreatePartitionsRequest();
  r.timeoutMs = opts.timeoutMs ?? 30000;
  r.validateOnly = opts.validateOnly ?? false;
  r.topics = topics.map((t) => {
    const ct = new CreatePartitionsTopic();
    ct.name = t.name;
    ct.count = t.count;
    ct.assignments =
      t.assignments === undefined || t.assignments === null
        ? null
        : t.assignments.map((brokerIds) => {
            const a = new CreatePartitionsAssignment();
            a.brokerIds = brokerIds;
            return a;
          });
    return ct;
  });
  return r;
}

describe('CreatePartitions', () => {
  let tb: TestBroker;
  let client: TestClient;
  const send = (version: number, body: CreatePartitionsRequest) =>
    client.send<CreatePartitionsResponse>(ApiKey.CreatePartitions, version, body);
  const partitions = (name: string) => tb.broker.metadata.topicsByName.get(name)?.partitions.length;

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    for (const name of ['cp-grow', 'cp-assign', 'cp-errors', 'cp-validate', 'cp-no-wait']) {
      assert.equal(await autoCreateTopic(tb.broker, name), ErrorCode.NONE);
    }
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('grows a topic at every version; the new partitions are open before the answer', async () => {
    for (let v = 0; v <= 3; v++) {
      const res = await send(v, request([{ name: 'cp-grow', count: v + 2 }]));
      assert.equal(res.results[0]?.errorCode, ErrorCode.NONE, `v${v}`);
      assert.equal(res.results[0]?.errorMessage, null);
      assert.equal(partitions('cp-grow'), v + 2);
      assert.ok(tb.broker.replicaManager.get('cp-grow', v + 1) !== undefined);
    }
  });

  test('manual assignments', async () => {
    const res = await send(2, request([{ name: 'cp-assign', count: 3, assignments: [[1], [1]] }]));
    assert.equal(res.results[0]?.errorCode, ErrorCode.NONE);
    assert.equal(partitions('cp-assign'), 3);
  });

  test('validateOnly changes nothing', async () => {
    const res = await send(1, request([{ name: 'cp-validate', count: 5 }], { validateOnly: true }));
    assert.equal(res.results[0]?.errorCode, ErrorCode.NONE);
    assert.equal(partitions('cp-validate'), 1);
    const bad = await send(1, request([{ name: 'cp-validate', count: 1 }], { validateOnly: true }));
    assert.equal(bad.results[0]?.errorCode, ErrorCode.INVALID_PARTITIONS);
  });

  test('errors at the oldest and newest versions', async () => {
    for (const v of [0, 3]) {
      const res = await send(
        v,
        request([
          { name: 'cp-missing', count: 2 },
          { name: 'cp-errors', count: 1 },
          { name: 'cp-grow', count: 1 },
          { name: 'cp-dup', count: 2 },
          { name: 'cp-dup', count: 3 },
        ]),
      );
      const results = new Map(res.results.map((r) => [r.name, r]));
      assert.equal(res.results.length, 4, 'one answer for the duplicated name');
      assert.equal(results.get('cp-missing')?.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      assert.equal(results.get('cp-errors')?.errorCode, ErrorCode.INVALID_PARTITIONS);
      assert.equal(results.get('cp-errors')?.errorMessage, 'Topic already has 1 partition(s).');
      assert.equal(results.get('cp-grow')?.errorCode, ErrorCode.INVALID_PARTITIONS);
      assert.match(results.get('cp-grow')?.errorMessage ?? '', /would not be an increase/);
      assert.equal(results.get('cp-dup')?.errorCode, ErrorCode.INVALID_REQUEST);
      const assignments = await send(
        v,
        request([
          { name: 'cp-errors', count: 3, assignments: [[1]] },
          { name: 'cp-grow', count: 6, assignments: [[7]] },
          { name: 'cp-assign', count: 4, assignments: [[1, 1]] },
        ]),
      );
      for (const r of assignments.results) assert.equal(r.errorCode, ErrorCode.INVALID_REPLICA_ASSIGNMENT, r.name);
      assert.match(assignments.results[0]?.errorMessage ?? '', /only 1 assignment/);
      assert.match(assignments.results[1]?.errorMessage ?? '', /broker 7/);
    }
    assert.equal(partitions('cp-errors'), 1);
  });

  test('more than 10,000 new partitions is POLICY_VIOLATION', async () => {
    const res = await send(3, request([{ name: 'cp-errors', count: 20_000 }]));
    assert.equal(res.results[0]?.errorCode, ErrorCode.POLICY_VIOLATION);
    assert.equal(partitions('cp-errors'), 1);
  });

  test('timeoutMs <= 0 grows the topic and answers REQUEST_TIMED_OUT', async () => {
    const res = await send(2, request([{ name: 'cp-no-wait', count: 2 }], { timeoutMs: 0 }));
    assert.equal(res.results[0]?.errorCode, ErrorCode.REQUEST_TIMED_OUT);
    assert.equal(partitions('cp-no-wait'), 2);
  });
});
