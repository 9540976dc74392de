import type {
  CommittedBatch,
  OffsetAndEpoch,
  QuorumStateStore,
  RaftConfig,
  RaftListener,
  RaftRequest,
  RaftResponse,
} from '@gregor/raft';
import {
  DEFAULT_RAFT_CONFIG,
  MemoryQuorumStateStore,
  MemoryReplicatedLog,
  NotLeaderError,
  RaftClosedError,
  RaftNode,
} from '@gregor/raft';
import { Invariant, InvariantViolation, RaftInvariants } from './invariants.js';
import { type SimEndpoint, SimNetwork } from './network.js';
import type { SeededRandom } from './random.js';
import { ProcessGate, type SimScheduler, type TimerScope } from './scheduler.js';
import { SlowDiskLog } from './slow-disk-log.js';

/**
 * A Raft quorum in one process: every node is a real `RaftNode` on a `MemoryReplicatedLog`
 * (behind a `SlowDiskLog` when flushes take time) and a `MemoryQuorumStateStore`, talking
 * over a `SimNetwork`, timed by one `SimScheduler`.
 *
 * Processes can crash and restart. A crash discards everything the node held in memory
 * (the RaftNode, its timers, its network endpoint, its state machine) and cuts the log
 * back to what was flushed (`MemoryReplicatedLog.crash()`, a machine losing power); the
 * quorum-state store and snapshots were durable when written and survive. A new RaftNode
 * (a new incarnation) then starts on what is left. A dead incarnation is frozen: its
 * timers are cancelled and its network promises never settle, so none of its code runs
 * again (a zombie leader still acting after its "crash" would be a bug in the harness, not
 * in Raft).
 *
 * Each node runs a tiny state machine (offset -> record value) fed by handleCommit and
 * handleLoadSnapshot; its snapshots are that map, so a node that loads one is checked
 * record by record against what the others committed.
 */

export type NodeStatus = 'down' | 'starting' | 'up' | 'closing';

/** A node's state machine: the records it has applied, by offset. */
export class SimStateMachine {
  readonly entries = new Map<number, string>();
  /** Next offset to apply (exclusive end of what is applied). */
  appliedEnd = 0;
  /** End offset of the latest snapshot loaded or created by this incarnation. */
  snapshotEnd = 0;

  encode(): Buffer {
    return Buffer.from(JSON.stringify([...this.entries]));
  }

  static decode(data: Buffer): [number, string][] {
    const parsed: unknown = JSON.parse(data.toString('utf8'));
    if (!Array.isArray(parsed)) throw new Error('snapshot is not an array');
    return parsed.map((entry: unknown) => {
      if (!Array.isArray(entry) || typeof entry[0] !== 'number' || typeof entry[1] !== 'string') {
        throw new Error(`snapshot entry ${JSON.stringify(entry)} is not [offset, value]`);
      }
      return [entry[0], entry[1]];
    });
  }
}

export class SimRaftNode {
  readonly id: number;
  readonly voter: boolean;
  readonly log = new MemoryReplicatedLog();
  store: QuorumStateStore;
  status: NodeStatus = 'down';
  /** Counts starts: 0 for the first run of the process. */
  incarnation = -1;
  raft: RaftNode | null = null;
  state = new SimStateMachine();
  /** Appends this incarnation has in flight (the workload bounds them). */
  pendingAppends = 0;
  timers: TimerScope | null = null;
  gate: ProcessGate | null = null;
  endpoint: SimEndpoint<RaftRequest, RaftResponse> | null = null;
  readonly random: SeededRandom;

  constructor(id: number, voter: boolean, store: QuorumStateStore, random: SeededRandom) {
    this.id = id;
    this.voter = voter;
    this.store = store;
    this.random = random;
  }

  /** This incarnation's RaftNode when it has started, is not closing and not paused. */
  get running(): RaftNode | null {
    return this.status === 'up' && this.gate?.paused !== true ? this.raft : null;
  }
}

export interface RaftClusterOptions {
  scheduler: SimScheduler;
  random: SeededRandom;
  voters: readonly number[];
  observers: readonly number[];
  config?: Partial<Omit<RaftConfig, 'nodeId' | 'voters' | 'clusterId'>>;
  /** Wraps each node's quorum-state store (used to inject bugs into the harness's durability). */
  wrapStore?: (node: number, store: QuorumStateStore) => QuorumStateStore;
  /** Rewrites responses in flight (used to inject protocol bugs). */
  tamperResponse?: (from: number, response: RaftResponse) => RaftResponse;
  /** Trace raft's own log lines too (verbose runs). */
  raftLogs?: boolean;
  /** A flush takes up to this long (virtual ms), so a crash can cut it short (see SlowDiskLog). */
  maxFlushMs?: number;
  /** Injected bug: flush() makes nothing durable, though it says so. */
  flushLies?: boolean;
}

