/**
 * Consumer group administration (classic protocol): ListGroups to every broker;
 * DescribeGroups, DeleteGroups, OffsetFetch, OffsetCommit and OffsetDelete to the
 * group's coordinator, on the coordinator lane. NOT_COORDINATOR and
 * COORDINATOR_NOT_AVAILABLE make the coordinator be looked up again; every retriable
 * error is retried until the call's deadline.
 *
 * Offsets are altered as a committer outside group management (generation -1, no
 * member id): the coordinator allows that only while the group has no members, which
 * is exactly when a reset is safe (kafka-consumer-groups --reset-offsets refuses
 * otherwise too).
 */
import {
  ApiKey,
  DeleteGroupsRequest,
  type DeleteGroupsResponse,
  DescribeGroupsRequest,
  type DescribeGroupsResponse,
  ErrorCode,
  ListGroupsRequest,
  type ListGroupsResponse,
  OffsetCommitRequest,
  type OffsetCommitResponse,
  OffsetDeleteRequest,
  type OffsetDeleteResponse,
  OffsetFetchRequest,
  type OffsetFetchResponse,
} from '@gregor/protocol';
import {
  OffsetCommitRequestPartition,
  OffsetCommitRequestTopic,
} from '@gregor/protocol/generated/messages/offset-commit-request';
import {
  OffsetDeleteRequestPartition,
  OffsetDeleteRequestTopic,
} from '@gregor/protocol/generated/messages/offset-delete-request';
import {
  OffsetFetchRequestGroup,
  OffsetFetchRequestTopic,
  OffsetFetchRequestTopics,
} from '@gregor/protocol/generated/messages/offset-fetch-request';
import { decodeAssignment as decodeConsumerAssignment } from '../consumer/consumer-protocol.js';
import { ConfigError, KafkaError } from '../errors.js';
import { CoordinatorType } from '../network/cluster.js';
import type { TopicPartition } from '../types.js';
import { AdminError } from './admin-error.js';
import { type Call, failed, finalIfUnknown, type ItemOutcome, itemError, ok, partitionKey, toNumber } from './call.js';
import { listOffsetsOutcomes, partitionKeys } from './offsets.js';
import { coordinatorFanOut, ensureBrokers, isCoordinatorMoved } from './routing.js';
import { checkNames } from './topics.js';
import type {
  GroupDescription,
  GroupListing,
  GroupOffset,
  GroupOffsetCommit,
  ListedOffset,
  MemberDescription,
  ResetOffset,
  ResetSpec,
} from './types.js';

const GROUP = CoordinatorType.GROUP;
/** Kafka's OffsetFetch answer for "nothing committed". */
const NO_OFFSET = -1;

/** The partitions of a member's assignment bytes (ConsumerProtocolAssignment, any version), sorted; [] when unreadable. */
export function decodeAssignment(bytes: Buffer): TopicPartition[] {
  try {
    return decodeConsumerAssignment(bytes).partitions.sort((a, b) =>
      a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
    );
  } catch {
    return [];
  }
}

/** ListGroups to every broker (each knows only the groups it coordinates), merged and sorted. */
export async function listGroups(call: Call, states: readonly string[] | undefined): Promise<GroupListing[]> {
  const cluster = call.cluster;
  if (states !== undefined && !Array.isArray(states)) throw new ConfigError('listGroups: states must be an array');
  const filter = states ?? [];
  return call.run(async () => {
    await ensureBrokers(call);
    const all = new Map<string, GroupListing>();
    await Promise.all(
      cluster.brokerList().map(async (broker) => {
        const connection = await cluster.connection(broker.nodeId, 'default', call.signal);
        // The states filter and each group's state exist from v4 (KIP-518).
        const version = connection.version(ApiKey.ListGroups, undefined, filter.length > 0 ? 4 : 0);
        const request = new ListGroupsRequest();
        if (version >= 4) request.statesFilter = [...filter];
        const response = await connection.requestAt<ListGroupsResponse>(
          ApiKey.ListGroups,
          version,
          request,
          call.requestOptions(),
        );
        if (response.errorCode !== 0)
          throw new KafkaError(response.errorCode, `ListGroups from broker ${broker.nodeId}`);
        for (const g of response.groups) {
          all.set(g.groupId, { groupId: g.groupId, protocolType: g.protocolType, state: g.groupState });
        }
      }),
    );
    return [...all.values()].sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  });
}

