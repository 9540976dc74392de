/**
 * Exactly-once across a real 3-node cluster: a topic whose three partitions are led by
 * three different brokers, so whichever node coordinates the transaction, the markers
 * of at least two partitions go to other brokers as WriteTxnMarkers (KIP-98).
 *
 * A KafkaJS transactional producer commits a transaction (with sendOffsets: the group's
 * offsets commit with it), aborts one, commits another; a read_committed KafkaJS
 * consumer sees exactly the committed records and none of the aborted. A follower
 * asked to write a marker answers NOT_LEADER_OR_FOLLOWER. With raw requests: a leader
 * that is not the coordinator asks the coordinator whether a transactional batch's
 * partition is in the transaction (KIP-890 part 1) and refuses it until it is.
 *
 * Bounded: every wait has a deadline; every client is disconnected and the cluster
 * stopped in after() (KafkaJS clients retry forever otherwise).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  AddPartitionsToTxnResponse,
  EndTxnResponse,
  FindCoordinatorResponse,
  InitProducerIdResponse,
  ProduceResponse,
  WriteTxnMarkersResponse,
} from '@gregor/protocol';
import {
  AddPartitionsToTxnRequest,
  ApiKey,
  buildRecordBatch,
  EndTxnRequest,
  ErrorCode,
  FindCoordinatorRequest,
  InitProducerIdRequest,
  ProduceRequest,
  WriteTxnMarkersRequest,
} from '@gregor/protocol';
import { AddPartitionsToTxnTopic } from '@gregor/protocol/generated/messages/add-partitions-to-txn-request';
import { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';
import {
  WritableTxnMarker,
  WritableTxnMarkerTopic,
} from '@gregor/protocol/generated/messages/write-txn-markers-request';
import type { Admin } from 'kafkajs';
import kafkajs from 'kafkajs';
import { TestClient } from '../handlers/protocol-client.js';
import { TestCluster } from './cluster.js';
import { waitFor } from './support.js';

const { Kafka, logLevel } = kafkajs;

const TOPIC = 'cluster-txn';
const PARTITIONS = 3;
/** Partition p led by node p + 1 (the first replica is the preferred leader). */
const ASSIGNMENT = [
  { partition: 0, replicas: [1, 2, 3] },
  { partition: 1, replicas: [2, 3, 1] },
  { partition: 2, replicas: [3, 1, 2] },
];

