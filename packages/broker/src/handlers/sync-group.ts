/**
 * SyncGroup (14), versions 0-5: after JoinGroup, each member asks for its assignment;
 * the leader's request carries everyone's (computed client-side: range, round-robin,
 * sticky, cooperative-sticky all work unchanged). The group stores the assignment
 * durably, becomes Stable, and every parked SyncGroup is answered. A follower's
 * assignments are ignored.
 *
 * By version: v1 adds the throttle time; v3 group.instance.id (KIP-345); v4 is
 * flexible; v5 (KIP-559) sends the protocol type and name both ways, and they are
 * mandatory in the request (INCONSISTENT_GROUP_PROTOCOL when missing or not the
 * group's).
 */
import type { SyncGroupRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, SyncGroupResponse } from '@gregor/protocol';
import type { SyncResult } from '../group/classic-group.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function syncResponse(result: SyncResult, version: number): SyncGroupResponse {
  const r = new SyncGroupResponse();
  r.errorCode = result.errorCode;
  r.assignment = result.assignment;
  if (version >= 5) {
    r.protocolType = result.protocolType;
    r.protocolName = result.protocolName;
  }
  return r;
}

export const syncGroupHandler: ApiHandler = defineHandler<SyncGroupRequest, SyncGroupResponse>({
  apiKey: ApiKey.SyncGroup,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, request) {
    const { version } = ctx;
    if (version >= 5 && (request.protocolType === null || request.protocolName === null)) {
      return syncResponse(
        {
          errorCode: ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
          protocolType: null,
          protocolName: null,
          assignment: Buffer.alloc(0),
        },
        version,
      );
    }
    const assignments = new Map<string, Buffer>();
    for (const a of request.assignments) assignments.set(a.memberId, Buffer.from(a.assignment));
    const result = await ctx.broker.groups.coordinator.syncGroup({
      groupId: request.groupId,
      generationId: request.generationId,
      memberId: request.memberId,
      groupInstanceId: version >= 3 ? request.groupInstanceId : null,
      protocolType: version >= 5 ? request.protocolType : null,
      protocolName: version >= 5 ? request.protocolName : null,
      assignments,
    });
    return syncResponse(result, version);
  },
  errorResponse(ctx, _request, errorCode) {
    return syncResponse(
      { errorCode, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) },
      ctx.version,
    );
  },
});
