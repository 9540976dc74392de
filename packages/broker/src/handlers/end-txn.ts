/**
 * EndTxn (26), versions 0-4 (KIP-98): commit or abort the transaction of a transactional
 * id. The coordinator writes PrepareCommit/PrepareAbort, a marker to every partition of
 * the transaction, then CompleteCommit/CompleteAbort; Gregor answers once complete.
 * v2 lets the answer be PRODUCER_FENCED (KIP-588; INVALID_PRODUCER_EPOCH before), v3 is
 * flexible, v4 (KIP-890) adds nothing Gregor reads.
 */
import type { EndTxnRequest } from '@gregor/protocol';
import { ApiKey, EndTxnResponse } from '@gregor/protocol';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';
import { fencedForVersion } from './txn-errors.js';

function answer(errorCode: number): EndTxnResponse {
  const r = new EndTxnResponse();
  r.errorCode = errorCode;
  return r;
}

export const endTxnHandler: ApiHandler = defineHandler<EndTxnRequest, EndTxnResponse>({
  apiKey: ApiKey.EndTxn,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, request) {
    const txns = ctx.broker.txns;
    const ready = await txns.ready(request.transactionalId);
    if (ready !== 0) return answer(ready);
    const errorCode = await txns.coordinator.endTxn(
      request.transactionalId,
      Number(request.producerId),
      request.producerEpoch,
      request.committed,
    );
    return answer(fencedForVersion(errorCode, ctx.version, 2));
  },
  errorResponse(_ctx, _request, errorCode) {
    return answer(errorCode);
  },
});
