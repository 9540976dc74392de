import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AlterPartitionReassignmentsResponse, ListPartitionReassignmentsResponse } from '@gregor/protocol';
import {
  AlterPartitionReassignmentsRequest,
  ApiKey,
  ErrorCode,
  ListPartitionReassignmentsRequest,
} from '@gregor/protocol';
import {
  ReassignablePartition,
  ReassignableTopic,
} from '@gregor/protocol/generated/messages/alter-partition-reassignments-request';
import { ListPartitionReassignmentsTopics } from '@gregor/protocol/generated/messages/list-partition-reassignments-request';
import {
  addBroker,
  createTopic,
  exchange,
  fakeBroker,
  MemoryMetadataLog,
  registerOverWire,
  startController,
  wireBroker,
} from '../metadata/harness.js';
import { alterPartitionReassignmentsHandler } from './alter-partition-reassignments.js';
import { listPartitionReassignmentsHandler } from './list-partition-reassignments.js';

function alter(
  name: string,
  partitions: { index: number; replicas: number[] | null }[],
): AlterPartitionReassignmentsRequest {
  const r = new AlterPartitionReassignmentsRequest();
  const t = new ReassignableTopic();
  t.name = name;
  t.partitions = partitions.map((p) => {
    const rp = new ReassignablePartition();
    rp.partitionIndex = p.index;
    rp.replicas = p.replicas;
    return rp;
  });
  r.topics = [t];
  return r;
}

function list(topics: { name: string; partitions: number[] }[] | null): ListPartitionReassignmentsRequest {
  const r = new ListPartitionReassignmentsRequest();
  r.topics =
    topics === null
      ? null
      : topics.map((t) => {
          const lt = new ListPartitionReassignmentsTopics();
          lt.name = t.name;
          lt.partitionIndexes = t.partitions;
          return lt;
        });
  return r;
}

async function setup() {
  const log = new MemoryMetadataLog();
  const { controller } = await startController(log);
  await addBroker(controller, 2);
  await addBroker(controller, 3);
  await createTopic(controller, 'ra-wire', [
    [1, 2],
    [2, 1],
  ]);
  return { log, controller, broker: fakeBroker(controller) };
}

describe('AlterPartitionReassignments and ListPartitionReassignments', () => {
  test('starts a reassignment, lists it, cancels it', async () => {
    const { controller, broker } = await setup();
    const res = await exchange<AlterPartitionReassignmentsResponse>(
      alterPartitionReassignmentsHandler,
      broker,
      0,
      alter('ra-wire', [{ index: 0, replicas: [1, 3] }]),
    );
    assert.deepEqual([res.errorCode, res.errorMessage], [ErrorCode.NONE, null]);
    assert.deepEqual(
      res.responses.map((t) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.errorCode, p.errorMessage])]),
      [['ra-wire', [[0, ErrorCode.NONE, null]]]],
    );
    const listed = await exchange<ListPartitionReassignmentsResponse>(
      listPartitionReassignmentsHandler,
      broker,
      0,
      list(null),
    );
    assert.equal(listed.errorCode, ErrorCode.NONE);
    assert.deepEqual(
      listed.topics.map((t) => [
        t.name,
        t.partitions.map((p) => [p.partitionIndex, p.replicas, p.addingReplicas, p.removingReplicas]),
      ]),
      [['ra-wire', [[0, [1, 3, 2], [3], [2]]]]],
    );
    const named = await exchange<ListPartitionReassignmentsResponse>(
      listPartitionReassignmentsHandler,
      broker,
      0,
      list([
        { name: 'ra-wire', partitions: [1] },
        { name: 'ra-none', partitions: [0] },
      ]),
    );
    assert.deepEqual(named.topics, []);
    const cancel = await exchange<AlterPartitionReassignmentsResponse>(
      alterPartitionReassignmentsHandler,
      broker,
      0,
      alter('ra-wire', [
        { index: 0, replicas: null },
        { index: 1, replicas: null },
      ]),
    );
    assert.deepEqual(
      cancel.responses[0]?.partitions.map((p) => p.errorCode),
      [ErrorCode.NONE, ErrorCode.NO_REASSIGNMENT_IN_PROGRESS],
    );
    assert.deepEqual(controller.image.topicsByName.get('ra-wire')?.partitions[0]?.replicas, [1, 2]);
  });

  test('bad targets: INVALID_REPLICA_ASSIGNMENT; unknown partitions: UNKNOWN_TOPIC_OR_PARTITION', async () => {
    const { broker } = await setup();
    const res = await exchange<AlterPartitionReassignmentsResponse>(
      alterPartitionReassignmentsHandler,
      broker,
      0,
      alter('ra-wire', [
        { index: 0, replicas: [] },
        { index: 0, replicas: [1, 7] },
        { index: 9, replicas: [1] },
      ]),
    );
    assert.deepEqual(
      res.responses[0]?.partitions.map((p) => p.errorCode),
      [
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      ],
    );
    assert.match(res.responses[0]?.partitions[1]?.errorMessage ?? '', /broker 7, but no such broker is registered/);
  });

  test('not the active controller: NOT_CONTROLLER', async () => {
    const { log, broker } = await setup();
    log.isActiveController = false;
    const res = await exchange<AlterPartitionReassignmentsResponse>(
      alterPartitionReassignmentsHandler,
      broker,
      0,
      alter('ra-wire', [{ index: 0, replicas: [1, 3] }]),
    );
    assert.equal(res.errorCode, ErrorCode.NOT_CONTROLLER);
  });
});

