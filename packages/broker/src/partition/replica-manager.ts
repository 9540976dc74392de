/**
 * The partitions this broker hosts, kept in step with the metadata image (Kafka's
 * ReplicaManager): a partition with this broker among its replicas gets its log opened
 * (recovered if needed) in `<log dir>/<topic>-<partition>`, with Kafka's
 * `partition.metadata` file naming the topic id, and becomes leader (image leader = this
 * broker, at the image's leader epoch) or follower (fetching from the leader through one
 * ReplicaFetcher per leader broker, num.replica.fetchers = 1). A deleted topic's logs, and
 * those of a partition reassigned away from this broker, are closed and removed; a
 * directory left from a topic that no longer exists (or was recreated with a new id) is
 * removed at start.
 *
 * The leader's side of replication lives here too: `fetchForFollower` answers a
 * follower's Fetch (reads up to the log end, records the follower's progress, which
 * moves the ISR and the high watermark), and a timer every replica.lag.time.max.ms / 2
 * shrinks the ISR of partitions whose followers fell behind.
 *
 * High watermarks of replicated partitions are checkpointed in Kafka's
 * `replication-offset-checkpoint` (every log.flush.offset.checkpoint.interval.ms and at a
 * clean close) and restored at open, so a restarted replica neither exposes records it
 * never knew committed nor forgets what was: without an entry a replicated partition
 * starts at its log start and learns the high watermark from the ISR again. A
 * single-replica partition's high watermark is its written log end, as before.
 *
 * Also runs the log housekeeping on timers: retention
 * (`log.retention.check.interval.ms`), time-based flushes (`log.flush.scheduler.interval.ms`)
 * and checkpoints of indexes and recovery points (`log.flush.offset.checkpoint.interval.ms`).
 *
 * Each log gets the producer state of its partition (idempotence): snapshotted by the
 * log at every segment roll and here at every clean close, rebuilt at open from the
 * latest snapshot plus the batches after it, and expired every
 * `producer.id.expiration.check.interval.ms` (Kafka's default, 10 minutes) per
 * `producer.id.expiration.ms`.
 */
import type { FetchRequest, Uuid } from '@gregor/protocol';
import { ErrorCode, FetchResponse } from '@gregor/protocol';
import { FetchableTopicResponse, PartitionData } from '@gregor/protocol/generated/messages/fetch-response';
import type { Disk, LogConfig, ReadResult } from '@gregor/storage';
import { joinPath, LogCleaner, LogError, PartitionLog } from '@gregor/storage';
import type { Logger } from 'pino';
import type { MetadataImage, PartitionImage, TopicImage } from '../metadata/image.js';
import { METADATA_TOPIC } from '../metadata/metadata-log.js';
import { forEachLimited } from './concurrency.js';
import type { PartitionEnv } from './partition.js';
import { Partition } from './partition.js';
import { ProducerStateManager } from './producer-state.js';
import { ReplicaFetcher } from './replica-fetcher.js';
import type {
  AlterPartitionSender,
  ReplicaTransport,
  ReplicationClock,
  ReplicationConfig,
  ReplicationTimers,
} from './replica-transport.js';
import { DEFAULT_REPLICATION_CONFIG, systemTimers } from './replica-transport.js';

const PARTITION_METADATA_FILE = 'partition.metadata';
/** Kafka's per-log-dir high watermark checkpoint: "0", a count, then "topic partition offset" lines. */
export const HIGH_WATERMARK_CHECKPOINT_FILE = 'replication-offset-checkpoint';

/** Kafka's producer.id.expiration.check.interval.ms default. */
const PRODUCER_EXPIRATION_CHECK_MS = 600_000;
/** Kafka's producer.id.expiration.ms default. */
const PRODUCER_ID_EXPIRATION_MS = 86_400_000;

/** Logs opened or closed at once at start and stop. */
const LOG_IO_CONCURRENCY = 16;

