import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DeleteTopicsResponse, Uuid } from '@gregor/protocol';
import { ApiKey, DeleteTopicsRequest, ErrorCode, randomUuid, ZERO_UUID } from '@gregor/protocol';
import { DeleteTopicState } from '@gregor/protocol/generated/messages/delete-topics-request';
import type { Broker } from '../broker.js';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { autoCreateTopic } from './metadata.js';
import { TestClient } from './protocol-client.js';

function byNames(names: string[], timeoutMs = 30000): DeleteTopicsRequest {
  const r = new DeleteTopicsRequest();
  r.topicNames = names;
  r.timeoutMs = timeoutMs;
  return r;
}

function byStates(states: { name?: string; topicId?: Uuid }[]): DeleteTopicsRequest {
  const r = new DeleteTopicsRequest();
  r.timeoutMs = 30000;
  r.topics = states.map((s) => {
    const t = new DeleteTopicState();
    t.name = s.name ?? null;
    t.topicId = s.topicId ?? ZERO_UUID;
    return t;
  });
  return r;
}

async function create(broker: Broker, name: string): Promise<Uuid> {
  assert.equal(await autoCreateTopic(broker, name), ErrorCode.NONE);
  const t = broker.metadata.topicsByName.get(name);
  assert.ok(t !== undefined);
  return t.topicId;
}

