/**
 * RaftNode: one member of a KRaft quorum (KIP-595, KIP-630), Kafka's KafkaRaftClient.
 *
 * Roles (Kafka's QuorumState): unattached (epoch known, no leader, no vote), voted,
 * candidate, leader, follower, resigned (a leader stepping down). Observers (nodeId not
 * in voters) only ever are unattached or follower.
 *
 * RPCs (all answered with the responder's leaderId/epoch, from which an unknown leader is
 * discovered):
 * - Vote: a candidate asks for a vote. Stale epochs get FENCED_LEADER_EPOCH; a higher epoch
 *   moves us to unattached first (persisted). One vote per epoch, persisted before the
 *   answer, and only for a log at least as up to date as ours (last epoch, then end offset).
 * - BeginQuorumEpoch: a new leader announces itself; we follow it (persisted).
 * - EndQuorumEpoch: a leader resigns; voters named as preferred successors shorten their
 *   fetch timeout by position (first: at once), so the longest log usually wins.
 * - Fetch: pull replication. The leader validates (fetchOffset, lastFetchedEpoch) against
 *   its log and answers records, a diverging epoch (the fetcher truncates), or a snapshot
 *   id (fetch below the log start). A fetch with nothing to return waits up to maxWaitMs
 *   and is woken by an append or a high-watermark move.
 * - FetchSnapshot: a follower pulls a snapshot in chunks (position, maxBytes).
 *
 * Everything runs through one EventQueue, and every task ends with `poll()`, which acts on
 * expired deadlines and arms a single wake-up timer for the next one (Kafka's poll loop).
 * Time, timers and randomness are injected: the package never reads the real clock.
 */

import { buildRecordBatch, RecordBatchView, readAllRecords } from '@gregor/protocol';
import { appendBytes, BatchAccumulator } from './batch-accumulator.js';
import {
  binaryExponentialElectionBackoffMs,
  endEpochElectionBackoffMs,
  randomElectionTimeoutMs,
} from './election-backoff.js';
import { NotLeaderError, RaftClosedError } from './errors.js';
import { EventQueue } from './event-queue.js';
import { buildLeaderChangeBatch } from './leader-change.js';
import { LeaderState } from './leader-state.js';
import { validateOffsetAndEpoch } from './log-validation.js';
import { checkFetchedBatches } from './record-batches.js';
import type {
  BeginQuorumEpochRequest,
  BeginQuorumEpochResponse,
  Clock,
  EndQuorumEpochRequest,
  EndQuorumEpochResponse,
  FetchRequest,
  FetchResponse,
  FetchSnapshotRequest,
  FetchSnapshotResponse,
  OffsetAndEpoch,
  QuorumDescription,
  QuorumStateStore,
  RaftConfig,
  RaftListener,
  RaftLogger,
  RaftNetwork,
  RaftRequest,
  RaftResponse,
  RaftRole,
  Random,
  ReplicatedLog,
  ResponseFor,
  TimerId,
  Timers,
  VoteRequest,
  VoteResponse,
} from './types.js';
import { MAX_BATCH_SIZE_BYTES, RaftErrorCode } from './types.js';

/**
 * Most fetches the leader holds at once (long poll); beyond it a fetch with nothing new is
 * answered empty at once. A quorum has one fetch in flight per replica, so this only
 * bites when something floods the leader.
 */
export const PARKED_FETCHES_MAX = 1024;
/** Zero-delay wake-ups at one instant before the node suspects a loop (see scheduleWakeup). */
const ZERO_DELAY_WAKEUPS_MAX = 64;
/** Most transitions one poll may chain (e.g. sole voter: unattached → candidate → leader). */
const POLL_TRANSITIONS_MAX = 8;

export interface RaftNodeOptions {
  config: RaftConfig;
  log: ReplicatedLog;
  store: QuorumStateStore;
  network: RaftNetwork;
  clock: Clock;
  timers: Timers;
  random: Random;
  listener: RaftListener;
  logger?: RaftLogger;
  /** Told once when the node stops itself on a fatal error (see `fatalError`). */
  onFatal?: (error: Error) => void;
}

interface ParkedFetch {
  request: FetchRequest;
  deadline: number;
  resolve(response: FetchResponse): void;
}

interface PendingCommit {
  lastOffset: number;
  resolve(lastOffset: number): void;
  reject(error: Error): void;
}

interface SnapshotFetch {
  id: OffsetAndEpoch;
  position: number;
  chunks: Buffer[];
}

/** Per-peer request bookkeeping: one request in flight, retried after a backoff. */
interface PeerRequestState {
  inFlight: boolean;
  acked: boolean;
  nextAt: number;
}

const silentLogger: RaftLogger = { info() {}, warn() {} };

export class RaftNode {
  readonly nodeId: number;
  readonly isVoter: boolean;
  private readonly config: RaftConfig;
  private readonly log: ReplicatedLog;
  private readonly store: QuorumStateStore;
  private readonly network: RaftNetwork;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly random: Random;
  private readonly listener: RaftListener;
  private readonly logger: RaftLogger;
  private readonly onFatal: ((error: Error) => void) | undefined;
  private readonly queue = new EventQueue();
  private readonly majority: number;

  // Election state (persisted before acting on it).
  private roleValue: RaftRole = 'unattached';
  private epoch = 0;
  private leaderId = -1;
  private votedId = -1;
  /** Bumped on every transition: responses and in-flight work of an older state are ignored. */
  private gen = 0;

  // Role-specific state, reset on every transition.
  private electionDeadline = Number.POSITIVE_INFINITY;
  private fetchDeadline = Number.POSITIVE_INFINITY;
  private fetchInFlight = false;
  private nextFetchAt = 0;
  private snapshotFetch: SnapshotFetch | null = null;
  private votesGranted = new Set<number>();
  private votesRejected = new Set<number>();
  private backoffUntil: number | null = null;
  private candidateRetries = 0;
  private peers = new Map<number, PeerRequestState>();
  private preferredSuccessors: number[] = [];
  private leaderState: LeaderState | null = null;
  private accumulator: BatchAccumulator;
  private parkedFetches: ParkedFetch[] = [];
  private parkedFetchesDue = false;

  // Commit progress.
  private hw = 0;
  private nextCommitOffset = 0;
  private pendingCommits: PendingCommit[] = [];
  private lastNotified: { leaderId: number | null; epoch: number } | null = null;

  private started = false;
  /** close() began: the node answers RPCs but starts nothing new (no election, no fetch). */
  private closing = false;
  private closed = false;
  /** Set when the node stopped itself on a broken invariant (see fail()). */
  fatalError: Error | null = null;
  private wakeTimer: TimerId | null = null;
  private wakeAt = Number.POSITIVE_INFINITY;
  /** Guard against a wake-up loop: zero-delay wake-ups armed at the same instant in a row. */
  private zeroDelayAt = -1;
  private zeroDelayWakeups = 0;

  constructor(opts: RaftNodeOptions) {
    const c = opts.config;
    if (c.voters.length === 0) throw new RangeError('a quorum needs at least one voter');
    if (new Set(c.voters).size !== c.voters.length) throw new RangeError(`voters ${c.voters.join(',')} repeat an id`);
    if (c.requestTimeoutMs <= c.fetchMaxWaitMs) {
      // A fetch the leader holds for fetchMaxWaitMs must not time out at the fetcher first.
      throw new RangeError(`requestTimeoutMs ${c.requestTimeoutMs} must exceed fetchMaxWaitMs ${c.fetchMaxWaitMs}`);
    }
    this.config = c;
    this.nodeId = c.nodeId;
    this.isVoter = c.voters.includes(c.nodeId);
    this.majority = Math.floor(c.voters.length / 2) + 1;
    this.log = opts.log;
    this.store = opts.store;
    this.network = opts.network;
    this.clock = opts.clock;
    this.timers = opts.timers;
    this.random = opts.random;
    this.listener = opts.listener;
    this.logger = opts.logger ?? silentLogger;
    this.onFatal = opts.onFatal;
    this.accumulator = new BatchAccumulator(c.appendLingerMs);
  }

