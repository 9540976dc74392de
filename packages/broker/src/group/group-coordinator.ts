/**
 * The group coordinator for classic groups (JoinGroup / SyncGroup / Heartbeat /
 * LeaveGroup) and committed offsets, following Kafka's GroupCoordinator and
 * GroupMetadataManager (Kafka 3.9's default, classic-only coordinator; where the newer
 * coordinator of KIP-848 behaves the same it is cited too). The facts are Kafka's; the
 * code is Gregor's.
 *
 * Where state lives. Each partition of `__consumer_offsets` led by this broker is a
 * shard holding the groups that hash to it (`partitionForGroup`), in memory: members,
 * generation, protocol, assignment and committed offsets. The log is the durable copy:
 * every change a client must be able to rely on (a commit, a generation's assignment,
 * a group becoming empty, a deletion, an expiry) is appended as Kafka's records and the
 * request is answered only once the append is durable (`OffsetsBackend.append`, acks=-1,
 * which waits for fsync under gregor.log.durable). Offsets enter memory after their
 * append succeeds, so OffsetFetch never shows a commit that could still be lost.
 *
 * Loading. When a shard opens (broker start, or a partition of the topic appearing) its
 * log is replayed from the start: offset commits and group metadata, tombstones
 * deleting. Until that is done its groups answer COORDINATOR_LOAD_IN_PROGRESS (SyncGroup
 * REBALANCE_IN_PROGRESS and Heartbeat NONE, as Kafka, for old clients' sake). Groups
 * with members come back Stable with fresh session timers: members that are gone
 * expire, the rest heartbeat on.
 *
 * Time. Session, rebalance, sync and initial-delay timers and the offset expiration
 * cycle are set through a `Scheduler`, so tests drive the state machine with a fake
 * clock. Everything runs on the event loop; the only suspension points are appends,
 * after which a callback re-checks that the group is still in the state it expected.
 */
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@gregor/protocol';
import type { Logger } from 'pino';
import type { GroupState, JoinResult, Protocol, SyncResult } from './classic-group.js';
import { ClassicGroup, GroupMember, joinError, syncError } from './classic-group.js';
import { CONSUMER_PROTOCOL_TYPE, partitionForGroup } from './coordinator-key.js';
import type { OffsetAndMetadata, OffsetsRecord } from './records.js';
import {
  GroupMetadataValue,
  groupMetadataRecord,
  MemberMetadata,
  OffsetsRecordError,
  offsetCommitRecord,
  parseRecord,
} from './records.js';
import type { Scheduler } from './scheduler.js';
import { systemScheduler } from './scheduler.js';

/** Kafka's classicGroupNewMemberJoinTimeoutMs: a new member's JoinGroup may be parked this long. */
export const NEW_MEMBER_JOIN_TIMEOUT_MS = 5 * 60 * 1000;

export interface GroupCoordinatorConfig {
  /** group.min.session.timeout.ms / group.max.session.timeout.ms */
  groupMinSessionTimeoutMs: number;
  groupMaxSessionTimeoutMs: number;
  /** group.initial.rebalance.delay.ms */
  groupInitialRebalanceDelayMs: number;
  /** group.max.size */
  groupMaxSize: number;
  /** offsets.retention.minutes, in ms */
  offsetsRetentionMs: number;
  /** offsets.retention.check.interval.ms */
  offsetsRetentionCheckIntervalMs: number;
  /** offset.metadata.max.bytes */
  offsetMetadataMaxBytes: number;
  newMemberJoinTimeoutMs?: number;
}

/** An append that failed, with the Kafka error it failed with. */
export class CoordinatorWriteError extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Where the coordinator's records go and come from: partitions of `__consumer_offsets`. */
export interface OffsetsBackend {
  /** Partitions of the topic: its real count once it exists, else offsets.topic.num.partitions. */
  partitionCount(): number;
  /**
   * Appends the records as one batch; resolves once durable; rejects with CoordinatorWriteError.
   * With `producer`: a transactional batch of that producer (TxnOffsetCommit, KIP-98).
   */
  append(partition: number, records: readonly OffsetsRecord[], producer?: TxnProducer): Promise<void>;
  /** Every record of the partition, batch by batch, in offset order. */
  read(partition: number): AsyncIterable<readonly LoadedRecord[]>;
}

/** The producer of a transactional offset commit. */
export interface TxnProducer {
  producerId: number;
  producerEpoch: number;
}

/**
 * A record read back from `__consumer_offsets`. Records of transactional batches carry
 * their producer id; a transaction marker is a record with `marker` set (and no key).
 */
export interface LoadedRecord {
  key: Buffer | null;
  value: Buffer | null;
  /** -1 unless the record is in a transactional batch or is a marker. */
  producerId?: number;
  marker?: 'commit' | 'abort';
}

interface PendingTxnOffset {
  groupId: string;
  topic: string;
  partition: number;
  value: OffsetAndMetadata;
}

type ShardState = 'loading' | 'active' | 'failed';

class Shard {
  state: ShardState = 'loading';
  readonly groups = new Map<string, ClassicGroup>();
  /**
   * Offsets committed in open transactions (TxnOffsetCommit), per producer id: applied
   * when the commit marker reaches this partition, dropped on abort (Kafka's
   * pendingTransactionalOffsetCommits).
   */
  readonly pendingTxnOffsets = new Map<number, PendingTxnOffset[]>();
  /** Settles after the last append issued, so that completions apply in log order. */
  tail: Promise<void> = Promise.resolve();
  loaded: Promise<void> = Promise.resolve();
  unloaded = false;

  constructor(readonly partition: number) {}
}

export interface JoinGroupInput {
  groupId: string;
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: Protocol[];
  /** JoinGroup v4+ (KIP-394): a new member first gets MEMBER_ID_REQUIRED and an id. */
  requireKnownMemberId: boolean;
  /** JoinGroup v9+ (KIP-814): a static leader rejoining a stable group may skip the assignment. */
  supportSkippingAssignment: boolean;
  reason: string | null;
}

export interface SyncGroupInput {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  /** v5+; null when not sent. */
  protocolType: string | null;
  protocolName: string | null;
  assignments: ReadonlyMap<string, Buffer>;
}

export interface LeaveResult {
  errorCode: number;
  members: { memberId: string; groupInstanceId: string | null; errorCode: number }[];
}

export interface CommitInput {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  /** OffsetCommit v2-4 retention time; -1: the broker's. */
  retentionTimeMs: number;
  partitions: {
    topic: string;
    partition: number;
    offset: bigint;
    leaderEpoch: number;
    metadata: string | null;
    /** OffsetCommit v1 commit timestamp; -1: now. */
    commitTimestampMs: number;
  }[];
}

export interface FetchedOffset {
  partition: number;
  offset: bigint;
  leaderEpoch: number;
  metadata: string;
  errorCode: number;
}

export interface FetchResult {
  errorCode: number;
  topics: { name: string; partitions: FetchedOffset[] }[];
}

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  groupState: GroupState;
  groupType: string;
}

export interface DescribedMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  metadata: Buffer;
  assignment: Buffer;
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  groupState: string;
  protocolType: string;
  protocolData: string;
  members: DescribedMember[];
}

/** The only group type Gregor has (ListGroups v5). */
export const CLASSIC_GROUP_TYPE = 'classic';

const EMPTY = Buffer.alloc(0);

/** Kafka's mapping of a failed commit append to the error a committer sees (GroupMetadataManager.storeOffsets). */
export function commitAppendError(code: number): number {
  switch (code) {
    case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
    case ErrorCode.NOT_ENOUGH_REPLICAS:
    case ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case ErrorCode.REQUEST_TIMED_OUT:
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    case ErrorCode.NOT_LEADER_OR_FOLLOWER:
    case ErrorCode.KAFKA_STORAGE_ERROR:
      return ErrorCode.NOT_COORDINATOR;
    case ErrorCode.MESSAGE_TOO_LARGE:
    case ErrorCode.RECORD_LIST_TOO_LARGE:
    case ErrorCode.INVALID_FETCH_SIZE:
      return ErrorCode.INVALID_COMMIT_OFFSET_SIZE;
    default:
      return code;
  }
}

/** The same for group metadata appends (appendGroupMetadataErrorToResponseError). */
export function groupAppendError(code: number): number {
  switch (code) {
    case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
    case ErrorCode.NOT_ENOUGH_REPLICAS:
    case ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case ErrorCode.REQUEST_TIMED_OUT:
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    case ErrorCode.NOT_LEADER_OR_FOLLOWER:
    case ErrorCode.KAFKA_STORAGE_ERROR:
      return ErrorCode.NOT_COORDINATOR;
    case ErrorCode.MESSAGE_TOO_LARGE:
    case ErrorCode.RECORD_LIST_TOO_LARGE:
    case ErrorCode.INVALID_FETCH_SIZE:
      return ErrorCode.UNKNOWN_SERVER_ERROR;
    default:
      return code;
  }
}

function errorCodeOf(e: unknown): number {
  return e instanceof CoordinatorWriteError ? e.errorCode : ErrorCode.UNKNOWN_SERVER_ERROR;
}

