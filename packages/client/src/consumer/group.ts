/**
 * Group membership with the classic group protocol, and the group's offsets.
 *
 * Joining: FindCoordinator(GROUP) → JoinGroup (a first JoinGroup from v4 is answered
 * MEMBER_ID_REQUIRED with a member id, and the member joins again with it, KIP-394) →
 * the leader decodes every member's ConsumerProtocolSubscription, runs the assignor the
 * coordinator chose and sends each member's ConsumerProtocolAssignment in SyncGroup;
 * the others send an empty SyncGroup → heartbeats every heartbeat.interval.ms on the
 * 'coordinator' lane, from a timer: they never depend on the application polling.
 *
 * Rebalance protocols (KIP-429). Eager (when any configured assignor is eager-only):
 * before each join every owned partition is revoked (a commit first with auto commit,
 * then onPartitionsRevoked). Cooperative (every configured assignor supports it, e.g.
 * `['cooperative-sticky']`): owned partitions stay and keep being fetched; the
 * subscription lists them; after SyncGroup only what moved is revoked, and when
 * something was revoked the member joins again so that the partitions can move.
 *
 * Errors, as Kafka's ConsumerCoordinator: REBALANCE_IN_PROGRESS → rejoin;
 * ILLEGAL_GENERATION → partitions lost, rejoin with the same member id;
 * UNKNOWN_MEMBER_ID → partitions lost, rejoin with no member id; FENCED_INSTANCE_ID
 * (another member with this group.instance.id) → fatal, raised by poll;
 * NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE / network errors → find the coordinator
 * again and retry. A member without a successful heartbeat for session.timeout.ms
 * assumes it was dropped and treats its partitions as lost.
 *
 * Static members (group.instance.id, KIP-345) send the id in JoinGroup, SyncGroup,
 * Heartbeat and OffsetCommit, and do not leave the group on close.
 */
import {
  ApiKey,
  ErrorCode,
  HeartbeatRequest,
  type HeartbeatResponse,
  JoinGroupRequest,
  type JoinGroupResponse,
  LeaveGroupRequest,
  type LeaveGroupResponse,
  OffsetCommitRequest,
  type OffsetCommitResponse,
  OffsetFetchRequest,
  type OffsetFetchResponse,
  SyncGroupRequest,
  type SyncGroupResponse,
} from '@gregor/protocol';
import { JoinGroupRequestProtocol } from '@gregor/protocol/generated/messages/join-group-request';
import { MemberIdentity } from '@gregor/protocol/generated/messages/leave-group-request';
import {
  OffsetCommitRequestPartition,
  OffsetCommitRequestTopic,
} from '@gregor/protocol/generated/messages/offset-commit-request';
import {
  OffsetFetchRequestGroup,
  OffsetFetchRequestTopic,
  OffsetFetchRequestTopics,
} from '@gregor/protocol/generated/messages/offset-fetch-request';
import { SyncGroupRequestAssignment } from '@gregor/protocol/generated/messages/sync-group-request';
import { ClientClosedError, ConnectionError, KafkaError } from '../errors.js';
import { type Cluster, CoordinatorType } from '../network/cluster.js';
import { backoffDelay, sleep } from '../network/retry.js';
import type { TopicPartition } from '../types.js';
import { isCooperative, type MemberSubscription, type PartitionAssignor } from './assignors.js';
import {
  byTopic,
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
} from './consumer-protocol.js';
import { tpKey } from './fetcher.js';
import { type ResolvedConsumerOptions, TIMER_MAX_MS } from './options.js';

/** Errors after which the coordinator must be found again. */
const COORDINATOR_ERRORS = new Set<number>([
  ErrorCode.NOT_COORDINATOR,
  ErrorCode.COORDINATOR_NOT_AVAILABLE,
  ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
]);

/** The group's generation as the transactional producer needs it (KIP-447). */
export interface GroupMetadata {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId?: string | null;
}

/** An offset to commit. */
export interface OffsetAndMetadata extends TopicPartition {
  readonly offset: number;
  readonly metadata?: string;
  readonly leaderEpoch?: number;
}

