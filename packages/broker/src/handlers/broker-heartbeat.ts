/**
 * BrokerHeartbeat (63), versions 0-1: a registered broker tells the active controller
 * it is alive and how far it has applied the metadata log (Kafka's
 * processBrokerHeartbeat, KIP-631).
 *
 * A broker epoch that is not the registered one is STALE_BROKER_EPOCH (the broker
 * registers again). The answer says whether the broker has caught up with its
 * registration, whether it is fenced, and, during controlled shutdown (wantShutDown),
 * whether it may stop now: once it leads no partition. v1 adds offlineLogDirs
 * (KIP-858), accepted and not acted on: Gregor brokers have one log directory.
 * Not the active controller: NOT_CONTROLLER.
 */
import type { BrokerHeartbeatRequest } from '@gregor/protocol';
import { ApiKey, BrokerHeartbeatResponse, ErrorCode } from '@gregor/protocol';
import { isNotControllerError } from '../metadata/controller.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function failed(errorCode: number): BrokerHeartbeatResponse {
  const r = new BrokerHeartbeatResponse();
  r.errorCode = errorCode;
  return r;
}

export const brokerHeartbeatHandler: ApiHandler = defineHandler<BrokerHeartbeatRequest, BrokerHeartbeatResponse>({
  apiKey: ApiKey.BrokerHeartbeat,
  minVersion: 0,
  maxVersion: 1,
  async handle(ctx, request) {
    const { broker } = ctx;
    try {
      const result = await broker.controller.brokerHeartbeat({
        brokerId: request.brokerId,
        brokerEpoch: Number(request.brokerEpoch),
        currentMetadataOffset: Number(request.currentMetadataOffset),
        wantFence: request.wantFence,
        wantShutDown: request.wantShutDown,
      });
      const r = new BrokerHeartbeatResponse();
      r.errorCode = result.errorCode;
      r.isCaughtUp = result.isCaughtUp;
      r.isFenced = result.isFenced;
      r.shouldShutDown = result.shouldShutDown;
      return r;
    } catch (e) {
      if (isNotControllerError(e)) return failed(ErrorCode.NOT_CONTROLLER);
      broker.logger.error({ err: e }, 'broker heartbeat failed');
      return failed(ErrorCode.UNKNOWN_SERVER_ERROR);
    }
  },
  errorResponse(_ctx, _request, errorCode) {
    return failed(errorCode);
  },
});