export async function describeGroups(call: Call, groupIds: readonly string[]): Promise<GroupDescription[]> {
  checkNames('describeGroups', groupIds);
  const outcomes = await call.batch<GroupDescription>(groupIds, (pending) =>
    coordinatorFanOut<GroupDescription>(call, GROUP, pending, async (connection, keys) => {
      const version = connection.version(ApiKey.DescribeGroups);
      const request = new DescribeGroupsRequest();
      request.groups = [...keys];
      const response = await connection.requestAt<DescribeGroupsResponse>(
        ApiKey.DescribeGroups,
        version,
        request,
        call.requestOptions(),
      );
      const answers = new Map<string, ItemOutcome<GroupDescription>>();
      for (const g of response.groups) {
        // GROUP_ID_NOT_FOUND (v6, KIP-1043) means what 'Dead' means before it.
        if (g.errorCode === ErrorCode.GROUP_ID_NOT_FOUND) {
          answers.set(
            g.groupId,
            ok({ groupId: g.groupId, state: 'Dead', protocolType: '', protocol: '', members: [] }),
          );
          continue;
        }
        if (g.errorCode !== 0) {
          answers.set(g.groupId, failed(itemError(g.errorCode, null, g.groupId)));
          continue;
        }
        const consumer = g.protocolType === 'consumer';
        const members: MemberDescription[] = g.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          clientId: m.clientId,
          clientHost: m.clientHost,
          assignment: consumer ? decodeAssignment(m.memberAssignment) : [],
          memberMetadata: m.memberMetadata,
          memberAssignment: m.memberAssignment,
        }));
        answers.set(
          g.groupId,
          ok({
            groupId: g.groupId,
            state: g.groupState,
            protocolType: g.protocolType,
            protocol: g.protocolData,
            members,
          }),
        );
      }
      return answers;
    }),
  );
  return call.settle(groupIds, outcomes);
}

export async function deleteGroups(call: Call, groupIds: readonly string[]): Promise<void> {
  checkNames('deleteGroups', groupIds);
  const outcomes = await call.batch<void>(groupIds, (pending) =>
    coordinatorFanOut<void>(call, GROUP, pending, async (connection, keys) => {
      const version = connection.version(ApiKey.DeleteGroups);
      const request = new DeleteGroupsRequest();
      request.groupsNames = [...keys];
      const response = await connection.requestAt<DeleteGroupsResponse>(
        ApiKey.DeleteGroups,
        version,
        request,
        call.requestOptions(),
      );
      const answers = new Map<string, ItemOutcome<void>>();
      for (const r of response.results) {
        answers.set(r.groupId, r.errorCode === 0 ? ok(undefined) : failed(itemError(r.errorCode, null, r.groupId)));
      }
      return answers;
    }),
  );
  call.settle(groupIds, outcomes);
}

function checkGroupId(what: string, groupId: string): void {
  if (typeof groupId !== 'string' || groupId === '')
    throw new ConfigError(`${what}: groupId must be a non-empty string`);
}

/** Throws a group-level error; a moved coordinator is forgotten first so that the retry finds the new one. */
function throwGroupError(call: Call, groupId: string, code: number): void {
  if (code === 0) return;
  if (isCoordinatorMoved(code)) call.cluster.invalidateCoordinator(GROUP, groupId);
  throw itemError(code, null, groupId);
}

interface Committed {
  readonly offset: number;
  readonly metadata: string | null;
  readonly leaderEpoch: number;
}