export const CLUSTER_ID = 'gregor-sim-cluster';

export class RaftCluster {
  readonly scheduler: SimScheduler;
  readonly network: SimNetwork<RaftRequest, RaftResponse>;
  readonly invariants = new RaftInvariants();
  readonly nodes = new Map<number, SimRaftNode>();
  readonly voters: readonly number[];
  readonly observers: readonly number[];
  readonly #options: RaftClusterOptions;
  readonly #config: Omit<RaftConfig, 'nodeId'>;

  constructor(options: RaftClusterOptions) {
    this.#options = options;
    this.scheduler = options.scheduler;
    this.voters = options.voters;
    this.observers = options.observers;
    this.#config = { ...DEFAULT_RAFT_CONFIG, ...options.config, voters: options.voters, clusterId: CLUSTER_ID };
    this.network = new SimNetwork<RaftRequest, RaftResponse>(options.scheduler, options.random.fork(), {
      describeRequest,
      describeResponse,
    });
    this.network.onHandlerError = (node, error) => {
      // After close() a node answers nothing (RaftClosedError); anything else means handle()
      // broke its contract of answering with an error code.
      if (error instanceof RaftClosedError) return;
      this.scheduler.fail(new Error(`node ${node}: handle() rejected instead of answering: ${describeError(error)}`));
    };
    for (const id of [...options.voters, ...options.observers]) {
      const real = new MemoryQuorumStateStore({ voters: options.voters, clusterId: CLUSTER_ID });
      const store = options.wrapStore?.(id, real) ?? real;
      this.nodes.set(id, new SimRaftNode(id, options.voters.includes(id), store, options.random.fork()));
    }
  }

  get config(): Omit<RaftConfig, 'nodeId'> {
    return this.#config;
  }

  node(id: number): SimRaftNode {
    const node = this.nodes.get(id);
    if (node === undefined) throw new Error(`no node ${id}`);
    return node;
  }

  /** A running node that believes it leads (the one in the highest epoch, should a deposed one not know yet). */
  leader(): SimRaftNode | null {
    let best: SimRaftNode | null = null;
    let bestEpoch = -1;
    for (const node of this.nodes.values()) {
      const raft = node.running;
      if (raft === null) continue;
      const { leaderId, epoch } = raft.leaderAndEpoch();
      if (leaderId === node.id && epoch > bestEpoch) {
        best = node;
        bestEpoch = epoch;
      }
    }
    return best;
  }