/** What the group needs from the consumer around it. */
export interface GroupHooks {
  /** Topics to subscribe to right now (a RegExp subscription resolved against metadata). */
  subscribedTopics(): Promise<string[]>;
  /** The new assignment, for the fetcher. */
  setAssignment(partitions: readonly TopicPartition[]): void;
  /** Before partitions are revoked: commit them (auto commit) and call the listener. */
  revoked(partitions: TopicPartition[]): Promise<void>;
  assigned(partitions: TopicPartition[]): Promise<void>;
  lost(partitions: TopicPartition[]): Promise<void>;
  /** A fatal error: raised by the next poll. */
  fatal(error: Error): void;
}

type GroupState = 'unjoined' | 'joining' | 'stable' | 'closed';

export class ConsumerGroup {
  readonly groupId: string;
  private readonly cluster: Cluster;
  private readonly options: ResolvedConsumerOptions<unknown, unknown>;
  private readonly hooks: GroupHooks;
  readonly cooperative: boolean;
  memberId = '';
  generationId = -1;
  protocolName: string | null = null;
  state: GroupState = 'unjoined';
  /** Partitions owned in the current generation. */
  owned: TopicPartition[] = [];
  /** Partition counts of the subscribed topics at the last join: a change means rejoin. */
  joinedTopics = new Map<string, number>();
  /** This member's own topics at the last join. */
  subscribedAtJoin: readonly string[] = [];
  private rejoinNeeded = true;
  private fatalError: Error | null = null;
  private loop: Promise<void> | null = null;
  private wakeLoop: (() => void) | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private heartbeatInFlight = false;
  private lastHeartbeatOkMs = 0;
  private readonly abort = new AbortController();

  constructor(cluster: Cluster, options: ResolvedConsumerOptions<unknown, unknown>, hooks: GroupHooks) {
    if (options.groupId === null) throw new Error('a group needs a groupId');
    this.groupId = options.groupId;
    this.cluster = cluster;
    this.options = options;
    this.hooks = hooks;
    // Kafka picks the protocol every configured assignor supports, the most recent first.
    this.cooperative = options.assignors.every(isCooperative);
  }

  metadata(): GroupMetadata {
    return {
      groupId: this.groupId,
      generationId: this.generationId,
      memberId: this.memberId,
      groupInstanceId: this.options.groupInstanceId,
    };
  }

  /** Starts the membership loop (idempotent). */
  start(): void {
    if (this.loop !== null || this.state === 'closed') return;
    this.loop = this.runLoop();
  }

  /** Asks for a rebalance: the loop joins again. */
  requestRejoin(reason: string): void {
    if (this.state === 'closed') return;
    this.options.client.logger.debug({ groupId: this.groupId, reason }, 'rejoining the group');
    this.rejoinNeeded = true;
    this.wakeLoop?.();
  }

  private async runLoop(): Promise<void> {
    let attempt = 0;
    while (this.state !== 'closed' && this.fatalError === null) {
      if (!this.rejoinNeeded) {
        await new Promise<void>((resolve) => {
          this.wakeLoop = resolve;
        });
        this.wakeLoop = null;
        continue;
      }
      try {
        await this.joinOnce();
        attempt = 0;
      } catch (error) {
        if (this.isClosed()) break;
        if (!this.isRetriableGroupError(error)) {
          this.fail(error as Error);
          break;
        }
        if (
          error instanceof KafkaError &&
          (error.code === ErrorCode.UNKNOWN_MEMBER_ID || error.code === ErrorCode.ILLEGAL_GENERATION)
        ) {
          // Our generation is gone: what we still own (cooperative) belongs to others now.
          await this.losePartitions(error.code === ErrorCode.UNKNOWN_MEMBER_ID);
        }
        this.rejoinNeeded = true;
        const delay = backoffDelay(attempt, {
          backoffMs: this.options.client.retryBackoffMs,
          backoffMaxMs: this.options.client.retryBackoffMaxMs,
        });
        attempt++;
        this.options.client.logger.debug({ err: String(error), delay }, 'group join failed, retrying');
        try {
          await sleep(delay, this.abort.signal);
        } catch {
          break;
        }
      }
    }
  }

