/**
 * WriteTxnMarkers over a real socket, on one broker (the leader's half; the cluster path,
 * where a coordinator sends it to another broker, is in e2e/cluster-transactions.test.ts):
 * COMMIT and ABORT markers end a producer's open transaction (the last stable offset
 * moves past it), v0 and v1, and Kafka's per-partition errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { WriteTxnMarkersResponse } from '@gregor/protocol';
import { ApiKey, buildRecordBatch, ErrorCode, WriteTxnMarkersRequest } from '@gregor/protocol';
import {
  WritableTxnMarker,
  WritableTxnMarkerTopic,
} from '@gregor/protocol/generated/messages/write-txn-markers-request';
import type { TestBroker } from '../testing.js';
import { startTestBroker } from '../testing.js';
import { TestClient } from './protocol-client.js';

const TOPIC = 'wtm';
const MIN_ISR_TOPIC = 'wtm-min-isr';

function markerRequest(
  producerId: number,
  producerEpoch: number,
  commit: boolean,
  topics: [string, number[]][],
  coordinatorEpoch = 0,
): WriteTxnMarkersRequest {
  const m = new WritableTxnMarker();
  m.producerId = BigInt(producerId);
  m.producerEpoch = producerEpoch;
  m.transactionResult = commit;
  m.coordinatorEpoch = coordinatorEpoch;
  m.topics = topics.map(([name, partitions]) => {
    const t = new WritableTxnMarkerTopic();
    t.name = name;
    t.partitionIndexes = partitions;
    return t;
  });
  const r = new WriteTxnMarkersRequest();
  r.markers = [m];
  return r;
}

describe('WriteTxnMarkers', () => {
  let tb: TestBroker;
  let client: TestClient;

  before(async () => {
    tb = await startTestBroker();
    client = await TestClient.connect(tb.host, tb.port);
    await tb.broker.controller.createTopics(
      [
        { name: TOPIC, numPartitions: 2, replicationFactor: 1, assignments: null, configs: new Map() },
        {
          name: MIN_ISR_TOPIC,
          numPartitions: 1,
          replicationFactor: 1,
          assignments: null,
          configs: new Map([['min.insync.replicas', '2']]),
        },
      ],
      false,
    );
    await tb.broker.replicaManager.applyImage(tb.broker.metadata);
  });
  after(async () => {
    await client.close();
    await tb.stop();
  });

  /** Opens a transaction of `producerId` in `TOPIC-index` with one transactional batch. */
  async function openTxn(index: number, producerId: number, producerEpoch: number): Promise<void> {
    const lookup = await tb.broker.replicaManager.lookup(TOPIC, index);
    const partition = lookup.partition;
    assert.ok(partition !== null);
    const records = buildRecordBatch({
      producerId,
      producerEpoch,
      baseSequence: 0,
      transactional: true,
      records: [{ value: 'v', timestamp: Date.now() }],
    });
    const accepted = await partition.inProducerOrder(async () => ({
      r: partition.appendFromProducer(records, -1, {
        producerId,
        producerEpoch,
        baseSequence: 0,
        lastSequence: 0,
        isTransactional: true,
      }),
    }));
    assert.equal((await accepted.r).kind, 'appended');
    assert.ok(partition.lastStableOffset < partition.highWatermark, 'the open transaction holds the LSO');
  }

  async function send(request: WriteTxnMarkersRequest, version = 1): Promise<number[]> {
    const res = await client.send<WriteTxnMarkersResponse>(ApiKey.WriteTxnMarkers, version, request);
    return res.markers.flatMap((m) => m.topics.flatMap((t) => t.partitions.map((p) => p.errorCode)));
  }

  test('COMMIT (v1) and ABORT (v0) end the open transactions; the LSO reaches the high watermark', async () => {
    await openTxn(0, 5000, 0);
    await openTxn(1, 5001, 0);
    assert.deepEqual(await send(markerRequest(5000, 0, true, [[TOPIC, [0]]]), 1), [ErrorCode.NONE]);
    assert.deepEqual(await send(markerRequest(5001, 0, false, [[TOPIC, [1]]]), 0), [ErrorCode.NONE]);
    for (const index of [0, 1]) {
      const p = tb.broker.replicaManager.get(TOPIC, index);
      assert.ok(p !== undefined);
      assert.equal(p.lastStableOffset, p.highWatermark, `partition ${index}`);
      assert.equal(p.highWatermark, 2, 'the batch and its marker');
    }
    const aborted = tb.broker.replicaManager.get(TOPIC, 1)?.log.collectAbortedTxns(0, 2) ?? [];
    assert.deepEqual(
      aborted.map((a) => a.producerId),
      [5001],
    );
  });

  test('errors per partition: unknown topic or partition, an older producer or coordinator epoch', async () => {
    assert.deepEqual(await send(markerRequest(6000, 0, true, [['no-such-topic', [0]]])), [
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    ]);
    assert.deepEqual(await send(markerRequest(6000, 3, true, [[TOPIC, [0, 9]]], 4)), [
      ErrorCode.NONE,
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
    ]);
    assert.deepEqual(await send(markerRequest(6000, 2, true, [[TOPIC, [0]]], 4)), [ErrorCode.INVALID_PRODUCER_EPOCH]);
    assert.deepEqual(await send(markerRequest(6000, 3, false, [[TOPIC, [0]]], 3)), [
      ErrorCode.TRANSACTION_COORDINATOR_FENCED,
    ]);
    // A retried marker (same epochs) is written again, as in Kafka.
    assert.deepEqual(await send(markerRequest(6000, 3, true, [[TOPIC, [0]]], 4)), [ErrorCode.NONE]);
  });

  test('acks=-1: fewer in-sync replicas than min.insync.replicas refuse the marker', async () => {
    assert.deepEqual(await send(markerRequest(7000, 0, true, [[MIN_ISR_TOPIC, [0]]])), [ErrorCode.NOT_ENOUGH_REPLICAS]);
  });
});