  /** Starts a new incarnation of a node that is down, on its durable state. */
  start(id: number): void {
    const node = this.node(id);
    if (node.status !== 'down') throw new Error(`node ${id} is ${node.status}, not down`);
    node.incarnation++;
    node.status = 'starting';
    node.state = new SimStateMachine();
    node.pendingAppends = 0;
    const incarnation = node.incarnation;
    const gate = new ProcessGate();
    const timers = this.scheduler.scope(gate);
    let raft: RaftNode | null = null;
    const endpoint = this.network.register(
      id,
      (from, request) => {
        if (raft === null) return Promise.reject(new RaftClosedError('not started'));
        return raft.handle(from, request);
      },
      gate,
    );
    // Not listening until its durable state is read.
    endpoint.accepting = false;
    const tamper = this.#options.tamperResponse;
    const network =
      tamper === undefined
        ? endpoint
        : {
            send: (destination: number, request: RaftRequest, timeoutMs: number) =>
              endpoint.send(destination, request, timeoutMs).then((response) => tamper(destination, response)),
          };
    const verbose = this.#options.raftLogs === true;
    const maxFlushMs = this.#options.maxFlushMs ?? 0;
    const flushLies = this.#options.flushLies === true;
    raft = new RaftNode({
      config: { ...this.#config, nodeId: id },
      log:
        maxFlushMs > 0 || flushLies
          ? new SlowDiskLog(node.log, timers, node.random.fork(), maxFlushMs, flushLies)
          : node.log,
      store: node.store,
      network,
      clock: this.scheduler,
      timers,
      random: node.random.fork(),
      listener: this.#listener(node, incarnation),
      ...(verbose
        ? {
            logger: {
              info: (message: string) => this.scheduler.trace(`node ${id}: ${message}`),
              warn: (message: string) => this.scheduler.trace(`node ${id} WARN: ${message}`),
              debug: (message: string) => this.scheduler.trace(`node ${id} debug: ${message}`),
            },
          }
        : {}),
    });
    node.raft = raft;
    node.timers = timers;
    node.gate = gate;
    node.endpoint = endpoint;
    this.scheduler.trace(`node ${id} start (incarnation ${incarnation}, log end ${node.log.endOffset().offset})`);
    raft.start().then(
      () => {
        if (node.incarnation !== incarnation || node.status !== 'starting') return;
        node.status = 'up';
        endpoint.accepting = true;
        this.scheduler.trace(`node ${id} up`);
        try {
          this.observe(node);
        } catch (error) {
          this.scheduler.fail(error);
        }
      },
      (error: unknown) => {
        if (node.incarnation !== incarnation) return;
        this.scheduler.fail(new Error(`node ${id} failed to start: ${describeError(error)}`));
      },
    );
  }

  /** Power loss: memory is gone, the log keeps only what was flushed. */
  crash(id: number): void {
    const node = this.node(id);
    if (node.status === 'down') return;
    this.#bury(node);
    const before = node.log.endOffset().offset;
    node.log.crash();
    this.scheduler.trace(`node ${id} crash (log end ${before} -> ${node.log.endOffset().offset})`);
  }

  /**
   * Stops the process for `ms` without it knowing (a long GC pause): its timers fire late
   * and what it is sent waits, then all of it runs at once on resume.
   */
  pause(id: number, ms: number): void {
    const node = this.node(id);
    const gate = node.gate;
    if (node.running === null || gate === null) return;
    gate.pause();
    this.scheduler.trace(`node ${id} pause for ${ms} ms`);
    this.scheduler.setTimeout(() => {
      if (node.gate !== gate) return;
      this.scheduler.trace(`node ${id} resume`);
      gate.resume();
    }, ms);
  }

  /** Graceful shutdown (a leader resigns with EndQuorumEpoch); `then` runs once it is down. */
  close(id: number, then?: () => void): void {
    const node = this.node(id);
    const raft = node.running;
    if (raft === null) return;
    node.status = 'closing';
    const incarnation = node.incarnation;
    this.scheduler.trace(`node ${id} close`);
    raft.close({ graceful: true }).then(
      () => {
        if (node.incarnation !== incarnation || node.status !== 'closing') return;
        this.#bury(node);
        this.scheduler.trace(`node ${id} closed`);
        then?.();
      },
      (error: unknown) => {
        if (node.incarnation !== incarnation) return;
        this.scheduler.fail(new Error(`node ${id} failed to close: ${describeError(error)}`));
      },
    );
  }

  /** The leader's DescribeQuorum answer, checked (see RaftInvariants.checkDescribeQuorum). */
  checkDescribeQuorum(leader: SimRaftNode): void {
    const raft = leader.running;
    if (raft === null) throw new Error(`node ${leader.id} is not running`);
    const leaderState = { id: leader.id, epoch: raft.leaderAndEpoch().epoch, highWatermark: raft.highWatermark() };
    this.invariants.checkDescribeQuorum(leaderState, raft.describeQuorum(), this.voters, this.observers);
  }

  /** Log Matching over every node's log, up or down (the logs are what survives). */
  checkLogMatching(): void {
    const logs = new Map<number, readonly { baseOffset: number; lastOffset: number; epoch: number; bytes: Buffer }[]>();
    for (const node of this.nodes.values()) logs.set(node.id, node.log.batchesForTest());
    this.invariants.checkLogMatching(logs);
  }

  /** Feeds every running node's current view to the invariants; called after every event. */
  observeAll(): void {
    for (const node of this.nodes.values()) this.observe(node);
  }

  observe(node: SimRaftNode): void {
    const raft = node.running;
    if (raft === null) return;
    if (raft.fatalError !== null) {
      throw new InvariantViolation(
        Invariant.NO_FATAL_ERROR,
        `node ${node.id} stopped itself: ${describeError(raft.fatalError)}`,
      );
    }
    const { leaderId, epoch } = raft.leaderAndEpoch();
    this.invariants.observeLeader(node.id, leaderId, epoch);
    this.invariants.observeHighWatermark(node.id, node.incarnation, raft.highWatermark(), node.log.endOffset().offset);
  }

  /**
   * The state machine asks Raft for a snapshot of what it has applied (Kafka's controller
   * does so every metadata.log.max.record.bytes.between.snapshots).
   */
  snapshot(id: number): void {
    const node = this.node(id);
    const raft = node.running;
    const state = node.state;
    if (raft === null || state.appliedEnd <= state.snapshotEnd) return;
    const end = state.appliedEnd;
    const data = state.encode();
    this.scheduler.trace(`node ${id} createSnapshot(${end})`);
    raft.createSnapshot(end, data).then(
      (snapshotId) => {
        // A newer snapshot (installed from the leader meanwhile) may answer instead.
        if (snapshotId.offset < end) {
          this.scheduler.fail(new Error(`node ${id}: createSnapshot(${end}) made snapshot ${snapshotId.offset}`));
        }
        if (state.snapshotEnd < end) state.snapshotEnd = end;
      },
      (error: unknown) => {
        // Asked at a committed batch boundary at or below the high watermark (what the
        // contract requires), a running node must comply; one that is closing or was
        // replaced may refuse.
        if (node.raft !== raft || node.status !== 'up' || error instanceof RaftClosedError) return;
        this.scheduler.fail(new Error(`node ${id}: createSnapshot(${end}) rejected: ${describeError(error)}`));
      },
    );
  }

  /**
   * Appends `values` on `node` (which believes it leads in `epoch`); once append() resolves,
   * each value is acknowledged to the invariants at its offset and `onAck` runs.
   */
  append(
    node: SimRaftNode,
    values: readonly string[],
    epoch: number,
    onAck?: (lastOffset: number) => void,
    onReject?: () => void,
  ): void {
    const raft = node.running;
    if (raft === null) return;
    node.pendingAppends++;
    const incarnation = node.incarnation;
    this.scheduler.trace(`node ${node.id} append ${values.join(',')} in epoch ${epoch}`);
    raft
      .append(
        values.map((v) => Buffer.from(v)),
        epoch,
      )
      .then(
        (lastOffset) => {
          if (node.incarnation === incarnation) node.pendingAppends--;
          this.scheduler.trace(`ack ${values.join(',')} at ${lastOffset - values.length + 1}..${lastOffset}`);
          try {
            for (let i = 0; i < values.length; i++) {
              this.invariants.acknowledge(values[i]!, lastOffset - (values.length - 1 - i));
            }
          } catch (error) {
            this.scheduler.fail(error);
          }
          onAck?.(lastOffset);
        },
        (error: unknown) => {
          if (node.incarnation === incarnation) node.pendingAppends--;
          onReject?.();
          if (error instanceof NotLeaderError || error instanceof RaftClosedError) {
            this.scheduler.trace(`append ${values.join(',')} not acknowledged: ${describeError(error)}`);
            return;
          }
          this.scheduler.fail(new Error(`node ${node.id}: append rejected with ${describeError(error)}`));
        },
      );
  }

  /**
   * An append that must be refused: on a follower or observer, or in an epoch that is
   * over. Neither can become legitimate later (a follower of epoch e never leads e, an
   * epoch never comes back), so anything but NotLeaderError is a fencing bug.
   */
  appendMustFail(node: SimRaftNode, values: readonly string[], epoch: number, why: string): void {
    const raft = node.running;
    if (raft === null) return;
    this.scheduler.trace(`node ${node.id} append ${values.join(',')} in epoch ${epoch} (must fail: ${why})`);
    raft
      .append(
        values.map((v) => Buffer.from(v)),
        epoch,
      )
      .then(
        (lastOffset) =>
          this.scheduler.fail(
            new InvariantViolation(
              Invariant.APPEND_FENCING,
              `node ${node.id} accepted an append in epoch ${epoch} (${why}) at offset ${lastOffset}`,
            ),
          ),
        (error: unknown) => {
          if (!(error instanceof NotLeaderError)) {
            this.scheduler.fail(
              new InvariantViolation(
                Invariant.APPEND_FENCING,
                `node ${node.id} refused an append (${why}) with ${describeError(error)}, not NotLeaderError`,
              ),
            );
          }
        },
      );
  }

  #bury(node: SimRaftNode): void {
    node.gate?.kill();
    node.timers?.kill();
    node.endpoint?.kill();
    node.timers = null;
    node.gate = null;
    node.endpoint = null;
    node.raft = null;
    node.status = 'down';
  }

