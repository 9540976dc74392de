/**
 * The metadata log (`__cluster_metadata`, partition 0): every change to the cluster is a
 * batch of KRaft metadata records, appended by the active controller and replicated by
 * the Raft quorum of controllers (packages/raft). Every node, voter or observer, applies
 * the committed batches to its metadata image, in order, and only committed ones: a
 * batch is applied once a majority of voters has it on disk.
 *
 * A node is the active controller while it is the Raft leader and has applied every
 * batch committed before its epoch began (Raft tells it so through handleLeaderChange);
 * only then may `append` be called, and a node that is not gets NotControllerError.
 * One combined node is a quorum of one voter: the same code, electing itself at start.
 *
 * Snapshots: every `metadata.log.max.record.bytes.between.snapshots` bytes of records
 * (or `metadata.log.max.snapshot.interval.ms`), the image is written as a snapshot —
 * record batches of the records that rebuild it, between SnapshotHeader and
 * SnapshotFooter control records as Kafka writes them — and the log before it is
 * deleted. A node that starts, or a follower too far behind, loads the latest snapshot
 * and applies the log after it.
 */
import type {
  Clock,
  CommittedBatch,
  OffsetAndEpoch,
  RaftConfig,
  RaftNetwork,
  RaftRequest,
  RaftResponse,
  Random,
  Timers,
} from '@gregor/raft';
import { DEFAULT_RAFT_CONFIG, RaftNode } from '@gregor/raft';
import type { Disk } from '@gregor/storage';
import { joinPath, PartitionLog } from '@gregor/storage';
import type { Logger } from 'pino';
import { MetadataImage } from './image.js';
import { DiskQuorumStateStore, DiskReplicatedLog } from './raft-log.js';
import type { MetadataRecord } from './record-serde.js';
import { decodeMetadataRecord, encodeMetadataRecord } from './record-serde.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot.js';

export const METADATA_TOPIC = '__cluster_metadata';
const QUORUM_STATE_FILE = 'quorum-state';

/** This node is not the active controller (Kafka's NOT_CONTROLLER). */
export class NotControllerError extends Error {
  override readonly name = 'NotControllerError';
  constructor(
    /** The Raft leader as this node knows it, or null. */
    readonly leaderId: number | null,
  ) {
    super(
      leaderId === null
        ? 'this node is not the active controller, and no controller is known'
        : `this node is not the active controller; node ${leaderId} is`,
    );
  }
}

export const realClock: Clock = { now: () => Date.now() };
export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as NodeJS.Timeout),
};
export const realRandom: Random = { next: () => Math.random() };

export interface MetadataLogOptions {
  disk: Disk;
  logDir: string;
  nodeId: number;
  clusterId: string;
  logger: Logger;
  /** The voters of the quorum; empty: this node alone. */
  voters?: readonly number[];
  /** How to reach the other voters; not needed when this node is the only voter. */
  network?: RaftNetwork;
  raft?: Partial<RaftConfig>;
  /** metadata.log.max.record.bytes.between.snapshots */
  snapshotMaxBytes?: number;
  /** metadata.log.max.snapshot.interval.ms (0: no time-based snapshots) */
  snapshotIntervalMs?: number;
  /** metadata.log.segment.bytes */
  segmentBytes?: number;
  clock?: Clock;
  timers?: Timers;
  random?: Random;
}

type ImageListener = (image: MetadataImage, previous: MetadataImage) => void;
type LeaderListener = (leader: { leaderId: number | null; epoch: number; active: boolean }) => void;

