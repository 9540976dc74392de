/**
 * The classic consumer-group protocol spoken by hand over a RawClient, for end-to-end
 * tests: JoinGroup (with KIP-394's MEMBER_ID_REQUIRED round trip), SyncGroup, Heartbeat,
 * LeaveGroup, OffsetCommit, OffsetFetch, DescribeGroups, ListGroups, DeleteGroups,
 * OffsetDelete and FindCoordinator, plus the consumer protocol's subscription and
 * assignment bytes (a 2-byte version, then the schema's fields).
 *
 * The versions are the ones today's clients send (librdkafka 2.0 and KafkaJS 2.2 use
 * JoinGroup v5, SyncGroup v3, Heartbeat v3, OffsetCommit v7, OffsetFetch v7 or lower);
 * `groupApisMissing` checks them against the handler registry; a missing one fails
 * the tests that need it.
 */
import {
  ApiKey,
  ConsumerProtocolAssignment,
  ConsumerProtocolSubscription,
  DeleteGroupsRequest,
  type DeleteGroupsResponse,
  DescribeGroupsRequest,
  type DescribeGroupsResponse,
  ErrorCode,
  encodeMessage,
  FindCoordinatorRequest,
  type FindCoordinatorResponse,
  HeartbeatRequest,
  type HeartbeatResponse,
  JoinGroupRequest,
  type JoinGroupResponse,
  LeaveGroupRequest,
  type LeaveGroupResponse,
  ListGroupsRequest,
  type ListGroupsResponse,
  OffsetCommitRequest,
  type OffsetCommitResponse,
  OffsetDeleteRequest,
  type OffsetDeleteResponse,
  OffsetFetchRequest,
  type OffsetFetchResponse,
  Reader,
  SyncGroupRequest,
  type SyncGroupResponse,
} from '@gregor/protocol';
import { TopicPartition as AssignedPartitions } from '@gregor/protocol/generated/messages/consumer-protocol-assignment';
import type { DescribedGroup } from '@gregor/protocol/generated/messages/describe-groups-response';
import { JoinGroupRequestProtocol } from '@gregor/protocol/generated/messages/join-group-request';
import { MemberIdentity } from '@gregor/protocol/generated/messages/leave-group-request';
import {
  OffsetCommitRequestPartition,
  OffsetCommitRequestTopic,
} from '@gregor/protocol/generated/messages/offset-commit-request';
import {
  OffsetDeleteRequestPartition,
  OffsetDeleteRequestTopic,
} from '@gregor/protocol/generated/messages/offset-delete-request';
import { OffsetFetchRequestTopic } from '@gregor/protocol/generated/messages/offset-fetch-request';
import { SyncGroupRequestAssignment } from '@gregor/protocol/generated/messages/sync-group-request';
import { handlerFor } from '../handlers/registry.js';
import type { RawClient } from './raw-client.js';

/** The version of each group API these tests speak. */
export const GROUP_API_VERSIONS = {
  [ApiKey.OffsetCommit]: 7,
  [ApiKey.OffsetFetch]: 7,
  [ApiKey.FindCoordinator]: 2,
  [ApiKey.JoinGroup]: 5,
  [ApiKey.Heartbeat]: 3,
  [ApiKey.LeaveGroup]: 3,
  [ApiKey.SyncGroup]: 3,
  [ApiKey.DescribeGroups]: 4,
  [ApiKey.ListGroups]: 3,
  [ApiKey.DeleteGroups]: 1,
  [ApiKey.OffsetDelete]: 0,
} as const satisfies Record<number, number>;

export const ALL_GROUP_APIS: readonly number[] = Object.keys(GROUP_API_VERSIONS).map(Number);

const API_NAMES: Record<number, string> = Object.fromEntries(Object.entries(ApiKey).map(([name, key]) => [key, name]));

function version(apiKey: keyof typeof GROUP_API_VERSIONS): number {
  return GROUP_API_VERSIONS[apiKey];
}

/**
 * Why a group test cannot run yet (some API it needs has no handler, or not at the
 * version these tests speak), or null when it can. Asked when the test runs.
 */
export function groupApisMissing(apiKeys: readonly number[] = ALL_GROUP_APIS): string | null {
  const missing: string[] = [];
  for (const apiKey of apiKeys) {
    const h = handlerFor(apiKey);
    const v = (GROUP_API_VERSIONS as Record<number, number>)[apiKey] ?? 0;
    if (h === undefined) missing.push(API_NAMES[apiKey] ?? String(apiKey));
    else if (v < h.minVersion || v > h.maxVersion) missing.push(`${API_NAMES[apiKey]} v${v}`);
  }
  return missing.length === 0 ? null : `group coordinator not yet registered (missing ${missing.join(', ')})`;
}

