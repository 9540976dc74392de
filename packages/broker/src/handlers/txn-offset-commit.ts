/**
 * TxnOffsetCommit (28), versions 0-4 (KIP-98): offsets committed inside a transaction
 * (a consume-transform-produce loop's `sendOffsets`). Sent to the group coordinator after
 * AddOffsetsToTxn; the offsets are written to `__consumer_offsets` as a transactional
 * batch of the producer and become visible to OffsetFetch only when the transaction's
 * commit marker reaches that partition (dropped on abort); meanwhile OffsetFetch with
 * require_stable answers UNSTABLE_OFFSET_COMMIT.
 *
 * The producer must be in an ongoing transaction that added the group's offsets
 * partition (else INVALID_TXN_STATE, as Kafka's verification); a stale epoch is
 * INVALID_PRODUCER_EPOCH (no version of this API announces PRODUCER_FENCED). When the
 * transaction coordinator is another broker, it is asked (AddPartitionsToTxn verifyOnly). v2 adds the
 * committed leader epoch; v3 (KIP-447) the member id, generation and instance id, which
 * are checked when given; v3 is flexible.
 */
import type { TxnOffsetCommitRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, TxnOffsetCommitResponse } from '@gregor/protocol';
import {
  TxnOffsetCommitResponsePartition,
  TxnOffsetCommitResponseTopic,
} from '@gregor/protocol/generated/messages/txn-offset-commit-response';
import { GROUP_METADATA_TOPIC } from '../group/coordinator-key.js';
import { TxnState } from '../txn/transaction-metadata.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function answer(request: TxnOffsetCommitRequest, errorFor: (topicIndex: number, partitionIndex: number) => number) {
  const response = new TxnOffsetCommitResponse();
  request.topics.forEach((t, ti) => {
    const rt = new TxnOffsetCommitResponseTopic();
    rt.name = t.name;
    t.partitions.forEach((p, pi) => {
      const rp = new TxnOffsetCommitResponsePartition();
      rp.partitionIndex = p.partitionIndex;
      rp.errorCode = errorFor(ti, pi);
      rt.partitions.push(rp);
    });
    response.topics.push(rt);
  });
  return response;
}

export const txnOffsetCommitHandler: ApiHandler = defineHandler<TxnOffsetCommitRequest, TxnOffsetCommitResponse>({
  apiKey: ApiKey.TxnOffsetCommit,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    const groups = broker.groups.coordinator;
    const producerId = Number(request.producerId);
    // The transaction must include the group's offsets partition (AddOffsetsToTxn).
    const m = broker.txns.coordinator.byProducer(producerId);
    let check: number = ErrorCode.NONE;
    const coordinatorId = broker.clustered ? broker.txns.coordinatorIdFor(request.transactionalId) : broker.nodeId;
    if (coordinatorId !== broker.nodeId) {
      // The transaction coordinator is another broker: asked with AddPartitionsToTxn verifyOnly (KIP-890).
      const verified = await broker.txns.verifyWithCoordinator(
        coordinatorId,
        request.transactionalId,
        producerId,
        request.producerEpoch,
        GROUP_METADATA_TOPIC,
        groups.partitionFor(request.groupId),
      );
      check =
        verified === ErrorCode.NONE ||
        verified === ErrorCode.INVALID_PRODUCER_ID_MAPPING ||
        verified === ErrorCode.PRODUCER_FENCED ||
        verified === ErrorCode.INVALID_PRODUCER_EPOCH ||
        verified === ErrorCode.INVALID_TXN_STATE ||
        verified === ErrorCode.CONCURRENT_TRANSACTIONS ||
        verified === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS
          ? verified
          : ErrorCode.COORDINATOR_NOT_AVAILABLE;
    } else if (m === undefined || m.transactionalId !== request.transactionalId)
      check = ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    else if (request.producerEpoch !== m.producerEpoch) check = ErrorCode.PRODUCER_FENCED;
    else if (
      m.state !== TxnState.ONGOING ||
      m.partitions.get(GROUP_METADATA_TOPIC)?.has(groups.partitionFor(request.groupId)) !== true
    )
      check = ErrorCode.INVALID_TXN_STATE;
    if (check !== ErrorCode.NONE) {
      // No TxnOffsetCommit version announces PRODUCER_FENCED (unlike EndTxn and the Add
      // requests, KIP-588): a stale epoch is INVALID_PRODUCER_EPOCH, fatal to the producer.
      const code = check === ErrorCode.PRODUCER_FENCED ? ErrorCode.INVALID_PRODUCER_EPOCH : check;
      return answer(request, () => code);
    }
    const partitions = request.topics.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partitionIndex,
        offset: p.committedOffset,
        leaderEpoch: version >= 2 ? p.committedLeaderEpoch : -1,
        metadata: p.committedMetadata,
        commitTimestampMs: -1,
      })),
    );
    const errors = await groups.txnCommitOffsets(
      {
        groupId: request.groupId,
        generationId: version >= 3 ? request.generationId : -1,
        memberId: version >= 3 ? request.memberId : '',
        groupInstanceId: version >= 3 ? request.groupInstanceId : null,
        retentionTimeMs: -1,
        partitions,
      },
      { producerId, producerEpoch: request.producerEpoch },
    );
    let at = 0;
    const offsets: number[][] = request.topics.map((t) => t.partitions.map(() => errors[at++] ?? ErrorCode.NONE));
    return answer(request, (ti, pi) => offsets[ti]?.[pi] ?? ErrorCode.NONE);
  },
  errorResponse(_ctx, request, errorCode) {
    return answer(request, () => errorCode);
  },
});