/**
 * OffsetFetch: committed offsets by partition key (every committed partition when
 * `partitions` is undefined). Partition errors become AdminError entries.
 */
async function fetchCommitted(
  call: Call,
  groupId: string,
  partitions: readonly TopicPartition[] | undefined,
  requireStable: boolean,
): Promise<Map<string, TopicPartition & Committed>> {
  const byTopic = new Map<string, number[]>();
  for (const tp of partitions ?? []) {
    const list = byTopic.get(tp.topic);
    if (list === undefined) byTopic.set(tp.topic, [tp.partition]);
    else list.push(tp.partition);
  }
  const out = new Map<string, TopicPartition & Committed>();
  const errors: KafkaError[] = [];
  await call.run(async () => {
    out.clear();
    errors.length = 0;
    const response = await call.cluster.coordinatorRequest<OffsetFetchResponse>(
      GROUP,
      groupId,
      ApiKey.OffsetFetch,
      (version) => {
        const request = new OffsetFetchRequest();
        if (version >= 7) request.requireStable = requireStable;
        if (version >= 8) {
          // v8+ (KIP-709) asks for several groups at once; this asks for one.
          const g = new OffsetFetchRequestGroup();
          g.groupId = groupId;
          g.topics =
            partitions === undefined
              ? null
              : [...byTopic].map(([name, ps]) => {
                  const t = new OffsetFetchRequestTopics();
                  t.name = name;
                  t.partitionIndexes = ps;
                  return t;
                });
          request.groups = [g];
        } else {
          request.groupId = groupId;
          request.topics =
            partitions === undefined
              ? null
              : [...byTopic].map(([name, ps]) => {
                  const t = new OffsetFetchRequestTopic();
                  t.name = name;
                  t.partitionIndexes = ps;
                  return t;
                });
        }
        return request;
      },
      call.requestOptions({ minVersion: requireStable ? 7 : partitions === undefined ? 2 : 1 }),
    );
    const group = response.groups[0];
    const topics = group === undefined ? response.topics : group.topics;
    throwGroupError(call, groupId, group === undefined ? response.errorCode : group.errorCode);
    let retriable: KafkaError | undefined;
    for (const t of topics) {
      for (const p of t.partitions) {
        if (p.errorCode !== 0) {
          const error = itemError(p.errorCode, null, t.name, p.partitionIndex);
          if (error.retriable) retriable ??= error;
          errors.push(error);
          continue;
        }
        out.set(partitionKey(t.name, p.partitionIndex), {
          topic: t.name,
          partition: p.partitionIndex,
          offset: toNumber(p.committedOffset),
          metadata: p.metadata,
          leaderEpoch: p.committedLeaderEpoch,
        });
      }
    }
    // UNSTABLE_OFFSET_COMMIT (requireStable) and a coordinator still loading pass with time.
    if (retriable !== undefined) {
      if (isCoordinatorMoved(retriable.code)) call.cluster.invalidateCoordinator(GROUP, groupId);
      throw retriable;
    }
  });
  if (errors.length > 0) throw new AdminError(`OffsetFetch of group '${groupId}'`, errors);
  return out;
}