  // -------------------------------------------------------------------------------------
  // Public surface
  // -------------------------------------------------------------------------------------

  /** Reads the quorum-state (rejects if corrupt), loads the latest snapshot, and starts. */
  start(): Promise<void> {
    if (this.started) return Promise.reject(new Error('RaftNode.start called twice'));
    this.started = true;
    return this.queue.run(() =>
      this.startInQueue().catch((e: unknown) => {
        // A node that could not read its state must not answer anything (it could vote twice).
        if (!this.closed) {
          this.fatalError = e instanceof Error ? e : new Error(String(e));
          this.shutdown();
        }
        throw e;
      }),
    );
  }

  private async startInQueue(): Promise<void> {
    const stored = await this.store.read();
    const snapshot = this.log.latestSnapshotId();
    this.nextCommitOffset = this.log.startOffset();
    if (snapshot !== null && snapshot.offset >= this.nextCommitOffset) await this.loadSnapshot(snapshot);
    if (this.closed) return;
    this.hw = this.nextCommitOffset;
    const logEnd = this.log.endOffset();
    const now = this.clock.now();
    if (stored === null || logEnd.epoch > stored.epoch) {
      await this.becomeUnattached(Math.max(stored?.epoch ?? 0, logEnd.epoch), stored === null);
    } else if (stored.leaderId === this.nodeId && this.isVoter) {
      // We led this epoch before the restart; we cannot resume (our appends may be lost).
      this.setRole('resigned', stored.epoch, this.nodeId, stored.votedId);
      this.electionDeadline = now + this.randomElectionTimeoutMs();
    } else if (stored.leaderId >= 0 && this.config.voters.includes(stored.leaderId)) {
      this.setRole('follower', stored.epoch, stored.leaderId, stored.votedId);
      this.fetchDeadline = now + this.config.fetchTimeoutMs;
    } else if (stored.votedId === this.nodeId && this.isVoter) {
      // Resume our candidacy in the same epoch: we already voted for ourselves.
      this.setRole('candidate', stored.epoch, -1, this.nodeId);
      this.votesGranted.add(this.nodeId);
      this.electionDeadline = now + this.randomElectionTimeoutMs();
      this.sendVotes();
    } else if (stored.votedId >= 0) {
      this.setRole('voted', stored.epoch, -1, stored.votedId);
      this.electionDeadline = now + this.randomElectionTimeoutMs();
    } else {
      this.setRole('unattached', stored.epoch, -1, -1);
      this.electionDeadline = now + this.randomElectionTimeoutMs();
    }
    // A sole voter need not wait for anyone (Kafka elects it at once).
    if (this.isVoter && this.config.voters.length === 1) await this.becomeCandidate();
    this.logger.info(`raft ${this.nodeId}: started as ${this.roleValue} in epoch ${this.epoch}`);
    this.notifyLeaderChange();
    await this.poll();
  }

  /** An inbound RPC; answered with the response of the same kind. Rejects with RaftClosedError once closed. */
  handle<R extends RaftRequest>(from: number, request: R): Promise<ResponseFor<R>> {
    return this.enqueue(() => this.dispatch(from, request)).then((r) => r.response as Promise<ResponseFor<R>>);
  }

