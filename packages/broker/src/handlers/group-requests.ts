/**
 * Request builders for the group APIs, for handler tests over a TestClient. Tests only.
 * Each member needs a connection of its own: JoinGroup and SyncGroup are long polls,
 * and a connection answers in request order.
 */
import type {
  FindCoordinatorResponse,
  HeartbeatResponse,
  JoinGroupResponse,
  LeaveGroupResponse,
  OffsetCommitResponse,
  OffsetFetchResponse,
  SyncGroupResponse,
} from '@gregor/protocol';
import {
  ApiKey,
  ErrorCode,
  FindCoordinatorRequest,
  HeartbeatRequest,
  JoinGroupRequest,
  LeaveGroupRequest,
  OffsetCommitRequest,
  OffsetFetchRequest,
  SyncGroupRequest,
} from '@gregor/protocol';
import { JoinGroupRequestProtocol } from '@gregor/protocol/generated/messages/join-group-request';
import { MemberIdentity } from '@gregor/protocol/generated/messages/leave-group-request';
import {
  OffsetCommitRequestPartition,
  OffsetCommitRequestTopic,
} from '@gregor/protocol/generated/messages/offset-commit-request';
import { OffsetFetchRequestTopic } from '@gregor/protocol/generated/messages/offset-fetch-request';
import { SyncGroupRequestAssignment } from '@gregor/protocol/generated/messages/sync-group-request';
import { subscription } from '../group/testing-support.js';
import type { TestClient } from './protocol-client.js';

export { subscription };

export interface JoinOptions {
  memberId?: string;
  groupInstanceId?: string | null;
  sessionTimeoutMs?: number;
  rebalanceTimeoutMs?: number;
  protocolType?: string;
  protocols?: { name: string; metadata: Buffer }[];
}

export function joinRequest(groupId: string, o: JoinOptions = {}): JoinGroupRequest {
  const r = new JoinGroupRequest();
  r.groupId = groupId;
  r.memberId = o.memberId ?? '';
  r.groupInstanceId = o.groupInstanceId ?? null;
  r.sessionTimeoutMs = o.sessionTimeoutMs ?? 10_000;
  r.rebalanceTimeoutMs = o.rebalanceTimeoutMs ?? 10_000;
  r.protocolType = o.protocolType ?? 'consumer';
  r.protocols = (o.protocols ?? [{ name: 'range', metadata: subscription(['t']) }]).map((p) => {
    const jp = new JoinGroupRequestProtocol();
    jp.name = p.name;
    jp.metadata = p.metadata;
    return jp;
  });
  return r;
}

export function join(c: TestClient, version: number, groupId: string, o: JoinOptions = {}): Promise<JoinGroupResponse> {
  return c.send<JoinGroupResponse>(ApiKey.JoinGroup, version, joinRequest(groupId, o));
}

/** JoinGroup with KIP-394's MEMBER_ID_REQUIRED round trip when the version needs it. */
export async function joinFully(
  c: TestClient,
  version: number,
  groupId: string,
  o: JoinOptions = {},
): Promise<JoinGroupResponse> {
  const first = await join(c, version, groupId, o);
  if (first.errorCode !== ErrorCode.MEMBER_ID_REQUIRED) return first;
  return join(c, version, groupId, { ...o, memberId: first.memberId });
}

export function sync(
  c: TestClient,
  version: number,
  groupId: string,
  generationId: number,
  memberId: string,
  assignments: [string, Buffer][] = [],
  extra: { groupInstanceId?: string | null; protocolType?: string | null; protocolName?: string | null } = {},
): Promise<SyncGroupResponse> {
  const r = new SyncGroupRequest();
  r.groupId = groupId;
  r.generationId = generationId;
  r.memberId = memberId;
  r.groupInstanceId = extra.groupInstanceId ?? null;
  if (version >= 5) {
    r.protocolType = extra.protocolType === undefined ? 'consumer' : extra.protocolType;
    r.protocolName = extra.protocolName === undefined ? 'range' : extra.protocolName;
  }
  r.assignments = assignments.map(([memberId, assignment]) => {
    const a = new SyncGroupRequestAssignment();
    a.memberId = memberId;
    a.assignment = assignment;
    return a;
  });
  return c.send<SyncGroupResponse>(ApiKey.SyncGroup, version, r);
}

export async function heartbeat(
  c: TestClient,
  version: number,
  groupId: string,
  generationId: number,
  memberId: string,
  groupInstanceId: string | null = null,
): Promise<number> {
  const r = new HeartbeatRequest();
  r.groupId = groupId;
  r.generationId = generationId;
  r.memberId = memberId;
  r.groupInstanceId = groupInstanceId;
  return (await c.send<HeartbeatResponse>(ApiKey.Heartbeat, version, r)).errorCode;
}

