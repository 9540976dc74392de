/**
 * Heartbeat (12), versions 0-4: a member of a classic group shows it is alive; the
 * answer is how it learns of a rebalance (REBALANCE_IN_PROGRESS: rejoin). A stale
 * generation is ILLEGAL_GENERATION, an id the group does not have UNKNOWN_MEMBER_ID, a
 * static member replaced by a newer instance FENCED_INSTANCE_ID. While the group's
 * partition loads the answer is NONE, as Kafka's (the member cannot be checked yet).
 *
 * By version: v1 adds the throttle time; v3 group.instance.id (KIP-345); v4 is
 * flexible.
 */
import type { HeartbeatRequest } from '@gregor/protocol';
import { ApiKey, HeartbeatResponse } from '@gregor/protocol';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

export const heartbeatHandler: ApiHandler = defineHandler<HeartbeatRequest, HeartbeatResponse>({
  apiKey: ApiKey.Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, request) {
    const response = new HeartbeatResponse();
    response.errorCode = ctx.broker.groups.coordinator.heartbeat(
      request.groupId,
      request.memberId,
      ctx.version >= 3 ? request.groupInstanceId : null,
      request.generationId,
    );
    return response;
  },
  errorResponse(_ctx, _request, errorCode) {
    const response = new HeartbeatResponse();
    response.errorCode = errorCode;
    return response;
  },
});