  private isRetriableGroupError(error: unknown): boolean {
    if (error instanceof ConnectionError) return true;
    if (!(error instanceof KafkaError)) return false;
    if (error.retriable) return true;
    return (
      error.code === ErrorCode.REBALANCE_IN_PROGRESS ||
      error.code === ErrorCode.UNKNOWN_MEMBER_ID ||
      error.code === ErrorCode.ILLEGAL_GENERATION ||
      error.code === ErrorCode.MEMBER_ID_REQUIRED
    );
  }

  private fail(error: Error): void {
    this.fatalError = error;
    this.stopHeartbeats();
    this.hooks.fatal(error);
  }

  /** One join + sync round. */
  private async joinOnce(): Promise<void> {
    if (!this.cooperative && this.owned.length > 0) {
      const revoked = this.owned;
      await this.hooks.revoked(revoked);
      this.owned = [];
      this.hooks.setAssignment([]);
    }
    this.state = 'joining';
    this.stopHeartbeats();
    // Only now: heartbeats during the revocation are answered REBALANCE_IN_PROGRESS for the
    // very rebalance this join answers, and must not ask for another one.
    this.rejoinNeeded = false;
    const topics = await this.hooks.subscribedTopics();
    await this.cluster.refreshMetadata(topics).catch(() => undefined);
    const joinedTopics = new Map<string, number>();
    for (const t of topics) {
      const info = this.cluster.topic(t);
      if (info !== undefined) joinedTopics.set(t, info.partitions.length);
    }
    this.joinedTopics = joinedTopics;
    this.subscribedAtJoin = topics;

    const join = await this.sendJoin(topics);
    if (this.isClosed()) throw new ClientClosedError('consumer');
    this.generationId = join.generationId;
    this.memberId = join.memberId;
    this.protocolName = join.protocolName;
    const assignor = this.options.assignors.find((a) => a.name === join.protocolName);
    if (assignor === undefined) {
      throw new KafkaError(
        ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
        `the group chose protocol '${join.protocolName}', not offered`,
      );
    }
    let assignments: SyncGroupRequestAssignment[] = [];
    if (join.leader === join.memberId && !join.skipAssignment) {
      assignments = await this.assign(assignor, join);
    }
    const sync = await this.cluster.coordinatorRequest<SyncGroupResponse>(
      CoordinatorType.GROUP,
      this.groupId,
      ApiKey.SyncGroup,
      (version) => {
        const r = new SyncGroupRequest();
        r.groupId = this.groupId;
        r.generationId = this.generationId;
        r.memberId = this.memberId;
        if (version >= 3) r.groupInstanceId = this.options.groupInstanceId;
        if (version >= 5) {
          r.protocolType = 'consumer';
          r.protocolName = join.protocolName;
        }
        r.assignments = assignments;
        return r;
      },
      {
        signal: this.abort.signal,
        minVersion: this.options.groupInstanceId !== null ? 3 : 0,
        timeoutMs: Math.min(this.options.maxPollIntervalMs + 5_000, TIMER_MAX_MS),
      },
    );
    if (sync.errorCode !== 0) throw this.groupError(sync.errorCode, 'SyncGroup');
    const assigned = decodeAssignment(sync.assignment).partitions;
    if (this.isClosed()) throw new ClientClosedError('consumer');
    // In the group from here, as Kafka: heartbeats go on while the listeners run (a slow
    // onPartitionsAssigned must not outlast session.timeout.ms without one).
    this.state = 'stable';
    this.lastHeartbeatOkMs = Date.now();
    this.startHeartbeats();
    await this.applyAssignment(assigned);
  }

