/**
 * JoinGroup (11), versions 0-9: a member joins a classic group (or rejoins it for the
 * next generation). The answer is parked until the join phase ends (rebalance timeout,
 * or the initial delay of a new group), then carries the generation, the protocol
 * selected across the members, the leader, and for the leader every member's metadata.
 *
 * By version: v0 has no rebalance timeout (the session timeout stands for it); v1 adds
 * it; v2 the throttle time; v4 (KIP-394) makes a new member first get
 * MEMBER_ID_REQUIRED with its id, and join again with it; v5 (KIP-345) adds
 * group.instance.id (static members, FENCED_INSTANCE_ID) and members' instance ids in
 * the answer; v6 is flexible; v7 answers the protocol type and makes the protocol name
 * nullable (before v7 an unknown protocol is ""); v8 (KIP-800) adds the join reason; v9
 * (KIP-814) lets a static leader rejoining a stable group skip the assignment.
 */
import type { JoinGroupRequest } from '@gregor/protocol';
import { ApiKey, JoinGroupResponse } from '@gregor/protocol';
import { JoinGroupResponseMember } from '@gregor/protocol/generated/messages/join-group-response';
import type { JoinResult } from '../group/classic-group.js';
import type { Connection } from '../server/connection.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

/** The client's address as Kafka shows it (Java's InetAddress.toString: "/127.0.0.1"). */
export function clientHost(connection: Connection): string {
  const address = connection.socket.remoteAddress ?? '';
  return `/${address.startsWith('::ffff:') ? address.slice(7) : address}`;
}

export function joinResponse(result: JoinResult, version: number): JoinGroupResponse {
  const r = new JoinGroupResponse();
  r.errorCode = result.errorCode;
  r.generationId = result.generationId;
  r.memberId = result.memberId;
  r.leader = result.leader;
  if (version >= 7) {
    r.protocolType = result.protocolType;
    r.protocolName = result.protocolName;
  } else {
    r.protocolName = result.protocolName ?? '';
  }
  if (version >= 9) r.skipAssignment = result.skipAssignment;
  for (const m of result.members) {
    const member = new JoinGroupResponseMember();
    member.memberId = m.memberId;
    member.groupInstanceId = version >= 5 ? m.groupInstanceId : null;
    member.metadata = m.metadata;
    r.members.push(member);
  }
  return r;
}

export const joinGroupHandler: ApiHandler = defineHandler<JoinGroupRequest, JoinGroupResponse>({
  apiKey: ApiKey.JoinGroup,
  minVersion: 0,
  maxVersion: 9,
  async handle(ctx, request) {
    const { version } = ctx;
    const result = await ctx.broker.groups.coordinator.joinGroup({
      groupId: request.groupId,
      memberId: request.memberId,
      groupInstanceId: version >= 5 ? request.groupInstanceId : null,
      clientId: ctx.header.clientId ?? '',
      clientHost: clientHost(ctx.connection),
      sessionTimeoutMs: request.sessionTimeoutMs,
      rebalanceTimeoutMs: version >= 1 ? request.rebalanceTimeoutMs : request.sessionTimeoutMs,
      protocolType: request.protocolType,
      // Copied: the group keeps them for its lifetime, the request frame is not.
      protocols: request.protocols.map((p) => ({ name: p.name, metadata: Buffer.from(p.metadata) })),
      requireKnownMemberId: version >= 4,
      supportSkippingAssignment: version >= 9,
      reason: version >= 8 ? request.reason : null,
    });
    return joinResponse(result, version);
  },
  errorResponse(ctx, request, errorCode) {
    return joinResponse(
      {
        errorCode,
        memberId: request.memberId,
        generationId: -1,
        protocolType: null,
        protocolName: null,
        leader: '',
        skipAssignment: false,
        members: [],
      },
      ctx.version,
    );
  },
});