/** Committed offsets with the partitions' end offsets and the lag between them. */
export async function listGroupOffsets(
  call: Call,
  groupId: string,
  partitions: readonly TopicPartition[] | undefined,
  requireStable: boolean,
): Promise<GroupOffset[]> {
  checkGroupId('listGroupOffsets', groupId);
  const asked = partitions === undefined ? undefined : partitionKeys('listGroupOffsets', partitions);
  const committed = await fetchCommitted(call, groupId, partitions, requireStable);
  const rows: Array<TopicPartition & Committed> = [];
  if (partitions === undefined) {
    for (const c of committed.values()) if (c.offset !== NO_OFFSET) rows.push(c);
    rows.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  } else {
    for (let i = 0; i < partitions.length; i++) {
      const tp = partitions[i] as TopicPartition;
      rows.push(
        committed.get(asked?.[i] as string) ?? {
          topic: tp.topic,
          partition: tp.partition,
          offset: NO_OFFSET,
          metadata: null,
          leaderEpoch: -1,
        },
      );
    }
  }
  if (rows.length === 0) return [];
  // A partition whose end cannot be read (its topic deleted since the commit) shows lag -1
  // rather than failing the whole listing.
  const { outcomes } = await listOffsetsOutcomes(
    call,
    rows.map((r) => ({ topic: r.topic, partition: r.partition, spec: 'latest' })),
    'read_uncommitted',
  );
  return rows.map((r) => {
    const end = outcomes.get(partitionKey(r.topic, r.partition));
    const logEndOffset = end?.ok === true ? end.value.offset : -1;
    const lag = logEndOffset >= 0 && r.offset >= 0 ? Math.max(0, logEndOffset - r.offset) : -1;
    return {
      topic: r.topic,
      partition: r.partition,
      offset: r.offset,
      metadata: r.metadata,
      leaderEpoch: r.leaderEpoch,
      logEndOffset,
      lag,
    };
  });
}

/** Codes with which the coordinator refuses a commit from outside the group: it has members. */
const GROUP_ACTIVE_CODES: ReadonlySet<number> = new Set([
  ErrorCode.UNKNOWN_MEMBER_ID,
  ErrorCode.ILLEGAL_GENERATION,
  ErrorCode.REBALANCE_IN_PROGRESS,
]);

export async function alterGroupOffsets(
  call: Call,
  groupId: string,
  offsets: readonly GroupOffsetCommit[],
): Promise<void> {
  checkGroupId('alterGroupOffsets', groupId);
  const keys = partitionKeys('alterGroupOffsets', offsets);
  for (const o of offsets) {
    if (!Number.isSafeInteger(o.offset) || o.offset < 0) {
      throw new ConfigError(`alterGroupOffsets: offset must be an integer >= 0, got ${String(o.offset)}`);
    }
  }
  const byKey = new Map(offsets.map((o, i) => [keys[i] as string, o]));
  const outcomes = await call.batch<void>(keys, async (pending) => {
    const byTopic = new Map<string, GroupOffsetCommit[]>();
    for (const key of pending) {
      const o = byKey.get(key) as GroupOffsetCommit;
      const list = byTopic.get(o.topic);
      if (list === undefined) byTopic.set(o.topic, [o]);
      else list.push(o);
    }
    const response = await call.cluster.coordinatorRequest<OffsetCommitResponse>(
      GROUP,
      groupId,
      ApiKey.OffsetCommit,
      () => {
        const request = new OffsetCommitRequest();
        request.groupId = groupId;
        // Generation -1 and no member id: a commit from outside group management.
        request.generationIdOrMemberEpoch = -1;
        request.memberId = '';
        request.topics = [...byTopic].map(([name, list]) => {
          const t = new OffsetCommitRequestTopic();
          t.name = name;
          t.partitions = list.map((o) => {
            const p = new OffsetCommitRequestPartition();
            p.partitionIndex = o.partition;
            p.committedOffset = BigInt(o.offset);
            p.committedMetadata = o.metadata ?? '';
            return p;
          });
          return t;
        });
        return request;
      },
      call.requestOptions({ minVersion: 1 }),
    );
    const answers = new Map<string, ItemOutcome<void>>();
    for (const t of response.topics) {
      for (const p of t.partitions) {
        const key = partitionKey(t.name, p.partitionIndex);
        if (p.errorCode === 0) {
          answers.set(key, ok(undefined));
          continue;
        }
        if (isCoordinatorMoved(p.errorCode)) call.cluster.invalidateCoordinator(GROUP, groupId);
        // The coordinator checks the topic in its own metadata: its answer is final.
        answers.set(key, failed(itemError(p.errorCode, null, t.name, p.partitionIndex, finalIfUnknown(p.errorCode))));
      }
    }
    return answers;
  });
  for (const outcome of outcomes.values()) {
    if (!outcome.ok && GROUP_ACTIVE_CODES.has(outcome.error.code)) {
      throw new KafkaError(
        outcome.error.code,
        `group '${groupId}' has active members: its offsets can be altered only while it is empty (stop its consumers first)`,
        { topic: groupId, cause: outcome.error },
      );
    }
  }
  call.settle(keys, outcomes);
}

