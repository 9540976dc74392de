/**
 * Fetch and ListOffsets with read_committed over a real socket (KIP-98): data of an open
 * transaction is withheld below the last stable offset, aborted transactions are listed,
 * and the response's lastStableOffset is the partition's. Transactions are driven at the
 * partition (the leader's side of Produce and WriteTxnMarkers).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ListOffsetsResponse } from '@gregor/protocol';
import { ApiKey, buildRecordBatch, ErrorCode, FetchRequest, ListOffsetsRequest } from '@gregor/protocol';
import { FetchPartition, FetchTopic } from '@gregor/protocol/generated/messages/fetch-request';
import type { FetchResponse } from '@gregor/protocol/generated/messages/fetch-response';
import { ListOffsetsPartition, ListOffsetsTopic } from '@gregor/protocol/generated/messages/list-offsets-request';
import type { Partition } from '../partition/partition.js';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

const TOPIC = 'rc-topic';

function fetchRequest(offset: number, isolationLevel: number): FetchRequest {
  const r = new FetchRequest();
  r.maxWaitMs = 0;
  r.minBytes = 0;
  r.maxBytes = 1 << 20;
  r.isolationLevel = isolationLevel;
  const t = new FetchTopic();
  t.topic = TOPIC;
  const p = new FetchPartition();
  p.partition = 0;
  p.fetchOffset = BigInt(offset);
  p.partitionMaxBytes = 1 << 20;
  t.partitions.push(p);
  r.topics.push(t);
  return r;
}

function listLatest(isolationLevel: number): ListOffsetsRequest {
  const r = new ListOffsetsRequest();
  r.replicaId = -1;
  r.isolationLevel = isolationLevel;
  const t = new ListOffsetsTopic();
  t.name = TOPIC;
  const p = new ListOffsetsPartition();
  p.partitionIndex = 0;
  p.timestamp = -1n;
  t.partitions.push(p);
  r.topics.push(t);
  return r;
}

describe('read_committed', () => {
  let tb: TestBroker;
  let client: TestClient;
  let partition: Partition;

  async function txnBatch(producerId: number, seq: number): Promise<void> {
    const records = buildRecordBatch({
      producerId,
      producerEpoch: 0,
      baseSequence: seq,
      transactional: true,
      records: [{ value: `p${producerId}-${seq}`, timestamp: Date.now() }],
    });
    const outcome = await partition.appendFromProducer(records, 1, {
      producerId,
      producerEpoch: 0,
      baseSequence: seq,
      lastSequence: seq,
      isTransactional: true,
    });
    assert.equal(outcome.kind, 'appended');
  }

  async function fetch(offset: number, isolationLevel: number) {
    const res = await client.send<FetchResponse>(ApiKey.Fetch, 12, fetchRequest(offset, isolationLevel));
    const p = res.responses[0]?.partitions[0];
    assert.equal(p?.errorCode, ErrorCode.NONE);
    return p as NonNullable<typeof p>;
  }

  async function latest(version: number, isolationLevel: number): Promise<bigint | undefined> {
    const res = await client.send<ListOffsetsResponse>(ApiKey.ListOffsets, version, listLatest(isolationLevel));
    return res.topics[0]?.partitions[0]?.offset;
  }

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    await tb.broker.controller.createTopics(
      [{ name: TOPIC, numPartitions: 1, replicationFactor: 1, assignments: null, configs: new Map() }],
      false,
    );
    await tb.broker.replicaManager.applyImage(tb.broker.metadata);
    const p = tb.broker.replicaManager.get(TOPIC, 0);
    assert.ok(p !== undefined);
    partition = p;
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  test('an open transaction holds the LSO; its abort is listed; read_uncommitted sees everything', async () => {
    await partition.append(buildRecordBatch({ records: [{ value: 'plain', timestamp: Date.now() }] }), 1); // 0
    await txnBatch(100, 0); // 1
    await txnBatch(200, 0); // 2

    let committed = await fetch(0, 1);
    assert.equal(committed.highWatermark, 3n);
    assert.equal(committed.lastStableOffset, 1n);
    assert.deepEqual(committed.abortedTransactions, []);
    assert.ok((committed.records?.length ?? 0) > 0, 'the plain batch below the LSO');
    const open = await fetch(1, 1);
    assert.equal(open.records?.length, 0, 'nothing at or above the LSO for read_committed');
    const uncommitted = await fetch(1, 0);
    assert.ok((uncommitted.records?.length ?? 0) > 0);
    assert.equal(uncommitted.lastStableOffset, 1n);
    assert.equal(await latest(2, 1), 1n);
    assert.equal(await latest(9, 1), 1n);
    assert.equal(await latest(9, 0), 3n);

    // Abort 100 (marker at 3), commit 200 (marker at 4).
    const abort = await partition.inProducerOrder(() =>
      partition.appendTxnMarker({ producerId: 100, producerEpoch: 0, coordinatorEpoch: 0, isAborted: true }),
    );
    assert.equal(abort.errorCode, ErrorCode.NONE);
    assert.equal((await fetch(0, 1)).lastStableOffset, 2n);
    await partition.inProducerOrder(() =>
      partition.appendTxnMarker({ producerId: 200, producerEpoch: 0, coordinatorEpoch: 0, isAborted: false }),
    );
    committed = await fetch(0, 1);
    assert.equal(committed.lastStableOffset, 5n);
    assert.equal(committed.highWatermark, 5n);
    assert.deepEqual(
      committed.abortedTransactions?.map((a) => [a.producerId, a.firstOffset]),
      [[100n, 1n]],
    );
    assert.equal(await latest(9, 1), 5n);
    // read_uncommitted responses carry no aborted transaction list.
    assert.equal((await fetch(0, 0)).abortedTransactions, null);
  });
});