  #listener(node: SimRaftNode, incarnation: number): RaftListener {
    const alive = (): boolean => node.incarnation === incarnation && node.status !== 'down';
    // Invariant failures are recorded with the scheduler rather than thrown into Raft's code.
    const guard = (fn: () => void): void => {
      if (!alive()) return;
      try {
        fn();
      } catch (error) {
        this.scheduler.fail(error);
      }
    };
    return {
      handleCommit: (batch: CommittedBatch) =>
        guard(() => {
          const values = batch.records.map((r) => r.toString('utf8'));
          if (this.scheduler.tracer !== null) {
            this.scheduler.trace(
              `node ${node.id} commit ${batch.baseOffset}..${batch.lastOffset} epoch ${batch.epoch}`,
            );
          }
          this.invariants.commit(node.id, incarnation, {
            baseOffset: batch.baseOffset,
            lastOffset: batch.lastOffset,
            epoch: batch.epoch,
            values,
          });
          for (let i = 0; i < values.length; i++) node.state.entries.set(batch.baseOffset + i, values[i]!);
          node.state.appliedEnd = batch.lastOffset + 1;
        }),
      handleLoadSnapshot: (snapshot: { id: OffsetAndEpoch; data: Buffer }) =>
        guard(() => {
          const entries = SimStateMachine.decode(snapshot.data);
          this.scheduler.trace(`node ${node.id} load snapshot ${snapshot.id.offset}:${snapshot.id.epoch}`);
          this.invariants.loadSnapshot(node.id, incarnation, snapshot.id.offset, entries);
          const state = new SimStateMachine();
          for (const [offset, value] of entries) state.entries.set(offset, value);
          state.appliedEnd = snapshot.id.offset;
          state.snapshotEnd = snapshot.id.offset;
          node.state = state;
        }),
      handleLeaderChange: (leader: { leaderId: number | null; epoch: number }) =>
        guard(() => {
          this.scheduler.trace(`node ${node.id} sees leader ${leader.leaderId ?? 'none'} in epoch ${leader.epoch}`);
          this.invariants.observeLeader(node.id, leader.leaderId, leader.epoch);
        }),
    };
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function describeRequest(request: RaftRequest): string {
  switch (request.kind) {
    case 'vote':
      return `Vote(epoch=${request.candidateEpoch}, candidate=${request.candidateId}, last=${request.lastOffset}/${request.lastOffsetEpoch})`;
    case 'beginQuorumEpoch':
      return `BeginQuorumEpoch(epoch=${request.leaderEpoch}, leader=${request.leaderId})`;
    case 'endQuorumEpoch':
      return `EndQuorumEpoch(epoch=${request.leaderEpoch}, leader=${request.leaderId}, successors=${request.preferredSuccessors.join(',')})`;
    case 'fetch':
      return `Fetch(epoch=${request.currentLeaderEpoch}, offset=${request.fetchOffset}, lastFetchedEpoch=${request.lastFetchedEpoch})`;
    case 'fetchSnapshot':
      return `FetchSnapshot(epoch=${request.currentLeaderEpoch}, id=${request.snapshotId.offset}:${request.snapshotId.epoch}, position=${request.position})`;
  }
}

function describeResponse(response: RaftResponse): string {
  const head = `error=${response.errorCode}, leader=${response.leaderId}, epoch=${response.leaderEpoch}`;
  switch (response.kind) {
    case 'vote':
      return `VoteResponse(${head}, granted=${response.voteGranted})`;
    case 'beginQuorumEpoch':
      return `BeginQuorumEpochResponse(${head})`;
    case 'endQuorumEpoch':
      return `EndQuorumEpochResponse(${head})`;
    case 'fetch': {
      const extra =
        response.divergingEpoch !== null
          ? `, diverging=${response.divergingEpoch.endOffset}/${response.divergingEpoch.epoch}`
          : response.snapshotId !== null
            ? `, snapshot=${response.snapshotId.offset}:${response.snapshotId.epoch}`
            : '';
      return `FetchResponse(${head}, hw=${response.highWatermark}, bytes=${response.records.length}${extra})`;
    }
    case 'fetchSnapshot':
      return `FetchSnapshotResponse(${head}, position=${response.position}/${response.size})`;
  }
}