export class MetadataLog {
  private current: MetadataImage = MetadataImage.empty();
  private readonly listeners: ImageListener[] = [];
  private readonly fatalListeners: ((error: Error) => void)[] = [];
  private fatal: Error | null = null;
  private readonly leaderListeners: LeaderListener[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private raftNode: RaftNode | null = null;
  /** The epoch in which this node is the active controller, or -1. */
  private activeEpoch = -1;
  private leader: { leaderId: number | null; epoch: number } = { leaderId: null, epoch: 0 };
  private readonly appliedWaiters: { offset: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  private bytesSinceSnapshot = 0;
  private lastSnapshotMs: number;
  private snapshotting: Promise<void> | null = null;
  private closed = false;
  private readonly voters: readonly number[];
  private readonly clock: Clock;

  private constructor(
    private readonly log: PartitionLog,
    private readonly opts: MetadataLogOptions,
  ) {
    this.voters = opts.voters === undefined || opts.voters.length === 0 ? [opts.nodeId] : opts.voters;
    this.clock = opts.clock ?? realClock;
    this.lastSnapshotMs = this.clock.now();
  }

  get nodeId(): number {
    return this.opts.nodeId;
  }

  /** True when this node is one of the quorum's voters (a controller). */
  get isVoter(): boolean {
    return this.voters.includes(this.opts.nodeId);
  }

  get raft(): RaftNode {
    if (this.raftNode === null) throw new Error('metadata log not open');
    return this.raftNode;
  }

  static async open(opts: MetadataLogOptions): Promise<MetadataLog> {
    const dir = joinPath(opts.logDir, `${METADATA_TOPIC}-0`);
    await opts.disk.mkdirs(dir);
    const log = await PartitionLog.open({
      disk: opts.disk,
      dir,
      config: {
        durable: true,
        retentionMs: -1,
        retentionBytes: -1,
        segmentBytes: opts.segmentBytes ?? 1024 * 1024 * 1024,
      },
      ...(opts.clock === undefined ? {} : { now: () => (opts.clock as Clock).now() }),
      onEvent: (e) => opts.logger[e.level]({ ...e, message: undefined }, e.message),
    });
    const metadata = new MetadataLog(log, opts);
    try {
      await metadata.start(dir);
    } catch (e) {
      await metadata.close();
      throw e;
    }
    return metadata;
  }

  private async start(dir: string): Promise<void> {
    const opts = this.opts;
    const replicated = await DiskReplicatedLog.open(this.log, opts.disk);
    const store = new DiskQuorumStateStore(opts.disk, joinPath(dir, QUORUM_STATE_FILE), this.voters, opts.clusterId);
    const network: RaftNetwork = opts.network ?? {
      send: (destination: number) =>
        Promise.reject(new Error(`no network to reach node ${destination}: this node is the only voter`)),
    };
    this.raftNode = new RaftNode({
      config: {
        ...DEFAULT_RAFT_CONFIG,
        ...opts.raft,
        nodeId: opts.nodeId,
        voters: this.voters,
        clusterId: opts.clusterId,
      },
      log: replicated,
      store,
      network,
      clock: this.clock,
      timers: opts.timers ?? realTimers,
      random: opts.random ?? realRandom,
      onFatal: (error) => this.failed(error),
      listener: {
        handleCommit: (batch) => this.applyCommitted(batch),
        handleLoadSnapshot: (snapshot) => this.loadSnapshot(snapshot.id, snapshot.data),
        handleLeaderChange: (leader) => this.leaderChanged(leader),
      },
      logger: {
        info: (message) => opts.logger.info({ raft: opts.nodeId }, message),
        warn: (message) => opts.logger.warn({ raft: opts.nodeId }, message),
        debug: (message) => opts.logger.debug({ raft: opts.nodeId }, message),
      },
    });
    await this.raftNode.start();
    if (this.voters.length === 1 && this.voters[0] === opts.nodeId) {
      // A quorum of one: this node elects itself; wait until it is the active controller.
      await this.waitUntil(() => this.activeEpoch >= 0);
    }
    opts.logger.info(
      {
        offset: this.current.offset,
        topics: this.current.topicsByName.size,
        epoch: this.leader.epoch,
        leaderId: this.leader.leaderId,
      },
      'metadata log opened',
    );
  }

  get image(): MetadataImage {
    return this.current;
  }

  /** The error the quorum stopped on (a record that does not decode, a broken invariant), or null. */
  get fatalError(): Error | null {
    return this.fatal;
  }

  /** Called once if the quorum stops on a fatal error: this node cannot go on. */
  onFatal(listener: (error: Error) => void): void {
    this.fatalListeners.push(listener);
  }

  private failed(error: Error): void {
    if (this.fatal !== null) return;
    this.fatal = error;
    this.activeEpoch = -1;
    this.opts.logger.fatal({ err: error }, 'the metadata quorum stopped on a fatal error');
    for (const w of this.appliedWaiters.splice(0)) w.reject(error);
    for (const w of this.conditionWaiters) w.reject(error);
    this.conditionWaiters.clear();
    for (const l of this.leaderListeners) l({ ...this.leader, active: false });
    for (const l of this.fatalListeners) l(error);
  }

  /** The offset after the last applied record. */
  get endOffset(): number {
    return this.current.offset + 1;
  }

  /** Called after each change with the new and the previous image. */
  onChange(listener: ImageListener): void {
    this.listeners.push(listener);
  }

  /** Called when the Raft leader changes and when this node becomes (or stops being) the active controller. */
  onLeaderChange(listener: LeaderListener): void {
    this.leaderListeners.push(listener);
  }

  /** The known Raft leader (the active controller once it has caught up). */
  get leaderId(): number | null {
    return this.leader.leaderId;
  }

  get isActiveController(): boolean {
    return this.activeEpoch >= 0 && this.activeEpoch === this.leader.epoch;
  }

  private leaderChanged(leader: { leaderId: number | null; epoch: number }): void {
    this.leader = { leaderId: leader.leaderId, epoch: leader.epoch };
    this.activeEpoch = leader.leaderId === this.opts.nodeId ? leader.epoch : -1;
    this.opts.logger.info(
      { leaderId: leader.leaderId, epoch: leader.epoch, active: this.activeEpoch >= 0 },
      'metadata quorum leader changed',
    );
    for (const l of this.leaderListeners) l({ ...this.leader, active: this.activeEpoch >= 0 });
    this.wake();
  }

  private applyCommitted(batch: CommittedBatch): void {
    const records = batch.records.map((value, i) => {
      try {
        return decodeMetadataRecord(value);
      } catch (e) {
        throw new Error(`metadata record at offset ${batch.baseOffset + i}: ${(e as Error).message}`);
      }
    });
    const previous = this.current;
    this.current = previous.apply(records, batch.lastOffset);
    for (const value of batch.records) this.bytesSinceSnapshot += value.length;
    for (const l of this.listeners) l(this.current, previous);
    this.wake();
    this.maybeSnapshot();
  }

  private loadSnapshot(id: OffsetAndEpoch, data: Buffer): void {
    const records = decodeSnapshot(data);
    const previous = this.current;
    this.current = MetadataImage.empty().apply(records, id.offset - 1);
    this.bytesSinceSnapshot = 0;
    this.opts.logger.info({ offset: id.offset, epoch: id.epoch, records: records.length }, 'metadata snapshot loaded');
    for (const l of this.listeners) l(this.current, previous);
    this.wake();
  }

  private maybeSnapshot(): void {
    if (this.snapshotting !== null || this.closed) return;
    const maxBytes = this.opts.snapshotMaxBytes ?? 20 * 1024 * 1024;
    const intervalMs = this.opts.snapshotIntervalMs ?? 3_600_000;
    const due =
      this.bytesSinceSnapshot >= maxBytes ||
      (intervalMs > 0 && this.bytesSinceSnapshot > 0 && this.clock.now() - this.lastSnapshotMs >= intervalMs);
    if (!due) return;
    const image = this.current;
    this.bytesSinceSnapshot = 0;
    this.lastSnapshotMs = this.clock.now();
    this.snapshotting = this.raft
      .createSnapshot(image.offset + 1, encodeSnapshot(image, this.clock.now()))
      .then(
        (id) => this.opts.logger.info({ offset: id.offset, epoch: id.epoch }, 'metadata snapshot written'),
        (e: unknown) => this.opts.logger.warn({ err: e }, 'metadata snapshot failed'),
      )
      .finally(() => {
        this.snapshotting = null;
      });
  }

  /** Writes a snapshot of the current image now (tests and operators). */
  async snapshot(): Promise<OffsetAndEpoch> {
    await this.snapshotting;
    const image = this.current;
    this.bytesSinceSnapshot = 0;
    this.lastSnapshotMs = this.clock.now();
    return this.raft.createSnapshot(image.offset + 1, encodeSnapshot(image, this.clock.now()));
  }

  private wake(): void {
    for (let i = this.appliedWaiters.length - 1; i >= 0; i--) {
      const w = this.appliedWaiters[i] as (typeof this.appliedWaiters)[number];
      if (this.current.offset >= w.offset) {
        this.appliedWaiters.splice(i, 1);
        w.resolve();
      }
    }
    for (const w of [...this.conditionWaiters]) {
      if (w.check()) {
        this.conditionWaiters.delete(w);
        w.resolve();
      }
    }
  }

  private readonly conditionWaiters = new Set<{
    check: () => boolean;
    resolve: () => void;
    reject: (e: Error) => void;
  }>();

  /** Checks the conditions waited for now (for conditions on state that raises no event). */
  recheck(): void {
    this.wake();
  }

  /** Resolves once `check` holds (checked at every image or leader change, and at `recheck`). */
  waitUntil(check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    if (this.fatal !== null) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new Error('metadata log closed'));
    return new Promise((resolve, reject) => this.conditionWaiters.add({ check, resolve, reject }));
  }

  /** Resolves once the image has applied `offset`. */
  waitForOffset(offset: number): Promise<void> {
    if (this.current.offset >= offset) return Promise.resolve();
    if (this.fatal !== null) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new Error('metadata log closed'));
    return new Promise((resolve, reject) => this.appliedWaiters.push({ offset, resolve, reject }));
  }

