/**
 * LeaveGroup (13), versions 0-5: members leave a classic group at once (instead of
 * their session expiring), and the group rebalances.
 *
 * v0-2 name one member; the answer's error is the group's, else that member's. v3
 * (KIP-345) takes a batch of members, each by member id or, for an administrator
 * removing static members, by group.instance.id alone; each gets its own error
 * (UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID when the instance id now belongs to another
 * member id). v1 adds the throttle time, v4 is flexible, v5 (KIP-800) adds reasons.
 */
import type { LeaveGroupRequest } from '@gregor/protocol';
import { ApiKey, ErrorCode, LeaveGroupResponse } from '@gregor/protocol';
import { MemberResponse } from '@gregor/protocol/generated/messages/leave-group-response';
import type { LeaveResult } from '../group/group-coordinator.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function leaveResponse(result: LeaveResult, version: number): LeaveGroupResponse {
  const r = new LeaveGroupResponse();
  if (version >= 3) {
    r.errorCode = result.errorCode;
    for (const m of result.members) {
      const mr = new MemberResponse();
      mr.memberId = m.memberId;
      mr.groupInstanceId = m.groupInstanceId;
      mr.errorCode = m.errorCode;
      r.members.push(mr);
    }
  } else {
    r.errorCode =
      result.errorCode !== ErrorCode.NONE
        ? result.errorCode
        : (result.members.find((m) => m.errorCode !== ErrorCode.NONE)?.errorCode ?? ErrorCode.NONE);
  }
  return r;
}

export const leaveGroupHandler: ApiHandler = defineHandler<LeaveGroupRequest, LeaveGroupResponse>({
  apiKey: ApiKey.LeaveGroup,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, request) {
    const { version } = ctx;
    const members =
      version >= 3
        ? request.members.map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            reason: version >= 5 ? m.reason : null,
          }))
        : [{ memberId: request.memberId, groupInstanceId: null, reason: null }];
    return leaveResponse(ctx.broker.groups.coordinator.leaveGroup(request.groupId, members), version);
  },
  errorResponse(ctx, _request, errorCode) {
    return leaveResponse({ errorCode, members: [] }, ctx.version);
  },
});
