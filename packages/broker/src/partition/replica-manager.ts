/**
 * The partitions this broker hosts, kept in step with the metadata image: a partition
 * whose leader is this broker gets its log opened (recovered if needed) in
 * `<log dir>/<topic>-<partition>`, with Kafka's `partition.metadata` file naming the
 * topic id; a deleted topic's logs are closed and removed; a directory left from a
 * topic that no longer exists (or was recreated with a new id) is removed at start.
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
import type { Uuid } from '@gregor/protocol';
import type { Disk, LogConfig } from '@gregor/storage';
import { joinPath, LogCleaner, PartitionLog } from '@gregor/storage';
import type { Logger } from 'pino';
import type { MetadataImage, TopicImage } from '../metadata/image.js';
import { METADATA_TOPIC } from '../metadata/metadata-log.js';
import { forEachLimited } from './concurrency.js';
import { Partition } from './partition.js';
import { ProducerStateManager } from './producer-state.js';

const PARTITION_METADATA_FILE = 'partition.metadata';

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
}

export type PartitionLookup = { partition: Partition; errorCode: 0 } | { partition: null; errorCode: number };

/** UNKNOWN_TOPIC_OR_PARTITION and NOT_LEADER_OR_FOLLOWER, from errors.tsv. */
const UNKNOWN_TOPIC_OR_PARTITION = 3;
const NOT_LEADER_OR_FOLLOWER = 6;

export class ReplicaManager {
  private readonly partitions = new Map<string, Partition>();
  private readonly opening = new Map<string, Promise<Partition>>();
  private image: MetadataImage | null = null;
  private timers: NodeJS.Timeout[] = [];
  private work: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly cleaner: LogCleaner | null;

  constructor(private readonly opts: ReplicaManagerOptions) {
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

  /** Opens every partition led here and removes logs of topics that are gone. */
  async start(image: MetadataImage): Promise<void> {
    await this.opts.disk.mkdirs(this.opts.logDir);
    await this.removeStrayLogs(image);
    await this.applyImage(image);
    const { retentionCheckMs, flushCheckMs, checkpointMs } = this.opts.housekeeping;
    this.every(retentionCheckMs, (p) => p.log.applyRetention());
    this.every(flushCheckMs, (p) => p.log.flushIfDue());
    this.every(checkpointMs, (p) => p.log.checkpoint());
    this.every(this.opts.producerExpirationCheckMs ?? PRODUCER_EXPIRATION_CHECK_MS, async (p) => {
      p.producers.removeExpired(this.now(), this.producerIdExpirationMs());
    });
    this.cleaner?.start(this.opts.cleaner.backoffMs);
  }

  private now(): number {
    return this.opts.now === undefined ? Date.now() : this.opts.now();
  }

  private producerIdExpirationMs(): number {
    return this.opts.producerIdExpirationMs?.() ?? PRODUCER_ID_EXPIRATION_MS;
  }

  private every(ms: number, task: (partition: Partition) => Promise<unknown>): void {
    if (!(ms > 0) || !Number.isFinite(ms)) return;
    const timer = setInterval(
      () => {
        this.work = this.work.then(async () => {
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

  /** Follows a new metadata image: opens new partitions, closes and deletes removed ones. */
  applyImage(image: MetadataImage): Promise<void> {
    const previous = this.image;
    this.image = image;
    const run = async () => {
      if (this.closed) return;
      const toOpen: { topic: TopicImage; partitionId: number; leaderEpoch: number }[] = [];
      for (const topic of image.topicsByName.values()) {
        for (const p of topic.partitions) {
          if (p === undefined || p.leader !== this.opts.nodeId) continue;
          const existing = this.partitions.get(ReplicaManager.key(topic.name, p.partitionId));
          if (existing !== undefined) existing.leaderEpoch = p.leaderEpoch;
          else toOpen.push({ topic, partitionId: p.partitionId, leaderEpoch: p.leaderEpoch });
        }
      }
      await forEachLimited(toOpen, LOG_IO_CONCURRENCY, async (o) => {
        await this.open(o.topic, o.partitionId, o.leaderEpoch, image);
      });
      if (previous !== null) {
        for (const old of previous.topicsById.values()) {
          if (!image.topicsById.has(old.topicId)) await this.removeTopic(old);
        }
      }
    };
    this.work = this.work.then(run, run);
    return this.work as Promise<void>;
  }

  private open(topic: TopicImage, partitionId: number, leaderEpoch: number, image: MetadataImage): Promise<Partition> {
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
      const partition = new Partition(
        topic.name,
        partitionId,
        topic.topicId,
        log,
        leaderEpoch,
        this.opts.durable,
        producers,
      );
      await partition.rebuildProducerState(this.now(), this.producerIdExpirationMs(), (e) =>
        this.opts.logger.warn({ err: e, partition: key }, 'producer state snapshot unreadable; replaying the log'),
      );
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
      this.partitions.delete(key);
      if (partition !== undefined) {
        await this.cleaner?.remove(partition.log);
        await partition.log.close();
      }
      await this.opts.disk.removeAll(joinPath(this.opts.logDir, key));
    }
    this.opts.logger.info({ topic: topic.name, topicId: topic.topicId }, 'deleted the logs of a removed topic');
  }

  /** The partition to produce to or fetch from, or Kafka's error for it. */
  async lookup(topic: string, partition: number): Promise<PartitionLookup> {
    const key = ReplicaManager.key(topic, partition);
    const ready = this.partitions.get(key);
    if (ready !== undefined) return { partition: ready, errorCode: 0 };
    const image = this.image;
    const t = image?.topicsByName.get(topic);
    const p = t?.partitions[partition];
    if (t === undefined || p === undefined || image === null)
      return { partition: null, errorCode: UNKNOWN_TOPIC_OR_PARTITION };
    // Once closed (broker stopping), requests still in flight, such as a long-poll Fetch
    // waking up, must not open a log again: it would never be closed.
    if (p.leader !== this.opts.nodeId || this.closed) return { partition: null, errorCode: NOT_LEADER_OR_FOLLOWER };
    return { partition: await this.open(t, partition, p.leaderEpoch, image), errorCode: 0 };
  }

  /** The partition if it is open here (no waiting). */
  get(topic: string, partition: number): Partition | undefined {
    return this.partitions.get(ReplicaManager.key(topic, partition));
  }

  /** All open partitions. */
  all(): IterableIterator<Partition> {
    return this.partitions.values();
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
    await this.cleaner?.stop();
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.work.catch(() => undefined);
    await Promise.all([...this.opening.values()].map((p) => p.catch(() => undefined)));
    await forEachLimited([...this.partitions.values()], LOG_IO_CONCURRENCY, async (p) => {
      try {
        await p.snapshotProducerState();
      } catch (e) {
        this.opts.logger.warn({ err: e, partition: `${p.topic}-${p.partition}` }, 'producer state snapshot failed');
      }
      try {
        await p.log.close();
      } catch (e) {
        this.opts.logger.error({ err: e, partition: `${p.topic}-${p.partition}` }, 'closing a log failed');
      }
    });
    this.partitions.clear();
  }
}