describe('DeleteTopics', () => {
  let tb: TestBroker;
  let client: TestClient;
  const send = (version: number, body: DeleteTopicsRequest) =>
    client.send<DeleteTopicsResponse>(ApiKey.DeleteTopics, version, body);

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('deletes by name at v0-5: the topic is gone and its logs removed before the answer', async () => {
    for (let v = 0; v <= 5; v++) {
      const name = `dt-v${v}`;
      await create(tb.broker, name);
      assert.ok(existsSync(join(tb.logDir, `${name}-0`)));
      const res = await send(v, byNames([name, `dt-missing-${v}`]));
      const results = new Map(res.responses.map((r) => [r.name, r]));
      assert.equal(results.get(name)?.errorCode, ErrorCode.NONE, `v${v}`);
      assert.equal(results.get(`dt-missing-${v}`)?.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      if (v >= 5) {
        assert.equal(results.get(name)?.errorMessage, null);
        assert.match(results.get(`dt-missing-${v}`)?.errorMessage ?? '', /does not host/);
      }
      assert.equal(tb.broker.metadata.topicsByName.has(name), false);
      assert.equal(existsSync(join(tb.logDir, `${name}-0`)), false, 'log directory removed');
      assert.equal(tb.broker.replicaManager.get(name, 0), undefined);
    }
  });

  test('v6 deletes by name or by id, and the topic can be created again at once', async () => {
    const byIdTopic = await create(tb.broker, 'dt-by-id');
    await create(tb.broker, 'dt-by-name');
    const unknownId = randomUuid();
    const res = await send(6, byStates([{ topicId: byIdTopic }, { name: 'dt-by-name' }, { topicId: unknownId }]));
    const byId = res.responses.find((r) => r.topicId === byIdTopic);
    assert.equal(byId?.errorCode, ErrorCode.NONE);
    assert.equal(byId?.name, 'dt-by-id');
    const byName = res.responses.find((r) => r.name === 'dt-by-name');
    assert.equal(byName?.errorCode, ErrorCode.NONE);
    assert.notEqual(byName?.topicId, ZERO_UUID);
    const unknown = res.responses.find((r) => r.topicId === unknownId);
    assert.equal(unknown?.errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
    assert.equal(unknown?.name, null);
    const again = await create(tb.broker, 'dt-by-id');
    assert.notEqual(again, byIdTopic, 'a new topic id');
  });

  test('v6: neither or both of name and id, duplicates, and a name mapping to a given id are INVALID_REQUEST', async () => {
    const id = await create(tb.broker, 'dt-v6-errors');
    await create(tb.broker, 'dt-v6-dup');
    const res = await send(
      6,
      byStates([
        {},
        { name: 'dt-v6-errors', topicId: id },
        { name: 'dt-v6-dup' },
        { name: 'dt-v6-dup' },
        { topicId: id },
        { name: 'dt-v6-errors' },
      ]),
    );
    assert.ok(
      res.responses.every((r) => r.errorCode === ErrorCode.INVALID_REQUEST),
      JSON.stringify(res.responses),
    );
    const messages = res.responses.map((r) => r.errorMessage);
    assert.ok(messages.includes('Neither topic name nor id were specified.'));
    assert.ok(messages.includes('You may not specify both topic name and topic id.'));
    assert.ok(messages.includes('Duplicate topic name.'));
    assert.ok(messages.includes('The provided topic name maps to an ID that was already supplied.'));
    assert.ok(tb.broker.metadata.topicsByName.has('dt-v6-errors'), 'not deleted');
    assert.ok(tb.broker.metadata.topicsByName.has('dt-v6-dup'), 'not deleted');
  });

  test('a name given twice before v6 is INVALID_REQUEST, once', async () => {
    await create(tb.broker, 'dt-twice');
    const res = await send(1, byNames(['dt-twice', 'dt-twice']));
    assert.equal(res.responses.length, 1);
    assert.equal(res.responses[0]?.errorCode, ErrorCode.INVALID_REQUEST);
    assert.ok(tb.broker.metadata.topicsByName.has('dt-twice'));
  });

  test('internal topics are deleted as Kafka does (no protocol-level refusal)', async () => {
    await tb.broker.controller.createTopics(
      [{ name: '__consumer_offsets', numPartitions: 1, replicationFactor: 1, assignments: null, configs: new Map() }],
      false,
    );
    const res = await send(4, byNames(['__consumer_offsets', '__cluster_metadata']));
    const results = new Map(res.responses.map((r) => [r.name, r.errorCode]));
    assert.equal(results.get('__consumer_offsets'), ErrorCode.NONE);
    assert.equal(results.get('__cluster_metadata'), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });

  test('timeoutMs <= 0 deletes and answers REQUEST_TIMED_OUT', async () => {
    await create(tb.broker, 'dt-no-wait');
    const res = await send(3, byNames(['dt-no-wait'], 0));
    assert.equal(res.responses[0]?.errorCode, ErrorCode.REQUEST_TIMED_OUT);
    assert.equal(tb.broker.metadata.topicsByName.has('dt-no-wait'), false);
  });
});

describe('DeleteTopics with delete.topic.enable=false', () => {
  let tb: TestBroker;
  let client: TestClient;
  before(async () => {
    tb = await startTestBroker({ settings: { deleteTopicEnable: false } });
    client = await TestClient.connect(tb.host, tb.port);
    await create(tb.broker, 'dt-kept');
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('INVALID_REQUEST before v3, TOPIC_DELETION_DISABLED from v3', async () => {
    for (const [v, code] of [
      [0, ErrorCode.INVALID_REQUEST],
      [2, ErrorCode.INVALID_REQUEST],
      [3, ErrorCode.TOPIC_DELETION_DISABLED],
      [5, ErrorCode.TOPIC_DELETION_DISABLED],
    ] as const) {
      const res = await client.send<DeleteTopicsResponse>(ApiKey.DeleteTopics, v, byNames(['dt-kept']));
      assert.equal(res.responses[0]?.errorCode, code, `v${v}`);
      if (v >= 5) assert.equal(res.responses[0]?.errorMessage, 'Topic deletion is disabled.');
    }
    const res = await client.send<DeleteTopicsResponse>(ApiKey.DeleteTopics, 6, byStates([{ name: 'dt-kept' }]));
    assert.equal(res.responses[0]?.errorCode, ErrorCode.TOPIC_DELETION_DISABLED);
    assert.ok(tb.broker.metadata.topicsByName.has('dt-kept'));
  });
});