  /**
   * Leader only: appends `records` (values) in `epoch`. Resolves with the offset of the
   * last record once committed and handed to handleCommit here. Rejects NotLeaderError
   * when not leader of `epoch`, or when leadership is lost before the commit is known.
   */
  append(records: readonly Buffer[], epoch: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.enqueue(() => {
        if (records.length === 0) throw new RangeError('append needs at least one record');
        const bytes = appendBytes(records);
        if (bytes + 61 > MAX_BATCH_SIZE_BYTES) {
          throw new RangeError(`append of ${bytes} bytes exceeds the batch limit ${MAX_BATCH_SIZE_BYTES}`);
        }
        if (this.roleValue !== 'leader' || this.leaderState === null) throw this.notLeader('not the leader');
        if (epoch !== this.epoch) throw this.notLeader(`append for epoch ${epoch}, current epoch is ${this.epoch}`);
        this.accumulator.add({ records, bytes, resolve, reject }, this.clock.now());
      }).catch(reject);
    });
  }

  leaderAndEpoch(): { leaderId: number | null; epoch: number } {
    const leaderId = this.roleValue === 'resigned' || this.leaderId < 0 ? null : this.leaderId;
    return { leaderId, epoch: this.epoch };
  }

  highWatermark(): number {
    return this.hw;
  }

  /**
   * The offset just after the last committed batch this node has handed on: data batches
   * given to handleCommit, control batches skipped, or a loaded snapshot's end. Once it
   * reaches highWatermark() the state machine has everything known committed. When the
   * local node is announced leader it is at least the epoch's start offset.
   */
  committedEndOffset(): number {
    return this.nextCommitOffset;
  }

  role(): RaftRole {
    return this.roleValue;
  }

  describeQuorum(): QuorumDescription {
    if (this.leaderState !== null) return this.leaderState.describe(this.hw);
    const none = (replicaId: number) => ({
      replicaId,
      logEndOffset: replicaId === this.nodeId ? this.log.endOffset().offset : -1,
      lastFetchTimestamp: -1,
      lastCaughtUpTimestamp: -1,
    });
    return {
      leaderId: this.leaderId,
      leaderEpoch: this.epoch,
      highWatermark: this.hw,
      currentVoters: this.config.voters.map(none),
      observers: [],
    };
  }

  /**
   * Writes a snapshot of the state up to `committedOffset` (exclusive: the state machine
   * applied every record before it) and deletes the log before it. The snapshot id's epoch
   * is that of the batch holding committedOffset - 1 (Kafka's snapshot id).
   */
  createSnapshot(committedOffset: number, data: Buffer): Promise<OffsetAndEpoch> {
    return this.enqueue(async () => {
      if (!Number.isSafeInteger(committedOffset) || committedOffset > this.hw) {
        throw new RangeError(`snapshot at ${committedOffset} is beyond the high watermark ${this.hw}`);
      }
      const start = this.log.startOffset();
      const latest = this.log.latestSnapshotId();
      // Already covered (e.g. a follower installed a newer snapshot meanwhile): nothing to write.
      if (latest !== null && committedOffset <= latest.offset) return { ...latest };
      if (committedOffset <= start) {
        throw new RangeError(`snapshot at ${committedOffset} is not after the log start offset ${start}`);
      }
      const batch = await this.log.read(committedOffset - 1, 1);
      if (batch.length === 0) throw new RangeError(`no batch holds offset ${committedOffset - 1}`);
      const view = new RecordBatchView(batch, 0);
      if (view.nextOffset !== committedOffset) {
        throw new RangeError(
          `snapshot at ${committedOffset} is inside the batch [${view.baseOffset}, ${view.lastOffset}]`,
        );
      }
      const id = { offset: committedOffset, epoch: view.partitionLeaderEpoch };
      await this.log.writeSnapshot(id, data);
      await this.log.deleteBeforeSnapshot(id);
      this.logger.info(`raft ${this.nodeId}: snapshot ${id.offset}:${id.epoch} written (${data.length} bytes)`);
      return id;
    });
  }

  /**
   * Stops the node. A graceful leader resigns first and tells the other voters with
   * EndQuorumEpoch (preferred successors: longest log first), waiting for those sends
   * (each bounded by requestTimeoutMs). Pending appends reject with NotLeaderError.
   */
  async close(opts: { graceful: boolean } = { graceful: true }): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    let sends: Promise<unknown>[] = [];
    if (opts.graceful && this.started) {
      try {
        sends = await this.queue.run(async () => {
          if (this.closed || this.roleValue !== 'leader' || this.leaderState === null) return [];
          const successors = this.leaderState.nonLeaderVotersByDescendingEndOffset();
          await this.becomeResigned(successors, false);
          this.notifyLeaderChange(); // the state machine stops acting as leader before we wait
          return successors.map((id) =>
            this.network.send(id, this.endQuorumEpochRequest(), this.config.requestTimeoutMs).catch(() => undefined),
          );
        });
      } catch (e) {
        this.logger.warn(`raft ${this.nodeId}: graceful resignation failed: ${(e as Error).message}`);
      }
      await Promise.allSettled(sends);
    }
    this.shutdown();
    await this.queue.idle();
  }

  // -------------------------------------------------------------------------------------
  // Queue, poll and timers
  // -------------------------------------------------------------------------------------

  private enqueue<T>(fn: () => Promise<T> | T): Promise<T> {
    return this.queue.run(async () => {
      if (this.closed) throw new RaftClosedError(`raft node ${this.nodeId} is closed`);
      if (!this.started) throw new Error(`raft node ${this.nodeId} is not started`);
      try {
        return await fn();
      } finally {
        await this.poll();
      }
    });
  }

  /**
   * A broken invariant (Raft's safety would be lost by going on): the node stops, as
   * Kafka's raft thread dies. The error stays readable in `fatalError`.
   */
  private fail(error: Error): void {
    this.fatalError = error;
    this.logger.warn(`raft ${this.nodeId}: FATAL ${error.message}`);
    this.shutdown();
    this.onFatal?.(error);
  }

  private shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    this.gen++;
    if (this.wakeTimer !== null) this.timers.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    const error = this.notLeader('the raft node is closed');
    this.accumulator.failAll(error);
    const commits = this.pendingCommits;
    this.pendingCommits = [];
    for (const c of commits) c.reject(error);
    const parked = this.parkedFetches;
    this.parkedFetches = [];
    for (const p of parked) p.resolve(this.fetchError(RaftErrorCode.BROKER_NOT_AVAILABLE));
    this.logger.info(`raft ${this.nodeId}: closed`);
  }

  private async poll(): Promise<void> {
    if (this.closed) return;
    try {
      for (let i = 0; i < POLL_TRANSITIONS_MAX; i++) {
        const gen = this.gen;
        await this.pollState(this.clock.now());
        if (gen === this.gen || this.closed) break;
      }
      if (this.parkedFetchesDue) await this.completeParkedFetches();
      if (this.nextCommitOffset < this.hw) await this.deliverCommits();
      this.notifyLeaderChange();
    } catch (e) {
      this.logger.warn(`raft ${this.nodeId}: poll failed: ${(e as Error).stack ?? e}`);
    }
    if (!this.closed) this.scheduleWakeup();
  }

  private async pollState(now: number): Promise<void> {
    if (this.closing) return;
    switch (this.roleValue) {
      case 'leader': {
        const state = this.leaderState!;
        if (state.checkQuorumExpired(now)) {
          this.logger.warn(
            `raft ${this.nodeId}: resigning epoch ${this.epoch}: no fetch from a majority of voters (check-quorum)`,
          );
          await this.becomeResigned(state.nonLeaderVotersByDescendingEndOffset(), true);
          return;
        }
        if (this.accumulator.ready(now)) await this.drainAppends();
        this.sendBeginQuorumEpochs(now, state);
        const expired = this.parkedFetches.filter((p) => p.deadline <= now);
        if (expired.length > 0) {
          this.parkedFetches = this.parkedFetches.filter((p) => p.deadline > now);
          for (const p of expired) p.resolve(await this.tryCompleteFetch(p.request, now));
        }
        return;
      }
      case 'candidate':
        if (this.backoffUntil !== null) {
          if (now >= this.backoffUntil) await this.becomeCandidate();
        } else if (now >= this.electionDeadline) {
          this.startBackoff(now, 'election timed out');
        } else {
          this.sendVotes();
        }
        return;
      case 'follower':
        if (now >= this.fetchDeadline) {
          if (this.isVoter) {
            this.logger.info(`raft ${this.nodeId}: no fetch from leader ${this.leaderId}; standing for election`);
            await this.becomeCandidate();
          } else {
            await this.becomeUnattached(this.epoch);
          }
          return;
        }
        this.maybeSendFetch(now);
        return;
      case 'unattached':
      case 'voted':
        if (this.isVoter) {
          if (now >= this.electionDeadline) await this.becomeCandidate();
        } else {
          this.maybeSendFetch(now);
        }
        return;
      case 'resigned':
        if (now >= this.electionDeadline) {
          await this.becomeCandidate();
          return;
        }
        this.sendToPeers(now, () => this.endQuorumEpochRequest());
        return;
    }
  }

  private nextDeadline(): number {
    let at = Number.POSITIVE_INFINITY;
    if (this.closing) return at;
    const peersNext = () => {
      for (const p of this.peers.values()) if (!p.inFlight && !p.acked) at = Math.min(at, p.nextAt);
    };
    switch (this.roleValue) {
      case 'leader':
        // A sole voter never resigns, so its check-quorum deadline is no wake-up reason.
        at = Math.min(
          this.config.voters.length > 1 ? this.leaderState!.checkQuorumDeadline : Number.POSITIVE_INFINITY,
          this.accumulator.lingerDeadline,
        );
        for (const p of this.parkedFetches) at = Math.min(at, p.deadline);
        peersNext();
        break;
      case 'candidate':
        if (this.backoffUntil !== null) at = this.backoffUntil;
        else {
          at = this.electionDeadline;
          peersNext();
        }
        break;
      case 'follower':
        at = this.fetchDeadline;
        if (!this.fetchInFlight) at = Math.min(at, this.nextFetchAt);
        break;
      case 'unattached':
      case 'voted':
        if (this.isVoter) at = this.electionDeadline;
        else if (!this.fetchInFlight) at = this.nextFetchAt;
        break;
      case 'resigned':
        at = this.electionDeadline;
        peersNext();
        break;
    }
    return at;
  }

  private scheduleWakeup(): void {
    const at = this.nextDeadline();
    if (at === this.wakeAt && this.wakeTimer !== null) return;
    if (this.wakeTimer !== null) this.timers.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.wakeAt = at;
    if (at === Number.POSITIVE_INFINITY) return;
    const now = this.clock.now();
    let delay = Math.max(0, at - now);
    if (delay === 0 && now === this.zeroDelayAt && ++this.zeroDelayWakeups > ZERO_DELAY_WAKEUPS_MAX) {
      // A deadline that stays in the past would spin the event loop: a bug, but not one
      // worth a busy CPU. Say so once per instant and wait a retry backoff.
      if (this.zeroDelayWakeups === ZERO_DELAY_WAKEUPS_MAX + 1) {
        this.logger.warn(`raft ${this.nodeId}: ${this.roleValue} keeps waking at ${now} with nothing to do`);
      }
      delay = this.config.retryBackoffMs;
    } else if (delay > 0 || now !== this.zeroDelayAt) {
      this.zeroDelayAt = delay === 0 ? now : -1;
      this.zeroDelayWakeups = 0;
    }
    this.wakeTimer = this.timers.setTimeout(() => {
      this.wakeTimer = null;
      this.wakeAt = Number.POSITIVE_INFINITY;
      if (this.closed) return;
      this.enqueue(() => undefined).catch(() => undefined);
    }, delay);
  }

  private randomElectionTimeoutMs(): number {
    return randomElectionTimeoutMs(this.config.electionTimeoutMs, this.random);
  }

  // -------------------------------------------------------------------------------------
  // Transitions (each persists before acting, as QuorumState does)
  // -------------------------------------------------------------------------------------

  private setRole(role: RaftRole, epoch: number, leaderId: number, votedId: number): void {
    const wasLeader = this.roleValue === 'leader';
    this.roleValue = role;
    this.epoch = epoch;
    this.leaderId = leaderId;
    this.votedId = votedId;
    this.gen++;
    this.electionDeadline = Number.POSITIVE_INFINITY;
    this.fetchDeadline = Number.POSITIVE_INFINITY;
    this.fetchInFlight = false;
    this.nextFetchAt = this.clock.now();
    this.snapshotFetch = null;
    this.votesGranted = new Set();
    this.votesRejected = new Set();
    this.backoffUntil = null;
    this.peers = new Map();
    if (role !== 'leader') {
      this.leaderState = null;
      if (wasLeader || this.accumulator.size > 0) this.loseLeadership();
    }
    this.logger.debug?.(`raft ${this.nodeId}: ${role} epoch ${epoch} leader ${leaderId} voted ${votedId}`);
  }

  /** Pending appends not yet known to be committed fail; parked fetches are answered. */
  private loseLeadership(): void {
    const error = this.notLeader(`leadership of epoch ${this.epoch} lost`);
    this.accumulator.failAll(error);
    const keep: PendingCommit[] = [];
    for (const c of this.pendingCommits) {
      if (c.lastOffset < this.hw) keep.push(c);
      else c.reject(error);
    }
    this.pendingCommits = keep;
    const parked = this.parkedFetches;
    this.parkedFetches = [];
    for (const p of parked) p.resolve(this.fetchError(RaftErrorCode.NOT_LEADER_OR_FOLLOWER));
  }

  /**
   * Writes the election state before anything acts on it. A node that cannot persist
   * its vote or epoch cannot take part safely: a failed write stops it (Kafka's raft
   * thread dies on the same I/O error) and aborts the transition under way.
   */
  private async persist(epoch: number, leaderId: number, votedId: number): Promise<void> {
    try {
      await this.store.write({ epoch, leaderId, votedId });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.fail(new Error(`quorum-state write failed: ${message}`, { cause: e }));
      throw new RaftClosedError(`raft node ${this.nodeId} stopped: quorum-state write failed`);
    }
  }

  private async becomeUnattached(epoch: number, forcePersist = false): Promise<void> {
    if (epoch !== this.epoch || forcePersist || this.leaderId >= 0 || this.votedId >= 0) {
      await this.persist(epoch, -1, epoch === this.epoch ? this.votedId : -1);
    }
    // Learning of a higher epoch does not reset the election timer (Raft §5.2 resets it only
    // on hearing from a leader or granting a vote): otherwise a voter with a stale log that
    // keeps standing for election would hold off every voter able to win.
    const pending =
      this.roleValue === 'follower'
        ? this.fetchDeadline
        : this.roleValue === 'candidate' && this.backoffUntil !== null
          ? this.backoffUntil
          : this.roleValue === 'leader'
            ? Number.POSITIVE_INFINITY
            : this.electionDeadline;
    const votedId = epoch === this.epoch ? this.votedId : -1;
    this.setRole(votedId >= 0 && votedId !== this.nodeId ? 'voted' : 'unattached', epoch, -1, votedId);
    this.electionDeadline = Math.min(pending, this.clock.now() + this.randomElectionTimeoutMs());
  }

  private async becomeVoted(candidateId: number): Promise<void> {
    await this.persist(this.epoch, -1, candidateId);
    this.setRole('voted', this.epoch, -1, candidateId);
    this.electionDeadline = this.clock.now() + this.randomElectionTimeoutMs();
  }

  private async becomeFollower(epoch: number, leaderId: number): Promise<void> {
    if (this.roleValue === 'follower' && epoch === this.epoch && leaderId === this.leaderId) return;
    const votedId = epoch === this.epoch ? this.votedId : -1;
    await this.persist(epoch, leaderId, votedId);
    this.setRole('follower', epoch, leaderId, votedId);
    this.candidateRetries = 0;
    this.fetchDeadline = this.clock.now() + this.config.fetchTimeoutMs;
    this.logger.info(`raft ${this.nodeId}: following ${leaderId} in epoch ${epoch}`);
  }

  private async becomeCandidate(): Promise<void> {
    if (!this.isVoter) return;
    const epoch = this.epoch + 1;
    await this.persist(epoch, -1, this.nodeId);
    this.setRole('candidate', epoch, -1, this.nodeId);
    this.candidateRetries++;
    this.votesGranted.add(this.nodeId);
    this.electionDeadline = this.clock.now() + this.randomElectionTimeoutMs();
    this.logger.info(`raft ${this.nodeId}: candidate in epoch ${epoch}`);
    if (this.votesGranted.size >= this.majority) {
      await this.becomeLeader();
      return;
    }
    this.sendVotes();
  }

  private startBackoff(now: number, why: string): void {
    const backoff = binaryExponentialElectionBackoffMs(
      this.candidateRetries,
      this.config.electionBackoffMaxMs,
      this.random,
    );
    this.backoffUntil = now + backoff;
    this.logger.info(`raft ${this.nodeId}: ${why} in epoch ${this.epoch}; backing off ${backoff} ms`);
  }

  private async becomeLeader(): Promise<void> {
    const granting = [...this.votesGranted].sort((a, b) => a - b);
    await this.persist(this.epoch, this.nodeId, this.nodeId);
    this.setRole('leader', this.epoch, this.nodeId, this.nodeId);
    this.candidateRetries = 0;
    const now = this.clock.now();
    const epochStartOffset = this.log.endOffset().offset;
    const state = new LeaderState(
      this.nodeId,
      this.epoch,
      epochStartOffset,
      this.config.voters,
      this.config.fetchTimeoutMs,
      now,
    );
    this.leaderState = state;
    for (const id of this.config.voters) {
      if (id !== this.nodeId) this.peers.set(id, { inFlight: false, acked: false, nextAt: now });
    }
    this.logger.info(`raft ${this.nodeId}: leader of epoch ${this.epoch} from offset ${epochStartOffset}`);
    const batch = buildLeaderChangeBatch({
      leaderId: this.nodeId,
      epoch: this.epoch,
      voters: this.config.voters,
      grantingVoters: granting,
      timestamp: now,
    });
    await this.log.appendAsLeader(batch, this.epoch);
    await this.log.flush();
    if (this.leaderState !== state) return;
    if (state.updateLocalEndOffset(this.log.flushedEndOffset(), this.clock.now())) this.onLeaderHighWatermark();
  }

  private async becomeResigned(successors: number[], sendEndQuorumEpoch: boolean): Promise<void> {
    // The persisted state stays "leader of this epoch": a restart comes back resigned.
    this.setRole('resigned', this.epoch, this.nodeId, this.votedId);
    this.preferredSuccessors = successors;
    const now = this.clock.now();
    this.electionDeadline = now + this.randomElectionTimeoutMs();
    if (sendEndQuorumEpoch) {
      for (const id of this.config.voters) {
        if (id !== this.nodeId) this.peers.set(id, { inFlight: false, acked: false, nextAt: now });
      }
    }
  }

  // -------------------------------------------------------------------------------------
  // Commits and notifications
  // -------------------------------------------------------------------------------------

  private setHighWatermark(offset: number): boolean {
    if (offset <= this.hw) return false;
    this.hw = offset;
    this.log.updateHighWatermark(offset);
    return true;
  }

  private onLeaderHighWatermark(): void {
    const state = this.leaderState;
    if (state === null) return;
    if (this.setHighWatermark(state.highWatermark)) this.wakeParkedFetches();
  }

  private async loadSnapshot(id: OffsetAndEpoch): Promise<void> {
    const data = await this.log.readSnapshot(id);
    if (data === null) throw new Error(`snapshot ${id.offset}:${id.epoch} is listed but cannot be read`);
    try {
      this.listener.handleLoadSnapshot({ id: { ...id }, data });
    } catch (e) {
      this.listenerFailed('handleLoadSnapshot', e);
      return;
    }
    this.nextCommitOffset = id.offset;
  }

  /** Hands every committed batch from nextCommitOffset up to the high watermark to the listener. */
  private async deliverCommits(): Promise<void> {
    const view = new RecordBatchView(Buffer.alloc(0), 0);
    while (this.nextCommitOffset < this.hw && !this.closed) {
      if (this.nextCommitOffset < this.log.startOffset()) {
        const snapshot = this.log.latestSnapshotId();
        if (snapshot === null || snapshot.offset <= this.nextCommitOffset) {
          this.fail(
            new Error(`commit cursor ${this.nextCommitOffset} is below the log start and no snapshot covers it`),
          );
          return;
        }
        await this.loadSnapshot(snapshot);
        continue;
      }
      const buf = await this.log.read(this.nextCommitOffset, this.config.fetchMaxBytes);
      if (buf.length === 0) break;
      let progressed = false;
      for (let pos = 0; pos < buf.length; pos += view.sizeInBytes) {
        view.moveTo(buf, pos);
        const last = view.lastOffset;
        if (last < this.nextCommitOffset) continue;
        if (last >= this.hw) break;
        if (!view.isControl) {
          const records = readAllRecords(buf, pos).map((r) => r.value ?? Buffer.alloc(0));
          try {
            this.listener.handleCommit({
              baseOffset: view.baseOffset,
              lastOffset: last,
              epoch: view.partitionLeaderEpoch,
              appendTimestamp: view.maxTimestamp,
              records,
            });
          } catch (e) {
            this.listenerFailed('handleCommit', e);
            return;
          }
        }
        this.nextCommitOffset = last + 1;
        progressed = true;
      }
      if (!progressed) break;
    }
    while (this.pendingCommits.length > 0 && this.pendingCommits[0]!.lastOffset < this.nextCommitOffset) {
      const c = this.pendingCommits.shift()!;
      c.resolve(c.lastOffset);
    }
    this.notifyLeaderChange();
  }

  private notifyLeaderChange(): void {
    if (this.closed) return;
    let current = this.leaderAndEpoch();
    if (this.roleValue === 'leader') {
      // KRaft: the local leader is announced once the state machine has everything
      // committed before its epoch, so an active controller starts from the full state.
      if (this.nextCommitOffset < this.leaderState!.epochStartOffset) {
        if (this.lastNotified?.epoch === this.epoch) return;
        current = { leaderId: null, epoch: this.epoch };
      }
    }
    const last = this.lastNotified;
    if (last !== null && last.leaderId === current.leaderId && last.epoch === current.epoch) return;
    this.lastNotified = current;
    try {
      this.listener.handleLeaderChange({ ...current });
    } catch (e) {
      this.listenerFailed('handleLeaderChange', e);
    }
  }

  /**
   * The state machine could not take what Raft handed it: going on would leave it silently
   * behind the log, so the node stops (Kafka's controller treats this as a fatal fault).
   */
  private listenerFailed(callback: string, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.fail(new Error(`listener.${callback} threw: ${message}`, { cause: e }));
  }

  // -------------------------------------------------------------------------------------
  // Leader: appends
  // -------------------------------------------------------------------------------------

  private async drainAppends(): Promise<void> {
    const state = this.leaderState!;
    const groups = this.accumulator.drain();
    const timestamp = this.clock.now();
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      const records: { value: Buffer; timestamp: number }[] = [];
      for (const a of group) for (const value of a.records) records.push({ value, timestamp });
      const batch = buildRecordBatch({ partitionLeaderEpoch: this.epoch, records });
      let baseOffset: number;
      try {
        baseOffset = (await this.log.appendAsLeader(batch, this.epoch)).baseOffset;
      } catch (e) {
        // Nothing of these groups reached the log: their appends fail, none may hang.
        const error = e instanceof Error ? e : new Error(String(e));
        this.logger.warn(`raft ${this.nodeId}: append to the log failed: ${error.message}`);
        for (let r = g; r < groups.length; r++) for (const a of groups[r]!) a.reject(error);
        break;
      }
      let offset = baseOffset - 1;
      for (const a of group) {
        offset += a.records.length;
        this.pendingCommits.push({ lastOffset: offset, resolve: a.resolve, reject: a.reject });
      }
    }
    await this.log.flush();
    if (this.leaderState !== state) return;
    if (state.updateLocalEndOffset(this.log.flushedEndOffset(), this.clock.now())) this.onLeaderHighWatermark();
    this.wakeParkedFetches();
  }

  // -------------------------------------------------------------------------------------
  // Outbound requests
  // -------------------------------------------------------------------------------------

  private send(destination: number, request: RaftRequest, onResponse: (r: RaftResponse) => Promise<void>): void {
    // A task that was under way when close() began must not reach out any more.
    if (this.closing || this.closed) return;
    const gen = this.gen;
    const failed = (why: string) =>
      this.enqueue(() => {
        if (gen !== this.gen) return;
        this.onSendFailure(destination, request, why);
      }).catch(() => undefined);
    let sent: Promise<RaftResponse>;
    try {
      sent = this.network.send(destination, request, this.config.requestTimeoutMs);
    } catch (e) {
      sent = Promise.reject(e);
    }
    sent.then(
      (response) => {
        if (this.closed) return;
        if (response.kind !== request.kind) {
          failed(`${request.kind} answered by a ${response.kind} response`);
          return;
        }
        this.enqueue(async () => {
          if (await this.maybeHandleCommonResponse(response, gen)) return;
          await onResponse(response);
        }).catch((e: unknown) => {
          if (!(e instanceof RaftClosedError)) this.logger.warn(`raft ${this.nodeId}: ${(e as Error).stack ?? e}`);
        });
      },
      (e: unknown) => {
        if (this.closed) return;
        failed((e as Error)?.message ?? String(e));
      },
    );
  }

  private onSendFailure(destination: number, request: RaftRequest, why: string): void {
    const now = this.clock.now();
    this.logger.debug?.(`raft ${this.nodeId}: ${request.kind} to ${destination} failed: ${why}`);
    if (request.kind === 'fetch' || request.kind === 'fetchSnapshot') {
      this.fetchInFlight = false;
      this.nextFetchAt = now + this.config.retryBackoffMs;
      return;
    }
    const peer = this.peers.get(destination);
    if (peer !== undefined) {
      peer.inFlight = false;
      peer.nextAt = now + this.config.retryBackoffMs;
    }
  }

  /**
   * KIP-595: any response may reveal a newer epoch or the leader of ours. Returns true when
   * the response must not be processed further (we moved on, or it is stale).
   */
  private async maybeHandleCommonResponse(response: RaftResponse, gen: number): Promise<boolean> {
    const { leaderId, leaderEpoch } = response;
    const knownLeader = leaderId >= 0 && leaderId !== this.nodeId && this.config.voters.includes(leaderId);
    if (leaderEpoch > this.epoch) {
      if (knownLeader) await this.becomeFollower(leaderEpoch, leaderId);
      else await this.becomeUnattached(leaderEpoch);
      return true;
    }
    if (
      leaderEpoch === this.epoch &&
      knownLeader &&
      this.leaderId < 0 &&
      (this.roleValue === 'unattached' || this.roleValue === 'voted' || this.roleValue === 'candidate')
    ) {
      await this.becomeFollower(leaderEpoch, leaderId);
      return true;
    }
    return gen !== this.gen;
  }

  private sendVotes(): void {
    const now = this.clock.now();
    const end = this.log.endOffset();
    for (const id of this.config.voters) {
      if (id === this.nodeId || this.votesGranted.has(id) || this.votesRejected.has(id)) continue;
      let peer = this.peers.get(id);
      if (peer === undefined) {
        peer = { inFlight: false, acked: false, nextAt: now };
        this.peers.set(id, peer);
      }
      if (peer.inFlight || peer.nextAt > now) continue;
      peer.inFlight = true;
      const request: VoteRequest = {
        kind: 'vote',
        clusterId: this.config.clusterId,
        candidateEpoch: this.epoch,
        candidateId: this.nodeId,
        lastOffsetEpoch: end.epoch,
        lastOffset: end.offset,
      };
      this.send(id, request, (r) => this.onVoteResponse(id, r as VoteResponse));
    }
  }

  private async onVoteResponse(from: number, response: VoteResponse): Promise<void> {
    const peer = this.peers.get(from);
    if (peer !== undefined) {
      peer.inFlight = false;
      peer.acked = true;
    }
    if (this.roleValue !== 'candidate') return;
    if (response.errorCode !== RaftErrorCode.NONE) {
      if (peer !== undefined) {
        peer.acked = false;
        peer.nextAt = this.clock.now() + this.config.retryBackoffMs;
      }
      return;
    }
    if (response.voteGranted) this.votesGranted.add(from);
    else this.votesRejected.add(from);
    if (this.votesGranted.size >= this.majority) {
      await this.becomeLeader();
    } else if (this.votesRejected.size > this.config.voters.length - this.majority && this.backoffUntil === null) {
      this.startBackoff(this.clock.now(), 'vote rejected by a majority');
    }
  }

  private beginQuorumEpochRequest(): BeginQuorumEpochRequest {
    return {
      kind: 'beginQuorumEpoch',
      clusterId: this.config.clusterId,
      leaderId: this.nodeId,
      leaderEpoch: this.epoch,
    };
  }

  private endQuorumEpochRequest(): EndQuorumEpochRequest {
    return {
      kind: 'endQuorumEpoch',
      clusterId: this.config.clusterId,
      leaderId: this.nodeId,
      leaderEpoch: this.epoch,
      preferredSuccessors: [...this.preferredSuccessors],
    };
  }

  /** Kafka's beginQuorumEpochTimeoutMs: half the fetch timeout. */
  private beginQuorumEpochIntervalMs(): number {
    return Math.max(1, Math.floor(this.config.fetchTimeoutMs / 2));
  }

  /**
   * The leader tells every voter that has not fetched lately (a new leader: all of them)
   * with BeginQuorumEpoch, again every fetchTimeoutMs / 2 while it stays silent, so a
   * voter that restarted without knowing the leader learns it before its election timeout.
   */
  private sendBeginQuorumEpochs(now: number, state: LeaderState): void {
    const interval = this.beginQuorumEpochIntervalMs();
    for (const [id, peer] of this.peers) {
      if (peer.inFlight || peer.nextAt > now) continue;
      const fetched = state.voterStates.get(id)?.lastFetchTimestamp ?? -1;
      if (fetched >= 0 && now - fetched < interval) {
        peer.nextAt = fetched + interval;
        continue;
      }
      peer.inFlight = true;
      this.send(id, this.beginQuorumEpochRequest(), async (r) => {
        peer.inFlight = false;
        peer.nextAt = this.clock.now() + (r.errorCode === RaftErrorCode.NONE ? interval : this.config.retryBackoffMs);
      });
    }
  }

  /** Resigned (EndQuorumEpoch): to every voter not yet acknowledging. */
  private sendToPeers(now: number, build: () => RaftRequest): void {
    for (const [id, peer] of this.peers) {
      if (peer.acked || peer.inFlight || peer.nextAt > now) continue;
      peer.inFlight = true;
      this.send(id, build(), async (r) => {
        peer.inFlight = false;
        if (r.errorCode === RaftErrorCode.NONE) peer.acked = true;
        else peer.nextAt = this.clock.now() + this.config.retryBackoffMs;
      });
    }
  }

  private maybeSendFetch(now: number): void {
    if (this.fetchInFlight || now < this.nextFetchAt) return;
    let destination = this.leaderId;
    if (destination < 0) {
      // An observer without a leader asks any voter; the answer names the leader.
      const voters = this.config.voters.filter((v) => v !== this.nodeId);
      if (voters.length === 0) return;
      destination = voters[Math.floor(this.random.next() * voters.length)]!;
    }
    this.fetchInFlight = true;
    const snapshot = this.snapshotFetch;
    if (snapshot !== null) {
      const request: FetchSnapshotRequest = {
        kind: 'fetchSnapshot',
        clusterId: this.config.clusterId,
        replicaId: this.nodeId,
        currentLeaderEpoch: this.epoch,
        snapshotId: { ...snapshot.id },
        position: snapshot.position,
        maxBytes: this.config.fetchMaxBytes,
      };
      this.send(destination, request, (r) => this.onFetchSnapshotResponse(request, r as FetchSnapshotResponse));
      return;
    }
    const end = this.log.endOffset();
    const request: FetchRequest = {
      kind: 'fetch',
      clusterId: this.config.clusterId,
      replicaId: this.nodeId,
      currentLeaderEpoch: this.epoch,
      fetchOffset: end.offset,
      lastFetchedEpoch: end.epoch,
      maxWaitMs: this.config.fetchMaxWaitMs,
      maxBytes: this.config.fetchMaxBytes,
    };
    this.send(destination, request, (r) => this.onFetchResponse(request, r as FetchResponse));
  }

  private async onFetchResponse(request: FetchRequest, response: FetchResponse): Promise<void> {
    this.fetchInFlight = false;
    const now = this.clock.now();
    if (response.errorCode !== RaftErrorCode.NONE || this.roleValue !== 'follower') {
      if (response.errorCode === RaftErrorCode.INCONSISTENT_CLUSTER_ID) {
        this.logger.warn(`raft ${this.nodeId}: the leader has another cluster id than ${this.config.clusterId}`);
      }
      this.nextFetchAt = now + this.config.retryBackoffMs;
      return;
    }
    this.fetchDeadline = now + this.config.fetchTimeoutMs;
    // Fetch again at once only if this answer is processed in full: a failing log must
    // not turn the fetch loop into a busy loop.
    this.nextFetchAt = now + this.config.retryBackoffMs;
    const end = this.log.endOffset();
    if (request.fetchOffset !== end.offset || request.lastFetchedEpoch !== end.epoch) {
      this.nextFetchAt = now;
      return;
    }
    if (response.divergingEpoch !== null) {
      // Kafka's truncateToEndOffset: where our own log leaves the leader's diverging epoch.
      // Cutting only at the leader's end offset would leave our later-epoch suffix in place
      // (and the next fetch would diverge at the same point forever).
      const diverging = response.divergingEpoch;
      if (diverging.epoch < 0 || diverging.endOffset < 0) {
        this.logger.warn(
          `raft ${this.nodeId}: leader ${this.leaderId} sent diverging epoch ${diverging.epoch}; ignored`,
        );
        this.nextFetchAt = now + this.config.retryBackoffMs;
        return;
      }
      const local = this.log.endOffsetForEpoch(diverging.epoch);
      const target =
        local.epoch < 0 || local.offset < 0
          ? Math.min(diverging.endOffset, end.offset) // our storage knows nothing of that epoch
          : Math.min(
              end.offset,
              local.epoch === diverging.epoch ? Math.min(local.offset, diverging.endOffset) : local.offset,
            );
      if (target < this.hw) {
        this.fail(
          new Error(
            `leader ${this.leaderId} asks to truncate to ${target}, below the high watermark ${this.hw}: refusing to lose committed data`,
          ),
        );
        return;
      }
      this.logger.info(`raft ${this.nodeId}: log diverges from leader ${this.leaderId}; truncating to ${target}`);
      await this.log.truncateTo(target);
      await this.log.flush();
      this.nextFetchAt = now;
      return;
    }
    if (response.snapshotId !== null) {
      this.logger.info(
        `raft ${this.nodeId}: fetching snapshot ${response.snapshotId.offset}:${response.snapshotId.epoch}`,
      );
      this.snapshotFetch = { id: { ...response.snapshotId }, position: 0, chunks: [] };
      this.nextFetchAt = now;
      return;
    }
    if (response.records.length > 0) {
      const problem = checkFetchedBatches(response.records, end.offset);
      if (problem !== null) {
        this.logger.warn(`raft ${this.nodeId}: records from leader ${this.leaderId} refused: ${problem}`);
        this.nextFetchAt = now + this.config.retryBackoffMs;
        return;
      }
      await this.log.appendAsFollower(response.records);
    }
    // Followers flush before their next fetch reports the offset (it then counts for the HW).
    // Also with nothing fetched: a restarted follower's log may end in a recovered tail that
    // was never flushed, and its HW (bounded by the flushed end) would stay below it until
    // the leader appended something new, leaving committed batches unapplied meanwhile.
    if (this.log.flushedEndOffset() < this.log.endOffset().offset) await this.log.flush();
    if (response.highWatermark >= 0) {
      this.setHighWatermark(Math.min(response.highWatermark, this.log.flushedEndOffset()));
    }
    this.nextFetchAt = now;
  }

  private async onFetchSnapshotResponse(request: FetchSnapshotRequest, response: FetchSnapshotResponse): Promise<void> {
    this.fetchInFlight = false;
    const now = this.clock.now();
    const fetch = this.snapshotFetch;
    if (fetch === null || this.roleValue !== 'follower') return;
    if (response.errorCode !== RaftErrorCode.NONE) {
      if (
        response.errorCode === RaftErrorCode.SNAPSHOT_NOT_FOUND ||
        response.errorCode === RaftErrorCode.POSITION_OUT_OF_RANGE
      ) {
        // The leader has moved on to a newer snapshot (or lost track): start over with a Fetch.
        this.snapshotFetch = null;
        this.nextFetchAt = now;
      } else {
        this.nextFetchAt = now + this.config.retryBackoffMs;
      }
      return;
    }
    this.fetchDeadline = now + this.config.fetchTimeoutMs;
    this.nextFetchAt = now;
    if (
      response.snapshotId.offset !== fetch.id.offset ||
      response.snapshotId.epoch !== fetch.id.epoch ||
      response.position !== request.position ||
      request.position !== fetch.position
    ) {
      this.snapshotFetch = null;
      return;
    }
    fetch.chunks.push(Buffer.from(response.unalignedRecords));
    fetch.position += response.unalignedRecords.length;
    if (fetch.position < response.size) {
      if (response.unalignedRecords.length === 0) this.snapshotFetch = null;
      return;
    }
    if (fetch.position !== response.size) {
      // More bytes than the snapshot has: something is wrong with the answers; start over.
      this.logger.warn(`raft ${this.nodeId}: snapshot chunks add up to ${fetch.position} of ${response.size} bytes`);
      this.snapshotFetch = null;
      return;
    }
    const data = Buffer.concat(fetch.chunks);
    this.snapshotFetch = null;
    this.nextFetchAt = now + this.config.retryBackoffMs; // unless the install completes
    await this.log.writeSnapshot(fetch.id, data);
    await this.log.truncateToSnapshot(fetch.id);
    this.logger.info(`raft ${this.nodeId}: installed snapshot ${fetch.id.offset}:${fetch.id.epoch}`);
    this.setHighWatermark(fetch.id.offset);
    this.nextFetchAt = now;
    await this.deliverCommits();
  }

  // -------------------------------------------------------------------------------------
  // Inbound requests
  // -------------------------------------------------------------------------------------

  private async dispatch(from: number, request: RaftRequest): Promise<{ response: Promise<RaftResponse> }> {
    switch (request.kind) {
      case 'vote':
        return { response: Promise.resolve(await this.handleVote(request)) };
      case 'beginQuorumEpoch':
        return { response: Promise.resolve(await this.handleBeginQuorumEpoch(request)) };
      case 'endQuorumEpoch':
        return { response: Promise.resolve(await this.handleEndQuorumEpoch(request)) };
      case 'fetch':
        return await this.handleFetch(request);
      case 'fetchSnapshot':
        return { response: Promise.resolve(await this.handleFetchSnapshot(request)) };
      default:
        this.logger.warn(`raft ${this.nodeId}: unknown request from ${from}`);
        throw new RangeError(`unknown raft request kind ${(request as { kind: unknown }).kind}`);
    }
  }

  private clusterIdMatches(clusterId: string): boolean {
    return clusterId === '' || this.config.clusterId === '' || clusterId === this.config.clusterId;
  }

  private leaderIdOrNone(): number {
    return this.leaderId;
  }

  private voteResponse(errorCode: number, voteGranted: boolean): VoteResponse {
    return { kind: 'vote', errorCode, leaderId: this.leaderIdOrNone(), leaderEpoch: this.epoch, voteGranted };
  }

  private async handleVote(r: VoteRequest): Promise<VoteResponse> {
    if (!this.clusterIdMatches(r.clusterId)) return this.voteResponse(RaftErrorCode.INCONSISTENT_CLUSTER_ID, false);
    if (!this.isVoter || !this.config.voters.includes(r.candidateId)) {
      return this.voteResponse(RaftErrorCode.INCONSISTENT_VOTER_SET, false);
    }
    if (r.lastOffset < 0 || r.lastOffsetEpoch < 0 || r.lastOffsetEpoch > r.candidateEpoch) {
      return this.voteResponse(RaftErrorCode.INVALID_REQUEST, false);
    }
    if (r.candidateEpoch < this.epoch) return this.voteResponse(RaftErrorCode.FENCED_LEADER_EPOCH, false);
    if (r.candidateEpoch > this.epoch) await this.becomeUnattached(r.candidateEpoch);
    let grant = false;
    if (this.roleValue === 'unattached' || this.roleValue === 'voted') {
      if (this.votedId === r.candidateId) {
        grant = true;
      } else if (this.votedId < 0) {
        // Raft §5.4.1: only a log at least as up to date as ours (last epoch, then end offset).
        const end = this.log.endOffset();
        grant = r.lastOffsetEpoch > end.epoch || (r.lastOffsetEpoch === end.epoch && r.lastOffset >= end.offset);
        if (grant) await this.becomeVoted(r.candidateId);
      }
    }
    this.logger.debug?.(
      `raft ${this.nodeId}: vote for ${r.candidateId} in epoch ${r.candidateEpoch}: ${grant ? 'granted' : 'rejected'}`,
    );
    return this.voteResponse(RaftErrorCode.NONE, grant);
  }

  private beginResponse(errorCode: number): BeginQuorumEpochResponse {
    return { kind: 'beginQuorumEpoch', errorCode, leaderId: this.leaderIdOrNone(), leaderEpoch: this.epoch };
  }

  private endResponse(errorCode: number): EndQuorumEpochResponse {
    return { kind: 'endQuorumEpoch', errorCode, leaderId: this.leaderIdOrNone(), leaderEpoch: this.epoch };
  }

  private async handleBeginQuorumEpoch(r: BeginQuorumEpochRequest): Promise<BeginQuorumEpochResponse> {
    if (!this.clusterIdMatches(r.clusterId)) return this.beginResponse(RaftErrorCode.INCONSISTENT_CLUSTER_ID);
    if (!this.config.voters.includes(r.leaderId)) return this.beginResponse(RaftErrorCode.INCONSISTENT_VOTER_SET);
    if (r.leaderEpoch < this.epoch) return this.beginResponse(RaftErrorCode.FENCED_LEADER_EPOCH);
    if (r.leaderEpoch === this.epoch && this.leaderId >= 0 && this.leaderId !== r.leaderId) {
      this.logger.warn(
        `raft ${this.nodeId}: ${r.leaderId} claims epoch ${r.leaderEpoch}, led by ${this.leaderId}; ignored`,
      );
      return this.beginResponse(RaftErrorCode.INVALID_REQUEST);
    }
    if (r.leaderId === this.nodeId) return this.beginResponse(RaftErrorCode.INVALID_REQUEST);
    await this.becomeFollower(r.leaderEpoch, r.leaderId);
    return this.beginResponse(RaftErrorCode.NONE);
  }

  private async handleEndQuorumEpoch(r: EndQuorumEpochRequest): Promise<EndQuorumEpochResponse> {
    if (!this.clusterIdMatches(r.clusterId)) return this.endResponse(RaftErrorCode.INCONSISTENT_CLUSTER_ID);
    if (!this.config.voters.includes(r.leaderId)) return this.endResponse(RaftErrorCode.INCONSISTENT_VOTER_SET);
    if (r.leaderEpoch < this.epoch) return this.endResponse(RaftErrorCode.FENCED_LEADER_EPOCH);
    if (r.leaderId === this.nodeId) return this.endResponse(RaftErrorCode.NONE);
    if (r.leaderEpoch > this.epoch || this.leaderId < 0) {
      await this.becomeFollower(r.leaderEpoch, r.leaderId);
    }
    if (this.roleValue === 'follower' && this.leaderId === r.leaderId && this.isVoter) {
      const backoff = endEpochElectionBackoffMs(this.nodeId, r.preferredSuccessors, this.config.electionBackoffMaxMs);
      this.fetchDeadline = Math.min(this.fetchDeadline, this.clock.now() + backoff);
      this.logger.info(
        `raft ${this.nodeId}: leader ${r.leaderId} resigned epoch ${r.leaderEpoch}; election in ${backoff} ms`,
      );
    }
    return this.endResponse(RaftErrorCode.NONE);
  }

  private fetchError(errorCode: number): FetchResponse {
    return {
      kind: 'fetch',
      errorCode,
      leaderId: this.leaderIdOrNone(),
      leaderEpoch: this.epoch,
      highWatermark: -1,
      logStartOffset: -1,
      records: Buffer.alloc(0),
      divergingEpoch: null,
      snapshotId: null,
    };
  }

  /** Kafka's validateLeaderOnlyRequest; null when the request may proceed. */
  private leaderOnlyError(currentLeaderEpoch: number): number | null {
    if (currentLeaderEpoch < this.epoch) return RaftErrorCode.FENCED_LEADER_EPOCH;
    if (currentLeaderEpoch > this.epoch) return RaftErrorCode.UNKNOWN_LEADER_EPOCH;
    if (this.roleValue !== 'leader' || this.leaderState === null) return RaftErrorCode.NOT_LEADER_OR_FOLLOWER;
    return null;
  }

  /** The answer, or a promise of it when the fetch waits for data (long poll). */
  private async handleFetch(r: FetchRequest): Promise<{ response: Promise<FetchResponse> }> {
    const done = (response: FetchResponse) => ({ response: Promise.resolve(response) });
    if (!this.clusterIdMatches(r.clusterId)) return done(this.fetchError(RaftErrorCode.INCONSISTENT_CLUSTER_ID));
    if (r.maxWaitMs < 0 || r.fetchOffset < 0 || r.lastFetchedEpoch < 0 || r.lastFetchedEpoch > r.currentLeaderEpoch) {
      return done(this.fetchError(RaftErrorCode.INVALID_REQUEST));
    }
    const now = this.clock.now();
    // What this fetcher was last told: a higher high watermark is news worth answering at
    // once (its own fetch may just have moved it), or followers would learn of commits
    // only when the long poll expires.
    const told = this.leaderState?.highWatermarkSent(r.replicaId) ?? -1;
    const response = await this.tryCompleteFetch(r, now);
    if (
      response.errorCode !== RaftErrorCode.NONE ||
      response.records.length > 0 ||
      response.divergingEpoch !== null ||
      response.snapshotId !== null ||
      r.maxWaitMs === 0 ||
      response.highWatermark > told ||
      this.parkedFetches.length >= PARKED_FETCHES_MAX
    ) {
      return done(response);
    }
    const parked = new Promise<FetchResponse>((resolve) => {
      this.parkedFetches.push({
        request: r,
        deadline: now + Math.min(r.maxWaitMs, this.config.fetchMaxWaitMs),
        resolve,
      });
    });
    return { response: parked };
  }

  /** Parked fetches are answered at the end of the current task (an append or a high-watermark move). */
  private wakeParkedFetches(): void {
    if (this.parkedFetches.length > 0) this.parkedFetchesDue = true;
  }

  private async completeParkedFetches(): Promise<void> {
    this.parkedFetchesDue = false;
    const parked = this.parkedFetches;
    this.parkedFetches = [];
    const now = this.clock.now();
    for (const p of parked) p.resolve(await this.tryCompleteFetch(p.request, now));
  }

  private async tryCompleteFetch(r: FetchRequest, now: number): Promise<FetchResponse> {
    const error = this.leaderOnlyError(r.currentLeaderEpoch);
    if (error !== null) return this.fetchError(error);
    const state = this.leaderState!;
    const base = {
      kind: 'fetch' as const,
      errorCode: RaftErrorCode.NONE as number,
      leaderId: this.nodeId,
      leaderEpoch: this.epoch,
      logStartOffset: this.log.startOffset(),
      records: Buffer.alloc(0),
    };
    const valid = validateOffsetAndEpoch(this.log, r.fetchOffset, r.lastFetchedEpoch);
    if (valid.kind === 'snapshot') {
      return { ...base, highWatermark: this.hw, divergingEpoch: null, snapshotId: { ...valid.snapshotId } };
    }
    if (valid.kind === 'diverging') {
      const divergingEpoch = { epoch: valid.epoch, endOffset: valid.endOffset };
      return { ...base, highWatermark: this.hw, divergingEpoch, snapshotId: null };
    }
    const logEnd = this.log.endOffset().offset;
    if (state.updateReplica(r.replicaId, r.fetchOffset, logEnd, now)) this.onLeaderHighWatermark();
    const peer = this.peers.get(r.replicaId);
    // It follows us: the next BeginQuorumEpoch is due only if it stops fetching.
    if (peer !== undefined && !peer.inFlight)
      peer.nextAt = Math.max(peer.nextAt, now + this.beginQuorumEpochIntervalMs());
    const records =
      r.fetchOffset < logEnd
        ? await this.log.read(r.fetchOffset, Math.max(1, Math.min(r.maxBytes, this.config.fetchMaxBytes)))
        : Buffer.alloc(0);
    state.recordHighWatermarkSent(r.replicaId, this.hw);
    return { ...base, highWatermark: this.hw, records, divergingEpoch: null, snapshotId: null };
  }

  private async handleFetchSnapshot(r: FetchSnapshotRequest): Promise<FetchSnapshotResponse> {
    const respond = (
      errorCode: number,
      size = -1,
      position = -1,
      chunk: Buffer = Buffer.alloc(0),
    ): FetchSnapshotResponse => ({
      kind: 'fetchSnapshot',
      errorCode,
      leaderId: this.leaderIdOrNone(),
      leaderEpoch: this.epoch,
      snapshotId: { ...r.snapshotId },
      size,
      position,
      unalignedRecords: chunk,
    });
    if (!this.clusterIdMatches(r.clusterId)) return respond(RaftErrorCode.INCONSISTENT_CLUSTER_ID);
    if (r.position < 0 || r.maxBytes <= 0) return respond(RaftErrorCode.INVALID_REQUEST);
    const error = this.leaderOnlyError(r.currentLeaderEpoch);
    if (error !== null) return respond(error);
    // Only the chunk asked for is read, not the whole snapshot for every chunk.
    const read = await this.log.readSnapshotChunk(
      r.snapshotId,
      r.position,
      Math.min(r.maxBytes, this.config.fetchMaxBytes),
    );
    if (read === null) return respond(RaftErrorCode.SNAPSHOT_NOT_FOUND);
    if (r.position > read.size) return respond(RaftErrorCode.POSITION_OUT_OF_RANGE);
    this.leaderState?.recordVoterContact(r.replicaId, this.clock.now());
    return respond(RaftErrorCode.NONE, read.size, r.position, read.chunk);
  }

  private notLeader(why: string): NotLeaderError {
    const { leaderId, epoch } = this.leaderAndEpoch();
    return new NotLeaderError(`raft node ${this.nodeId}: ${why}`, leaderId, epoch);
  }
}