export interface ReplicaManagerOptions {
  disk: Disk;
  logDir: string;
  nodeId: number;
  logger: Logger;
  durable: boolean;
  /** The log settings of a topic from its config overrides (and the broker's defaults). */
  logConfigFor(topicConfigs: ReadonlyMap<string, string>): Partial<LogConfig>;
  housekeeping: { retentionCheckMs: number; flushCheckMs: number; checkpointMs: number };
  /** log.cleaner.enable and log.cleaner.backoff.ms: compaction of compacted topics. */
  cleaner: { enabled: boolean; backoffMs: number };
  now?: () => number;
  /** producer.id.expiration.ms, read at each use (the setting is dynamic). */
  producerIdExpirationMs?: () => number;
  /** producer.id.expiration.check.interval.ms (an internal setting in Kafka). */
  producerExpirationCheckMs?: number;
  /** A follower's Fetch / OffsetForLeaderEpoch to its leader; absent: followers do not fetch. */
  transport?: ReplicaTransport;
  /** ISR changes to the controller (KIP-497); absent: the ISR never changes from here. */
  alterPartition?: AlterPartitionSender;
  /** This broker's epoch (ReplicaState.replicaEpoch in follower fetches). */
  brokerEpoch?: () => number;
  /** Time for lag and backoff (default: the wall clock, or `now` when given). */
  clock?: ReplicationClock;
  timers?: ReplicationTimers;
  replication?: Partial<ReplicationConfig>;
}

/** A follower Fetch answer and the log reads whose pooled buffers it lends until written. */
export interface FollowerFetchResult {
  response: FetchResponse;
  release(): void;
}

interface FollowerRead {
  data: PartitionData;
  partition: Partition | null;
  fetchOffset: number;
  bytes: number;
  read?: ReadResult;
}

export type PartitionLookup = { partition: Partition; errorCode: 0 } | { partition: null; errorCode: number };

/** UNKNOWN_TOPIC_OR_PARTITION and NOT_LEADER_OR_FOLLOWER, from errors.tsv. */
const UNKNOWN_TOPIC_OR_PARTITION = 3;
const NOT_LEADER_OR_FOLLOWER = 6;

export class ReplicaManager {
  private readonly partitions = new Map<string, Partition>();
  /** Per partition: the last produce step in arrival order (inArrivalOrder). */
  private readonly arrivals = new Map<string, Promise<void>>();
  private readonly opening = new Map<string, Promise<Partition>>();
  private image: MetadataImage | null = null;
  private timers: NodeJS.Timeout[] = [];
  private work: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly cleaner: LogCleaner | null;
  private readonly fetchers = new Map<number, ReplicaFetcher>();
  private readonly replication: ReplicationConfig;
  private readonly clock: ReplicationClock;
  private readonly replicationTimers: ReplicationTimers;
  private isrTimer: unknown = null;
  private checkpointedHighWatermarks = new Map<string, number>();
  /** The image state each partition last followed (images share unchanged partitions). */
  private readonly appliedStates = new WeakMap<Partition, PartitionImage>();
  /** Follower Fetches long-polling here, by replica id: Partition.afterLeaderAppend may end them. */
  private readonly parkedFollowerFetches = new Map<number, Set<() => void>>();

  constructor(private readonly opts: ReplicaManagerOptions) {
    this.replication = { ...DEFAULT_REPLICATION_CONFIG, ...opts.replication };
    const now = opts.now;
    this.clock = opts.clock ?? (now === undefined ? { now: () => Date.now() } : { now });
    this.replicationTimers = opts.timers ?? systemTimers;
    this.cleaner = opts.cleaner.enabled
      ? new LogCleaner({
          ...(opts.now === undefined ? {} : { now: opts.now }),
          onEvent: (e) => opts.logger[e.level]({ ...e, message: undefined }, e.message),
        })
      : null;
  }

  static key(topic: string, partition: number): string {
    return `${topic}-${partition}`;
  }

  /**
   * Opens every partition led here and removes logs of topics that are gone. Images
   * handed to `applyImage` while this runs (the metadata log goes on) queue behind it,
   * and the newest wins: `image` is not applied after a newer one.
   */
  async start(image: MetadataImage): Promise<void> {
    if (this.image === null) this.image = image;
    const prepare = async () => {
      await this.opts.disk.mkdirs(this.opts.logDir);
      await this.removeStrayLogs(this.image ?? image);
      this.checkpointedHighWatermarks = await this.readHighWatermarkCheckpoint();
    };
    const prepared = this.work.then(prepare);
    this.work = prepared.catch(() => undefined);
    await prepared;
    await this.applyImage(image);
    const { retentionCheckMs, flushCheckMs, checkpointMs } = this.opts.housekeeping;
    this.every(retentionCheckMs, (p) => p.log.applyRetention());
    this.every(flushCheckMs, (p) => p.log.flushIfDue());
    this.every(checkpointMs, (p) => p.log.checkpoint());
    this.every(checkpointMs, null, () => this.writeHighWatermarkCheckpoint());
    this.every(this.opts.producerExpirationCheckMs ?? PRODUCER_EXPIRATION_CHECK_MS, async (p) => {
      p.producers.removeExpired(this.now(), this.producerIdExpirationMs());
    });
    this.cleaner?.start(this.opts.cleaner.backoffMs);
    this.scheduleIsrCheck();
  }