/** Group states in which offsets may be reset: no member can overwrite them. */
const RESETTABLE_STATES: ReadonlySet<string> = new Set(['Empty', 'Dead']);

function checkOffsetTarget(to: ResetSpec['to']): void {
  if (to === 'earliest' || to === 'latest') return;
  if (typeof to === 'object' && to !== null) {
    if ('offset' in to && Number.isSafeInteger(to.offset) && to.offset >= 0) return;
    if ('timestamp' in to && Number.isSafeInteger(to.timestamp) && to.timestamp >= 0) return;
    if ('shiftBy' in to && Number.isSafeInteger(to.shiftBy)) return;
  }
  throw new ConfigError(
    `resetGroupOffsets: 'to' must be 'earliest', 'latest', { offset }, { timestamp } or { shiftBy }, got ${JSON.stringify(to)}`,
  );
}

/** The partitions a reset names: each of the listed topics' partitions, or the listed partitions. */
async function resetPartitions(call: Call, topics: ResetSpec['topics']): Promise<TopicPartition[]> {
  if (!Array.isArray(topics) || topics.length === 0) {
    throw new ConfigError('resetGroupOffsets: topics must be a non-empty array');
  }
  if (topics.every((t) => typeof t !== 'string')) return [...(topics as readonly TopicPartition[])];
  if (!topics.every((t) => typeof t === 'string')) {
    throw new ConfigError('resetGroupOffsets: topics must be all names or all partitions');
  }
  const names = topics as readonly string[];
  checkNames('resetGroupOffsets', names);
  const cluster = call.cluster;
  await call.run(async () => {
    await cluster.anyConnection(call.signal);
    await cluster.refreshMetadata(names, { signal: call.signal });
  });
  const out: TopicPartition[] = [];
  const errors: KafkaError[] = [];
  for (const name of names) {
    const info = cluster.topic(name);
    if (info === undefined) {
      errors.push(itemError(cluster.topicError(name)?.code ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, null, name));
      continue;
    }
    for (const p of info.partitions) if (p !== undefined) out.push({ topic: name, partition: p.partition });
  }
  if (errors.length > 0) throw new AdminError('resetGroupOffsets', errors);
  return out;
}

/** Offsets of `partitions` for one spec, or AdminError. */
async function offsetsAt(
  call: Call,
  partitions: readonly TopicPartition[],
  spec: 'earliest' | 'latest' | { timestamp: number },
): Promise<Map<string, ListedOffset>> {
  const { keys, outcomes } = await listOffsetsOutcomes(
    call,
    partitions.map((tp) => ({ topic: tp.topic, partition: tp.partition, spec })),
    'read_uncommitted',
  );
  const list = call.settle(keys, outcomes);
  return new Map(list.map((o) => [partitionKey(o.topic, o.partition), o]));
}

