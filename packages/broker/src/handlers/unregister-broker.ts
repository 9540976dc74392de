/**
 * UnregisterBroker (64), version 0: removes a broker from the cluster (KIP-631; the
 * operator's `kafka-cluster unregister`). The broker leaves every ISR and leadership in
 * the same batch as its UnregisterBrokerRecord. An unknown id is
 * BROKER_ID_NOT_REGISTERED. Not the active controller: NOT_CONTROLLER.
 */
import type { UnregisterBrokerRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, UnregisterBrokerResponse } from '@gregor/protocol';
import { isNotControllerError } from '../metadata/controller.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function answer(errorCode: number, errorMessage: string | null): UnregisterBrokerResponse {
  const r = new UnregisterBrokerResponse();
  r.errorCode = errorCode;
  r.errorMessage = errorMessage;
  return r;
}

export const unregisterBrokerHandler: ApiHandler = defineHandler<UnregisterBrokerRequest, UnregisterBrokerResponse>({
  apiKey: ApiKey.UnregisterBroker,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    try {
      const result = await ctx.broker.controller.unregisterBroker(request.brokerId);
      return answer(result.errorCode, result.errorMessage);
    } catch (e) {
      if (isNotControllerError(e)) return answer(ErrorCode.NOT_CONTROLLER, (e as Error).message);
      ctx.broker.logger.error({ err: e }, 'broker unregistration failed');
      return answer(ErrorCode.UNKNOWN_SERVER_ERROR, `The broker unregistration failed: ${(e as Error).message}`);
    }
  },
  errorResponse(_ctx, _request, errorCode) {
    return answer(errorCode, null);
  },
});