  private async sendJoin(topics: string[]): Promise<JoinGroupResponse> {
    const protocols: JoinGroupRequestProtocol[] = [];
    for (const a of this.options.assignors) {
      const p = new JoinGroupRequestProtocol();
      p.name = a.name;
      p.metadata = encodeSubscription({
        topics,
        userData: a.subscriptionUserData?.(topics) ?? null,
        ownedPartitions: this.cooperative ? this.owned : [],
        generationId: this.cooperative ? this.generationId : -1,
        rackId: this.options.clientRack === '' ? null : this.options.clientRack,
      });
      protocols.push(p);
    }
    // MEMBER_ID_REQUIRED answers once with the id to use (KIP-394); bounded just in case.
    for (let round = 0; round < 3; round++) {
      const response = await this.cluster.coordinatorRequest<JoinGroupResponse>(
        CoordinatorType.GROUP,
        this.groupId,
        ApiKey.JoinGroup,
        (version) => {
          const r = new JoinGroupRequest();
          r.groupId = this.groupId;
          r.sessionTimeoutMs = this.options.sessionTimeoutMs;
          if (version >= 1) r.rebalanceTimeoutMs = this.options.maxPollIntervalMs;
          r.memberId = this.memberId;
          if (version >= 5) r.groupInstanceId = this.options.groupInstanceId;
          r.protocolType = 'consumer';
          r.protocols = protocols;
          return r;
        },
        {
          signal: this.abort.signal,
          minVersion: this.options.groupInstanceId !== null ? 5 : 0,
          // The coordinator holds JoinGroup until every member rejoined (rebalance timeout).
          timeoutMs: Math.min(this.options.maxPollIntervalMs + 5_000, TIMER_MAX_MS),
        },
      );
      if (response.errorCode === ErrorCode.MEMBER_ID_REQUIRED) {
        this.memberId = response.memberId;
        continue;
      }
      if (response.errorCode !== 0) throw this.groupError(response.errorCode, 'JoinGroup');
      return response;
    }
    throw new KafkaError(ErrorCode.MEMBER_ID_REQUIRED, 'JoinGroup kept asking for a member id', { retriable: true });
  }

  /** The leader's part: run the assignor over every member's subscription. */
  private async assign(assignor: PartitionAssignor, join: JoinGroupResponse): Promise<SyncGroupRequestAssignment[]> {
    const members: Array<MemberSubscription & { version: number }> = [];
    for (const m of join.members) members.push(decodeSubscription(m.memberId, m.groupInstanceId, m.metadata));
    const allTopics = [...new Set(members.flatMap((m) => [...m.topics]))].sort();
    if (allTopics.length > 0) await this.cluster.refreshMetadata(allTopics);
    const partitionsPerTopic = new Map<string, number>();
    for (const t of allTopics) {
      const info = this.cluster.topic(t);
      if (info !== undefined && info.partitions.length > 0) partitionsPerTopic.set(t, info.partitions.length);
    }
    // The leader watches every member's topics: a partition count change means a rebalance.
    for (const [t, count] of partitionsPerTopic) this.joinedTopics.set(t, count);
    const result = assignor.assign(members, partitionsPerTopic);
    const out: SyncGroupRequestAssignment[] = [];
    for (const m of members) {
      const a = result.get(m.memberId);
      const r = new SyncGroupRequestAssignment();
      r.memberId = m.memberId;
      r.assignment = encodeAssignment(a?.partitions ?? [], a?.userData ?? null, m.version);
      out.push(r);
    }
    return out;
  }

  private async applyAssignment(assigned: TopicPartition[]): Promise<void> {
    const before = new Set(this.owned.map((tp) => tpKey(tp.topic, tp.partition)));
    const after = new Set(assigned.map((tp) => tpKey(tp.topic, tp.partition)));
    const revoked = this.owned.filter((tp) => !after.has(tpKey(tp.topic, tp.partition)));
    const added = assigned.filter((tp) => !before.has(tpKey(tp.topic, tp.partition)));
    if (this.cooperative && revoked.length > 0) {
      // The generation is current again (state 'stable'), so the commit of the revoked partitions counts.
      const generation = this.generationId;
      await this.hooks.revoked(revoked);
      // Dropped from the group meanwhile (a heartbeat said so): nothing is ours any more.
      if (this.generationId !== generation || this.state !== 'stable') return;
      this.rejoinNeeded = true;
    }
    this.owned = assigned;
    this.hooks.setAssignment(assigned);
    await this.hooks.assigned(this.cooperative ? added : assigned);
  }