/** Chains a second callback onto a parked request: a repeated JoinGroup/SyncGroup gets the same answer. */
function both<T>(first: ((r: T) => void) | null, second: (r: T) => void): (r: T) => void {
  return first === null
    ? second
    : (r: T) => {
        first(r);
        second(r);
      };
}

export class GroupCoordinator {
  private readonly shards = new Map<number, Shard>();
  private active = false;
  private expirationTimer: (() => void) | null = null;
  private expiring: Promise<void> = Promise.resolve();
  private readonly newMemberJoinTimeoutMs: number;

  constructor(
    private readonly backend: OffsetsBackend,
    private readonly config: GroupCoordinatorConfig,
    private readonly logger: Logger,
    private readonly scheduler: Scheduler = systemScheduler,
  ) {
    this.newMemberJoinTimeoutMs = config.newMemberJoinTimeoutMs ?? NEW_MEMBER_JOIN_TIMEOUT_MS;
  }

  // ------------------------------------------------------------------------------------
  // Life cycle and shards

  /** Starts answering and the offset expiration cycle; shards are loaded by `loadShard`. */
  start(): void {
    this.active = true;
    this.scheduleExpiration();
  }

  /** Stops answering (COORDINATOR_NOT_AVAILABLE), unloads every shard and waits for appends in flight. */
  async stop(): Promise<void> {
    this.active = false;
    this.expirationTimer?.();
    this.expirationTimer = null;
    const tails: Promise<void>[] = [];
    for (const shard of [...this.shards.values()]) {
      tails.push(
        shard.tail,
        shard.loaded.catch(() => undefined),
      );
      this.unloadShard(shard.partition);
    }
    await Promise.all(tails);
  }

  get isActive(): boolean {
    return this.active;
  }

  /** The partition of `__consumer_offsets` holding `groupId`. */
  partitionFor(groupId: string): number {
    return partitionForGroup(groupId, this.backend.partitionCount());
  }

  /** Partitions being loaded or loaded here. */
  shardPartitions(): number[] {
    return [...this.shards.keys()].sort((a, b) => a - b);
  }

  isLoading(partition: number): boolean {
    return this.shards.get(partition)?.state === 'loading';
  }

  /** Resolves once every shard opened so far has finished loading. */
  async whenLoaded(): Promise<void> {
    await Promise.all([...this.shards.values()].map((s) => s.loaded));
  }

  /** Loads a partition's groups and offsets (once; later calls share the load, or retry a failed one). */
  loadShard(partition: number): Promise<void> {
    const existing = this.shards.get(partition);
    if (existing !== undefined && existing.state !== 'failed') return existing.loaded;
    const shard = new Shard(partition);
    this.shards.set(partition, shard);
    shard.loaded = this.load(shard);
    return shard.loaded;
  }

  private async load(shard: Shard): Promise<void> {
    const started = this.scheduler.now();
    let records = 0;
    try {
      for await (const batch of this.backend.read(shard.partition)) {
        if (shard.unloaded) return;
        for (const r of batch) {
          records++;
          const producerId = r.producerId ?? -1;
          if (r.marker !== undefined) this.applyTxnMarker(shard, producerId, r.marker === 'commit');
          else if (producerId >= 0) this.replayTxnOffset(shard, producerId, r.key, r.value);
          else this.replay(shard, r.key, r.value);
        }
      }
      if (shard.unloaded) return;
      shard.state = 'active';
      for (const group of shard.groups.values()) this.onGroupLoaded(shard, group);
      this.logger.info(
        { partition: shard.partition, groups: shard.groups.size, records, loadMs: this.scheduler.now() - started },
        'loaded group metadata and offsets',
      );
    } catch (e) {
      if (shard.unloaded) return;
      shard.state = 'failed';
      this.logger.error({ err: e, partition: shard.partition }, 'loading __consumer_offsets failed');
    }
  }

  /** A transactional offset commit met while loading: pending until its marker. */
  private replayTxnOffset(shard: Shard, producerId: number, key: Buffer | null, value: Buffer | null): void {
    let parsed: ReturnType<typeof parseRecord>;
    try {
      parsed = parseRecord(key, value);
    } catch (e) {
      if (!(e instanceof OffsetsRecordError)) throw e;
      return;
    }
    if (parsed.type !== 'offset' || parsed.value === null) return;
    let list = shard.pendingTxnOffsets.get(producerId);
    if (list === undefined) {
      list = [];
      shard.pendingTxnOffsets.set(producerId, list);
    }
    list.push({ groupId: parsed.group, topic: parsed.topic, partition: parsed.partition, value: parsed.value });
  }

  /** Applies (commit) or drops (abort) a producer's pending transactional offsets. */
  private applyTxnMarker(shard: Shard, producerId: number, commit: boolean): void {
    const list = shard.pendingTxnOffsets.get(producerId);
    if (list === undefined) return;
    shard.pendingTxnOffsets.delete(producerId);
    if (!commit) return;
    for (const o of list) {
      let group = shard.groups.get(o.groupId);
      if (group === undefined || group.is('Dead')) {
        group = new ClassicGroup(o.groupId, 'Empty', this.now());
        shard.groups.set(o.groupId, group);
      }
      group.putOffset(o.topic, o.partition, o.value);
    }
  }

  /**
   * A transaction marker was written to `partition` of `__consumer_offsets` (the
   * transaction coordinator's WriteTxnMarkers): the producer's pending offsets there are
   * applied or dropped.
   */
  async completeTransaction(partition: number, producerId: number, commit: boolean): Promise<void> {
    const shard = this.shards.get(partition);
    if (shard === undefined) return;
    // Appends issued before the marker (the offsets themselves) settle first.
    await shard.tail;
    this.applyTxnMarker(shard, producerId, commit);
  }

  /** Whether `groupId` has transactional offsets not yet decided (OffsetFetch require_stable). */
  hasPendingTxnOffsets(groupId: string, topic: string | null, partition: number): boolean {
    const shard = this.shards.get(this.partitionFor(groupId));
    if (shard === undefined) return false;
    for (const list of shard.pendingTxnOffsets.values()) {
      for (const o of list) {
        if (o.groupId === groupId && (topic === null || (o.topic === topic && o.partition === partition))) return true;
      }
    }
    return false;
  }

  /**
   * TxnOffsetCommit (KIP-98): the offsets are written as a transactional batch of the
   * producer and stay pending until the transaction's marker; an error code per partition.
   * The member is checked only when the request names one (v3+, KIP-447).
   */
  async txnCommitOffsets(req: CommitInput, producer: TxnProducer): Promise<number[]> {
    const all = (code: number) => req.partitions.map(() => code);
    const shard = this.route(req.groupId);
    if (typeof shard === 'number') return all(shard);
    let group = shard.groups.get(req.groupId);
    if (group === undefined) {
      if (req.generationId >= 0) return all(ErrorCode.ILLEGAL_GENERATION);
      group = new ClassicGroup(req.groupId, 'Empty', this.now());
      shard.groups.set(req.groupId, group);
    }
    if (req.memberId !== '' || req.generationId >= 0) {
      const error = this.validateOffsetCommit(group, req.generationId, req.memberId, req.groupInstanceId);
      if (error !== ErrorCode.NONE) return all(error);
    }
    const now = this.now();
    const errors = all(ErrorCode.NONE);
    const records: OffsetsRecord[] = [];
    const accepted: PendingTxnOffset[] = [];
    const indexes: number[] = [];
    req.partitions.forEach((p, index) => {
      const metadata = p.metadata ?? '';
      if (metadata.length > this.config.offsetMetadataMaxBytes) {
        errors[index] = ErrorCode.OFFSET_METADATA_TOO_LARGE;
        return;
      }
      const value: OffsetAndMetadata = {
        offset: p.offset,
        leaderEpoch: p.leaderEpoch,
        metadata,
        commitTimestampMs: now,
        expireTimestampMs: null,
      };
      accepted.push({ groupId: req.groupId, topic: p.topic, partition: p.partition, value });
      indexes.push(index);
      records.push(offsetCommitRecord(req.groupId, p.topic, p.partition, value));
    });
    if (records.length === 0) return errors;
    try {
      await this.writeTxn(shard, records, producer);
      let list = shard.pendingTxnOffsets.get(producer.producerId);
      if (list === undefined) {
        list = [];
        shard.pendingTxnOffsets.set(producer.producerId, list);
      }
      list.push(...accepted);
    } catch (e) {
      const code = commitAppendError(errorCodeOf(e));
      for (const i of indexes) errors[i] = code;
    }
    return errors;
  }

  /** Applies one record of the log to the shard's state (loading). */
  private replay(shard: Shard, key: Buffer | null, value: Buffer | null): void {
    let parsed: ReturnType<typeof parseRecord>;
    try {
      parsed = parseRecord(key, value);
    } catch (e) {
      if (!(e instanceof OffsetsRecordError)) throw e;
      this.logger.warn({ partition: shard.partition, err: e }, 'skipping a record of __consumer_offsets');
      return;
    }
    if (parsed.type === 'other') return;
    const now = this.scheduler.now();
    const existing = shard.groups.get(parsed.group);
    if (parsed.type === 'offset') {
      let group = existing;
      if (parsed.value === null) {
        group?.removeOffset(parsed.topic, parsed.partition);
        return;
      }
      if (group === undefined) {
        group = new ClassicGroup(parsed.group, 'Empty', now);
        shard.groups.set(parsed.group, group);
      }
      group.putOffset(parsed.topic, parsed.partition, parsed.value);
      return;
    }
    const fresh =
      parsed.value === null
        ? new ClassicGroup(parsed.group, 'Empty', now)
        : groupFromRecord(parsed.group, parsed.value);
    // Offsets are kept apart from the group's metadata in the log: carry them over.
    if (existing !== undefined)
      for (const [topic, byPartition] of existing.offsets) fresh.offsets.set(topic, byPartition);
    if (parsed.value === null && fresh.offsets.size === 0) shard.groups.delete(parsed.group);
    else shard.groups.set(parsed.group, fresh);
  }