/**
 * Test options for a group test. Every group API is served now, so a missing one is a
 * failure (thrown when the test file loads), never a silent skip.
 */
export function needsGroups(apiKeys: readonly number[] = ALL_GROUP_APIS): { skip?: string } {
  const reason = groupApisMissing(apiKeys);
  if (reason !== null) throw new Error(reason);
  return {};
}

/** Kafka's name for an error code, for readable assertion messages. */
export function errorName(code: number): string {
  for (const [name, c] of Object.entries(ErrorCode)) if (c === code) return name;
  return String(code);
}

// ---------------------------------------------------------------- consumer protocol bytes

/** A consumer-protocol subscription (version 0: topics and user data). */
export function subscription(topics: readonly string[], userData: Buffer | null = null): Buffer {
  const s = new ConsumerProtocolSubscription();
  s.topics = [...topics];
  s.userData = userData;
  return withVersion(0, encodeMessage(ConsumerProtocolSubscription, s, 0));
}

/** A consumer-protocol assignment (version 0) of `partitions` of each topic. */
export function assignment(byTopic: Record<string, readonly number[]>): Buffer {
  const a = new ConsumerProtocolAssignment();
  for (const [topic, partitions] of Object.entries(byTopic)) {
    const tp = new AssignedPartitions();
    tp.topic = topic;
    tp.partitions = [...partitions];
    a.assignedPartitions.push(tp);
  }
  return withVersion(0, encodeMessage(ConsumerProtocolAssignment, a, 0));
}

/** The partitions per topic in assignment bytes of any version (empty bytes: nothing assigned). */
export function decodeAssignment(bytes: Buffer): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  if (bytes.length === 0) return out;
  if (bytes.length < 2) throw new Error(`assignment of ${bytes.length} bytes`);
  const v = Math.min(bytes.readInt16BE(0), ConsumerProtocolAssignment.highestVersion);
  // Newer versions only append fields (the consumer protocol's compatibility rule): read
  // what this version knows and ignore what follows.
  const r = new Reader(bytes, 2);
  const a = ConsumerProtocolAssignment.read(r, v);
  if (r.error !== null) throw new Error(`undecodable assignment: ${r.error}`);
  for (const tp of a.assignedPartitions) out[tp.topic] = [...tp.partitions].sort((x, y) => x - y);
  return out;
}

function withVersion(v: number, body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(2 + body.length);
  out.writeInt16BE(v, 0);
  body.copy(out, 2);
  return out;
}

// ---------------------------------------------------------------- requests

export interface JoinOptions {
  groupId: string;
  memberId?: string;
  groupInstanceId?: string | null;
  sessionTimeoutMs?: number;
  rebalanceTimeoutMs?: number;
  protocolType?: string;
  protocols?: { name: string; metadata: Buffer }[];
  /** How long to wait for the (long-polled) answer. */
  timeoutMs?: number;
}

export function joinGroupRequest(o: JoinOptions): JoinGroupRequest {
  const r = new JoinGroupRequest();
  r.groupId = o.groupId;
  r.memberId = o.memberId ?? '';
  r.groupInstanceId = o.groupInstanceId ?? null;
  r.sessionTimeoutMs = o.sessionTimeoutMs ?? 10_000;
  r.rebalanceTimeoutMs = o.rebalanceTimeoutMs ?? 10_000;
  r.protocolType = o.protocolType ?? 'consumer';
  for (const p of o.protocols ?? [{ name: 'range', metadata: subscription(['t']) }]) {
    const jp = new JoinGroupRequestProtocol();
    jp.name = p.name;
    jp.metadata = p.metadata;
    r.protocols.push(jp);
  }
  return r;
}

/** One JoinGroup request, answered as the broker answers it (no retry). */
export function joinOnce(c: RawClient, o: JoinOptions): Promise<JoinGroupResponse> {
  return c.request<JoinGroupResponse>(
    ApiKey.JoinGroup,
    version(ApiKey.JoinGroup),
    joinGroupRequest(o),
    o.timeoutMs ?? 15_000,
  );
}

/**
 * Joins as a client does: a new member first gets MEMBER_ID_REQUIRED with its member id
 * (KIP-394), then joins again with it. Returns the final answer, whatever its error.
 */