export function leave(
  c: TestClient,
  version: number,
  groupId: string,
  members: { memberId: string; groupInstanceId?: string | null }[],
): Promise<LeaveGroupResponse> {
  const r = new LeaveGroupRequest();
  r.groupId = groupId;
  if (version >= 3) {
    r.members = members.map((m) => {
      const mi = new MemberIdentity();
      mi.memberId = m.memberId;
      mi.groupInstanceId = m.groupInstanceId ?? null;
      return mi;
    });
  } else {
    r.memberId = members[0]?.memberId ?? '';
  }
  return c.send<LeaveGroupResponse>(ApiKey.LeaveGroup, version, r);
}

export async function findCoordinator(c: TestClient, groupId: string, version = 3): Promise<FindCoordinatorResponse> {
  const r = new FindCoordinatorRequest();
  if (version >= 4) r.coordinatorKeys = [groupId];
  else r.key = groupId;
  return c.send<FindCoordinatorResponse>(ApiKey.FindCoordinator, version, r);
}

export interface CommitOptions {
  generationId?: number;
  memberId?: string;
  groupInstanceId?: string | null;
  metadata?: string | null;
  retentionTimeMs?: bigint;
  leaderEpoch?: number;
  commitTimestamp?: bigint;
}

/** OffsetCommit of `offsets` (partition → offset) for one topic; returns partition → error. */
export async function commit(
  c: TestClient,
  version: number,
  groupId: string,
  topic: string,
  offsets: Record<number, number>,
  o: CommitOptions = {},
): Promise<Map<number, number>> {
  const r = new OffsetCommitRequest();
  r.groupId = groupId;
  if (version >= 1) {
    r.generationIdOrMemberEpoch = o.generationId ?? -1;
    r.memberId = o.memberId ?? '';
  }
  if (version >= 7) r.groupInstanceId = o.groupInstanceId ?? null;
  if (version >= 2 && version <= 4) r.retentionTimeMs = o.retentionTimeMs ?? -1n;
  const t = new OffsetCommitRequestTopic();
  t.name = topic;
  t.partitions = Object.entries(offsets).map(([p, offset]) => {
    const cp = new OffsetCommitRequestPartition();
    cp.partitionIndex = Number(p);
    cp.committedOffset = BigInt(offset);
    cp.committedMetadata = o.metadata === undefined ? 'meta' : o.metadata;
    if (version >= 6) cp.committedLeaderEpoch = o.leaderEpoch ?? -1;
    if (version === 1) cp.commitTimestamp = o.commitTimestamp ?? -1n;
    return cp;
  });
  r.topics = [t];
  const res = await c.send<OffsetCommitResponse>(ApiKey.OffsetCommit, version, r);
  const out = new Map<number, number>();
  for (const rt of res.topics) for (const p of rt.partitions) out.set(p.partitionIndex, p.errorCode);
  return out;
}

export function fetchOffsets(
  c: TestClient,
  version: number,
  groupId: string,
  topics: [string, number[]][] | null,
): Promise<OffsetFetchResponse> {
  const r = new OffsetFetchRequest();
  r.groupId = groupId;
  r.topics =
    topics === null
      ? null
      : topics.map(([name, partitions]) => {
          const t = new OffsetFetchRequestTopic();
          t.name = name;
          t.partitionIndexes = partitions;
          return t;
        });
  return c.send<OffsetFetchResponse>(ApiKey.OffsetFetch, version, r);
}

/** A stable group of one member over `c`: returns its member id and generation. */
export async function stableMember(
  c: TestClient,
  groupId: string,
  o: JoinOptions = {},
): Promise<{ memberId: string; generationId: number }> {
  const j = await joinFully(c, 9, groupId, o);
  if (j.errorCode !== ErrorCode.NONE) throw new Error(`JoinGroup failed: ${j.errorCode}`);
  const s = await sync(c, 5, groupId, j.generationId, j.memberId, [[j.memberId, Buffer.from('assignment')]], {
    protocolName: j.protocolName,
  });
  if (s.errorCode !== ErrorCode.NONE) throw new Error(`SyncGroup failed: ${s.errorCode}`);
  return { memberId: j.memberId, generationId: j.generationId };
}

/** Group test broker settings: no initial delay, short sessions allowed, few offsets partitions. */
export const GROUP_TEST_PROPERTIES: Record<string, string> = {
  'group.initial.rebalance.delay.ms': '0',
  'group.min.session.timeout.ms': '100',
  'offsets.topic.num.partitions': '3',
};