  private onGroupLoaded(shard: Shard, group: ClassicGroup): void {
    if (!group.is('Stable')) return;
    for (const member of group.members.values()) this.scheduleHeartbeat(shard, group, member, member.sessionTimeoutMs);
    if (group.size > this.config.groupMaxSize) {
      // group.max.size was lowered: rebalance so the members past it are turned away at rejoin.
      this.prepareRebalance(
        shard,
        group,
        `freshly-loaded group is over capacity (${group.size} > ${this.config.groupMaxSize})`,
      );
    }
  }

  /**
   * Forgets a partition's groups (no longer led here, topic deleted, broker stopping):
   * parked JoinGroup and SyncGroup requests get NOT_COORDINATOR and timers stop.
   */
  unloadShard(partition: number): void {
    const shard = this.shards.get(partition);
    if (shard === undefined) return;
    this.shards.delete(partition);
    shard.unloaded = true;
    for (const group of shard.groups.values()) {
      group.joinTimer?.();
      group.syncTimer?.();
      for (const cancel of group.pendingMembers.values()) cancel();
      for (const member of group.members.values()) {
        member.heartbeatTimer?.();
        member.heartbeatTimer = null;
        group.completeJoin(member, joinError(member.memberId, ErrorCode.NOT_COORDINATOR));
        group.completeSync(member, syncError(ErrorCode.NOT_COORDINATOR));
      }
      group.state = 'Dead';
    }
    shard.groups.clear();
  }

  /** The shard serving `groupId`, or the error for requests about it. */
  private route(groupId: string): Shard | number {
    if (!this.active) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const shard = this.shards.get(this.partitionFor(groupId));
    if (shard === undefined) return ErrorCode.NOT_COORDINATOR;
    if (shard.state === 'loading') return ErrorCode.COORDINATOR_LOAD_IN_PROGRESS;
    if (shard.state === 'failed') return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    return shard;
  }

  private isLive(shard: Shard, group: ClassicGroup): boolean {
    return !shard.unloaded && shard.groups.get(group.groupId) === group;
  }

  /** A timer that does nothing once the group is unloaded or replaced. */
  private schedule(shard: Shard, group: ClassicGroup, delayMs: number, task: () => void): () => void {
    return this.scheduler.schedule(delayMs, () => {
      if (this.isLive(shard, group)) task();
    });
  }

  /** Appends records; completions run in the order the appends were issued (log order). */
  private write(shard: Shard, records: readonly OffsetsRecord[]): Promise<void> {
    if (shard.unloaded || !this.active) {
      return Promise.reject(new CoordinatorWriteError(ErrorCode.NOT_COORDINATOR, 'the coordinator moved or stopped'));
    }
    const done = this.backend.append(shard.partition, records);
    // Observed through `ordered`; marked handled now so a fast failure is not reported as unhandled.
    done.catch(() => undefined);
    const ordered = shard.tail.then(() => done);
    shard.tail = ordered.catch(() => undefined);
    return ordered;
  }

  private writeTxn(shard: Shard, records: readonly OffsetsRecord[], producer: TxnProducer): Promise<void> {
    if (shard.unloaded || !this.active) {
      return Promise.reject(new CoordinatorWriteError(ErrorCode.NOT_COORDINATOR, 'the coordinator moved or stopped'));
    }
    const done = this.backend.append(shard.partition, records, producer);
    done.catch(() => undefined);
    const ordered = shard.tail.then(() => done);
    shard.tail = ordered.catch(() => undefined);
    return ordered;
  }

  private now(): number {
    return this.scheduler.now();
  }

  // ------------------------------------------------------------------------------------
  // JoinGroup

  joinGroup(req: JoinGroupInput): Promise<JoinResult> {
    const { groupId, memberId } = req;
    if (groupId === '') return Promise.resolve(joinError(memberId, ErrorCode.INVALID_GROUP_ID));
    const shard = this.route(groupId);
    if (typeof shard === 'number') return Promise.resolve(joinError(memberId, shard));
    if (
      req.sessionTimeoutMs < this.config.groupMinSessionTimeoutMs ||
      req.sessionTimeoutMs > this.config.groupMaxSessionTimeoutMs
    ) {
      return Promise.resolve(joinError(memberId, ErrorCode.INVALID_SESSION_TIMEOUT));
    }
    const isUnknownMember = memberId === '';
    let group = shard.groups.get(groupId);
    if (group === undefined) {
      // A group is created by a member without an id; a member id for a group that does
      // not exist is one this coordinator never gave.
      if (!isUnknownMember) return Promise.resolve(joinError(memberId, ErrorCode.UNKNOWN_MEMBER_ID));
      group = new ClassicGroup(groupId, 'Empty', this.now());
      shard.groups.set(groupId, group);
    }
    const g = group;
    return new Promise<JoinResult>((resolve) => {
      if (!this.acceptJoiningMember(g, memberId)) {
        // KIP-389: past group.max.size. A member turned away here leaves the group.
        this.removeMemberSilently(g, memberId);
        resolve(joinError('', ErrorCode.GROUP_MAX_SIZE_REACHED));
        this.maybeCompleteJoinPhase(shard, g);
      } else if (isUnknownMember) {
        this.joinNewMember(shard, g, req, resolve);
      } else {
        this.joinExistingMember(shard, g, req, resolve);
      }
    });
  }