describe('transactions across a 3-node cluster', () => {
  let cluster: TestCluster;
  let admin: Admin;
  const cleanups: (() => Promise<unknown>)[] = [];
  const kafka = (clientId: string, brokers?: string[]) =>
    new Kafka({
      clientId,
      brokers: brokers ?? cluster.bootstrap,
      logLevel: logLevel.NOTHING,
      retry: { retries: 20, initialRetryTime: 100, maxRetryTime: 1000 },
    });

  before(async () => {
    cluster = await TestCluster.start(3, {
      'transaction.state.log.num.partitions': '3',
      'offsets.topic.num.partitions': '3',
    });
    admin = kafka('cluster-txn-admin').admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    await admin
      .createTopics({ topics: [{ topic: TOPIC, replicaAssignment: ASSIGNMENT }] })
      .catch((e: { type?: string }) => {
        if (e.type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw e;
      });
    // Every node knows the topic and its three leaders (metadata arrives through the quorum).
    await cluster.waitForTopicEverywhere(
      TOPIC,
      (ps) => ps.length === PARTITIONS && ps.every((p) => p.leader === p.partition + 1),
    );
  });

  after(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await cluster?.stop();
  });

  test('committed records are read, aborted ones never; sendOffsets commits the group offsets', {
    timeout: 40_000,
  }, async () => {
    const producer = kafka('cluster-txn-producer').producer({
      transactionalId: 'cluster-txn-id',
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    const messages = (prefix: string) =>
      Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, value: `${prefix}-${partition}` }));

    const first = await producer.transaction();
    await first.send({ topic: TOPIC, messages: messages('committed-1') });
    await first.sendOffsets({
      consumerGroupId: 'cluster-txn-group',
      topics: [{ topic: TOPIC, partitions: [{ partition: 0, offset: '1' }] }],
    });
    await first.commit();

    const aborted = await producer.transaction();
    await aborted.send({ topic: TOPIC, messages: messages('aborted') });
    await aborted.abort();

    const last = await producer.transaction();
    await last.send({ topic: TOPIC, messages: messages('committed-2') });
    await last.commit();

    // read_committed: everything up to the last commit is decided, so the consumer sees
    // both committed transactions (reading past the aborted one) and nothing else.
    const seen: string[] = [];
    const consumer = kafka('cluster-txn-consumer').consumer({
      groupId: 'cluster-txn-reader',
      readUncommitted: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 500,
    });
    await consumer.connect();
    cleanups.push(() => consumer.disconnect());
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(message.value?.toString() ?? '');
      },
    });
    await waitFor('both committed transactions read', () => seen.length >= 2 * PARTITIONS, 20_000, 50);
    await consumer.stop();
    assert.deepEqual(
      [...seen].sort(),
      [...messages('committed-1'), ...messages('committed-2')].map((m) => m.value).sort(),
    );

    // The offsets sent in the committed transaction are the group's now.
    const offsets = await admin.fetchOffsets({ groupId: 'cluster-txn-group', topics: [TOPIC] });
    const p0 = offsets[0]?.partitions.find((p) => p.partition === 0);
    assert.equal(p0?.offset, '1');

    // The leader's half refuses on a follower: node 2 replicates partition 0, node 1 leads it.
    const client = await TestClient.connect('127.0.0.1', cluster.node(2).port);
    cleanups.push(() => client.close());
    const m = new WritableTxnMarker();
    m.producerId = 123_456n;
    m.transactionResult = true;
    const t = new WritableTxnMarkerTopic();
    t.name = TOPIC;
    t.partitionIndexes = [0];
    m.topics = [t];
    const request = new WriteTxnMarkersRequest();
    request.markers = [m];
    const res = await client.send<WriteTxnMarkersResponse>(ApiKey.WriteTxnMarkers, 1, request);
    assert.equal(res.markers[0]?.topics[0]?.partitions[0]?.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
  });

  test('a leader that is not the coordinator verifies transactional batches with it', { timeout: 30_000 }, async () => {
    const id = 'cluster-txn-raw';
    const any = await TestClient.connect('127.0.0.1', cluster.node(1).port);
    cleanups.push(() => any.close());
    const find = new FindCoordinatorRequest();
    find.keyType = 1;
    find.coordinatorKeys = [id];
    let coordinatorId = -1;
    await waitFor(
      'the transaction coordinator',
      async () => {
        const r = await any.send<FindCoordinatorResponse>(ApiKey.FindCoordinator, 4, find);
        coordinatorId = r.coordinators[0]?.errorCode === ErrorCode.NONE ? (r.coordinators[0]?.nodeId ?? -1) : -1;
        return coordinatorId > 0;
      },
      10_000,
      100,
    );
    const coordinator = await TestClient.connect('127.0.0.1', cluster.node(coordinatorId).port);
    cleanups.push(() => coordinator.close());
    const init = new InitProducerIdRequest();
    init.transactionalId = id;
    init.transactionTimeoutMs = 60_000;
    let producerId = -1n;
    let producerEpoch = -1;
    await waitFor(
      'a producer id',
      async () => {
        const r = await coordinator.send<InitProducerIdResponse>(ApiKey.InitProducerId, 4, init);
        producerId = r.producerId;
        producerEpoch = r.producerEpoch;
        return r.errorCode === ErrorCode.NONE;
      },
      10_000,
      100,
    );
    // A partition led by another broker than the coordinator.
    const partition = [0, 1, 2].find((p) => p + 1 !== coordinatorId) as number;
    const leader = await TestClient.connect('127.0.0.1', cluster.node(partition + 1).port);
    cleanups.push(() => leader.close());
    const produce = async (sequence: number) => {
      const r = new ProduceRequest();
      r.acks = -1;
      r.timeoutMs = 10_000;
      r.transactionalId = id;
      const t = new TopicProduceData();
      t.name = TOPIC;
      const p = new PartitionProduceData();
      p.index = partition;
      p.records = buildRecordBatch({
        producerId: Number(producerId),
        producerEpoch,
        baseSequence: sequence,
        transactional: true,
        records: [{ value: `raw-${sequence}`, timestamp: Date.now() }],
      });
      t.partitionData = [p];
      r.topicData = [t];
      const res = await leader.send<ProduceResponse>(ApiKey.Produce, 9, r);
      return res.responses[0]?.partitionResponses[0]?.errorCode;
    };
    assert.equal(await produce(0), ErrorCode.INVALID_TXN_STATE, 'not added to the transaction yet');

    const add = new AddPartitionsToTxnRequest();
    add.v3AndBelowTransactionalId = id;
    add.v3AndBelowProducerId = producerId;
    add.v3AndBelowProducerEpoch = producerEpoch;
    const topic = new AddPartitionsToTxnTopic();
    topic.name = TOPIC;
    topic.partitions = [partition];
    add.v3AndBelowTopics = [topic];
    const added = await coordinator.send<AddPartitionsToTxnResponse>(ApiKey.AddPartitionsToTxn, 3, add);
    assert.equal(added.resultsByTopicV3AndBelow[0]?.resultsByPartition[0]?.partitionErrorCode, ErrorCode.NONE);
    assert.equal(await produce(0), ErrorCode.NONE);
    assert.equal(await produce(1), ErrorCode.NONE, 'the open transaction needs no second question');

    const end = new EndTxnRequest();
    end.transactionalId = id;
    end.producerId = producerId;
    end.producerEpoch = producerEpoch;
    end.committed = false;
    assert.equal((await coordinator.send<EndTxnResponse>(ApiKey.EndTxn, 3, end)).errorCode, ErrorCode.NONE);
    assert.equal(await produce(2), ErrorCode.INVALID_TXN_STATE, 'the transaction is over');
  });
});
