/**
 * A partition this broker hosts, as leader or follower (Kafka's Partition): its log, its
 * high watermark, the ISR, the fsync group commit for acks=-1, and the waiters woken by
 * appends.
 *
 * Leader: the high watermark is the smallest log end offset over the ISR, counting what
 * reached the leader's own file (on a single node, with ISR = itself, the end of what
 * reached the file, as before replication). It only moves forward. acks=-1 is answered
 * once the high watermark passes the batch and, when `gregor.log.durable` is on, the
 * leader has fsynced it (concurrent acks=-1 produces share fsyncs: one in flight, the
 * next covering everything written meanwhile). Followers count their fetch offset, as in
 * Kafka (they do not fsync before fetching on). The ISR grows when a follower reaches the
 * high watermark and this epoch's start, and shrinks when one has not been caught up for
 * replica.lag.time.max.ms; changes go to the controller through AlterPartition (KIP-497),
 * one at a time, and while one is pending the high watermark counts the larger ISR.
 *
 * Follower: appends what the replica fetcher brings (offsets and epochs as the leader
 * wrote them), keeps the producer state and transaction index as the leader does, and
 * takes the leader's high watermark bounded by its own log end. Truncations run through
 * `followerOp` so that becoming leader waits for them.
 *
 * Idempotent producers (KIP-98): the producer state is checked and updated in the same
 * synchronous step in which the log assigns the batch its offsets, so batches of one
 * producer in flight together see each other in order, and the snapshot the log takes
 * when it rolls (inside that step) holds exactly the batches below the roll offset.
 * Kafka updates the state after the segment append succeeded; here the bytes reach the
 * file later, but a failed write fails the whole log (appends refused until it is
 * reopened, which rebuilds the state from the disk), so no batch the state knows can be
 * missing from a log that still takes appends.
 */
import type { Uuid } from '@gregor/protocol';
import { buildControlBatch, ControlRecordType, ErrorCode, RecordBatchView } from '@gregor/protocol';
import type { AppendResult, PartitionLog } from '@gregor/storage';
import { HEADER_BYTES, LogError } from '@gregor/storage';
import type { BatchMetadata, ProducerBatch } from './producer-state.js';
import {
  abortedTxnEntry,
  completeReplicatedTxn,
  ProducerStateManager,
  rebuildProducerState,
} from './producer-state.js';
import type {
  AlterPartitionResult,
  AlterPartitionSender,
  ReplicationClock,
  ReplicationConfig,
  ReplicationTimers,
} from './replica-transport.js';
import { DEFAULT_REPLICATION_CONFIG, ReplicationError, systemClock, systemTimers } from './replica-transport.js';

export type AppendListener = () => void;

export type ProducerAppendResult =
  | { kind: 'appended'; result: AppendResult }
  | { kind: 'duplicate'; batch: BatchMetadata }
  | { kind: 'error'; errorCode: number; message: string };

/** A transaction marker to write (the leader's half of WriteTxnMarkers, KIP-98). */
export interface TxnMarker {
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  /** true: ABORT; false: COMMIT. */
  isAborted: boolean;
  /** Default: now. */
  timestamp?: number;
}

export type TxnMarkerResult = { errorCode: number; message: string | null; offset: number };

/** Where a partition sits in replication (Kafka's Partition leader/follower state). */
export type ReplicaRole = 'leader' | 'follower';

/** The replication state of a partition, from the metadata image (or AlterPartition). */
export interface PartitionState {
  leaderId: number;
  leaderEpoch: number;
  partitionEpoch: number;
  replicas: readonly number[];
  isr: readonly number[];
}

/** What the leader knows of one follower, from its Fetch requests (Kafka's Replica). */
export interface FollowerState {
  readonly replicaId: number;
  /** The follower's fetch offset; -1 until it fetched in this leader epoch. */
  logEndOffset: number;
  brokerEpoch: number;
  lastFetchTimeMs: number;
  /** The leader's (written) log end at the follower's last fetch. */
  lastFetchLeaderLogEndOffset: number;
  /** The last time the follower had everything the leader had (its lag clock). */
  lastCaughtUpTimeMs: number;
}

/** A proposed ISR change waiting for the controller (KIP-497). */
interface PendingIsr {
  proposed: readonly number[];
  /** The ISR the high watermark counts while the change is pending: the larger of the two. */
  maximal: readonly number[];
}

/** What a partition needs from its replica manager. */
export interface PartitionEnv {
  nodeId: number;
  clock: ReplicationClock;
  timers: ReplicationTimers;
  config: ReplicationConfig;
  alterPartition: AlterPartitionSender | null;
  /**
   * Whether a caught-up follower may join the ISR (KIP-841): its broker is registered and
   * not fenced, and the broker epoch it fetched with (when known) is the registered one.
   */
  isReplicaEligible(replicaId: number, brokerEpoch: number): boolean;
  /**
   * Ends the Fetch broker `replicaId` is long-polling here, if any, at once: it does not
   * hold this partition (see afterLeaderAppend).
   */
  wakeFollowerFetch(replicaId: number): void;
  onEvent(level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>): void;
}