  /**
   * Appends `records` as one batch (all or nothing) through the quorum, and resolves with
   * the image once the batch is committed and applied. Appends are serialised: each sees
   * the image left by the previous one. Rejects with NotControllerError when this node
   * is not the active controller (or stops being it before the batch commits).
   */
  append(records: readonly MetadataRecord[]): Promise<MetadataImage> {
    const run = async (): Promise<MetadataImage> => {
      if (!this.isActiveController) throw new NotControllerError(this.leader.leaderId);
      if (records.length === 0) return this.current;
      const epoch = this.activeEpoch;
      let lastOffset: number;
      try {
        lastOffset = await this.raft.append(
          records.map((r) => encodeMetadataRecord(r)),
          epoch,
        );
      } catch (e) {
        if ((e as Error).name === 'NotLeaderError') throw new NotControllerError(this.leader.leaderId);
        throw e;
      }
      await this.waitForOffset(lastOffset);
      return this.current;
    };
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Answers a Raft RPC from another node. */
  handle(from: number, request: RaftRequest): Promise<RaftResponse> {
    return this.raft.handle(from, request);
  }

  async close(graceful = true): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.chain;
    await this.snapshotting;
    await this.raftNode?.close({ graceful });
    const error = new Error('metadata log closed');
    for (const w of this.appliedWaiters.splice(0)) w.reject(error);
    for (const w of this.conditionWaiters) w.reject(error);
    this.conditionWaiters.clear();
    await this.log.close();
  }
}