describe('AlterPartitionReassignments and ListPartitionReassignments through the wire', () => {
  const wire = wireBroker();

  test('a reassignment between synthetic brokers is started, listed and cancelled', async () => {
    const { tb, client } = wire;
    const offset = () => tb.broker.metadata.offset;
    for (const id of [2, 3, 4]) await registerOverWire(client, tb.broker.clusterId, id, offset);
    await createTopic(tb.broker.controller, 'ra-over-wire', [[2, 3]]);
    const started = await client.send<AlterPartitionReassignmentsResponse>(
      ApiKey.AlterPartitionReassignments,
      0,
      alter('ra-over-wire', [{ index: 0, replicas: [4, 3] }]),
    );
    assert.equal(started.responses[0]?.partitions[0]?.errorCode, ErrorCode.NONE);
    const listed = await client.send<ListPartitionReassignmentsResponse>(
      ApiKey.ListPartitionReassignments,
      0,
      list([{ name: 'ra-over-wire', partitions: [0] }]),
    );
    assert.deepEqual(
      listed.topics.map((t) => t.partitions.map((p) => [p.replicas, p.addingReplicas, p.removingReplicas])),
      [[[[4, 3, 2], [4], [2]]]],
    );
    const cancelled = await client.send<AlterPartitionReassignmentsResponse>(
      ApiKey.AlterPartitionReassignments,
      0,
      alter('ra-over-wire', [{ index: 0, replicas: null }]),
    );
    assert.equal(cancelled.responses[0]?.partitions[0]?.errorCode, ErrorCode.NONE);
    const none = await client.send<ListPartitionReassignmentsResponse>(
      ApiKey.ListPartitionReassignments,
      0,
      list(null),
    );
    assert.deepEqual(none.topics, []);
  });
});

describe('KafkaJS admin: alterPartitionReassignments and listPartitionReassignments', { timeout: 30_000 }, () => {
  let tb: import('../testing.js').TestBroker;
  let client: import('./protocol-client.js').TestClient;
  let admin: import('kafkajs').Admin;
  before(async () => {
    const { startTestBroker } = await import('../testing.js');
    const { TestClient } = await import('./protocol-client.js');
    const { default: kafkajs } = await import('kafkajs');
    // Synthetic brokers register on the controller listener; KafkaJS uses the client one.
    tb = await startTestBroker({
      properties: {
        listeners: 'PLAINTEXT://127.0.0.1:0,CONTROLLER://127.0.0.1:0',
        'controller.listener.names': 'CONTROLLER',
      },
    });
    client = await TestClient.connect(tb.host, tb.ports.CONTROLLER as number);
    admin = new kafkajs.Kafka({
      clientId: 'gregor-reassignment-test',
      brokers: [tb.bootstrap],
      logLevel: kafkajs.logLevel.NOTHING,
      retry: { retries: 1, initialRetryTime: 20, maxRetryTime: 50 },
    }).admin();
    await admin.connect();
  });
  after(async () => {
    await admin?.disconnect();
    await client?.close();
    await tb?.stop();
  });

  test('a reassignment started by KafkaJS is listed by it', async () => {
    const offset = () => tb.broker.metadata.offset;
    for (const id of [2, 3, 4]) await registerOverWire(client, tb.broker.clusterId, id, offset);
    await createTopic(tb.broker.controller, 'ra-kafkajs', [[2, 3]]);
    await admin.alterPartitionReassignments({
      topics: [{ topic: 'ra-kafkajs', partitionAssignment: [{ partition: 0, replicas: [4, 3] }] }],
    });
    const listed = await admin.listPartitionReassignments({});
    assert.deepEqual(listed.topics, [
      {
        name: 'ra-kafkajs',
        partitions: [{ partition: 0, replicas: [4, 3, 2], addingReplicas: [4], removingReplicas: [2] }],
      },
    ]);
  });
});
