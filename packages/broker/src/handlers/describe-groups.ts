/**
 * DescribeGroups (15), versions 0-5: each group's state, protocol type, and members
 * (member id, client id and host). A Stable group also shows its selected protocol and
 * each member's metadata and assignment; in other states those are empty, as Kafka's.
 * A group that does not exist is "Dead" without error (Kafka answers
 * GROUP_ID_NOT_FOUND only from v6, KIP-1043); a group coordinated elsewhere or still
 * loading gets NOT_COORDINATOR / COORDINATOR_LOAD_IN_PROGRESS.
 *
 * By version: v1 adds the throttle time; v3 (KIP-430) authorized operations when asked
 * for (READ, DELETE and DESCRIBE: everything a group allows, as Gregor has no ACLs),
 * else -2^31; v4 (KIP-345) members' group.instance.id; v5 is flexible.
 */
import type { DescribeGroupsRequest } from '@gregor/protocol';
import { ApiKey, DescribeGroupsResponse } from '@gregor/protocol';
import { DescribedGroup, DescribedGroupMember } from '@gregor/protocol/generated/messages/describe-groups-response';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

/** Kafka's AclOperation codes valid on a group resource (AclEntry.supportedOperations): READ, DELETE, DESCRIBE. */
export const GROUP_AUTHORIZED_OPERATIONS = [3, 6, 8].reduce((bits, op) => bits | (1 << op), 0);
const OPERATIONS_NOT_REQUESTED = -2147483648;

export const describeGroupsHandler: ApiHandler = defineHandler<DescribeGroupsRequest, DescribeGroupsResponse>({
  apiKey: ApiKey.DescribeGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, request) {
    const { version } = ctx;
    const coordinator = ctx.broker.groups.coordinator;
    const response = new DescribeGroupsResponse();
    for (const groupId of request.groups) {
      const d = coordinator.describeGroup(groupId);
      const g = new DescribedGroup();
      g.errorCode = d.errorCode;
      g.groupId = d.groupId;
      g.groupState = d.groupState;
      g.protocolType = d.protocolType;
      g.protocolData = d.protocolData;
      for (const m of d.members) {
        const member = new DescribedGroupMember();
        member.memberId = m.memberId;
        if (version >= 4) member.groupInstanceId = m.groupInstanceId;
        member.clientId = m.clientId;
        member.clientHost = m.clientHost;
        member.memberMetadata = m.metadata;
        member.memberAssignment = m.assignment;
        g.members.push(member);
      }
      if (version >= 3) {
        g.authorizedOperations = request.includeAuthorizedOperations
          ? GROUP_AUTHORIZED_OPERATIONS
          : OPERATIONS_NOT_REQUESTED;
      }
      response.groups.push(g);
    }
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new DescribeGroupsResponse();
    for (const groupId of request.groups) {
      const g = new DescribedGroup();
      g.groupId = groupId;
      g.errorCode = errorCode;
      response.groups.push(g);
    }
    return response;
  },
});
