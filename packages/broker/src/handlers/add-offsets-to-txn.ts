/**
 * AddOffsetsToTxn (25), versions 0-4 (KIP-98): the group's partition of
 * `__consumer_offsets` joins the transaction, so that the commit or abort marker reaches
 * the group coordinator, which then applies or drops the offsets TxnOffsetCommit left
 * pending. v2: PRODUCER_FENCED (KIP-588; INVALID_PRODUCER_EPOCH before); v3 flexible.
 */
import type { AddOffsetsToTxnRequest } from '@gregor/protocol';
import { AddOffsetsToTxnResponse, ApiKey, ErrorCode } from '@gregor/protocol';
import { GROUP_METADATA_TOPIC } from '../group/coordinator-key.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';
import { fencedForVersion } from './txn-errors.js';

function answer(errorCode: number): AddOffsetsToTxnResponse {
  const r = new AddOffsetsToTxnResponse();
  r.errorCode = errorCode;
  return r;
}

export const addOffsetsToTxnHandler: ApiHandler = defineHandler<AddOffsetsToTxnRequest, AddOffsetsToTxnResponse>({
  apiKey: ApiKey.AddOffsetsToTxn,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, request) {
    const { broker } = ctx;
    const ready = await broker.txns.ready(request.transactionalId);
    if (ready !== ErrorCode.NONE) return answer(ready);
    if (request.groupId === '') return answer(ErrorCode.INVALID_GROUP_ID);
    const created = await broker.groups.ensureTopic();
    if (created !== ErrorCode.NONE) return answer(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    const partition = broker.groups.coordinator.partitionFor(request.groupId);
    const errorCode = await broker.txns.coordinator.addPartitions(
      request.transactionalId,
      Number(request.producerId),
      request.producerEpoch,
      [[GROUP_METADATA_TOPIC, partition]],
    );
    return answer(fencedForVersion(errorCode, ctx.version, 2));
  },
  errorResponse(_ctx, _request, errorCode) {
    return answer(errorCode);
  },
});