  private removeMemberSilently(group: ClassicGroup, memberId: string): void {
    const member = group.get(memberId);
    if (member !== undefined) group.completeSync(member, syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    group.remove(memberId);
  }

  /**
   * KIP-389. While rebalancing, the members that rejoin count (the group may be over the
   * limit after it was lowered, and the last to rejoin are the ones turned away);
   * otherwise existing members are always let back in and new ones up to the limit.
   */
  private acceptJoiningMember(group: ClassicGroup, memberId: string): boolean {
    switch (group.state) {
      case 'Empty':
      case 'Dead':
        return true;
      case 'PreparingRebalance': {
        const member = group.get(memberId);
        return (
          (member !== undefined && member.awaitingJoin !== null) ||
          group.numMembersAwaitingJoin < this.config.groupMaxSize
        );
      }
      default:
        return group.has(memberId) || group.size < this.config.groupMaxSize;
    }
  }

  private joinNewMember(
    shard: Shard,
    group: ClassicGroup,
    req: JoinGroupInput,
    resolve: (r: JoinResult) => void,
  ): void {
    if (group.is('Dead')) {
      // The group is being deleted or unloaded: the member finds the coordinator again.
      resolve(joinError('', ErrorCode.COORDINATOR_NOT_AVAILABLE));
      return;
    }
    if (!group.supportsProtocols(req.protocolType, req.protocols)) {
      resolve(joinError('', ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
      return;
    }
    // Kafka's member ids: the client id (or group.instance.id) and a random UUID.
    const newMemberId = `${req.groupInstanceId ?? req.clientId}-${randomUUID()}`;
    if (req.groupInstanceId !== null) {
      const existing = group.staticMemberId(req.groupInstanceId);
      if (existing !== undefined) {
        this.updateStaticMemberAndRebalance(shard, group, existing, newMemberId, req, resolve);
      } else {
        this.addMemberAndRebalance(shard, group, newMemberId, req, resolve);
      }
    } else if (req.requireKnownMemberId) {
      // KIP-394: the id is handed out first and the member joins with it, so a client
      // whose JoinGroup timed out does not leave an unknown member behind. The pending
      // id lapses after the session timeout.
      group.addPendingMember(
        newMemberId,
        this.schedule(shard, group, req.sessionTimeoutMs, () => this.expirePendingMember(shard, group, newMemberId)),
      );
      resolve(joinError(newMemberId, ErrorCode.MEMBER_ID_REQUIRED));
    } else {
      this.addMemberAndRebalance(shard, group, newMemberId, req, resolve);
    }
  }

  /** KIP-345: validation of a member id against the group, with the instance id when given. */
  private validateMember(group: ClassicGroup, memberId: string, groupInstanceId: string | null): number {
    if (group.isStaticMemberFenced(groupInstanceId, memberId)) return ErrorCode.FENCED_INSTANCE_ID;
    if (!group.has(memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (groupInstanceId !== null && group.staticMemberId(groupInstanceId) === undefined) {
      return ErrorCode.UNKNOWN_MEMBER_ID;
    }
    return ErrorCode.NONE;
  }

  private currentJoinResult(group: ClassicGroup, memberId: string, withMembers: boolean): JoinResult {
    return {
      errorCode: ErrorCode.NONE,
      memberId,
      generationId: group.generationId,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      leader: group.leaderId ?? '',
      skipAssignment: false,
      members: withMembers ? group.currentMemberMetadata() : [],
    };
  }

  private joinExistingMember(
    shard: Shard,
    group: ClassicGroup,
    req: JoinGroupInput,
    resolve: (r: JoinResult) => void,
  ): void {
    const memberId = req.memberId;
    if (group.is('Dead')) {
      resolve(joinError(memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
      return;
    }
    if (!group.supportsProtocols(req.protocolType, req.protocols)) {
      resolve(joinError(memberId, ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
      return;
    }
    if (group.isPendingMember(memberId)) {
      // KIP-394: the member comes back with the id it was given. Pending members are
      // dynamic: an instance id here is a client bug (Kafka throws IllegalStateException).
      if (req.groupInstanceId !== null) {
        resolve(joinError(memberId, ErrorCode.UNKNOWN_SERVER_ERROR));
        return;
      }
      this.addMemberAndRebalance(shard, group, memberId, req, resolve);
      return;
    }
    const error = this.validateMember(group, memberId, req.groupInstanceId);
    if (error !== ErrorCode.NONE) {
      resolve(joinError(memberId, error));
      return;
    }
    const member = group.get(memberId) as GroupMember;
    switch (group.state) {
      case 'PreparingRebalance':
        this.updateMemberAndRebalance(shard, group, member, req, resolve, `member ${memberId} joining`);
        return;
      case 'CompletingRebalance':
        if (member.matches(req.protocols)) {
          // The member lost the JoinGroup answer: give it the current generation again.
          resolve(this.currentJoinResult(group, memberId, group.isLeader(memberId)));
        } else {
          this.updateMemberAndRebalance(shard, group, member, req, resolve, `member ${memberId} changed its metadata`);
        }
        return;
      case 'Stable':
        if (group.isLeader(memberId)) {
          // A leader's JoinGroup forces a rebalance: it asks for one when what the
          // assignment depends on changed outside the member metadata (topic metadata).
          this.updateMemberAndRebalance(shard, group, member, req, resolve, `leader ${memberId} rejoining`);
        } else if (!member.matches(req.protocols)) {
          this.updateMemberAndRebalance(shard, group, member, req, resolve, `member ${memberId} changed its metadata`);
        } else {
          resolve(this.currentJoinResult(group, memberId, false));
        }
        return;
      default:
        // Empty: the member should reset its generation and join anew.
        resolve(joinError(memberId, ErrorCode.UNKNOWN_MEMBER_ID));
    }
  }

  private addMemberAndRebalance(
    shard: Shard,
    group: ClassicGroup,
    memberId: string,
    req: JoinGroupInput,
    resolve: (r: JoinResult) => void,
  ): void {
    const member = new GroupMember(
      memberId,
      req.groupInstanceId,
      req.clientId,
      req.clientHost,
      req.rebalanceTimeoutMs,
      req.sessionTimeoutMs,
      req.protocolType,
      req.protocols,
    );
    member.isNew = true;
    // A member joining during the initial delay extends it (group.initial.rebalance.delay.ms).
    if (group.is('PreparingRebalance') && group.previousState === 'Empty') group.newMemberAdded = true;
    group.add(member, resolve);
    // A new member cannot heartbeat before it has its id, and a disconnected client may
    // retry: its parked JoinGroup lapses after the new-member timeout instead.
    this.scheduleHeartbeat(shard, group, member, this.newMemberJoinTimeoutMs);
    this.maybePrepareRebalanceOrCompleteJoin(
      shard,
      group,
      `adding member ${memberId} with group instance id ${req.groupInstanceId}; client reason: ${req.reason ?? 'not provided'}`,
    );
  }

  private updateMemberAndRebalance(
    shard: Shard,
    group: ClassicGroup,
    member: GroupMember,
    req: JoinGroupInput,
    resolve: (r: JoinResult) => void,
    reason: string,
  ): void {
    group.updateMember(
      member,
      req.protocols,
      req.rebalanceTimeoutMs,
      req.sessionTimeoutMs,
      both(member.awaitingJoin, resolve),
    );
    this.maybePrepareRebalanceOrCompleteJoin(shard, group, `${reason}; client reason: ${req.reason ?? 'not provided'}`);
  }

  /**
   * KIP-345: a static member restarting joins with its instance id and no member id; it
   * takes over the old member id's place. A Stable group whose selected protocol does
   * not change needs no rebalance: the new id is stored and the member gets the current
   * generation (v9+ with skipAssignment for the leader, KIP-814; before v9 the old
   * leader id, so that a restarted leader does not run a pointless assignment).
   */
  private updateStaticMemberAndRebalance(
    shard: Shard,
    group: ClassicGroup,
    oldMemberId: string,
    newMemberId: string,
    req: JoinGroupInput,
    resolve: (r: JoinResult) => void,
  ): void {
    const groupInstanceId = req.groupInstanceId as string;
    const currentLeader = group.leaderId;
    const member = group.get(oldMemberId) as GroupMember;
    // The old instance is fenced at once: requests it has parked are answered.
    group.completeJoin(member, joinError(oldMemberId, ErrorCode.FENCED_INSTANCE_ID));
    group.completeSync(member, syncError(ErrorCode.FENCED_INSTANCE_ID));
    group.replaceStaticMember(groupInstanceId, oldMemberId, newMemberId);
    this.scheduleHeartbeat(shard, group, member, member.sessionTimeoutMs);
    const old = {
      protocols: member.protocols,
      rebalanceTimeoutMs: member.rebalanceTimeoutMs,
      sessionTimeoutMs: member.sessionTimeoutMs,
    };
    group.updateMember(member, req.protocols, req.rebalanceTimeoutMs, req.sessionTimeoutMs, resolve);
    switch (group.state) {
      case 'Stable': {
        if (group.protocolName !== group.selectProtocol()) {
          this.maybePrepareRebalanceOrCompleteJoin(shard, group, `static member ${newMemberId} changed the protocol`);
          return;
        }
        const generationId = group.generationId;
        const assignment = new Map<string, Buffer>();
        for (const m of group.members.values()) assignment.set(m.memberId, m.assignment);
        this.write(shard, [groupMetadataRecord(group.groupId, groupMetadataValue(group, assignment))]).then(
          () => {
            if (member.awaitingJoin === null) return;
            if (req.supportSkippingAssignment) {
              const isLeader = group.isLeader(newMemberId);
              const result = this.currentJoinResult(group, newMemberId, isLeader);
              result.skipAssignment = isLeader;
              group.completeJoin(member, result);
            } else {
              const result = this.currentJoinResult(group, newMemberId, false);
              result.leader = currentLeader ?? '';
              group.completeJoin(member, result);
            }
          },
          (e: unknown) => {
            const errorCode = groupAppendError(errorCodeOf(e));
            this.logger.warn(
              { groupId: group.groupId, groupInstanceId, errorCode },
              'storing a replaced static member failed; reverting to the old member id',
            );
            if (!this.isLive(shard, group) || group.get(newMemberId) !== member) return;
            group.updateMember(member, old.protocols, old.rebalanceTimeoutMs, old.sessionTimeoutMs, null);
            group.replaceStaticMember(groupInstanceId, newMemberId, oldMemberId);
            this.scheduleHeartbeat(shard, group, member, member.sessionTimeoutMs);
            resolve({
              errorCode,
              memberId: '',
              generationId,
              protocolType: group.protocolType,
              protocolName: group.protocolName,
              leader: currentLeader ?? '',
              skipAssignment: false,
              members: [],
            });
          },
        );
        return;
      }
      case 'CompletingRebalance':
        // The leader may already hold the old member id: rebalance so the new id gets an assignment.
        this.prepareRebalance(shard, group, `static member ${groupInstanceId} rejoined with a new member id`);
        return;
      case 'PreparingRebalance':
        this.maybeCompleteJoinPhase(shard, group);
        return;
      default:
        throw new Error(`group ${group.groupId} has static member ${groupInstanceId} but is ${group.state}`);
    }
  }

  // ------------------------------------------------------------------------------------
  // Rebalance machinery

  private maybePrepareRebalanceOrCompleteJoin(shard: Shard, group: ClassicGroup, reason: string): void {
    if (group.canRebalance()) this.prepareRebalance(shard, group, reason);
    else this.maybeCompleteJoinPhase(shard, group);
  }

  /** The join phase ends early once every member rejoined, except the initial one (it waits out the delay). */
  private maybeCompleteJoinPhase(shard: Shard, group: ClassicGroup): void {
    if (group.is('PreparingRebalance') && group.previousState !== 'Empty' && group.hasAllMembersJoined()) {
      this.completeJoinPhase(shard, group);
    }
  }

  private prepareRebalance(shard: Shard, group: ClassicGroup, reason: string): void {
    // Members waiting for their assignment rejoin instead.
    if (group.is('CompletingRebalance'))
      this.resetAndPropagateAssignmentError(shard, group, ErrorCode.REBALANCE_IN_PROGRESS);
    this.removeSyncExpiration(group);
    group.joinTimer?.();
    group.joinTimer = null;
    const initial = group.is('Empty');
    group.transitionTo('PreparingRebalance', this.now());
    this.logger.info(
      { groupId: group.groupId, generationId: group.generationId, reason },
      'preparing to rebalance group',
    );
    if (initial) {
      // A new group waits group.initial.rebalance.delay.ms for more members, extended by
      // each newcomer up to the rebalance timeout (Kafka's InitialDelayedJoin).
      const delayMs = this.config.groupInitialRebalanceDelayMs;
      const remainingMs = Math.max(group.rebalanceTimeoutMs() - delayMs, 0);
      group.joinTimer = this.schedule(shard, group, delayMs, () =>
        this.tryCompleteInitialRebalance(shard, group, delayMs, remainingMs),
      );
      return;
    }
    if (group.hasAllMembersJoined()) {
      this.completeJoinPhase(shard, group);
    } else {
      group.joinTimer = this.schedule(shard, group, group.rebalanceTimeoutMs(), () =>
        this.completeJoinPhase(shard, group),
      );
    }
  }

  private tryCompleteInitialRebalance(shard: Shard, group: ClassicGroup, delayMs: number, remainingMs: number): void {
    group.joinTimer = null;
    if (group.newMemberAdded && remainingMs !== 0) {
      group.newMemberAdded = false;
      const nextDelayMs = Math.min(this.config.groupInitialRebalanceDelayMs, remainingMs);
      const nextRemainingMs = Math.max(remainingMs - delayMs, 0);
      group.joinTimer = this.schedule(shard, group, nextDelayMs, () =>
        this.tryCompleteInitialRebalance(shard, group, nextDelayMs, nextRemainingMs),
      );
      return;
    }
    this.completeJoinPhase(shard, group);
  }

  /**
   * The end of a join phase: dynamic members that did not rejoin are removed, the group
   * moves to the next generation, and every member gets its JoinGroup answer (the leader
   * with all members' metadata). With no member left the group is Empty and that is
   * stored.
   */
  private completeJoinPhase(shard: Shard, group: ClassicGroup): void {
    group.joinTimer?.();
    group.joinTimer = null;
    if (!group.is('PreparingRebalance')) return;
    for (const m of group.notYetRejoinedMembers()) {
      if (!m.isStatic) this.removeMemberSilently(group, m.memberId);
    }
    if (!group.maybeElectNewJoinedLeader() && group.size > 0) {
      // Only static members that did not rejoin are left: wait for them (or for their
      // sessions to expire) another rebalance timeout.
      this.logger.error({ groupId: group.groupId }, 'group could not complete rebalance because no members rejoined');
      group.joinTimer = this.schedule(shard, group, group.rebalanceTimeoutMs(), () =>
        this.completeJoinPhase(shard, group),
      );
      return;
    }
    group.initNextGeneration(this.now());
    if (group.is('Empty')) {
      this.logger.info({ groupId: group.groupId, generationId: group.generationId }, 'group is now empty');
      // If this is lost, the previous generation comes back after a restart and its
      // members expire: safe, so a failure is only logged (as Kafka).
      this.write(shard, [groupMetadataRecord(group.groupId, groupMetadataValue(group, new Map()))]).catch((e) =>
        this.logger.warn({ groupId: group.groupId, err: e }, 'storing the empty group failed'),
      );
      return;
    }
    this.logger.info(
      { groupId: group.groupId, generationId: group.generationId, members: group.size, protocol: group.protocolName },
      'stabilized group',
    );
    for (const m of group.members.values()) {
      group.completeJoin(m, this.currentJoinResult(group, m.memberId, group.isLeader(m.memberId)));
      this.scheduleHeartbeat(shard, group, m, m.sessionTimeoutMs);
      m.isNew = false;
      group.pendingSyncMembers.add(m.memberId);
    }
    // Members that never send SyncGroup are removed after the rebalance timeout.
    const generationId = group.generationId;
    group.syncTimer = this.schedule(shard, group, group.rebalanceTimeoutMs(), () =>
      this.expirePendingSync(shard, group, generationId),
    );
  }

  private removeSyncExpiration(group: ClassicGroup): void {
    group.pendingSyncMembers.clear();
    group.syncTimer?.();
    group.syncTimer = null;
  }

  private expirePendingSync(shard: Shard, group: ClassicGroup, generationId: number): void {
    group.syncTimer = null;
    if (generationId !== group.generationId) return;
    if (!group.is('CompletingRebalance') && !group.is('Stable')) return;
    if (group.pendingSyncMembers.size === 0) return;
    const missing = [...group.pendingSyncMembers];
    for (const memberId of missing) this.removeMemberSilently(group, memberId);
    this.prepareRebalance(shard, group, `removing ${missing.join(', ')} on pending sync request expiration`);
  }

  private resetAndPropagateAssignmentError(shard: Shard, group: ClassicGroup, errorCode: number): void {
    for (const m of group.members.values()) m.assignment = EMPTY;
    this.propagateAssignment(shard, group, errorCode);
  }

  private propagateAssignment(shard: Shard, group: ClassicGroup, errorCode: number): void {
    const ok = errorCode === ErrorCode.NONE;
    for (const m of group.members.values()) {
      const answered = group.completeSync(m, {
        errorCode,
        protocolType: ok ? group.protocolType : null,
        protocolName: ok ? group.protocolName : null,
        assignment: m.assignment,
      });
      // A member's session may have lapsed while it waited for the leader: start it again.
      if (answered) this.scheduleHeartbeat(shard, group, m, m.sessionTimeoutMs);
    }
  }

  private scheduleHeartbeat(shard: Shard, group: ClassicGroup, member: GroupMember, timeoutMs: number): void {
    member.heartbeatTimer?.();
    member.heartbeatTimer = this.schedule(shard, group, timeoutMs, () => {
      member.heartbeatTimer = null;
      this.expireHeartbeat(shard, group, member);
    });
  }

  /**
   * A member's session lapsed. New members (still in their first join) go; members with
   * a parked JoinGroup or SyncGroup are waiting on the coordinator, not failing, and stay.
   */
  private expireHeartbeat(shard: Shard, group: ClassicGroup, member: GroupMember): void {
    if (group.is('Dead') || group.get(member.memberId) !== member) return;
    const satisfied = !member.isNew && (member.awaitingJoin !== null || member.awaitingSync !== null);
    if (satisfied) return;
    this.logger.info(
      { groupId: group.groupId, memberId: member.memberId },
      'member failed, removing it from the group',
    );
    this.removeMemberAndUpdateGroup(shard, group, member, `removing member ${member.memberId} on heartbeat expiration`);
  }

  private expirePendingMember(shard: Shard, group: ClassicGroup, memberId: string): void {
    if (group.is('Dead') || !group.removePendingMember(memberId)) return;
    this.logger.info({ groupId: group.groupId, memberId }, 'pending member removed after session timeout');
    this.maybeCompleteJoinPhase(shard, group);
  }

  private removeMemberAndUpdateGroup(shard: Shard, group: ClassicGroup, member: GroupMember, reason: string): void {
    // A new member may be removed while its JoinGroup is parked: tell it to join again.
    group.completeJoin(member, joinError('', ErrorCode.UNKNOWN_MEMBER_ID));
    this.removeMemberSilently(group, member.memberId);
    switch (group.state) {
      case 'Stable':
      case 'CompletingRebalance':
        this.maybePrepareRebalanceOrCompleteJoin(shard, group, reason);
        return;
      case 'PreparingRebalance':
        this.maybeCompleteJoinPhase(shard, group);
        return;
      default:
    }
  }

  // ------------------------------------------------------------------------------------
  // SyncGroup, Heartbeat, LeaveGroup

  syncGroup(req: SyncGroupInput): Promise<SyncResult> {
    if (req.groupId === '') return Promise.resolve(syncError(ErrorCode.INVALID_GROUP_ID));
    const shard = this.route(req.groupId);
    if (typeof shard === 'number') {
      // While loading, the rebalance in progress was lost: rejoining is what the member
      // must do, and old clients do not know COORDINATOR_LOAD_IN_PROGRESS here.
      return Promise.resolve(
        syncError(shard === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS ? ErrorCode.REBALANCE_IN_PROGRESS : shard),
      );
    }
    const group = shard.groups.get(req.groupId);
    if (group === undefined) return Promise.resolve(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    if (group.is('Dead')) return Promise.resolve(syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE));
    const error = this.validateMember(group, req.memberId, req.groupInstanceId);
    if (error !== ErrorCode.NONE) return Promise.resolve(syncError(error));
    if (req.generationId !== group.generationId) return Promise.resolve(syncError(ErrorCode.ILLEGAL_GENERATION));
    if (
      (req.protocolType !== null && group.protocolType !== null && req.protocolType !== group.protocolType) ||
      (req.protocolName !== null && group.protocolName !== null && req.protocolName !== group.protocolName)
    ) {
      return Promise.resolve(syncError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    }
    const member = group.get(req.memberId) as GroupMember;
    switch (group.state) {
      case 'PreparingRebalance':
        return Promise.resolve(syncError(ErrorCode.REBALANCE_IN_PROGRESS));
      case 'Stable':
        group.pendingSyncMembers.delete(req.memberId);
        this.scheduleHeartbeat(shard, group, member, member.sessionTimeoutMs);
        return Promise.resolve({
          errorCode: ErrorCode.NONE,
          protocolType: group.protocolType,
          protocolName: group.protocolName,
          assignment: member.assignment,
        });
      case 'CompletingRebalance':
        return new Promise<SyncResult>((resolve) => {
          member.awaitingSync = both(member.awaitingSync, resolve);
          group.pendingSyncMembers.delete(req.memberId);
          if (group.isLeader(req.memberId)) this.storeAssignment(shard, group, req);
        });
      default:
        return Promise.resolve(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    }
  }

  /** The leader's SyncGroup: store the generation's assignment, then answer every member. */
  private storeAssignment(shard: Shard, group: ClassicGroup, req: SyncGroupInput): void {
    const generationId = group.generationId;
    // Members the leader left out get an empty assignment; ids that are not members are ignored.
    const assignment = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const m of group.members.values()) {
      const a = req.assignments.get(m.memberId);
      if (a === undefined) missing.push(m.memberId);
      assignment.set(m.memberId, a ?? EMPTY);
    }
    if (missing.length > 0) {
      this.logger.warn({ groupId: group.groupId, generationId, missing }, 'setting empty assignments for members');
    }
    this.logger.info(
      { groupId: group.groupId, generationId, leader: req.memberId, members: group.size },
      'assignment received from leader',
    );
    let record: OffsetsRecord;
    try {
      record = groupMetadataRecord(group.groupId, groupMetadataValue(group, assignment));
    } catch (e) {
      this.logger.error({ err: e, groupId: group.groupId }, 'encoding group metadata failed');
      this.resetAndPropagateAssignmentError(shard, group, ErrorCode.UNKNOWN_SERVER_ERROR);
      return;
    }
    this.write(shard, [record]).then(
      () => {
        // Another member may have joined meanwhile: only the same generation, still waiting, completes.
        if (!this.isLive(shard, group) || !group.is('CompletingRebalance') || group.generationId !== generationId) {
          return;
        }
        for (const m of group.members.values()) m.assignment = assignment.get(m.memberId) ?? EMPTY;
        this.propagateAssignment(shard, group, ErrorCode.NONE);
        group.transitionTo('Stable', this.now());
      },
      (e: unknown) => {
        if (!this.isLive(shard, group) || !group.is('CompletingRebalance') || group.generationId !== generationId) {
          return;
        }
        const errorCode = groupAppendError(errorCodeOf(e));
        this.logger.warn({ groupId: group.groupId, errorCode, err: e }, 'storing the group assignment failed');
        this.resetAndPropagateAssignmentError(shard, group, errorCode);
        this.maybePrepareRebalanceOrCompleteJoin(shard, group, 'error storing the group assignment');
      },
    );
  }

  heartbeat(groupId: string, memberId: string, groupInstanceId: string | null, generationId: number): number {
    if (groupId === '') return ErrorCode.INVALID_GROUP_ID;
    const shard = this.route(groupId);
    if (typeof shard === 'number') {
      // Loading: the member cannot be checked; answer blindly (as Kafka) and let it go on.
      return shard === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS ? ErrorCode.NONE : shard;
    }
    const group = shard.groups.get(groupId);
    if (group === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (group.is('Dead')) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const error = this.validateMember(group, memberId, groupInstanceId);
    if (error !== ErrorCode.NONE) return error;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    const member = group.get(memberId) as GroupMember;
    switch (group.state) {
      case 'Empty':
        return ErrorCode.UNKNOWN_MEMBER_ID;
      case 'PreparingRebalance':
        // The heartbeat answer is how members learn to rejoin.
        this.scheduleHeartbeat(shard, group, member, member.sessionTimeoutMs);
        return ErrorCode.REBALANCE_IN_PROGRESS;
      default:
        // CompletingRebalance: members may heartbeat as soon as they have their JoinGroup answer.
        this.scheduleHeartbeat(shard, group, member, member.sessionTimeoutMs);
        return ErrorCode.NONE;
    }
  }

  /** LeaveGroup, one member (v0-2) or a batch (v3+, KIP-345: static members by instance id alone). */
  leaveGroup(
    groupId: string,
    members: readonly { memberId: string; groupInstanceId: string | null; reason: string | null }[],
  ): LeaveResult {
    if (groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID, members: [] };
    const shard = this.route(groupId);
    if (typeof shard === 'number') return { errorCode: shard, members: [] };
    const group = shard.groups.get(groupId);
    const result: LeaveResult = { errorCode: ErrorCode.NONE, members: [] };
    const answer = (m: { memberId: string; groupInstanceId: string | null }, errorCode: number) =>
      result.members.push({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode });
    if (group === undefined) {
      for (const m of members) answer(m, ErrorCode.UNKNOWN_MEMBER_ID);
      return result;
    }
    if (group.is('Dead')) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, members: [] };
    for (const m of members) {
      const reason = `member ${m.memberId || m.groupInstanceId} left with LeaveGroup; client reason: ${m.reason ?? 'not provided'}`;
      if (m.memberId === '') {
        // An administrator removing a static member by its instance id.
        const current = group.staticMemberId(m.groupInstanceId);
        if (current === undefined) {
          answer(m, ErrorCode.UNKNOWN_MEMBER_ID);
        } else {
          this.removeMemberAndUpdateGroup(shard, group, group.get(current) as GroupMember, reason);
          answer(m, ErrorCode.NONE);
        }
      } else if (group.isPendingMember(m.memberId)) {
        group.removePendingMember(m.memberId);
        if (group.is('PreparingRebalance') && group.hasAllMembersJoined()) this.maybeCompleteJoinPhase(shard, group);
        answer(m, ErrorCode.NONE);
      } else if (group.isStaticMemberFenced(m.groupInstanceId, m.memberId)) {
        answer(m, ErrorCode.FENCED_INSTANCE_ID);
      } else if (group.has(m.memberId)) {
        this.removeMemberAndUpdateGroup(shard, group, group.get(m.memberId) as GroupMember, reason);
        answer(m, ErrorCode.NONE);
      } else {
        answer(m, ErrorCode.UNKNOWN_MEMBER_ID);
      }
    }
    return result;
  }

  // ------------------------------------------------------------------------------------
  // Offsets

  /**
   * Kafka's validateOffsetCommit: members commit with their generation; a commit with no
   * member id and no generation (a consumer assigning partitions itself, or an admin) is
   * accepted only while the group has no members.
   */
  private validateOffsetCommit(
    group: ClassicGroup,
    generationId: number,
    memberId: string,
    groupInstanceId: string | null,
  ): number {
    if (group.is('Dead')) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (generationId >= 0 || memberId !== '' || groupInstanceId !== null) {
      if (group.isStaticMemberFenced(groupInstanceId, memberId)) return ErrorCode.FENCED_INSTANCE_ID;
      if (!group.has(memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
      if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    } else if (!group.is('Empty')) {
      return ErrorCode.UNKNOWN_MEMBER_ID;
    }
    // Members have their generation from the JoinGroup answer but no assignment yet.
    if (group.is('CompletingRebalance')) return ErrorCode.REBALANCE_IN_PROGRESS;
    return ErrorCode.NONE;
  }

  /** OffsetCommit: an error code per partition of `req.partitions`, in order. */
  async commitOffsets(req: CommitInput): Promise<number[]> {
    const all = (code: number) => req.partitions.map(() => code);
    const shard = this.route(req.groupId);
    if (typeof shard === 'number') return all(shard);
    let group = shard.groups.get(req.groupId);
    if (group === undefined) {
      // Only a committer outside group management (generation -1) creates a group here;
      // a generation for a group that does not exist is a stale one.
      if (req.generationId >= 0) return all(ErrorCode.ILLEGAL_GENERATION);
      group = new ClassicGroup(req.groupId, 'Empty', this.now());
      shard.groups.set(req.groupId, group);
    }
    const error = this.validateOffsetCommit(group, req.generationId, req.memberId, req.groupInstanceId);
    if (error !== ErrorCode.NONE) return all(error);
    const member = group.get(req.memberId);
    if (member !== undefined && (group.is('Stable') || group.is('PreparingRebalance'))) {
      // A commit shows the member is alive (the heartbeat answer tells it about a rebalance).
      this.scheduleHeartbeat(shard, group, member, member.sessionTimeoutMs);
    }
    const now = this.now();
    const expireTimestampMs = req.retentionTimeMs >= 0 ? now + req.retentionTimeMs : null;
    const errors = all(ErrorCode.NONE);
    const records: OffsetsRecord[] = [];
    const accepted: { index: number; topic: string; partition: number; value: OffsetAndMetadata }[] = [];
    req.partitions.forEach((p, index) => {
      const metadata = p.metadata ?? '';
      // Kafka compares the Java string length (UTF-16 code units).
      if (metadata.length > this.config.offsetMetadataMaxBytes) {
        errors[index] = ErrorCode.OFFSET_METADATA_TOO_LARGE;
        return;
      }
      const value: OffsetAndMetadata = {
        offset: p.offset,
        leaderEpoch: p.leaderEpoch,
        metadata,
        commitTimestampMs: p.commitTimestampMs < 0 ? now : p.commitTimestampMs,
        expireTimestampMs,
      };
      accepted.push({ index, topic: p.topic, partition: p.partition, value });
      records.push(offsetCommitRecord(req.groupId, p.topic, p.partition, value));
    });
    if (records.length === 0) return errors;
    for (const a of accepted) group.addPendingCommit(a.topic, a.partition, 1);
    try {
      await this.write(shard, records);
      if (this.isLive(shard, group) && !group.is('Dead')) {
        for (const a of accepted) group.putOffset(a.topic, a.partition, a.value);
      }
    } catch (e) {
      const code = commitAppendError(errorCodeOf(e));
      this.logger.warn({ groupId: req.groupId, errorCode: code, err: e }, 'offset commit failed');
      for (const a of accepted) errors[a.index] = code;
    } finally {
      for (const a of accepted) group.addPendingCommit(a.topic, a.partition, -1);
    }
    return errors;
  }

  /**
   * OffsetFetch for one group: the requested partitions (committed offset or -1), or all
   * of the group's when `topics` is null. Unknown groups have no offsets; that is not an
   * error. Commits still being written are not shown.
   */
  fetchOffsets(
    groupId: string,
    topics: readonly { name: string; partitions: readonly number[] }[] | null,
    requireStable = false,
  ): FetchResult {
    const result = this.fetchCommittedOffsets(groupId, topics);
    if (!requireStable || result.errorCode !== ErrorCode.NONE) return result;
    // KIP-447: a partition with a transactional commit not yet decided is unstable.
    for (const t of result.topics) {
      for (const p of t.partitions) {
        if (this.hasPendingTxnOffsets(groupId, t.name, p.partition)) {
          p.errorCode = ErrorCode.UNSTABLE_OFFSET_COMMIT;
          p.offset = -1n;
          p.leaderEpoch = -1;
          p.metadata = '';
        }
      }
    }
    return result;
  }

  private fetchCommittedOffsets(
    groupId: string,
    topics: readonly { name: string; partitions: readonly number[] }[] | null,
  ): FetchResult {
    const shard = this.route(groupId);
    if (typeof shard === 'number') return { errorCode: shard, topics: [] };
    const group = shard.groups.get(groupId);
    const live = group !== undefined && !group.is('Dead') ? group : undefined;
    const result: FetchResult = { errorCode: ErrorCode.NONE, topics: [] };
    const fetched = (partition: number, o: OffsetAndMetadata | undefined): FetchedOffset =>
      o === undefined
        ? { partition, offset: -1n, leaderEpoch: -1, metadata: '', errorCode: ErrorCode.NONE }
        : { partition, offset: o.offset, leaderEpoch: o.leaderEpoch, metadata: o.metadata, errorCode: ErrorCode.NONE };
    if (topics === null) {
      if (live === undefined) return result;
      for (const [name, byPartition] of live.offsets) {
        const partitions = [...byPartition.entries()].sort((a, b) => a[0] - b[0]).map(([p, o]) => fetched(p, o));
        result.topics.push({ name, partitions });
      }
      return result;
    }
    for (const t of topics) {
      result.topics.push({ name: t.name, partitions: t.partitions.map((p) => fetched(p, live?.offset(t.name, p))) });
    }
    return result;
  }

  // ------------------------------------------------------------------------------------
  // ListGroups, DescribeGroups, DeleteGroups, OffsetDelete

  /**
   * Every group on this broker's shards (not Dead), filtered by state and type (both
   * case-insensitive, empty: all). COORDINATOR_LOAD_IN_PROGRESS while any shard loads,
   * with the groups of the others.
   */
  listGroups(
    statesFilter: readonly string[],
    typesFilter: readonly string[],
  ): { errorCode: number; groups: ListedGroup[] } {
    if (!this.active) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, groups: [] };
    const states = new Set(statesFilter.map((s) => s.toLowerCase()));
    const types = new Set(typesFilter.map((s) => s.toLowerCase()));
    let errorCode: number = ErrorCode.NONE;
    const groups: ListedGroup[] = [];
    if (types.size > 0 && !types.has(CLASSIC_GROUP_TYPE)) return { errorCode, groups };
    for (const shard of this.shards.values()) {
      if (shard.state === 'loading') errorCode = ErrorCode.COORDINATOR_LOAD_IN_PROGRESS;
      if (shard.state !== 'active') continue;
      for (const g of shard.groups.values()) {
        if (g.is('Dead')) continue;
        if (states.size > 0 && !states.has(g.state.toLowerCase())) continue;
        groups.push({
          groupId: g.groupId,
          protocolType: g.protocolType ?? '',
          groupState: g.state,
          groupType: CLASSIC_GROUP_TYPE,
        });
      }
    }
    return { errorCode, groups };
  }

  /**
   * DescribeGroups for one group: a Stable group shows its protocol and each member's
   * metadata and assignment; in other states members are listed without them. A group
   * that does not exist is described as Dead, without error (as Kafka before KIP-1043).
   */
  describeGroup(groupId: string): DescribedGroup {
    const described: DescribedGroup = {
      errorCode: ErrorCode.NONE,
      groupId,
      groupState: '',
      protocolType: '',
      protocolData: '',
      members: [],
    };
    const shard = this.route(groupId);
    if (typeof shard === 'number') {
      described.errorCode = shard;
      return described;
    }
    const group = shard.groups.get(groupId);
    if (group === undefined) {
      described.groupState = 'Dead';
      return described;
    }
    described.groupState = group.state;
    described.protocolType = group.protocolType ?? '';
    const stable = group.is('Stable');
    if (stable) described.protocolData = group.protocolName ?? '';
    for (const m of group.members.values()) {
      described.members.push({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: stable ? m.metadata(group.protocolName ?? '') : EMPTY,
        assignment: stable ? m.assignment : EMPTY,
      });
    }
    return described;
  }

  /** DeleteGroups: empty groups go with their offsets (tombstones); others get NON_EMPTY_GROUP. */
  async deleteGroups(groupIds: readonly string[]): Promise<Map<string, number>> {
    const results = new Map<string, number>();
    const byShard = new Map<Shard, ClassicGroup[]>();
    for (const groupId of groupIds) {
      if (results.has(groupId)) continue;
      const shard = this.route(groupId);
      if (typeof shard === 'number') {
        results.set(groupId, shard);
        continue;
      }
      const group = shard.groups.get(groupId);
      if (group === undefined || group.is('Dead')) {
        results.set(groupId, ErrorCode.GROUP_ID_NOT_FOUND);
      } else if (!group.is('Empty')) {
        results.set(groupId, ErrorCode.NON_EMPTY_GROUP);
      } else {
        group.transitionTo('Dead', this.now());
        const list = byShard.get(shard) ?? [];
        list.push(group);
        byShard.set(shard, list);
      }
    }
    await Promise.all(
      [...byShard].map(async ([shard, groups]) => {
        const records: OffsetsRecord[] = [];
        for (const g of groups) records.push(...this.tombstones(g, null), groupMetadataRecord(g.groupId, null));
        try {
          await this.write(shard, records);
          for (const g of groups) {
            if (this.isLive(shard, g)) shard.groups.delete(g.groupId);
            results.set(g.groupId, ErrorCode.NONE);
          }
          this.logger.info({ groups: groups.map((g) => g.groupId) }, 'deleted groups');
        } catch (e) {
          const code = groupAppendError(errorCodeOf(e));
          for (const g of groups) {
            // Not deleted after all: back to Empty (a direct reset; Dead has no way back).
            if (g.is('Dead')) g.state = 'Empty';
            results.set(g.groupId, code);
          }
        }
      }),
    );
    return results;
  }

  /** Tombstones for the group's offsets (all, or those of `partitions`). */
  private tombstones(
    group: ClassicGroup,
    partitions: readonly { topic: string; partition: number }[] | null,
  ): OffsetsRecord[] {
    const records: OffsetsRecord[] = [];
    if (partitions === null) {
      for (const [topic, byPartition] of group.offsets) {
        for (const p of byPartition.keys()) records.push(offsetCommitRecord(group.groupId, topic, p, null));
      }
    } else {
      for (const { topic, partition } of partitions) {
        if (group.offset(topic, partition) !== undefined) {
          records.push(offsetCommitRecord(group.groupId, topic, partition, null));
        }
      }
    }
    return records;
  }

  /**
   * OffsetDelete (KIP-496): any offsets of an empty group; of a consumer group with
   * members, only those of topics it is not subscribed to (GROUP_SUBSCRIBED_TO_TOPIC for
   * the others); NON_EMPTY_GROUP for groups with members of another protocol type.
   */
  async deleteOffsets(
    groupId: string,
    partitions: readonly { topic: string; partition: number }[],
  ): Promise<{ errorCode: number; partitions: number[] }> {
    if (groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID, partitions: [] };
    const shard = this.route(groupId);
    if (typeof shard === 'number') return { errorCode: shard, partitions: [] };
    const group = shard.groups.get(groupId);
    if (group === undefined || group.is('Dead')) return { errorCode: ErrorCode.GROUP_ID_NOT_FOUND, partitions: [] };
    const errors = partitions.map(() => ErrorCode.NONE as number);
    const eligible: { topic: string; partition: number }[] = [];
    if (group.is('Empty')) {
      eligible.push(...partitions);
    } else if (group.protocolType === CONSUMER_PROTOCOL_TYPE) {
      partitions.forEach((p, i) => {
        // When the subscriptions cannot be read, every topic counts as subscribed (to be safe).
        if (group.subscribedTopics === null || group.subscribedTopics.has(p.topic)) {
          errors[i] = ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC;
        } else {
          eligible.push(p);
        }
      });
    } else {
      return { errorCode: ErrorCode.NON_EMPTY_GROUP, partitions: [] };
    }
    const records = this.tombstones(group, eligible);
    if (records.length === 0) return { errorCode: ErrorCode.NONE, partitions: errors };
    // As Kafka's cleanupGroupMetadata: an empty group whose last offsets go goes too.
    const removesAll =
      group.is('Empty') &&
      group.pendingOffsetCommits.size === 0 &&
      [...group.offsets.values()].reduce((n, m) => n + m.size, 0) === records.length;
    if (removesAll) {
      group.transitionTo('Dead', this.now());
      records.push(groupMetadataRecord(groupId, null));
    }
    try {
      await this.write(shard, records);
      for (const p of eligible) group.removeOffset(p.topic, p.partition);
      if (removesAll && this.isLive(shard, group)) shard.groups.delete(groupId);
      return { errorCode: ErrorCode.NONE, partitions: errors };
    } catch (e) {
      if (removesAll && group.is('Dead')) group.state = 'Empty';
      return { errorCode: groupAppendError(errorCodeOf(e)), partitions: [] };
    }
  }

  // ------------------------------------------------------------------------------------
  // Offset expiration and deleted topics

  private scheduleExpiration(): void {
    if (!this.active) return;
    this.expirationTimer = this.scheduler.schedule(this.config.offsetsRetentionCheckIntervalMs, () => {
      this.scheduleExpiration();
      // One pass at a time: a pass waits for the previous one's tombstones.
      this.expiring = this.expiring
        .then(() => this.expireOffsets())
        .then(
          () => undefined,
          (e: unknown) => this.logger.error({ err: e }, 'offset expiration failed'),
        );
    });
  }

  /**
   * Kafka's offset expiration (KIP-211), for each group:
   * - with a protocol type and no members: offsets expire offsets.retention.minutes
   *   after the group became empty (after their commit for groups stored without that
   *   time);
   * - a consumer group with members, knowing its subscriptions: offsets of topics it is
   *   not subscribed to expire that long after their commit;
   * - a group only used for offsets (no protocol type): that long after their commit;
   * - a commit with an expire timestamp (OffsetCommit v2-4 retention time) at that time.
   * Partitions with a commit being written are left alone. An empty group left without
   * offsets is deleted. Tombstones are written for everything removed.
   */
  async expireOffsets(): Promise<number> {
    if (!this.active) return 0;
    const now = this.now();
    const retentionMs = this.config.offsetsRetentionMs;
    let expired = 0;
    const writes: Promise<void>[] = [];
    for (const shard of this.shards.values()) {
      if (shard.state !== 'active') continue;
      const records: OffsetsRecord[] = [];
      const removed: { group: ClassicGroup; partitions: { topic: string; partition: number }[]; dead: boolean }[] = [];
      for (const group of shard.groups.values()) {
        if (group.is('Dead')) continue;
        const base = expirationBase(group);
        const partitions: { topic: string; partition: number }[] = [];
        let allExpired = true;
        for (const [topic, byPartition] of group.offsets) {
          for (const [partition, o] of byPartition) {
            const isExpired =
              base !== null &&
              !(
                group.protocolType === CONSUMER_PROTOCOL_TYPE &&
                !group.is('Empty') &&
                group.isSubscribedToTopic(topic)
              ) &&
              !group.hasPendingCommit(topic, partition) &&
              (o.expireTimestampMs !== null ? now >= o.expireTimestampMs : now - base(o) >= retentionMs);
            if (isExpired) {
              partitions.push({ topic, partition });
              records.push(offsetCommitRecord(group.groupId, topic, partition, null));
            } else {
              allExpired = false;
            }
          }
        }
        const dead = allExpired && group.is('Empty') && group.pendingOffsetCommits.size === 0;
        if (dead) {
          group.transitionTo('Dead', now);
          records.push(groupMetadataRecord(group.groupId, null));
        }
        if (partitions.length > 0 || dead) removed.push({ group, partitions, dead });
        expired += partitions.length;
      }
      if (records.length === 0) continue;
      writes.push(
        this.write(shard, records).then(
          () => {
            for (const r of removed) {
              for (const p of r.partitions) r.group.removeOffset(p.topic, p.partition);
              if (r.dead && this.isLive(shard, r.group)) shard.groups.delete(r.group.groupId);
            }
            this.logger.info(
              { partition: shard.partition, offsets: removed.reduce((n, r) => n + r.partitions.length, 0) },
              'removed expired offsets',
            );
          },
          (e: unknown) => {
            for (const r of removed) if (r.dead && r.group.is('Dead')) r.group.state = 'Empty';
            this.logger.warn({ partition: shard.partition, err: e }, 'writing offset expiration tombstones failed');
          },
        ),
      );
    }
    await Promise.all(writes);
    return expired;
  }

  /**
   * Offsets of deleted topics go at once, with tombstones (as Kafka's
   * onPartitionsDeleted), so a topic created again with the same name starts clean.
   */
  async onTopicsDeleted(topics: ReadonlySet<string>): Promise<void> {
    if (!this.active || topics.size === 0) return;
    const writes: Promise<void>[] = [];
    for (const shard of this.shards.values()) {
      if (shard.state !== 'active') continue;
      const records: OffsetsRecord[] = [];
      const removed: { group: ClassicGroup; topic: string; partition: number }[] = [];
      for (const group of shard.groups.values()) {
        for (const topic of topics) {
          for (const partition of group.offsets.get(topic)?.keys() ?? []) {
            records.push(offsetCommitRecord(group.groupId, topic, partition, null));
            removed.push({ group, topic, partition });
          }
        }
      }
      if (records.length === 0) continue;
      writes.push(
        this.write(shard, records).then(
          () => {
            for (const r of removed) r.group.removeOffset(r.topic, r.partition);
          },
          (e: unknown) => this.logger.warn({ err: e }, 'removing offsets of deleted topics failed'),
        ),
      );
    }
    await Promise.all(writes);
  }
}

/** The time each offset's retention runs from, or null when the group's offsets do not expire now. */
function expirationBase(group: ClassicGroup): ((o: OffsetAndMetadata) => number) | null {
  const stateTimestamp = group.currentStateTimestampMs;
  if (group.protocolType === null || group.protocolType === '') return (o) => o.commitTimestampMs;
  if (group.is('Empty')) return (o) => stateTimestamp ?? o.commitTimestampMs;
  if (group.protocolType === CONSUMER_PROTOCOL_TYPE && group.subscribedTopics !== null) {
    return (o) => o.commitTimestampMs;
  }
  return null;
}

/** The GroupMetadataValue Kafka writes for a group and an assignment. */
export function groupMetadataValue(group: ClassicGroup, assignment: ReadonlyMap<string, Buffer>): GroupMetadataValue {
  const v = new GroupMetadataValue();
  v.protocolType = group.protocolType ?? '';
  v.generation = group.generationId;
  v.protocol = group.protocolName;
  v.leader = group.leaderId;
  v.currentStateTimestamp = BigInt(group.currentStateTimestampMs ?? -1);
  for (const m of group.members.values()) {
    const mm = new MemberMetadata();
    mm.memberId = m.memberId;
    mm.groupInstanceId = m.groupInstanceId;
    mm.clientId = m.clientId;
    mm.clientHost = m.clientHost;
    mm.rebalanceTimeout = m.rebalanceTimeoutMs;
    mm.sessionTimeout = m.sessionTimeoutMs;
    mm.subscription = m.metadata(group.protocolName ?? '');
    mm.assignment = assignment.get(m.memberId) ?? EMPTY;
    v.members.push(mm);
  }
  return v;
}

/** A group as a GroupMetadataValue describes it: Stable with its members, or Empty. */
export function groupFromRecord(groupId: string, v: GroupMetadataValue): ClassicGroup {
  const stateTimestamp = v.currentStateTimestamp === -1n ? null : Number(v.currentStateTimestamp);
  const group = new ClassicGroup(groupId, v.members.length === 0 ? 'Empty' : 'Stable', stateTimestamp ?? 0);
  group.currentStateTimestampMs = stateTimestamp;
  group.generationId = v.generation;
  group.protocolName = v.protocol;
  for (const mm of v.members) {
    const member = new GroupMember(
      mm.memberId,
      mm.groupInstanceId,
      mm.clientId,
      mm.clientHost,
      // Records of version 0 have no rebalance timeout: the session timeout stood for it.
      mm.rebalanceTimeout < 0 ? mm.sessionTimeout : mm.rebalanceTimeout,
      mm.sessionTimeout,
      v.protocolType,
      // Copied: the record's bytes are a view of a whole read of the log.
      v.protocol === null ? [] : [{ name: v.protocol, metadata: Buffer.from(mm.subscription) }],
    );
    member.assignment = Buffer.from(mm.assignment);
    group.add(member, null);
  }
  group.protocolType = v.protocolType === '' ? null : v.protocolType;
  group.leaderId = v.leader;
  group.subscribedTopics = group.computeSubscribedTopics();
  return group;
}