  private now(): number {
    return this.clock.now();
  }

  /** Kafka's isr-expiration task: every half replica.lag.time.max.ms. */
  private scheduleIsrCheck(): void {
    if (this.closed || this.opts.alterPartition === undefined) return;
    const ms = Math.max(1, Math.floor(this.replication.replicaLagTimeMaxMs / 2));
    this.isrTimer = this.replicationTimers.setTimeout(() => {
      this.isrTimer = null;
      this.maybeShrinkIsr();
      this.scheduleIsrCheck();
    }, ms);
  }

  /** Shrinks the ISR of every led partition whose followers fell behind (also called by tests). */
  maybeShrinkIsr(): void {
    for (const p of this.partitions.values()) p.maybeShrinkIsr();
  }

  private producerIdExpirationMs(): number {
    return this.opts.producerIdExpirationMs?.() ?? PRODUCER_ID_EXPIRATION_MS;
  }

  private every(
    ms: number,
    task: ((partition: Partition) => Promise<unknown>) | null,
    once?: () => Promise<unknown>,
  ): void {
    if (!(ms > 0) || !Number.isFinite(ms)) return;
    const timer = setInterval(
      () => {
        this.work = this.work.then(async () => {
          if (once !== undefined) {
            try {
              await once();
            } catch (e) {
              this.opts.logger.error({ err: e }, 'log housekeeping failed');
            }
          }
          if (task === null) return;
          for (const p of this.partitions.values()) {
            try {
              await task(p);
            } catch (e) {
              this.opts.logger.error({ err: e, partition: `${p.topic}-${p.partition}` }, 'log housekeeping failed');
            }
          }
        });
      },
      Math.min(ms, 2 ** 31 - 1),
    );
    timer.unref();
    this.timers.push(timer);
  }