export async function join(c: RawClient, o: JoinOptions): Promise<JoinGroupResponse> {
  const first = await joinOnce(c, o);
  if (first.errorCode !== ErrorCode.MEMBER_ID_REQUIRED) return first;
  if (first.memberId === '') throw new Error('MEMBER_ID_REQUIRED without a member id');
  return joinOnce(c, { ...o, memberId: first.memberId });
}

export function syncGroup(
  c: RawClient,
  groupId: string,
  generationId: number,
  memberId: string,
  assignments: Record<string, Buffer> = {},
  timeoutMs = 15_000,
): Promise<SyncGroupResponse> {
  const r = new SyncGroupRequest();
  r.groupId = groupId;
  r.generationId = generationId;
  r.memberId = memberId;
  for (const [id, bytes] of Object.entries(assignments)) {
    const a = new SyncGroupRequestAssignment();
    a.memberId = id;
    a.assignment = bytes;
    r.assignments.push(a);
  }
  return c.request<SyncGroupResponse>(ApiKey.SyncGroup, version(ApiKey.SyncGroup), r, timeoutMs);
}

export async function heartbeat(
  c: RawClient,
  groupId: string,
  generationId: number,
  memberId: string,
): Promise<number> {
  const r = new HeartbeatRequest();
  r.groupId = groupId;
  r.generationId = generationId;
  r.memberId = memberId;
  const response = await c.request<HeartbeatResponse>(ApiKey.Heartbeat, version(ApiKey.Heartbeat), r);
  return response.errorCode;
}

/** LeaveGroup v3: several members at once, an error per member. */
export function leaveGroup(c: RawClient, groupId: string, memberIds: readonly string[]): Promise<LeaveGroupResponse> {
  const r = new LeaveGroupRequest();
  r.groupId = groupId;
  for (const id of memberIds) {
    const m = new MemberIdentity();
    m.memberId = id;
    r.members.push(m);
  }
  return c.request<LeaveGroupResponse>(ApiKey.LeaveGroup, version(ApiKey.LeaveGroup), r);
}

export interface CommitOptions {
  generationId?: number;
  memberId?: string;
  /** Per-partition metadata (default: none). */
  metadata?: string | null;
  leaderEpoch?: number;
}

/** Commits `offsets` (partition -> offset) of `topic`; returns the error per partition. */
export async function commit(
  c: RawClient,
  groupId: string,
  topic: string,
  offsets: Record<number, number>,
  o: CommitOptions = {},
): Promise<Map<number, number>> {
  const r = new OffsetCommitRequest();
  r.groupId = groupId;
  r.generationIdOrMemberEpoch = o.generationId ?? -1;
  r.memberId = o.memberId ?? '';
  const t = new OffsetCommitRequestTopic();
  t.name = topic;
  for (const [p, offset] of Object.entries(offsets)) {
    const cp = new OffsetCommitRequestPartition();
    cp.partitionIndex = Number(p);
    cp.committedOffset = BigInt(offset);
    cp.committedLeaderEpoch = o.leaderEpoch ?? -1;
    cp.committedMetadata = o.metadata === undefined ? '' : o.metadata;
    t.partitions.push(cp);
  }
  r.topics.push(t);
  const response = await c.request<OffsetCommitResponse>(ApiKey.OffsetCommit, version(ApiKey.OffsetCommit), r);
  const out = new Map<number, number>();
  for (const rt of response.topics) for (const rp of rt.partitions) out.set(rp.partitionIndex, rp.errorCode);
  return out;
}

export interface Committed {
  offset: number;
  leaderEpoch: number;
  metadata: string | null;
  errorCode: number;
}

/**
 * The committed offsets of `partitions` of `topic` (offset -1: none committed). Throws
 * on a top-level error.
 */
export async function fetchCommitted(
  c: RawClient,
  groupId: string,
  topic: string,
  partitions: readonly number[],
): Promise<Map<number, Committed>> {
  const r = new OffsetFetchRequest();
  r.groupId = groupId;
  const t = new OffsetFetchRequestTopic();
  t.name = topic;
  t.partitionIndexes = [...partitions];
  r.topics = [t];
  const response = await c.request<OffsetFetchResponse>(ApiKey.OffsetFetch, version(ApiKey.OffsetFetch), r);
  if (response.errorCode !== 0) throw new Error(`OffsetFetch ${groupId}: ${errorName(response.errorCode)}`);
  const out = new Map<number, Committed>();
  for (const rt of response.topics) {
    if (rt.name !== topic) continue;
    for (const rp of rt.partitions) {
      out.set(rp.partitionIndex, {
        offset: Number(rp.committedOffset),
        leaderEpoch: rp.committedLeaderEpoch,
        metadata: rp.metadata,
        errorCode: rp.errorCode,
      });
    }
  }
  return out;
}