export async function resetGroupOffsets(call: Call, groupId: string, spec: ResetSpec): Promise<ResetOffset[]> {
  checkGroupId('resetGroupOffsets', groupId);
  if (typeof spec !== 'object' || spec === null) throw new ConfigError('resetGroupOffsets: spec must be an object');
  checkOffsetTarget(spec.to);
  const [group] = await describeGroups(call, [groupId]);
  if (group !== undefined && !RESETTABLE_STATES.has(group.state)) {
    throw new KafkaError(
      ErrorCode.NON_EMPTY_GROUP,
      `cannot reset the offsets of group '${groupId}': it is ${group.state} with ${group.members.length} member(s); ` +
        'offsets can be reset only while the group is Empty (stop its consumers first)',
      { topic: groupId },
    );
  }
  const partitions = await resetPartitions(call, spec.topics);
  const keys = partitionKeys('resetGroupOffsets', partitions);
  const to = spec.to;
  const [committed, earliest, latest, atTime] = await Promise.all([
    fetchCommitted(call, groupId, partitions, false),
    offsetsAt(call, partitions, 'earliest'),
    offsetsAt(call, partitions, 'latest'),
    typeof to === 'object' && 'timestamp' in to ? offsetsAt(call, partitions, { timestamp: to.timestamp }) : null,
  ]);
  const plan: ResetOffset[] = [];
  for (let i = 0; i < partitions.length; i++) {
    const tp = partitions[i] as TopicPartition;
    const key = keys[i] as string;
    const c = committed.get(key);
    const previous = c === undefined || c.offset === NO_OFFSET ? null : c.offset;
    const low = (earliest.get(key) as ListedOffset).offset;
    const high = (latest.get(key) as ListedOffset).offset;
    let offset: number;
    if (to === 'earliest') offset = low;
    else if (to === 'latest') offset = high;
    else if ('offset' in to) offset = to.offset;
    else if ('timestamp' in to) {
      // No record at or after the time: the end of the log, as kafka-consumer-groups does.
      const found = atTime?.get(key)?.offset ?? -1;
      offset = found < 0 ? high : found;
    } else {
      if (previous === null) {
        throw new ConfigError(
          `resetGroupOffsets: cannot shift ${tp.topic} partition ${tp.partition}: group '${groupId}' has no committed offset for it`,
        );
      }
      offset = previous + to.shiftBy;
    }
    // Out-of-range targets are moved into the log, as kafka-consumer-groups does.
    offset = Math.min(Math.max(offset, low), high);
    plan.push({ topic: tp.topic, partition: tp.partition, previous, offset });
  }
  if (spec.dryRun !== true) {
    await alterGroupOffsets(
      call,
      groupId,
      plan.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.offset })),
    );
  }
  return plan;
}

/** OffsetDelete (KIP-496): forgets a group's committed offsets for partitions it no longer consumes. */
export async function deleteGroupOffsets(
  call: Call,
  groupId: string,
  partitions: readonly TopicPartition[],
): Promise<void> {
  checkGroupId('deleteGroupOffsets', groupId);
  const keys = partitionKeys('deleteGroupOffsets', partitions);
  const byKey = new Map(partitions.map((tp, i) => [keys[i] as string, tp]));
  const outcomes = await call.batch<void>(keys, async (pending) => {
    const response = await call.cluster.coordinatorRequest<OffsetDeleteResponse>(
      GROUP,
      groupId,
      ApiKey.OffsetDelete,
      () => {
        const request = new OffsetDeleteRequest();
        request.groupId = groupId;
        const byTopic = new Map<string, OffsetDeleteRequestTopic>();
        for (const key of pending) {
          const tp = byKey.get(key) as TopicPartition;
          let t = byTopic.get(tp.topic);
          if (t === undefined) {
            t = new OffsetDeleteRequestTopic();
            t.name = tp.topic;
            byTopic.set(tp.topic, t);
            request.topics.push(t);
          }
          const p = new OffsetDeleteRequestPartition();
          p.partitionIndex = tp.partition;
          t.partitions.push(p);
        }
        return request;
      },
      call.requestOptions(),
    );
    throwGroupError(call, groupId, response.errorCode);
    const answers = new Map<string, ItemOutcome<void>>();
    for (const t of response.topics) {
      for (const p of t.partitions) {
        answers.set(
          partitionKey(t.name, p.partitionIndex),
          p.errorCode === 0 ? ok(undefined) : failed(itemError(p.errorCode, null, t.name, p.partitionIndex)),
        );
      }
    }
    return answers;
  });
  call.settle(keys, outcomes);
}