  private async readHighWatermarkCheckpoint(): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const path = joinPath(this.opts.logDir, HIGH_WATERMARK_CHECKPOINT_FILE);
    if (!(await this.opts.disk.exists(path))) return out;
    const lines = (await this.opts.disk.readFile(path)).toString('utf8').split('\n');
    if (lines[0]?.trim() !== '0') {
      this.opts.logger.warn({ path }, 'unknown high watermark checkpoint version; ignored');
      return out;
    }
    for (const line of lines.slice(2)) {
      const m = /^(\S+) (\d+) (\d+)$/.exec(line.trim());
      if (m !== null) out.set(ReplicaManager.key(m[1] as string, Number(m[2])), Number(m[3]));
    }
    return out;
  }

  /** Writes the high watermarks of replicated partitions (none: no file, as a single node always was). */
  private async writeHighWatermarkCheckpoint(): Promise<void> {
    const lines: string[] = [];
    for (const p of this.partitions.values())
      if (p.replicas.length > 1) lines.push(`${p.topic} ${p.partition} ${p.highWatermark}`);
    const path = joinPath(this.opts.logDir, HIGH_WATERMARK_CHECKPOINT_FILE);
    if (lines.length === 0 && !(await this.opts.disk.exists(path))) return;
    await this.opts.disk.writeFileAtomic(path, Buffer.from(`0\n${lines.length}\n${lines.join('\n')}\n`));
  }

  /** Directories of partitions not in the image (deleted while down, or recreated). */
  private async removeStrayLogs(image: MetadataImage): Promise<void> {
    const { disk, logDir } = this.opts;
    for (const name of await disk.list(logDir)) {
      const m = /^(.+)-(\d+)$/.exec(name);
      if (m === null || m[1] === METADATA_TOPIC) continue;
      const dir = joinPath(logDir, name);
      const topic = image.topicsByName.get(m[1] as string);
      const recorded = await this.readTopicId(dir);
      if (
        topic === undefined ||
        (recorded !== null && recorded !== topic.topicId) ||
        topic.partitions[Number(m[2])] === undefined
      ) {
        this.opts.logger.info({ dir: name }, 'removing the log of a partition that no longer exists');
        await disk.removeAll(dir);
      }
    }
  }

  private async readTopicId(dir: string): Promise<Uuid | null> {
    const path = joinPath(dir, PARTITION_METADATA_FILE);
    if (!(await this.opts.disk.exists(path))) return null;
    const m = /topic_id: (\S+)/.exec((await this.opts.disk.readFile(path)).toString('utf8'));
    return m === null ? null : (m[1] as Uuid);
  }

  /**
   * Follows a new metadata image: opens partitions newly hosted here, applies leader and
   * follower transitions, closes and deletes partitions removed or reassigned away.
   */
  applyImage(image: MetadataImage): Promise<void> {
    const previous = this.image;
    // An older image than one already handed over (start's own, overtaken while it
    // prepared) would undo newer leaderships: the newer one is applied, or queued.
    if (previous !== null && image.offset < previous.offset) return this.work as Promise<void>;
    this.image = image;
    const run = async () => {
      if (this.closed) return;
      // Removals first: a topic recreated under the same name reuses the directory.
      if (previous !== null) {
        for (const old of previous.topicsById.values()) {
          if (!image.topicsById.has(old.topicId)) await this.removeTopic(old);
        }
      }
      const toOpen: { topic: TopicImage; partitionId: number }[] = [];
      const transitions: { partition: Partition; state: PartitionImage }[] = [];
      const hostedKeys = new Set<string>();
      for (const topic of image.topicsByName.values()) {
        for (const p of topic.partitions) {
          if (p === undefined || !this.hosts(p)) continue;
          const key = ReplicaManager.key(topic.name, p.partitionId);
          hostedKeys.add(key);
          const existing = this.partitions.get(key);
          if (existing === undefined) toOpen.push({ topic, partitionId: p.partitionId });
          else if (this.appliedStates.get(existing) !== p) transitions.push({ partition: existing, state: p });
        }
      }
      // Reassigned away (or a stale topic id): this broker no longer hosts that replica.
      for (const [key, p] of [...this.partitions]) {
        const current = image.topicsByName.get(p.topic);
        if (hostedKeys.has(key) && current?.topicId === p.topicId) continue;
        await this.removePartition(key, p);
        this.opts.logger.info({ partition: key }, 'deleted the log of a partition no longer hosted here');
        if (hostedKeys.has(key) && current !== undefined) toOpen.push({ topic: current, partitionId: p.partition });
      }
      for (const t of transitions)
        if (this.partitions.get(ReplicaManager.key(t.partition.topic, t.partition.partition)) === t.partition)
          await this.applyState(t.partition, t.state);
      await forEachLimited(toOpen, LOG_IO_CONCURRENCY, async (o) => {
        await this.open(o.topic, o.partitionId, image);
      });
    };
    this.work = this.work.then(run, run);
    return this.work as Promise<void>;
  }

  /** A replica here: listed in the replicas, or the leader (an image without replica lists). */
  private hosts(p: PartitionImage): boolean {
    return p.leader === this.opts.nodeId || p.replicas.includes(this.opts.nodeId);
  }

  /** Leader or follower, per the image. */
  private async applyState(partition: Partition, p: PartitionImage): Promise<void> {
    this.appliedStates.set(partition, p);
    // A stale leader epoch changes nothing (Kafka skips it too); above all it must not
    // take the partition out of the fetcher of the leader it follows now.
    if (p.leaderEpoch < partition.leaderEpoch) return;
    const state = {
      leaderId: p.leader,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      replicas: p.replicas.length > 0 ? p.replicas : [this.opts.nodeId],
      isr: p.isr.length > 0 ? p.isr : [this.opts.nodeId],
    };
    if (p.leader === this.opts.nodeId) {
      this.removeFromFetcher(partition);
      await partition.makeLeader(state);
      return;
    }
    if (!partition.makeFollower(state)) return;
    this.removeFromFetcher(partition);
    if (p.leader >= 0 && this.opts.transport !== undefined && !this.closed) {
      let fetcher = this.fetchers.get(p.leader);
      if (fetcher === undefined) {
        fetcher = new ReplicaFetcher(p.leader, {
          nodeId: this.opts.nodeId,
          transport: this.opts.transport,
          config: this.replication,
          clock: this.clock,
          timers: this.replicationTimers,
          brokerEpoch: () => this.opts.brokerEpoch?.() ?? -1,
          producerIdExpirationMs: () => this.producerIdExpirationMs(),
          logger: this.opts.logger,
        });
        this.fetchers.set(p.leader, fetcher);
        if (!this.replication.manualFetch) fetcher.start();
      }
      fetcher.add(partition);
    }
  }

  private removeFromFetcher(partition: Partition): void {
    for (const [leaderId, f] of this.fetchers) {
      if (!f.remove(partition)) continue;
      if (f.size === 0) {
        this.fetchers.delete(leaderId);
        void f.stop();
      }
    }
  }

  /** The fetchers, one per leader broker (tests drive them with `doWork` under manualFetch). */
  replicaFetchers(): ReplicaFetcher[] {
    return [...this.fetchers.values()];
  }

  private partitionEnv(): Partial<PartitionEnv> {
    return {
      nodeId: this.opts.nodeId,
      clock: this.clock,
      timers: this.replicationTimers,
      config: this.replication,
      alterPartition: this.opts.alterPartition ?? null,
      isReplicaEligible: (id, brokerEpoch) => {
        const brokers = this.image?.brokers;
        // An image without registrations (tests building only topics) has nobody to check.
        if (brokers === undefined || brokers.size === 0) return true;
        const b = brokers.get(id);
        return b !== undefined && !b.fenced && (brokerEpoch < 0 || b.epoch === brokerEpoch);
      },
      wakeFollowerFetch: (replicaId) => {
        const parked = this.parkedFollowerFetches.get(replicaId);
        if (parked !== undefined) for (const wake of [...parked]) wake();
      },
      onEvent: (level, message, fields) => this.opts.logger[level](fields, message),
    };
  }

  private open(topic: TopicImage, partitionId: number, image: MetadataImage): Promise<Partition> {
    const key = ReplicaManager.key(topic.name, partitionId);
    const pending = this.opening.get(key);
    if (pending !== undefined) return pending;
    const promise = (async () => {
      const dir = joinPath(this.opts.logDir, key);
      await this.opts.disk.mkdirs(dir);
      const metaPath = joinPath(dir, PARTITION_METADATA_FILE);
      if (!(await this.opts.disk.exists(metaPath))) {
        await this.opts.disk.writeFileAtomic(metaPath, Buffer.from(`version: 0\ntopic_id: ${topic.topicId}\n`));
      }
      const producers = new ProducerStateManager();
      const log = await PartitionLog.open({
        disk: this.opts.disk,
        dir,
        config: this.opts.logConfigFor(image.topicConfigs(topic.name)),
        ...(this.opts.now === undefined ? {} : { now: this.opts.now }),
        onEvent: (e) => this.opts.logger[e.level]({ ...e, message: undefined, partition: key }, e.message),
        producerState: { snapshot: () => producers.serialize() },
      });
      const state = topic.partitions[partitionId];
      const partition = new Partition(
        topic.name,
        partitionId,
        topic.topicId,
        log,
        state?.leaderEpoch ?? 0,
        this.opts.durable,
        producers,
        this.partitionEnv(),
      );
      await partition.rebuildProducerState(this.now(), this.producerIdExpirationMs(), (e) =>
        this.opts.logger.warn({ err: e, partition: key }, 'producer state snapshot unreadable; replaying the log'),
      );
      // The newest image's state (applyImage may have moved on while the log opened).
      const latest = this.image?.topicsById.get(topic.topicId)?.partitions[partitionId] ?? state;
      if (latest !== undefined && latest.replicas.length > 1) {
        const checkpointed = this.checkpointedHighWatermarks.get(key);
        partition.restoreHighWatermark(checkpointed ?? log.logStartOffset);
      }
      if (latest !== undefined) await this.applyState(partition, latest);
      this.partitions.set(key, partition);
      // The cleaner passes over logs whose cleanup.policy has no 'compact'.
      this.cleaner?.add(log);
      this.opening.delete(key);
      return partition;
    })();
    this.opening.set(key, promise);
    return promise;
  }

  private async removeTopic(topic: TopicImage): Promise<void> {
    for (const p of topic.partitions) {
      if (p === undefined) continue;
      const key = ReplicaManager.key(topic.name, p.partitionId);
      const partition = this.partitions.get(key);
      if (partition !== undefined && partition.topicId === topic.topicId) await this.removePartition(key, partition);
      else await this.opts.disk.removeAll(joinPath(this.opts.logDir, key));
    }
    this.opts.logger.info({ topic: topic.name, topicId: topic.topicId }, 'deleted the logs of a removed topic');
  }

  private async removePartition(key: string, partition: Partition): Promise<void> {
    this.partitions.delete(key);
    this.removeFromFetcher(partition);
    partition.close();
    await this.cleaner?.remove(partition.log);
    await partition.followerOp(() => partition.log.close());
    await this.opts.disk.removeAll(joinPath(this.opts.logDir, key));
  }

  /**
   * The partition to produce to or fetch from as a client, or Kafka's error for it: only
   * the leader serves clients (no KIP-392 follower fetching), a follower answers
   * NOT_LEADER_OR_FOLLOWER.
   */
  async lookup(topic: string, partition: number): Promise<PartitionLookup> {
    const key = ReplicaManager.key(topic, partition);
    const ready = this.partitions.get(key);
    if (ready !== undefined) {
      // A partition taking the leadership now answers once it has it, not with an error
      // that a producer without idempotence would retry out of order.
      const pending = ready.leadershipPending;
      if (pending !== null) await pending;
      return ready.isLeader
        ? { partition: ready, errorCode: 0 }
        : { partition: null, errorCode: NOT_LEADER_OR_FOLLOWER };
    }
    const image = this.image;
    const t = image?.topicsByName.get(topic);
    const p = t?.partitions[partition];
    if (t === undefined || p === undefined || image === null)
      return { partition: null, errorCode: UNKNOWN_TOPIC_OR_PARTITION };
    // Once closed (broker stopping), requests still in flight, such as a long-poll Fetch
    // waking up, must not open a log again: it would never be closed.
    if (p.leader !== this.opts.nodeId || this.closed) return { partition: null, errorCode: NOT_LEADER_OR_FOLLOWER };
    const opened = await this.open(t, partition, image);
    const pending = opened.leadershipPending;
    if (pending !== null) await pending;
    return opened.isLeader
      ? { partition: opened, errorCode: 0 }
      : { partition: null, errorCode: NOT_LEADER_OR_FOLLOWER };
  }

  /**
   * Runs `fn` after every earlier `fn` of the same partition has settled: the produce path
   * keeps requests in arrival order through the steps that await before the append.
   */
  inArrivalOrder<T>(topic: string, partition: number, fn: () => Promise<T>): Promise<T> {
    const key = ReplicaManager.key(topic, partition);
    const previous = this.arrivals.get(key);
    const run = previous === undefined ? fn() : previous.then(fn, fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.arrivals.set(key, tail);
    void tail.then(() => {
      if (this.arrivals.get(key) === tail) this.arrivals.delete(key);
    });
    return run;
  }

  /** The partition if it is open here, leader or follower (no waiting). */
  get(topic: string, partition: number): Partition | undefined {
    return this.partitions.get(ReplicaManager.key(topic, partition));
  }

  /** All open partitions. */
  all(): IterableIterator<Partition> {
    return this.partitions.values();
  }

  // ------------------------------------------------------------------------------------
  // Leader side of follower fetches

  /**
   * Answers a follower's Fetch (replicaId, or ReplicaState.replicaId from v15, >= 0).
   * Per partition: only the leader answers (NOT_LEADER_OR_FOLLOWER, with the current
   * leader from the image for v12+); currentLeaderEpoch older than ours is
   * FENCED_LEADER_EPOCH, newer UNKNOWN_LEADER_EPOCH; a replica not assigned to the
   * partition is NOT_LEADER_OR_FOLLOWER. With lastFetchedEpoch (v12+), a fetch offset
   * beyond where that epoch ends in our log is answered with DivergingEpoch (and no
   * records), so the follower truncates (KIP-595 style truncation, as Kafka 2.7+).
   * Otherwise the follower's progress is recorded (ISR, high watermark) and records are
   * read up to the written log end, replica.fetch.max.bytes per partition. Long poll as
   * for consumers, woken by writes to the leader's log, and also by a write to a
   * partition led here that this follower replicates but has not fetched in this leader
   * epoch (it began following it after this Fetch was sent; see
   * Partition.afterLeaderAppend). No fetch sessions for followers.
   */
  async fetchForFollower(request: FetchRequest, version: number): Promise<FollowerFetchResult> {
    const replicaId = version >= 15 ? request.replicaState.replicaId : request.replicaId;
    const brokerEpoch = version >= 15 ? Number(request.replicaState.replicaEpoch) : -1;
    const deadline = this.now() + Math.max(0, request.maxWaitMs);
    // Set when an append to a partition this follower has not fetched yet ends the long poll.
    let answerNow = false;
    for (let first = true; ; first = false) {
      const image = this.image;
      const response = new FetchResponse();
      let budget = Math.max(0, request.maxBytes);
      let total = 0;
      let anyError = false;
      let anyData = false;
      const reads: FollowerRead[] = [];
      for (const t of request.topics) {
        const topic = version >= 13 ? image?.topicsById.get(t.topicId) : image?.topicsByName.get(t.topic);
        const tr = new FetchableTopicResponse();
        if (version >= 13) tr.topicId = t.topicId;
        else tr.topic = t.topic;
        response.responses.push(tr);
        for (const fp of t.partitions) {
          const r = await this.readForFollower(topic, version, replicaId, brokerEpoch, fp, budget, !anyData, first);
          if (r.data.errorCode !== ErrorCode.NONE) anyError = true;
          if (r.bytes > 0) anyData = true;
          budget -= r.bytes;
          total += r.bytes;
          reads.push(r);
          tr.partitions.push(r.data);
        }
      }
      const release = () => {
        for (const r of reads) if (r.read !== undefined && r.partition !== null) r.partition.log.releaseRead(r.read);
      };
      const remaining = deadline - this.now();
      const diverged = reads.some((r) => r.data.divergingEpoch.epoch >= 0);
      if (
        total >= request.minBytes ||
        remaining <= 0 ||
        anyError ||
        diverged ||
        reads.length === 0 ||
        answerNow ||
        this.closed
      ) {
        return { response, release };
      }
      release();
      await new Promise<void>((resolve) => {
        const removers: (() => void)[] = [];
        let timer: unknown = null;
        let parked = this.parkedFollowerFetches.get(replicaId);
        const done = () => {
          if (timer !== null) this.replicationTimers.clearTimeout(timer);
          for (const r of removers) r();
          parked?.delete(wake);
          if (parked?.size === 0 && this.parkedFollowerFetches.get(replicaId) === parked)
            this.parkedFollowerFetches.delete(replicaId);
          resolve();
        };
        const wake = () => {
          answerNow = true;
          done();
        };
        if (parked === undefined) {
          parked = new Set();
          this.parkedFollowerFetches.set(replicaId, parked);
        }
        parked.add(wake);
        timer = this.replicationTimers.setTimeout(done, remaining);
        for (const r of reads) if (r.partition !== null) removers.push(r.partition.onLogAppend(done));
        // A write that landed while later partitions were read must not be slept through.
        for (const r of reads) {
          if (r.partition !== null && r.bytes === 0 && r.partition.log.writtenOffset > r.fetchOffset) {
            done();
            break;
          }
        }
      });
    }
  }

  private async readForFollower(
    topic: TopicImage | undefined,
    version: number,
    replicaId: number,
    brokerEpoch: number,
    fp: FetchRequest['topics'][number]['partitions'][number],
    budget: number,
    minOneBatch: boolean,
    recordProgress: boolean,
  ): Promise<FollowerRead> {
    const data = new PartitionData();
    data.partitionIndex = fp.partition;
    data.highWatermark = -1n;
    data.lastStableOffset = -1n;
    data.logStartOffset = -1n;
    data.abortedTransactions = null;
    data.records = Buffer.alloc(0);
    const fail = (errorCode: number, partition: Partition | null = null): FollowerRead => {
      data.errorCode = errorCode;
      const image = topic?.partitions[fp.partition];
      if (image !== undefined && version >= 12) {
        data.currentLeader.leaderId = image.leader;
        data.currentLeader.leaderEpoch = image.leaderEpoch;
      }
      return { data, partition, fetchOffset: -1, bytes: 0 };
    };
    if (topic === undefined)
      return fail(version >= 13 ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    if (topic.partitions[fp.partition] === undefined) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const p = this.partitions.get(ReplicaManager.key(topic.name, fp.partition));
    if (p === undefined || p.topicId !== topic.topicId || !p.isLeader) return fail(ErrorCode.NOT_LEADER_OR_FOLLOWER);
    if (fp.currentLeaderEpoch >= 0 && fp.currentLeaderEpoch !== p.leaderEpoch)
      return fail(
        fp.currentLeaderEpoch < p.leaderEpoch ? ErrorCode.FENCED_LEADER_EPOCH : ErrorCode.UNKNOWN_LEADER_EPOCH,
        p,
      );
    if (!p.replicas.includes(replicaId) || replicaId === this.opts.nodeId)
      return fail(ErrorCode.NOT_LEADER_OR_FOLLOWER, p);
    const fetchOffset = Number(fp.fetchOffset);
    data.logStartOffset = BigInt(p.logStartOffset);
    if (version >= 12 && fp.lastFetchedEpoch >= 0) {
      // KIP-595/Kafka 2.7: where the follower's last epoch ends in our log.
      const end = p.log.epochCache.endOffsetFor(fp.lastFetchedEpoch, p.logEndOffset);
      // An undefined answer (no epochs here) says nothing: the range checks below decide.
      if (end.epoch >= 0 && (end.epoch < fp.lastFetchedEpoch || end.endOffset < fetchOffset)) {
        data.divergingEpoch.epoch = end.epoch;
        data.divergingEpoch.endOffset = BigInt(end.endOffset);
        data.highWatermark = BigInt(p.highWatermark);
        data.lastStableOffset = BigInt(p.lastStableOffset);
        return { data, partition: p, fetchOffset, bytes: 0 };
      }
    }
    if (fetchOffset < p.logStartOffset || fetchOffset > p.logEndOffset) {
      data.errorCode = ErrorCode.OFFSET_OUT_OF_RANGE;
      data.highWatermark = BigInt(p.highWatermark);
      data.lastStableOffset = BigInt(p.lastStableOffset);
      return { data, partition: p, fetchOffset, bytes: 0 };
    }
    if (recordProgress) p.updateFollowerFetchState(replicaId, brokerEpoch, fetchOffset);
    data.highWatermark = BigInt(p.highWatermark);
    data.lastStableOffset = BigInt(p.lastStableOffset);
    const maxBytes = Math.min(fp.partitionMaxBytes, budget);
    if (fetchOffset >= p.log.writtenOffset || (maxBytes <= 0 && !minOneBatch))
      return { data, partition: p, fetchOffset, bytes: 0 };
    try {
      const read = await p.log.read(fetchOffset, Math.max(0, maxBytes), p.log.writtenOffset, minOneBatch);
      data.records = read.records;
      return { data, partition: p, fetchOffset, bytes: read.records.length, read };
    } catch (e) {
      if (e instanceof LogError) {
        data.errorCode = ErrorCode[e.errorCode];
        return { data, partition: p, fetchOffset, bytes: 0 };
      }
      throw e;
    }
  }

  /**
   * OffsetForLeaderEpoch for one partition (leader only, as Kafka: followers and
   * consumers ask the leader). currentLeaderEpoch (when >= 0) older than ours is
   * FENCED_LEADER_EPOCH, newer UNKNOWN_LEADER_EPOCH.
   */
  async endOffsetForEpoch(
    topic: string,
    partition: number,
    currentLeaderEpoch: number,
    leaderEpoch: number,
  ): Promise<{ errorCode: number; leaderEpoch: number; endOffset: number }> {
    const lookup = await this.lookup(topic, partition);
    if (lookup.partition === null) return { errorCode: lookup.errorCode, leaderEpoch: -1, endOffset: -1 };
    const p = lookup.partition;
    if (currentLeaderEpoch >= 0 && currentLeaderEpoch !== p.leaderEpoch) {
      return {
        errorCode: currentLeaderEpoch < p.leaderEpoch ? ErrorCode.FENCED_LEADER_EPOCH : ErrorCode.UNKNOWN_LEADER_EPOCH,
        leaderEpoch: -1,
        endOffset: -1,
      };
    }
    const found = p.log.epochCache.endOffsetFor(leaderEpoch, p.logEndOffset);
    return { errorCode: ErrorCode.NONE, leaderEpoch: found.epoch, endOffset: found.endOffset };
  }

  /** Applies changed topic configs to open logs (takes effect for new segments and checks). */
  reconfigure(topic: string, config: Partial<LogConfig>): void {
    for (const p of this.partitions.values()) {
      if (p.topic === topic) Object.assign(p.log.config, config);
    }
  }

  /** Stops housekeeping and closes every log cleanly (flush, checkpoints, clean-shutdown marker). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.isrTimer !== null) this.replicationTimers.clearTimeout(this.isrTimer);
    this.isrTimer = null;
    const fetchers = [...this.fetchers.values()];
    this.fetchers.clear();
    await Promise.all(fetchers.map((f) => f.stop()));
    for (const p of this.partitions.values()) p.close();
    await this.cleaner?.stop();
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.work.catch(() => undefined);
    await Promise.all([...this.opening.values()].map((p) => p.catch(() => undefined)));
    try {
      await this.writeHighWatermarkCheckpoint();
    } catch (e) {
      this.opts.logger.warn({ err: e }, 'high watermark checkpoint failed');
    }
    await forEachLimited([...this.partitions.values()], LOG_IO_CONCURRENCY, async (p) => {
      try {
        await p.snapshotProducerState();
      } catch (e) {
        this.opts.logger.warn({ err: e, partition: `${p.topic}-${p.partition}` }, 'producer state snapshot failed');
      }
      try {
        await p.followerOp(() => p.log.close());
      } catch (e) {
        this.opts.logger.error({ err: e, partition: `${p.topic}-${p.partition}` }, 'closing a log failed');
      }
    });
    this.partitions.clear();
  }
}
