/**
 * AllocateProducerIds (67), version 0: a broker of the cluster asks the active
 * controller for a block of producer ids (KIP-730), which the controller makes durable
 * in the metadata log (ProducerIdsRecord) before handing it out. Only the active
 * controller answers; others say NOT_CONTROLLER, and a broker whose epoch is not its
 * current registration gets STALE_BROKER_EPOCH.
 */
import type { AllocateProducerIdsRequest } from '@gregor/protocol';
import { AllocateProducerIdsResponse, ApiKey, ErrorCode } from '@gregor/protocol';
import { NotControllerError } from '../metadata/metadata-log.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

export const allocateProducerIdsHandler: ApiHandler = defineHandler<
  AllocateProducerIdsRequest,
  AllocateProducerIdsResponse
>({
  apiKey: ApiKey.AllocateProducerIds,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    const { broker } = ctx;
    const response = new AllocateProducerIdsResponse();
    if (!broker.metadataLog.isActiveController) {
      response.errorCode = ErrorCode.NOT_CONTROLLER;
      return response;
    }
    const registered = broker.metadata.brokers.get(request.brokerId);
    if (registered === undefined || registered.epoch !== Number(request.brokerEpoch)) {
      response.errorCode = ErrorCode.STALE_BROKER_EPOCH;
      return response;
    }
    try {
      const block = await broker.controller.allocateProducerIds(request.brokerId, Number(request.brokerEpoch));
      response.producerIdStart = BigInt(block.firstProducerId);
      response.producerIdLen = block.size;
    } catch (e) {
      if (!(e instanceof NotControllerError)) throw e;
      response.errorCode = ErrorCode.NOT_CONTROLLER;
    }
    return response;
  },
  errorResponse(_ctx, _request, errorCode) {
    const r = new AllocateProducerIdsResponse();
    r.errorCode = errorCode;
    return r;
  },
});