export interface AppendOptions {
  /** min.insync.replicas for acks=-1 (default 1). */
  minInsyncReplicas?: number;
  /** How long acks=-1 waits for the in-sync replicas (the produce request's timeoutMs). */
  timeoutMs?: number;
}

interface HighWatermarkWaiter {
  offset: number;
  minInsyncReplicas: number;
  resolve: () => void;
  reject: (e: Error) => void;
  timer: unknown;
}

const DEFAULT_ENV: PartitionEnv = {
  nodeId: -1,
  clock: systemClock,
  timers: systemTimers,
  config: DEFAULT_REPLICATION_CONFIG,
  alterPartition: null,
  isReplicaEligible: () => true,
  wakeFollowerFetch: () => undefined,
  onEvent: () => undefined,
};

export class Partition {
  /** Set while a new leader epoch's start is being recorded; appends wait for it. */
  private becomingLeader: Promise<void> | null = null;

  /** Settles once the leadership being taken now is in place (null: none under way). */
  get leadershipPending(): Promise<void> | null {
    return this.becomingLeader;
  }
  leaderEpoch: number;
  /** Bumped by the controller on every change of leader, replicas or ISR. */
  partitionEpoch = 0;
  leaderId: number;
  replicas: readonly number[];
  /** The committed ISR (from the image or an AlterPartition answer). */
  isr: readonly number[];
  /** Where this leader's epoch starts: a follower joins the ISR only once it has reached it. */
  leaderEpochStartOffset = 0;
  private roleValue: ReplicaRole = 'leader';
  /** False until the replica manager applied a state from the image (the first one is always new). */
  private stateApplied = false;
  private pendingIsr: PendingIsr | null = null;
  private alterRetryAtMs = 0;
  private readonly followers = new Map<number, FollowerState>();
  private readonly listeners = new Set<AppendListener>();
  private readonly logAppendListeners = new Set<AppendListener>();
  private readonly hwWaiters: HighWatermarkWaiter[] = [];
  private flushing: Promise<number> | null = null;
  /** Settles when the last batch accepted from a producer settled (never rejects). */
  private lastProducerAppend: Promise<void> = Promise.resolve();
  private producerOrder: Promise<unknown> = Promise.resolve();
  /** Truncations of a follower, awaited before the partition becomes leader. */
  private followerWork: Promise<unknown> = Promise.resolve();
  /**
   * Transactions whose marker is in the log but not yet below the high watermark: their
   * records stay unstable until it passes the marker (Kafka's unreplicatedTxns).
   */
  private readonly unreplicatedTxns: { firstOffset: number; lastOffset: number }[] = [];
  private readonly env: PartitionEnv;

