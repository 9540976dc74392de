/**
 * WriteTxnMarkers (27), versions 0-1 (KIP-98; v1 flexible): a transaction coordinator
 * asks the leader of each partition of a transaction to append its COMMIT or ABORT
 * marker (Kafka's KafkaApis.handleWriteTxnMarkersRequest). Sent broker to broker by
 * the coordinator (txn/txn-runtime.ts) for partitions it does not lead.
 *
 * Per marker and partition, the control batch goes through the partition's producer
 * order (after the producer's batches already accepted) and counts once replicated to
 * the in-sync replicas (acks=-1, as Kafka writes markers), so a read_committed reader
 * of any later leader sees the transaction's end. A marker for `__consumer_offsets`
 * also decides the transactional offsets waiting there. Per-partition errors:
 * UNKNOWN_TOPIC_OR_PARTITION when this broker holds no replica of the partition,
 * NOT_LEADER_OR_FOLLOWER when it is a replica but not the leader, INVALID_PRODUCER_EPOCH
 * or TRANSACTION_COORDINATOR_FENCED when the producer state holds a newer producer or
 * coordinator epoch, NOT_ENOUGH_REPLICAS(_AFTER_APPEND) and REQUEST_TIMED_OUT as an
 * acks=-1 produce gets them. Gregor has no ACLs, so CLUSTER_ACTION is not checked.
 */
import type { WriteTxnMarkersRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, WriteTxnMarkersResponse } from '@gregor/protocol';
import type { WritableTxnMarker } from '@gregor/protocol/generated/messages/write-txn-markers-request';
import {
  WritableTxnMarkerPartitionResult,
  WritableTxnMarkerResult,
  WritableTxnMarkerTopicResult,
} from '@gregor/protocol/generated/messages/write-txn-markers-response';
import type { Broker } from '../broker.js';
import type { TxnMarkerRequest } from '../txn/transaction-coordinator.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function partitionResult(partitionIndex: number, errorCode: number): WritableTxnMarkerPartitionResult {
  const r = new WritableTxnMarkerPartitionResult();
  r.partitionIndex = partitionIndex;
  r.errorCode = errorCode;
  return r;
}

/** Kafka answers UNKNOWN_TOPIC_OR_PARTITION for a partition with no replica on this broker. */
function hostsReplica(broker: Broker, topic: string, index: number): boolean {
  if (broker.replicaManager.get(topic, index) !== undefined) return true;
  const p = broker.metadata.topicsByName.get(topic)?.partitions[index];
  return p?.replicas.includes(broker.nodeId) === true;
}

async function writeOne(broker: Broker, topic: string, index: number, marker: TxnMarkerRequest): Promise<number> {
  if (!hostsReplica(broker, topic, index)) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  try {
    return await broker.txns.appendMarker(topic, index, marker);
  } catch (e) {
    broker.logger.warn({ err: e, topic, partition: index }, 'writing a transaction marker failed');
    return ErrorCode.UNKNOWN_SERVER_ERROR;
  }
}

async function writeMarker(broker: Broker, m: WritableTxnMarker): Promise<WritableTxnMarkerResult> {
  const marker: TxnMarkerRequest = {
    producerId: Number(m.producerId),
    producerEpoch: m.producerEpoch,
    coordinatorEpoch: m.coordinatorEpoch,
    isAborted: !m.transactionResult,
  };
  const result = new WritableTxnMarkerResult();
  result.producerId = m.producerId;
  const topics = await Promise.all(
    m.topics.map(async (t) => {
      const tr = new WritableTxnMarkerTopicResult();
      tr.name = t.name;
      const codes = await Promise.all(t.partitionIndexes.map((index) => writeOne(broker, t.name, index, marker)));
      for (let i = 0; i < codes.length; i++)
        tr.partitions.push(partitionResult(t.partitionIndexes[i] as number, codes[i] as number));
      return tr;
    }),
  );
  result.topics = topics;
  return result;
}

export const writeTxnMarkersHandler: ApiHandler = defineHandler<WriteTxnMarkersRequest, WriteTxnMarkersResponse>({
  apiKey: ApiKey.WriteTxnMarkers,
  minVersion: 0,
  maxVersion: 1,
  async handle(ctx, request) {
    const response = new WriteTxnMarkersResponse();
    response.markers = await Promise.all(request.markers.map((m) => writeMarker(ctx.broker, m)));
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new WriteTxnMarkersResponse();
    for (const m of request.markers) {
      const result = new WritableTxnMarkerResult();
      result.producerId = m.producerId;
      for (const t of m.topics) {
        const tr = new WritableTxnMarkerTopicResult();
        tr.name = t.name;
        for (const index of t.partitionIndexes) tr.partitions.push(partitionResult(index, errorCode));
        result.topics.push(tr);
      }
      response.markers.push(result);
    }
    return response;
  },
});
