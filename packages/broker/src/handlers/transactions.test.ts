/**
 * The transactional APIs over a real socket (KIP-98): InitProducerId with a transactional
 * id, AddPartitionsToTxn v0-5 (v4+ batched and verifyOnly, KIP-890 part 1),
 * AddOffsetsToTxn, EndTxn, TxnOffsetCommit, and Produce's check that a transactional
 * batch goes only to a partition of the producer's ongoing transaction; fencing answers
 * by version (KIP-588).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  AddOffsetsToTxnResponse,
  AddPartitionsToTxnResponse,
  DescribeProducersResponse,
  DescribeTransactionsResponse,
  EndTxnResponse,
  InitProducerIdResponse,
  ListTransactionsResponse,
  ProduceResponse,
  TxnOffsetCommitResponse,
} from '@gregor/protocol';
import {
  AddOffsetsToTxnRequest,
  AddPartitionsToTxnRequest,
  ApiKey,
  buildRecordBatch,
  DescribeProducersRequest,
  DescribeTransactionsRequest,
  EndTxnRequest,
  ErrorCode,
  InitProducerIdRequest,
  ListTransactionsRequest,
  ProduceRequest,
  TxnOffsetCommitRequest,
} from '@gregor/protocol';
import {
  AddPartitionsToTxnTopic,
  AddPartitionsToTxnTransaction,
} from '@gregor/protocol/generated/messages/add-partitions-to-txn-request';
import { TopicRequest } from '@gregor/protocol/generated/messages/describe-producers-request';
import { PartitionProduceData, TopicProduceData } from '@gregor/protocol/generated/messages/produce-request';
import {
  TxnOffsetCommitRequestPartition,
  TxnOffsetCommitRequestTopic,
} from '@gregor/protocol/generated/messages/txn-offset-commit-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

const TOPIC = 'txn-api';

function topics(list: [string, number[]][]): AddPartitionsToTxnTopic[] {
  return list.map(([name, partitions]) => {
    const t = new AddPartitionsToTxnTopic();
    t.name = name;
    t.partitions = partitions;
    return t;
  });
}

describe('transactional APIs', () => {
  let tb: TestBroker;
  let client: TestClient;

  before(async () => {
    tb = await startTestBroker({ properties: { 'transaction.state.log.num.partitions': '3' } });
    client = await TestClient.connect(tb.host, tb.port);
    await tb.broker.controller.createTopics(
      [{ name: TOPIC, numPartitions: 2, replicationFactor: 1, assignments: null, configs: new Map() }],
      false,
    );
    await tb.broker.replicaManager.applyImage(tb.broker.metadata);
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  async function init(id: string, version = 4) {
    const r = new InitProducerIdRequest();
    r.transactionalId = id;
    r.transactionTimeoutMs = 60_000;
    return client.send<InitProducerIdResponse>(ApiKey.InitProducerId, version, r);
  }

  async function addPartitions(id: string, pid: bigint, epoch: number, list: [string, number[]][], version = 3) {
    const r = new AddPartitionsToTxnRequest();
    r.v3AndBelowTransactionalId = id;
    r.v3AndBelowProducerId = pid;
    r.v3AndBelowProducerEpoch = epoch;
    r.v3AndBelowTopics = topics(list);
    const res = await client.send<AddPartitionsToTxnResponse>(ApiKey.AddPartitionsToTxn, version, r);
    return res.resultsByTopicV3AndBelow.flatMap((t) => t.resultsByPartition.map((p) => p.partitionErrorCode));
  }

  async function endTxn(id: string, pid: bigint, epoch: number, committed: boolean, version = 3) {
    const r = new EndTxnRequest();
    r.transactionalId = id;
    r.producerId = pid;
    r.producerEpoch = epoch;
    r.committed = committed;
    return (await client.send<EndTxnResponse>(ApiKey.EndTxn, version, r)).errorCode;
  }

  async function produce(pid: bigint, epoch: number, seq: number, partition: number) {
    const r = new ProduceRequest();
    r.acks = -1;
    r.timeoutMs = 5_000;
    r.transactionalId = 'tx-api';
    const t = new TopicProduceData();
    t.name = TOPIC;
    const p = new PartitionProduceData();
    p.index = partition;
    p.records = buildRecordBatch({
      producerId: Number(pid),
      producerEpoch: epoch,
      baseSequence: seq,
      transactional: true,
      records: [{ value: `v${seq}`, timestamp: Date.now() }],
    });
    t.partitionData.push(p);
    r.topicData.push(t);
    const res = await client.send<ProduceResponse>(ApiKey.Produce, 9, r);
    return res.responses[0]?.partitionResponses[0]?.errorCode;
  }

  test('a transaction: add partitions, produce, commit; Produce outside the transaction is refused', async () => {
    const first = await init('tx-api');
    assert.equal(first.errorCode, ErrorCode.NONE);
    const pid = first.producerId;
    const epoch = first.producerEpoch;
    assert.equal(await produce(pid, epoch, 0, 0), ErrorCode.INVALID_TXN_STATE, 'partition not added yet');
    assert.deepEqual(await addPartitions('tx-api', pid, epoch, [[TOPIC, [0]]]), [ErrorCode.NONE]);
    assert.equal(await produce(pid, epoch, 0, 0), ErrorCode.NONE);
    assert.equal(await produce(pid, epoch, 0, 1), ErrorCode.INVALID_TXN_STATE, 'partition 1 is not in it');
    const p0 = tb.broker.replicaManager.get(TOPIC, 0);
    assert.ok(p0 !== undefined && p0.lastStableOffset < p0.highWatermark);

    // v4+: batched, verifyOnly tells which partitions are in the transaction.
    const verify = new AddPartitionsToTxnRequest();
    const t = new AddPartitionsToTxnTransaction();
    t.transactionalId = 'tx-api';
    t.producerId = pid;
    t.producerEpoch = epoch;
    t.verifyOnly = true;
    t.topics = topics([[TOPIC, [0, 1]]]);
    verify.transactions = [t];
    const verified = await client.send<AddPartitionsToTxnResponse>(ApiKey.AddPartitionsToTxn, 5, verify);
    assert.deepEqual(
      verified.resultsByTransaction[0]?.topicResults[0]?.resultsByPartition.map((p) => p.partitionErrorCode),
      [ErrorCode.NONE, ErrorCode.INVALID_TXN_STATE],
    );

    assert.equal(await endTxn('tx-api', pid, epoch, true), ErrorCode.NONE);
    assert.equal(p0.lastStableOffset, p0.highWatermark);
    assert.equal(await endTxn('tx-api', pid, epoch, true), ErrorCode.NONE, 'a retried EndTxn');
    assert.equal(await endTxn('tx-api', pid, epoch, false), ErrorCode.INVALID_TXN_STATE);
  });

  test('errors: unknown partitions, unknown ids, fencing by version', async () => {
    const { producerId: pid, producerEpoch: epoch } = await init('tx-err');
    assert.deepEqual(await addPartitions('tx-err', pid, epoch, [[TOPIC, [0, 9]]]), [
      ErrorCode.OPERATION_NOT_ATTEMPTED,
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    ]);
    assert.deepEqual(await addPartitions('tx-err', pid + 1n, epoch, [[TOPIC, [0]]]), [
      ErrorCode.INVALID_PRODUCER_ID_MAPPING,
    ]);
    const bumped = await init('tx-err');
    assert.equal(bumped.producerEpoch, epoch + 1);
    assert.deepEqual(await addPartitions('tx-err', pid, epoch, [[TOPIC, [0]]], 1), [ErrorCode.INVALID_PRODUCER_EPOCH]);
    assert.deepEqual(await addPartitions('tx-err', pid, epoch, [[TOPIC, [0]]], 2), [ErrorCode.PRODUCER_FENCED]);
    assert.equal(await endTxn('tx-err', pid, epoch, true, 1), ErrorCode.INVALID_PRODUCER_EPOCH);
    assert.equal(await endTxn('tx-err', pid, epoch, true, 2), ErrorCode.PRODUCER_FENCED);
    assert.equal(await endTxn('tx-err', pid, bumped.producerEpoch, true), ErrorCode.INVALID_TXN_STATE, 'nothing open');
    assert.equal(await endTxn('nobody', 1n, 0, true), ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);
    assert.equal((await init('tx-err', 4)).errorCode, ErrorCode.NONE);
    const badTimeout = new InitProducerIdRequest();
    badTimeout.transactionalId = 'tx-err';
    badTimeout.transactionTimeoutMs = 900_001;
    assert.equal(
      (await client.send<InitProducerIdResponse>(ApiKey.InitProducerId, 4, badTimeout)).errorCode,
      ErrorCode.INVALID_TRANSACTION_TIMEOUT,
    );
  });

  test('TxnOffsetCommit needs AddOffsetsToTxn first', async () => {
    const { producerId: pid, producerEpoch: epoch } = await init('tx-off');
    const commit = new TxnOffsetCommitRequest();
    commit.transactionalId = 'tx-off';
    commit.groupId = 'g-off';
    commit.producerId = pid;
    commit.producerEpoch = epoch;
    const t = new TxnOffsetCommitRequestTopic();
    t.name = TOPIC;
    const p = new TxnOffsetCommitRequestPartition();
    p.partitionIndex = 0;
    p.committedOffset = 1n;
    t.partitions = [p];
    commit.topics = [t];
    const code = async () =>
      (await client.send<TxnOffsetCommitResponse>(ApiKey.TxnOffsetCommit, 3, commit)).topics[0]?.partitions[0]
        ?.errorCode;
    assert.equal(await code(), ErrorCode.INVALID_TXN_STATE);
    const add = new AddOffsetsToTxnRequest();
    add.transactionalId = 'tx-off';
    add.producerId = pid;
    add.producerEpoch = epoch;
    add.groupId = 'g-off';
    assert.equal(
      (await client.send<AddOffsetsToTxnResponse>(ApiKey.AddOffsetsToTxn, 3, add)).errorCode,
      ErrorCode.NONE,
    );
    assert.equal(await code(), ErrorCode.NONE);
    assert.equal(tb.broker.groups.coordinator.hasPendingTxnOffsets('g-off', TOPIC, 0), true);
    assert.equal(await endTxn('tx-off', pid, epoch, false), ErrorCode.NONE);
    assert.equal(tb.broker.groups.coordinator.hasPendingTxnOffsets('g-off', TOPIC, 0), false);
    commit.producerEpoch = epoch - 1;
    assert.equal(await code(), ErrorCode.INVALID_PRODUCER_EPOCH);
  });

  test('DescribeTransactions, ListTransactions, DescribeProducers show an open transaction', async () => {
    const { producerId: pid, producerEpoch: epoch } = await init('tx-desc');
    await addPartitions('tx-desc', pid, epoch, [[TOPIC, [1]]]);
    const p1 = tb.broker.replicaManager.get(TOPIC, 1);
    assert.ok(p1 !== undefined);
    const firstOffset = p1.logEndOffset;
    assert.equal(await produce(pid, epoch, 0, 1), ErrorCode.NONE);

    const describe = new DescribeTransactionsRequest();
    describe.transactionalIds = ['tx-desc', 'tx-none'];
    const described = await client.send<DescribeTransactionsResponse>(ApiKey.DescribeTransactions, 0, describe);
    const [state, none] = described.transactionStates;
    assert.equal(state?.errorCode, ErrorCode.NONE);
    assert.equal(state?.transactionState, 'Ongoing');
    assert.equal(state?.producerId, pid);
    assert.deepEqual(
      state?.topics.map((t) => [t.topic, t.partitions]),
      [[TOPIC, [1]]],
    );
    assert.equal(none?.errorCode, ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);

    const list = async (version: number, fill: (r: ListTransactionsRequest) => void) => {
      const r = new ListTransactionsRequest();
      fill(r);
      return client.send<ListTransactionsResponse>(ApiKey.ListTransactions, version, r);
    };
    const ongoing = await list(1, (r) => {
      r.stateFilters = ['Ongoing', 'Bogus'];
    });
    assert.deepEqual(ongoing.unknownStateFilters, ['Bogus']);
    assert.deepEqual(
      ongoing.transactionStates.map((t) => t.transactionalId),
      ['tx-desc'],
    );
    const byPid = await list(0, (r) => {
      r.producerIdFilters = [pid];
    });
    assert.deepEqual(
      byPid.transactionStates.map((t) => [t.transactionalId, t.transactionState]),
      [['tx-desc', 'Ongoing']],
    );
    const longRunning = await list(1, (r) => {
      r.durationFilter = 3_600_000n;
    });
    assert.deepEqual(longRunning.transactionStates, []);

    const producers = new DescribeProducersRequest();
    const t = new TopicRequest();
    t.name = TOPIC;
    t.partitionIndexes = [1, 7];
    producers.topics = [t];
    const res = await client.send<DescribeProducersResponse>(ApiKey.DescribeProducers, 0, producers);
    const [found, missing] = res.topics[0]?.partitions ?? [];
    const active = found?.activeProducers.find((a) => a.producerId === pid);
    assert.equal(active?.currentTxnStartOffset, BigInt(firstOffset));
    assert.equal(active?.lastSequence, 0);
    assert.equal(missing?.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    assert.equal(await endTxn('tx-desc', pid, epoch, false), ErrorCode.NONE);
  });
});