  /**
   * A partition starts as the leader of a single-replica ISR (itself); the replica
   * manager then applies the image's state with `makeLeader` / `makeFollower`.
   */
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly topicId: Uuid,
    readonly log: PartitionLog,
    leaderEpoch: number,
    private readonly durable: boolean,
    readonly producers: ProducerStateManager = new ProducerStateManager(),
    env: Partial<PartitionEnv> = {},
  ) {
    this.env = { ...DEFAULT_ENV, ...env };
    this.leaderEpoch = leaderEpoch;
    this.leaderId = this.env.nodeId;
    this.replicas = [this.env.nodeId];
    this.isr = [this.env.nodeId];
    this.leaderEpochStartOffset = log.logEndOffset;
    this.maybeIncrementHighWatermark();
  }

  get role(): ReplicaRole {
    return this.roleValue;
  }

  get isLeader(): boolean {
    return this.roleValue === 'leader';
  }

  get highWatermark(): number {
    return this.log.highWatermark;
  }

  /** The ISR the high watermark and min.insync.replicas count: committed plus any pending addition. */
  get maximalIsr(): readonly number[] {
    return this.pendingIsr?.maximal ?? this.isr;
  }

  /** True while an AlterPartition is in flight for this partition. */
  get isrChangePending(): boolean {
    return this.pendingIsr !== null;
  }

  follower(replicaId: number): Readonly<FollowerState> | undefined {
    return this.followers.get(replicaId);
  }

  /**
   * The last stable offset (KIP-98): below it every transaction is decided. The first
   * offset of the oldest open (or not yet replicated) transaction, else the high watermark.
   */
  get lastStableOffset(): number {
    const hw = this.log.highWatermark;
    let lso = hw;
    const first = this.producers.firstUnstableOffset();
    if (first >= 0 && first < lso) lso = first;
    for (const t of this.unreplicatedTxns) {
      if (t.lastOffset >= hw && t.firstOffset >= 0 && t.firstOffset < lso) lso = t.firstOffset;
    }
    return lso;
  }

  get logStartOffset(): number {
    return this.log.logStartOffset;
  }

  get logEndOffset(): number {
    return this.log.logEndOffset;
  }

  // ------------------------------------------------------------------------------------
  // Role changes (Kafka's Partition.makeLeader / makeFollower)

  /**
   * Becomes (or stays) leader at `state.leaderEpoch`. A new epoch records its start
   * offset in the leader epoch cache (KIP-101) once every queued write is done, and
   * starts the followers' lag clocks afresh; the high watermark never moves back.
   * The same epoch with a newer partition epoch adopts the committed ISR.
   */
  async makeLeader(state: PartitionState): Promise<void> {
    if (state.leaderEpoch < this.leaderEpoch) return;
    const newEpoch = !this.stateApplied || !this.isLeader || state.leaderEpoch > this.leaderEpoch;
    this.stateApplied = true;
    if (!newEpoch && state.partitionEpoch <= this.partitionEpoch) return;
    if (newEpoch) {
      // Not leader while the epoch start is recorded; appends arriving meanwhile wait for
      // it (in their order) rather than being refused, so a producer that does not retry
      // in order (no idempotence) is not reordered by a refusal.
      this.roleValue = 'follower';
      this.leaderEpoch = state.leaderEpoch;
      let becameLeader = () => {};
      const becoming = new Promise<void>((resolve) => {
        becameLeader = resolve;
      });
      this.becomingLeader = becoming;
      try {
        await this.followerWork.catch(() => undefined);
        if (state.leaderEpoch > this.log.epochCache.latestEpoch()) {
          try {
            // A no-op truncation runs after every queued write and task (the log's own
            // epoch assignments included), so the checkpoint is written by one hand at a time.
            await this.log.truncateTo(this.log.logEndOffset);
            await this.log.epochCache.assign(state.leaderEpoch, this.log.logEndOffset);
          } catch (e) {
            this.env.onEvent('error', 'recording the leader epoch start failed', {
              partition: `${this.topic}-${this.partition}`,
              error: e instanceof Error ? e.message : String(e),
            });
          }
        }
        if (state.leaderEpoch < this.leaderEpoch) return; // a newer state arrived meanwhile
        this.leaderEpochStartOffset = this.log.logEndOffset;
        this.followers.clear();
      } finally {
        // Waiters resume after the rest of this step has made the partition leader.
        if (this.becomingLeader === becoming) this.becomingLeader = null;
        becameLeader();
      }
    }
    this.leaderEpoch = state.leaderEpoch;
    this.partitionEpoch = state.partitionEpoch;
    this.leaderId = this.env.nodeId;
    this.replicas = state.replicas;
    this.isr = state.isr;
    this.pendingIsr = null;
    const now = this.env.clock.now();
    for (const id of this.followers.keys()) if (!state.replicas.includes(id)) this.followers.delete(id);
    for (const id of state.replicas) {
      if (id === this.env.nodeId || this.followers.has(id)) continue;
      this.followers.set(id, {
        replicaId: id,
        logEndOffset: -1,
        brokerEpoch: -1,
        lastFetchTimeMs: 0,
        lastFetchLeaderLogEndOffset: -1,
        // ISR members get the full lag time to show up (Kafka resets them to now).
        lastCaughtUpTimeMs: state.isr.includes(id) ? now : 0,
      });
    }
    this.roleValue = 'leader';
    this.maybeIncrementHighWatermark();
    this.checkHighWatermarkWaiters();
  }

  /**
   * Becomes (or stays) a follower of `state.leaderId`. Produce waiters of the old
   * leadership fail with NOT_LEADER_OR_FOLLOWER and long polls wake to see it. Returns
   * true when the fetcher must (re)start for this partition (new leader or epoch).
   */
  makeFollower(state: PartitionState): boolean {
    if (state.leaderEpoch < this.leaderEpoch) return false;
    const changed =
      !this.stateApplied || this.isLeader || state.leaderEpoch > this.leaderEpoch || state.leaderId !== this.leaderId;
    this.stateApplied = true;
    this.roleValue = 'follower';
    this.leaderEpoch = state.leaderEpoch;
    this.partitionEpoch = Math.max(this.partitionEpoch, state.partitionEpoch);
    this.leaderId = state.leaderId;
    this.replicas = state.replicas;
    this.isr = state.isr;
    this.pendingIsr = null;
    this.followers.clear();
    if (changed) {
      this.failWaiters(
        new ReplicationError(
          ErrorCode.NOT_LEADER_OR_FOLLOWER,
          `${this.topic}-${this.partition} is now led by broker ${state.leaderId} (epoch ${state.leaderEpoch})`,
        ),
      );
      this.notify(this.listeners);
      this.notify(this.logAppendListeners);
    }
    return changed;
  }

  /** Stops: waiters fail (the partition is closed or gone from this broker). */
  close(): void {
    this.roleValue = 'follower';
    this.failWaiters(
      new ReplicationError(ErrorCode.NOT_LEADER_OR_FOLLOWER, `${this.topic}-${this.partition} is closed here`),
    );
    this.notify(this.listeners);
    this.notify(this.logAppendListeners);
  }

  private checkLeader(epoch: number): void {
    if (!this.isLeader || epoch !== this.leaderEpoch)
      throw new ReplicationError(
        ErrorCode.NOT_LEADER_OR_FOLLOWER,
        `This broker is not the leader of ${this.topic}-${this.partition}`,
      );
  }

  /** acks=-1 refuses before appending when the ISR is below min.insync.replicas (Kafka). */
  private enoughReplicasError(acks: number, opts: AppendOptions): ReplicationError | null {
    const min = opts.minInsyncReplicas ?? 1;
    if (acks !== -1 || this.isr.length >= min) return null;
    return new ReplicationError(
      ErrorCode.NOT_ENOUGH_REPLICAS,
      `The in-sync replicas of ${this.topic}-${this.partition} (${this.isr.join(',')}) are fewer than min.insync.replicas ${min}`,
    );
  }

  // ------------------------------------------------------------------------------------
  // Leader appends

  /** Appends validated batches from a producer; resolves per `acks`. */
  async append(records: Buffer, acks: number, opts: AppendOptions = {}): Promise<AppendResult> {
    if (this.becomingLeader !== null) await this.becomingLeader;
    const epoch = this.leaderEpoch;
    this.checkLeader(epoch);
    const refused = this.enoughReplicasError(acks, opts);
    if (refused !== null) throw refused;
    const result = await this.log.appendAsLeader(records, epoch);
    this.afterLeaderAppend();
    if (acks === -1) await this.waitForReplication(result.lastOffset + 1, opts);
    return result;
  }

  /**
   * Runs `fn` after every earlier call has finished: idempotent batches are checked and
   * accepted in the order they arrived, as Kafka handles one request per connection at a
   * time. `fn` must hand its batch to the log without waiting for the write.
   */
  inProducerOrder<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.producerOrder.then(fn, fn);
    this.producerOrder = run.catch(() => undefined);
    return run;
  }

  /**
   * Appends a batch from an idempotent producer: checked against the producer state,
   * accepted (state updated) synchronously in this call, then settled per `acks`. A
   * duplicate is answered with the original batch once that one is as far as `acks`
   * asks (in the file; replicated and fsynced for acks=-1), as its own answer would have been.
   */
  async appendFromProducer(
    records: Buffer,
    acks: number,
    batch: ProducerBatch,
    opts: AppendOptions = {},
  ): Promise<ProducerAppendResult> {
    if (this.becomingLeader !== null) await this.becomingLeader;
    const epoch = this.leaderEpoch;
    if (!this.isLeader) {
      return {
        kind: 'error',
        errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER,
        message: `This broker is not the leader of ${this.topic}-${this.partition}`,
      };
    }
    const refused = this.enoughReplicasError(acks, opts);
    if (refused !== null) return { kind: 'error', errorCode: refused.errorCode, message: refused.message };
    const check = this.producers.check(batch);
    if (check.kind === 'error') return check;
    if (check.kind === 'duplicate') {
      const original = check.batch;
      if (this.log.writtenOffset <= original.lastOffset) await this.lastProducerAppend;
      if (this.log.writtenOffset <= original.lastOffset)
        throw new LogError(
          'KAFKA_STORAGE_ERROR',
          `the original of a duplicate batch at ${original.firstOffset} was not written`,
        );
      if (acks === -1) await this.waitForReplication(original.lastOffset + 1, opts);
      return { kind: 'duplicate', batch: original };
    }
    const before = this.log.logEndOffset;
    const pending = this.log.appendAsLeader(records, epoch);
    if (this.log.logEndOffset > before) {
      // Accepted: the log rewrote the base offset in place.
      const view = new RecordBatchView(records, 0);
      this.producers.update(batch, view.baseOffset, view.lastOffset, view.maxTimestamp);
      this.lastProducerAppend = pending.then(
        () => undefined,
        () => undefined,
      );
    }
    const result = await pending;
    this.afterLeaderAppend();
    if (acks === -1) await this.waitForReplication(result.lastOffset + 1, opts);
    return { kind: 'appended', result };
  }

  /**
   * Appends a COMMIT or ABORT marker for a producer's transaction, as the partition leader
   * does for WriteTxnMarkers: a control batch with the producer's id and epoch. The
   * producer's open transaction ends in the same synchronous step that assigns the
   * marker its offset; an abort adds its entry to the transaction index. A marker with
   * an older producer or coordinator epoch is refused. Run through `inProducerOrder`.
   */
  async appendTxnMarker(marker: TxnMarker, acks = -1, opts: AppendOptions = {}): Promise<TxnMarkerResult> {
    if (this.becomingLeader !== null) await this.becomingLeader;
    const epoch = this.leaderEpoch;
    if (!this.isLeader)
      return {
        errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER,
        message: `This broker is not the leader of ${this.topic}-${this.partition}`,
        offset: -1,
      };
    const refused = this.enoughReplicasError(acks, opts);
    if (refused !== null) return { errorCode: refused.errorCode, message: refused.message, offset: -1 };
    const check = this.producers.checkMarker(marker.producerId, marker.producerEpoch, marker.coordinatorEpoch);
    if (check.kind === 'error') return { errorCode: check.errorCode, message: check.message, offset: -1 };
    const timestamp = marker.timestamp ?? Date.now();
    const batch = buildControlBatch({
      producerId: marker.producerId,
      producerEpoch: marker.producerEpoch,
      coordinatorEpoch: marker.coordinatorEpoch,
      type: marker.isAborted ? ControlRecordType.ABORT : ControlRecordType.COMMIT,
      timestamp,
    });
    const before = this.log.logEndOffset;
    const pending = this.log.appendAsLeader(batch, epoch);
    if (this.log.logEndOffset > before) {
      const offset = new RecordBatchView(batch, 0).baseOffset;
      const txn = this.producers.completeTxn(
        marker.producerId,
        marker.producerEpoch,
        marker.coordinatorEpoch,
        offset,
        marker.isAborted,
        timestamp,
      );
      if (txn.firstOffset >= 0) this.unreplicatedTxns.push({ firstOffset: txn.firstOffset, lastOffset: offset });
      if (txn.isAborted && txn.firstOffset >= 0) this.log.appendAbortedTxn(abortedTxnEntry(this.producers, txn));
      this.lastProducerAppend = pending.then(
        () => undefined,
        () => undefined,
      );
    }
    try {
      const result = await pending;
      this.afterLeaderAppend();
      if (acks === -1) await this.waitForReplication(result.lastOffset + 1, opts);
      return { errorCode: ErrorCode.NONE, message: null, offset: result.baseOffset };
    } catch (e) {
      if (e instanceof LogError) return { errorCode: ErrorCode[e.errorCode], message: e.message, offset: -1 };
      if (e instanceof ReplicationError) return { errorCode: e.errorCode, message: e.message, offset: -1 };
      throw e;
    }
  }

  private afterLeaderAppend(): void {
    this.maybeIncrementHighWatermark();
    // Followers long-polling for data read up to the written log end.
    this.notify(this.logAppendListeners);
    // A follower that has not fetched this partition in this leader epoch started
    // following it (a new topic, a new leader) after its Fetch to this broker was sent:
    // that Fetch, long-polling for its other partitions, would hold the next one (one
    // Fetch per connection at a time) for up to replica.fetch.wait.max.ms, and acks=-1
    // with it. Ended now, the follower's next Fetch names this partition too.
    for (const f of this.followers.values()) if (f.logEndOffset < 0) this.env.wakeFollowerFetch(f.replicaId);
  }

  /**
   * acks=-1: resolves once the high watermark (every replica of the maximal ISR) is past
   * `offset` and, under gregor.log.durable, the leader has fsynced it. Then the ISR must
   * still have min.insync.replicas members (else NOT_ENOUGH_REPLICAS_AFTER_APPEND: the
   * batch is in the log but may not be on enough replicas, as Kafka answers).
   */
  private async waitForReplication(offset: number, opts: AppendOptions): Promise<void> {
    if (this.durable) await this.flushTo(offset);
    const min = opts.minInsyncReplicas ?? 1;
    if (this.log.highWatermark < offset) {
      if (!this.isLeader)
        throw new ReplicationError(
          ErrorCode.NOT_LEADER_OR_FOLLOWER,
          `${this.topic}-${this.partition} lost its leadership before the batch was replicated`,
        );
      await new Promise<void>((resolve, reject) => {
        const waiter: HighWatermarkWaiter = { offset, minInsyncReplicas: min, resolve, reject, timer: null };
        const timeoutMs = opts.timeoutMs;
        if (timeoutMs !== undefined && timeoutMs >= 0 && Number.isFinite(timeoutMs)) {
          waiter.timer = this.env.timers.setTimeout(() => {
            const i = this.hwWaiters.indexOf(waiter);
            if (i >= 0) this.hwWaiters.splice(i, 1);
            reject(
              new ReplicationError(
                ErrorCode.REQUEST_TIMED_OUT,
                `The in-sync replicas of ${this.topic}-${this.partition} did not reach offset ${offset - 1} within ${timeoutMs} ms`,
              ),
            );
          }, timeoutMs);
        }
        this.hwWaiters.push(waiter);
      });
    }
    if (this.maximalIsr.length < min)
      throw new ReplicationError(
        ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND,
        `The batch of ${this.topic}-${this.partition} is written, but the in-sync replicas (${this.maximalIsr.join(',')}) are fewer than min.insync.replicas ${min}`,
      );
  }

  private checkHighWatermarkWaiters(): void {
    if (this.hwWaiters.length === 0) return;
    const hw = this.log.highWatermark;
    for (let i = 0; i < this.hwWaiters.length; ) {
      const w = this.hwWaiters[i] as HighWatermarkWaiter;
      if (w.offset <= hw) {
        this.hwWaiters.splice(i, 1);
        if (w.timer !== null) this.env.timers.clearTimeout(w.timer);
        w.resolve();
      } else i++;
    }
  }

  private failWaiters(e: Error): void {
    const waiters = this.hwWaiters.splice(0);
    for (const w of waiters) {
      if (w.timer !== null) this.env.timers.clearTimeout(w.timer);
      w.reject(e);
    }
  }

  // ------------------------------------------------------------------------------------
  // High watermark and ISR (leader)

  /**
   * Leader: the high watermark is the smallest log end offset over the maximal ISR (the
   * leader counting what reached its file), and only moves forward. Wakes consumers'
   * long polls and acks=-1 waiters.
   */
  maybeIncrementHighWatermark(): void {
    if (!this.isLeader) return;
    let hw = this.log.writtenOffset;
    const isr = this.maximalIsr;
    for (let i = 0; i < isr.length; i++) {
      const id = isr[i] as number;
      if (id === this.env.nodeId) continue;
      const leo = this.followers.get(id)?.logEndOffset ?? -1;
      if (leo < hw) hw = leo;
    }
    if (hw > this.log.highWatermark) this.setHighWatermark(hw);
  }

  /**
   * At open, before the first role: the high watermark last checkpointed (bounded by the
   * log), in place of the written log end a single replica starts with.
   */
  restoreHighWatermark(offset: number): void {
    this.log.highWatermark = Math.max(this.log.logStartOffset, Math.min(offset, this.log.writtenOffset));
  }

  /** Single-node callers (and older code paths) advance the high watermark this way. */
  advanceHighWatermark(): void {
    this.maybeIncrementHighWatermark();
  }

  private setHighWatermark(hw: number): void {
    const before = this.log.highWatermark;
    this.log.highWatermark = hw;
    while (this.unreplicatedTxns.length > 0 && (this.unreplicatedTxns[0] as { lastOffset: number }).lastOffset < hw)
      this.unreplicatedTxns.shift();
    if (hw > before) {
      this.notify(this.listeners);
      this.checkHighWatermarkWaiters();
    }
  }

  /**
   * Leader: records a follower's Fetch (Kafka's updateFollowerFetchState). The follower is
   * caught up when it asked for the leader's written log end; when it asked for at least
   * what the leader had at its previous fetch, it was caught up at that time. Then the
   * ISR may grow and the high watermark move. False when `replicaId` is not a replica.
   */
  updateFollowerFetchState(replicaId: number, brokerEpoch: number, fetchOffset: number): boolean {
    if (!this.isLeader || replicaId === this.env.nodeId || !this.replicas.includes(replicaId)) return false;
    const now = this.env.clock.now();
    let f = this.followers.get(replicaId);
    if (f === undefined) {
      f = {
        replicaId,
        logEndOffset: -1,
        brokerEpoch: -1,
        lastFetchTimeMs: 0,
        lastFetchLeaderLogEndOffset: -1,
        lastCaughtUpTimeMs: 0,
      };
      this.followers.set(replicaId, f);
    }
    const leaderEnd = this.log.writtenOffset;
    if (fetchOffset >= leaderEnd) f.lastCaughtUpTimeMs = Math.max(f.lastCaughtUpTimeMs, now);
    else if (fetchOffset >= f.lastFetchLeaderLogEndOffset)
      f.lastCaughtUpTimeMs = Math.max(f.lastCaughtUpTimeMs, f.lastFetchTimeMs);
    f.logEndOffset = fetchOffset;
    f.lastFetchLeaderLogEndOffset = leaderEnd;
    f.lastFetchTimeMs = now;
    f.brokerEpoch = brokerEpoch;
    this.maybeExpandIsr(f, now);
    this.maybeIncrementHighWatermark();
    return true;
  }

  /** A follower outside the ISR that reached the high watermark and this epoch's start joins it. */
  private maybeExpandIsr(f: FollowerState, now: number): void {
    if (this.pendingIsr !== null || this.isr.includes(f.replicaId) || now < this.alterRetryAtMs) return;
    if (f.logEndOffset < this.log.highWatermark || f.logEndOffset < this.leaderEpochStartOffset) return;
    if (!this.env.isReplicaEligible(f.replicaId, f.brokerEpoch)) return;
    const proposed = [...this.isr, f.replicaId].sort((a, b) => a - b);
    // Expanding: the new member counts for the high watermark at once (the larger set).
    this.proposeIsr(proposed, proposed);
  }

  /**
   * ISR members (other than the leader) that have not been caught up for
   * replica.lag.time.max.ms leave the ISR (Kafka's maybeShrinkIsr, run every half lag time).
   */
  maybeShrinkIsr(): void {
    if (!this.isLeader || this.pendingIsr !== null) return;
    const now = this.env.clock.now();
    if (now < this.alterRetryAtMs) return;
    const leaderEnd = this.log.writtenOffset;
    const lagMax = this.env.config.replicaLagTimeMaxMs;
    const outOfSync: number[] = [];
    for (const id of this.isr) {
      if (id === this.env.nodeId) continue;
      const f = this.followers.get(id);
      const caughtUp = f !== undefined && (f.logEndOffset >= leaderEnd || now - f.lastCaughtUpTimeMs <= lagMax);
      if (!caughtUp) outOfSync.push(id);
    }
    if (outOfSync.length === 0) return;
    this.env.onEvent('info', 'shrinking the ISR: followers not caught up within replica.lag.time.max.ms', {
      partition: `${this.topic}-${this.partition}`,
      outOfSync,
      leaderEndOffset: leaderEnd,
      highWatermark: this.log.highWatermark,
    });
    // Shrinking: the high watermark keeps counting the old, larger ISR until committed.
    this.proposeIsr(
      this.isr.filter((id) => !outOfSync.includes(id)),
      this.isr,
    );
  }

  private proposeIsr(proposed: readonly number[], maximal: readonly number[]): void {
    if (this.env.alterPartition === null) return;
    const pending: PendingIsr = { proposed, maximal };
    this.pendingIsr = pending;
    this.sendPendingIsr(pending);
  }

  /**
   * Sends the pending ISR change to the controller. Until an answer (or a newer image)
   * settles it, the change stays pending and the high watermark counts the larger ISR:
   * the controller may have committed it even when its answer never came back (Kafka's
   * AlterPartitionManager keeps the pending state and retries the same way).
   */
  private sendPendingIsr(pending: PendingIsr): void {
    const sender = this.env.alterPartition;
    if (sender === null) return;
    const leaderEpoch = this.leaderEpoch;
    sender
      .send({
        topic: this.topic,
        topicId: this.topicId,
        partition: this.partition,
        leaderEpoch,
        partitionEpoch: this.partitionEpoch,
        newIsr: pending.proposed,
        newIsrWithEpochs: pending.proposed.map((id) => ({
          brokerId: id,
          brokerEpoch: this.followers.get(id)?.brokerEpoch ?? -1,
        })),
      })
      .then(
        (result) => this.handleAlterPartitionResult(pending, leaderEpoch, result),
        (e: unknown) => {
          this.env.onEvent('warn', 'AlterPartition failed; sending it again', {
            partition: `${this.topic}-${this.partition}`,
            error: e instanceof Error ? e.message : String(e),
          });
          this.resendPendingIsr(pending, leaderEpoch);
        },
      );
  }

  /** The same change again after alter.partition retry backoff, unless something settled it. */
  private resendPendingIsr(pending: PendingIsr, leaderEpoch: number): void {
    this.env.timers.setTimeout(() => {
      if (this.pendingIsr === pending && this.isLeader && this.leaderEpoch === leaderEpoch)
        this.sendPendingIsr(pending);
    }, this.env.config.alterPartitionRetryBackoffMs);
  }

  private clearPendingIsr(pending: PendingIsr): void {
    if (this.pendingIsr !== pending) return;
    this.pendingIsr = null;
    this.alterRetryAtMs = this.env.clock.now() + this.env.config.alterPartitionRetryBackoffMs;
  }

  private handleAlterPartitionResult(pending: PendingIsr, leaderEpoch: number, result: AlterPartitionResult): void {
    // A newer image (or a role change) replaced the pending state meanwhile: it wins.
    if (this.pendingIsr !== pending) return;
    if (result.errorCode !== ErrorCode.NONE || !('isr' in result)) {
      const fields = {
        partition: `${this.topic}-${this.partition}`,
        errorCode: result.errorCode,
        proposed: pending.proposed,
      };
      switch (result.errorCode) {
        case ErrorCode.INELIGIBLE_REPLICA:
        case ErrorCode.OPERATION_NOT_ATTEMPTED:
          // The controller says the change was not made and our partition epoch is current:
          // back to the committed ISR, to be proposed again after the backoff.
          this.env.onEvent('warn', 'the controller refused an ISR change', fields);
          this.clearPendingIsr(pending);
          return;
        case ErrorCode.INVALID_UPDATE_VERSION:
        case ErrorCode.FENCED_LEADER_EPOCH:
        case ErrorCode.NEW_LEADER_ELECTED:
        case ErrorCode.UNKNOWN_TOPIC_ID:
        case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
          // This leader's state is behind the controller's (perhaps behind this very change,
          // made but unanswered). The pending change stays until the newer image settles it.
          this.env.onEvent('info', 'ISR change refused as stale; waiting for newer metadata', fields);
          return;
        default:
          // Not answered by the active controller (NOT_CONTROLLER, a timeout), or an error
          // no image will settle: whether it was made is unknown, so it is sent again, as
          // Kafka retries an AlterPartition on unexpected errors.
          this.env.onEvent('warn', 'AlterPartition not answered by the controller; sending it again', fields);
          this.resendPendingIsr(pending, leaderEpoch);
          return;
      }
    }
    this.pendingIsr = null;
    if (!this.isLeader || result.leaderEpoch !== leaderEpoch || result.partitionEpoch <= this.partitionEpoch) return;
    this.isr = result.isr;
    this.partitionEpoch = result.partitionEpoch;
    this.maybeIncrementHighWatermark();
    this.checkHighWatermarkWaiters();
  }

  // ------------------------------------------------------------------------------------
  // Follower side

  /**
   * Appends batches fetched from the leader (offsets and epochs kept) and keeps the
   * producer state and transaction index as the leader does, so that this replica can
   * lead with idempotence and read_committed intact. The follower's high watermark is
   * the leader's, bounded by its own log end.
   */
  async appendAsFollower(records: Buffer, leaderHighWatermark: number): Promise<AppendResult> {
    if (this.isLeader) throw new ReplicationError(ErrorCode.NOT_LEADER_OR_FOLLOWER, 'the leader does not fetch');
    const before = this.log.logEndOffset;
    const pending = this.log.appendAsFollower(records);
    if (this.log.logEndOffset > before) this.trackReplicatedBatches(records);
    const result = await pending;
    this.updateFollowerHighWatermark(leaderHighWatermark);
    return result;
  }

  private trackReplicatedBatches(records: Buffer): void {
    for (let at = 0; at + HEADER_BYTES <= records.length; ) {
      const v = new RecordBatchView(records, at);
      if (v.producerId >= 0) {
        if (v.isControl) {
          const txn = completeReplicatedTxn(this.producers, records, at, v);
          if (txn !== null && txn.firstOffset >= 0) {
            this.unreplicatedTxns.push({ firstOffset: txn.firstOffset, lastOffset: txn.lastOffset });
            if (txn.isAborted) this.log.appendAbortedTxn(abortedTxnEntry(this.producers, txn));
          }
        } else {
          this.producers.update(
            {
              producerId: v.producerId,
              producerEpoch: v.producerEpoch,
              baseSequence: v.baseSequence,
              lastSequence: v.lastSequence,
              isTransactional: v.isTransactional,
            },
            v.baseOffset,
            v.lastOffset,
            v.maxTimestamp,
          );
        }
      }
      at += v.sizeInBytes;
    }
  }

  /** Follower: HW = min(leader's HW, own log end). */
  updateFollowerHighWatermark(leaderHighWatermark: number): void {
    if (this.isLeader) return;
    const hw = Math.max(this.log.logStartOffset, Math.min(leaderHighWatermark, this.log.writtenOffset));
    if (hw !== this.log.highWatermark) this.setHighWatermark(hw);
  }

  /** Runs follower work (truncation) so that becoming leader waits for it to finish. */
  followerOp<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.followerWork.then(fn, fn);
    this.followerWork = run.catch(() => undefined);
    return run;
  }

  /** Rebuilds the producer state from the latest snapshot and the log after it. */
  rebuildProducerState(nowMs: number, expirationMs: number, onCorrupt?: (e: Error) => void): Promise<number> {
    return rebuildProducerState(this.log, this.producers, nowMs, expirationMs, onCorrupt);
  }

  /** Truncates the log (replication) and rebuilds the producer state for what is left. */
  async truncateTo(offset: number, nowMs: number, expirationMs: number): Promise<void> {
    await this.log.truncateTo(offset);
    this.unreplicatedTxns.length = 0;
    await this.rebuildProducerState(nowMs, expirationMs);
  }

  /** Empties the log and restarts it at `offset` (the leader's log start is past our end). */
  async truncateFullyAndStartAt(offset: number): Promise<void> {
    await this.log.truncateFullyAndStartAt(offset);
    this.unreplicatedTxns.length = 0;
    this.producers.clear();
  }

  /** Writes a producer state snapshot at the log end (clean close). */
  async snapshotProducerState(): Promise<void> {
    await this.log.takeSnapshot(this.producers.serialize());
  }

  /** Resolves once everything below `offset` is fsynced. */
  private async flushTo(offset: number): Promise<void> {
    while (this.log.flushedOffset < offset) {
      if (this.flushing === null) {
        this.flushing = this.log.flush().finally(() => {
          this.flushing = null;
        });
      }
      await this.flushing;
    }
  }

  private notify(listeners: Set<AppendListener>): void {
    if (listeners.size === 0) return;
    for (const l of [...listeners]) l();
  }

  /** Registers a callback for the next high watermark advance (or role change); returns its remover. */
  onAppend(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Registers a callback for the next write to the leader's log (followers' long polls). */
  onLogAppend(listener: AppendListener): () => void {
    this.logAppendListeners.add(listener);
    return () => this.logAppendListeners.delete(listener);
  }
}