/** Just the offsets, as [partition, offset] pairs in partition order. */
export async function committedOffsets(
  c: RawClient,
  groupId: string,
  topic: string,
  partitions: readonly number[],
): Promise<[number, number][]> {
  const m = await fetchCommitted(c, groupId, topic, partitions);
  return partitions.map((p) => [p, m.get(p)?.offset ?? Number.NaN]);
}

export async function describeGroup(c: RawClient, groupId: string): Promise<DescribedGroup> {
  const r = new DescribeGroupsRequest();
  r.groups = [groupId];
  const response = await c.request<DescribeGroupsResponse>(ApiKey.DescribeGroups, version(ApiKey.DescribeGroups), r);
  const g = response.groups[0];
  if (g === undefined) throw new Error(`DescribeGroups ${groupId}: no group in the answer`);
  return g;
}

/** A described group's members as memberId -> assigned partitions of `topic` (sorted). */
export function describedAssignments(g: DescribedGroup, topic: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of g.members) out.set(m.memberId, decodeAssignment(m.memberAssignment)[topic] ?? []);
  return out;
}

export async function listGroups(c: RawClient): Promise<ListGroupsResponse> {
  return c.request<ListGroupsResponse>(ApiKey.ListGroups, version(ApiKey.ListGroups), new ListGroupsRequest());
}

export async function deleteGroups(c: RawClient, groupIds: readonly string[]): Promise<Map<string, number>> {
  const r = new DeleteGroupsRequest();
  r.groupsNames = [...groupIds];
  const response = await c.request<DeleteGroupsResponse>(ApiKey.DeleteGroups, version(ApiKey.DeleteGroups), r);
  return new Map(response.results.map((x) => [x.groupId, x.errorCode]));
}

export async function offsetDelete(
  c: RawClient,
  groupId: string,
  topic: string,
  partitions: readonly number[],
): Promise<{ errorCode: number; partitions: Map<number, number> }> {
  const r = new OffsetDeleteRequest();
  r.groupId = groupId;
  const t = new OffsetDeleteRequestTopic();
  t.name = topic;
  for (const p of partitions) {
    const dp = new OffsetDeleteRequestPartition();
    dp.partitionIndex = p;
    t.partitions.push(dp);
  }
  r.topics.push(t);
  const response = await c.request<OffsetDeleteResponse>(ApiKey.OffsetDelete, version(ApiKey.OffsetDelete), r);
  const out = new Map<number, number>();
  for (const rt of response.topics) for (const rp of rt.partitions) out.set(rp.partitionIndex, rp.errorCode);
  return { errorCode: response.errorCode, partitions: out };
}

export function findCoordinator(c: RawClient, groupId: string): Promise<FindCoordinatorResponse> {
  const r = new FindCoordinatorRequest();
  r.key = groupId;
  r.keyType = 0;
  return c.request<FindCoordinatorResponse>(ApiKey.FindCoordinator, version(ApiKey.FindCoordinator), r);
}

/**
 * FindCoordinator until it names a coordinator, as a client does before its first group
 * request: on a fresh broker `__consumer_offsets` is created by the first FindCoordinator
 * (group requests before that get NOT_COORDINATOR, as in Kafka).
 */
export async function awaitCoordinator(
  c: RawClient,
  groupId: string,
  timeoutMs = 10_000,
): Promise<FindCoordinatorResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await findCoordinator(c, groupId);
    if (r.errorCode === ErrorCode.NONE) return r;
    if (Date.now() > deadline) throw new Error(`FindCoordinator ${groupId}: ${errorName(r.errorCode)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * True when the assignments split `partitionCount` partitions between the members with
 * each partition owned by exactly one member.
 */
export function isExactSplit(assignments: Iterable<readonly number[]>, partitionCount: number): boolean {
  const owners = new Array<number>(partitionCount).fill(0);
  for (const parts of assignments) {
    for (const p of parts) {
      if (p < 0 || p >= partitionCount) return false;
      owners[p] = (owners[p] ?? 0) + 1;
    }
  }
  return owners.every((n) => n === 1);
}