  /** Partitions are gone without a revocation (the member was dropped from the group). */
  private async losePartitions(resetMemberId: boolean): Promise<void> {
    const lost = this.owned;
    this.owned = [];
    this.generationId = -1;
    if (resetMemberId) this.memberId = '';
    this.state = 'unjoined';
    this.stopHeartbeats();
    this.hooks.setAssignment([]);
    if (lost.length > 0) await this.hooks.lost(lost);
  }

  private groupError(code: number, what: string): KafkaError {
    if (COORDINATOR_ERRORS.has(code)) this.cluster.invalidateCoordinator(CoordinatorType.GROUP, this.groupId);
    if (code === ErrorCode.UNKNOWN_MEMBER_ID) this.memberId = '';
    return new KafkaError(code, `${what} of group '${this.groupId}'`);
  }

  // ---- heartbeats -------------------------------------------------------------

  private startHeartbeats(): void {
    this.stopHeartbeats();
    this.heartbeatTimer = setTimeout(() => this.heartbeat(), this.options.heartbeatIntervalMs);
  }

  private stopHeartbeats(): void {
    if (this.heartbeatTimer !== null) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private heartbeat(): void {
    this.heartbeatTimer = null;
    if (this.state !== 'stable' || this.heartbeatInFlight) return;
    if (Date.now() - this.lastHeartbeatOkMs > this.options.sessionTimeoutMs) {
      // The coordinator has dropped us by now: our partitions belong to someone else.
      void this.losePartitions(false).then(() => this.requestRejoin('no heartbeat for session.timeout.ms'));
      return;
    }
    const generation = this.generationId;
    this.heartbeatInFlight = true;
    this.cluster
      .coordinatorRequest<HeartbeatResponse>(
        CoordinatorType.GROUP,
        this.groupId,
        ApiKey.Heartbeat,
        (version) => {
          const r = new HeartbeatRequest();
          r.groupId = this.groupId;
          r.generationId = generation;
          r.memberId = this.memberId;
          if (version >= 3) r.groupInstanceId = this.options.groupInstanceId;
          return r;
        },
        {
          signal: this.abort.signal,
          minVersion: this.options.groupInstanceId !== null ? 3 : 0,
          timeoutMs: Math.min(this.options.client.requestTimeoutMs, this.options.sessionTimeoutMs),
        },
      )
      .then(
        (response) => this.onHeartbeat(response.errorCode, generation),
        (error: unknown) => {
          if (error instanceof ConnectionError || (error instanceof KafkaError && error.retriable)) {
            this.cluster.invalidateCoordinator(CoordinatorType.GROUP, this.groupId);
          }
        },
      )
      .finally(() => {
        this.heartbeatInFlight = false;
        if (this.state === 'stable' && this.heartbeatTimer === null) this.startHeartbeats();
      });
  }

  private onHeartbeat(code: number, generation: number): void {
    if (this.state !== 'stable' || generation !== this.generationId) return;
    switch (code) {
      case 0:
        this.lastHeartbeatOkMs = Date.now();
        return;
      case ErrorCode.REBALANCE_IN_PROGRESS:
        this.lastHeartbeatOkMs = Date.now();
        this.requestRejoin('the coordinator started a rebalance');
        return;
      case ErrorCode.ILLEGAL_GENERATION:
        void this.losePartitions(false).then(() => this.requestRejoin('illegal generation'));
        return;
      case ErrorCode.UNKNOWN_MEMBER_ID:
        void this.losePartitions(true).then(() => this.requestRejoin('unknown member id'));
        return;
      case ErrorCode.FENCED_INSTANCE_ID:
        this.fail(
          new KafkaError(code, `group.instance.id '${this.options.groupInstanceId}' was fenced by another member`),
        );
        return;
      default:
        if (COORDINATOR_ERRORS.has(code)) {
          this.cluster.invalidateCoordinator(CoordinatorType.GROUP, this.groupId);
          return;
        }
        this.fail(new KafkaError(code, `Heartbeat of group '${this.groupId}'`));
    }
  }

  // ---- offsets --------------------------------------------------------------------

  /**
   * Commits `offsets` (OffsetCommit with this member's generation, or as a simple
   * consumer when not in a group). Retries coordinator errors; a commit refused
   * because the group rebalanced (REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION,
   * UNKNOWN_MEMBER_ID) asks for a rejoin and throws that KafkaError (Kafka's
   * CommitFailedException / RebalanceInProgressException).
   */
  async commit(offsets: readonly OffsetAndMetadata[], subscribed: boolean, signal?: AbortSignal): Promise<void> {
    if (offsets.length === 0) return;
    if (subscribed && this.state !== 'stable') {
      throw new KafkaError(
        ErrorCode.REBALANCE_IN_PROGRESS,
        `commit failed: group '${this.groupId}' is rebalancing; the partitions may have moved, poll again`,
      );
    }
    const generation = subscribed ? this.generationId : -1;
    const memberId = subscribed ? this.memberId : '';
    const byTopicMap = new Map<string, OffsetAndMetadata[]>();
    for (const o of offsets) {
      let list = byTopicMap.get(o.topic);
      if (list === undefined) {
        list = [];
        byTopicMap.set(o.topic, list);
      }
      list.push(o);
    }
    await this.cluster.retry(
      async () => {
        const response = await this.cluster.coordinatorRequest<OffsetCommitResponse>(
          CoordinatorType.GROUP,
          this.groupId,
          ApiKey.OffsetCommit,
          (version) => {
            const r = new OffsetCommitRequest();
            r.groupId = this.groupId;
            r.generationIdOrMemberEpoch = generation;
            r.memberId = memberId;
            if (version >= 7) r.groupInstanceId = subscribed ? this.options.groupInstanceId : null;
            for (const [topic, list] of byTopicMap) {
              const t = new OffsetCommitRequestTopic();
              t.name = topic;
              for (const o of list) {
                const p = new OffsetCommitRequestPartition();
                p.partitionIndex = o.partition;
                p.committedOffset = BigInt(o.offset);
                if (version >= 6) p.committedLeaderEpoch = o.leaderEpoch ?? -1;
                p.committedMetadata = o.metadata ?? '';
                t.partitions.push(p);
              }
              r.topics.push(t);
            }
            return r;
          },
          { signal, minVersion: subscribed && this.options.groupInstanceId !== null ? 7 : 0 },
        );
        let first: KafkaError | null = null;
        for (const t of response.topics) {
          for (const p of t.partitions) {
            if (p.errorCode === 0 || first !== null) continue;
            first = new KafkaError(p.errorCode, `commit of ${t.name}-${p.partitionIndex} failed`, {
              topic: t.name,
              partition: p.partitionIndex,
            });
          }
        }
        if (first === null) return;
        if (COORDINATOR_ERRORS.has(first.code)) {
          this.cluster.invalidateCoordinator(CoordinatorType.GROUP, this.groupId);
          throw new KafkaError(first.code, first.message, { retriable: true });
        }
        // A refusal for a generation this member already left behind (the commit was sent or
        // retried across a rebalance) says nothing of the current one.
        const current = generation === this.generationId && memberId === this.memberId;
        if (subscribed && first.code === ErrorCode.FENCED_INSTANCE_ID) this.fail(first);
        else if (subscribed && current) {
          if (first.code === ErrorCode.UNKNOWN_MEMBER_ID || first.code === ErrorCode.ILLEGAL_GENERATION) {
            await this.losePartitions(first.code === ErrorCode.UNKNOWN_MEMBER_ID);
            this.requestRejoin('commit refused by the coordinator');
          } else if (first.code === ErrorCode.REBALANCE_IN_PROGRESS) {
            this.requestRejoin('commit refused: rebalance in progress');
          }
        }
        throw first;
      },
      { signal },
    );
  }

  /** Committed offsets (OffsetFetch, requiring stable offsets); null where none. */
  async committed(partitions: readonly TopicPartition[], signal?: AbortSignal): Promise<Map<string, number | null>> {
    const out = new Map<string, number | null>();
    if (partitions.length === 0) return out;
    const grouped = byTopic(partitions);
    await this.cluster.retry(
      async () => {
        const response = await this.cluster.coordinatorRequest<OffsetFetchResponse>(
          CoordinatorType.GROUP,
          this.groupId,
          ApiKey.OffsetFetch,
          (version) => {
            const r = new OffsetFetchRequest();
            if (version >= 7) r.requireStable = true;
            if (version >= 8) {
              const g = new OffsetFetchRequestGroup();
              g.groupId = this.groupId;
              g.topics = [];
              for (const [topic, list] of grouped) {
                const t = new OffsetFetchRequestTopics();
                t.name = topic;
                t.partitionIndexes = list;
                g.topics.push(t);
              }
              r.groups = [g];
            } else {
              r.groupId = this.groupId;
              r.topics = [];
              for (const [topic, list] of grouped) {
                const t = new OffsetFetchRequestTopic();
                t.name = topic;
                t.partitionIndexes = list;
                r.topics.push(t);
              }
            }
            return r;
          },
          { signal, minVersion: 1 },
        );
        const group = response.groups[0];
        const errorCode = group !== undefined ? group.errorCode : response.errorCode;
        if (errorCode !== 0) {
          const error = this.groupError(errorCode, 'OffsetFetch');
          throw COORDINATOR_ERRORS.has(errorCode)
            ? new KafkaError(errorCode, error.message, { retriable: true })
            : error;
        }
        const topics = group !== undefined ? group.topics : response.topics;
        for (const t of topics) {
          for (const p of t.partitions) {
            if (p.errorCode !== 0) {
              throw new KafkaError(p.errorCode, `OffsetFetch of ${t.name}-${p.partitionIndex}`, {
                topic: t.name,
                partition: p.partitionIndex,
              });
            }
            const offset = Number(p.committedOffset);
            out.set(tpKey(t.name, p.partitionIndex), offset >= 0 ? offset : null);
          }
        }
      },
      { signal },
    );
    return out;
  }

  /** Leaves the group (dynamic members only, as Kafka) and stops every timer. */
  async close(leave: boolean): Promise<void> {
    const wasMember = this.state === 'stable' || this.state === 'joining';
    this.state = 'closed';
    this.stopHeartbeats();
    this.wakeLoop?.();
    this.abort.abort(new ClientClosedError('consumer'));
    if (leave && wasMember) await this.sendLeave('the consumer is closing');
  }

  /**
   * max.poll.interval.ms passed without a poll: leave (dynamic members; a static member
   * just stops heartbeating, as Kafka), partitions lost, no rejoin until asked.
   */
  async leaveForPollTimeout(): Promise<void> {
    if (this.state !== 'stable') return;
    // No heartbeat after the LeaveGroup: it would be answered UNKNOWN_MEMBER_ID and rejoin.
    this.state = 'unjoined';
    this.stopHeartbeats();
    await this.sendLeave('max.poll.interval.ms passed without a poll');
    await this.losePartitions(this.options.groupInstanceId === null);
  }

  private async sendLeave(reason: string): Promise<void> {
    if (this.memberId === '' || this.options.groupInstanceId !== null) return;
    try {
      const response = await this.cluster.coordinatorRequest<LeaveGroupResponse>(
        CoordinatorType.GROUP,
        this.groupId,
        ApiKey.LeaveGroup,
        (version) => {
          const r = new LeaveGroupRequest();
          r.groupId = this.groupId;
          if (version >= 3) {
            const m = new MemberIdentity();
            m.memberId = this.memberId;
            if (version >= 5) m.reason = reason;
            r.members = [m];
          } else r.memberId = this.memberId;
          return r;
        },
        { timeoutMs: Math.min(this.options.client.requestTimeoutMs, 5_000) },
      );
      if (response.errorCode !== 0) {
        this.options.client.logger.debug({ code: response.errorCode }, 'LeaveGroup failed');
      }
    } catch (error) {
      this.options.client.logger.debug({ err: String(error) }, 'LeaveGroup failed');
    }
  }

  private isClosed(): boolean {
    return this.state === 'closed';
  }
}
