/**
 * AddPartitionsToTxn (24), versions 0-5 (KIP-98): partitions join a transaction before
 * the producer writes to them. Partitions that do not exist get UNKNOWN_TOPIC_OR_PARTITION
 * and the others OPERATION_NOT_ATTEMPTED (nothing is added), as Kafka.
 *
 * v0-3: one transaction (the `v3AndBelow` fields), answered in `resultsByTransaction`'s
 * v3-and-below form (`resultsByTopicV3AndBelow`); v2 lets the answer be PRODUCER_FENCED
 * (KIP-588; INVALID_PRODUCER_EPOCH before); v3 is flexible. v4+ (KIP-890 part 1) batch
 * several transactions, sent by brokers; `verifyOnly` asks whether the partitions are
 * already in the transaction (INVALID_TXN_STATE for those that are not) without adding.
 */
import type { AddPartitionsToTxnRequest } from '@gregor/protocol';
import { AddPartitionsToTxnResponse, ApiKey, ErrorCode } from '@gregor/protocol';
import type { AddPartitionsToTxnTopic } from '@gregor/protocol/generated/messages/add-partitions-to-txn-request';
import {
  AddPartitionsToTxnPartitionResult,
  AddPartitionsToTxnResult,
  AddPartitionsToTxnTopicResult,
} from '@gregor/protocol/generated/messages/add-partitions-to-txn-response';
import type { Broker } from '../broker.js';
import { TxnState } from '../txn/transaction-metadata.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';
import { fencedForVersion } from './txn-errors.js';

function results(topics: readonly AddPartitionsToTxnTopic[], errorFor: (topic: string, p: number) => number) {
  const out: AddPartitionsToTxnTopicResult[] = [];
  for (const t of topics) {
    const tr = new AddPartitionsToTxnTopicResult();
    tr.name = t.name;
    for (const p of t.partitions) {
      const pr = new AddPartitionsToTxnPartitionResult();
      pr.partitionIndex = p;
      pr.partitionErrorCode = errorFor(t.name, p);
      tr.resultsByPartition.push(pr);
    }
    out.push(tr);
  }
  return out;
}

async function addOne(
  broker: Broker,
  transactionalId: string,
  producerId: number,
  producerEpoch: number,
  topics: readonly AddPartitionsToTxnTopic[],
  verifyOnly: boolean,
  version: number,
): Promise<AddPartitionsToTxnTopicResult[]> {
  const ready = await broker.txns.ready(transactionalId);
  if (ready !== ErrorCode.NONE) return results(topics, () => ready);
  const image = broker.metadata;
  const unknown = new Set<string>();
  const wanted: [string, number][] = [];
  for (const t of topics) {
    const topic = image.topicsByName.get(t.name);
    for (const p of t.partitions) {
      if (topic === undefined || p < 0 || topic.partitions[p] === undefined) unknown.add(`${t.name}\u0000${p}`);
      else wanted.push([t.name, p]);
    }
  }
  if (unknown.size > 0) {
    return results(topics, (t, p) =>
      unknown.has(`${t}\u0000${p}`) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.OPERATION_NOT_ATTEMPTED,
    );
  }
  const coordinator = broker.txns.coordinator;
  if (verifyOnly) {
    const m = coordinator.get(transactionalId);
    return results(topics, (t, p) => {
      if (m === undefined || m.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
      if (m.producerEpoch !== producerEpoch) return ErrorCode.PRODUCER_FENCED;
      return m.state === TxnState.ONGOING && m.partitions.get(t)?.has(p) === true
        ? ErrorCode.NONE
        : ErrorCode.INVALID_TXN_STATE;
    });
  }
  const errorCode = await coordinator.addPartitions(transactionalId, producerId, producerEpoch, wanted);
  const mapped = fencedForVersion(errorCode, version, 2);
  return results(topics, () => mapped);
}

export const addPartitionsToTxnHandler: ApiHandler = defineHandler<
  AddPartitionsToTxnRequest,
  AddPartitionsToTxnResponse
>({
  apiKey: ApiKey.AddPartitionsToTxn,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    const response = new AddPartitionsToTxnResponse();
    if (version <= 3) {
      response.resultsByTopicV3AndBelow = await addOne(
        broker,
        request.v3AndBelowTransactionalId,
        Number(request.v3AndBelowProducerId),
        request.v3AndBelowProducerEpoch,
        request.v3AndBelowTopics,
        false,
        version,
      );
      return response;
    }
    response.resultsByTransaction = await Promise.all(
      request.transactions.map(async (t) => {
        const r = new AddPartitionsToTxnResult();
        r.transactionalId = t.transactionalId;
        r.topicResults = await addOne(
          broker,
          t.transactionalId,
          Number(t.producerId),
          t.producerEpoch,
          t.topics,
          t.verifyOnly,
          version,
        );
        return r;
      }),
    );
    return response;
  },
  errorResponse(ctx, request, errorCode) {
    const response = new AddPartitionsToTxnResponse();
    if (ctx.version <= 3) response.resultsByTopicV3AndBelow = results(request.v3AndBelowTopics, () => errorCode);
    else response.errorCode = errorCode;
    return response;
  },
});
