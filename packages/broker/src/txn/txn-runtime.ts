/**
 * The transaction coordinator inside a broker: `__transaction_state` as its storage, the
 * partitions of transactions as the targets of its markers.
 *
 * - The topic is created on the first FindCoordinator or InitProducerId for a
 *   transactional id (as Kafka's AutoTopicCreationManager), with
 *   transaction.state.log.num.partitions partitions, cleanup.policy=compact,
 *   min.insync.replicas from transaction.state.log.min.isr, segment.bytes from
 *   transaction.state.log.segment.bytes (TransactionLog's topic configs).
 * - A transactional id lives in partition `abs(hashCode) % partitions` (Kafka's
 *   TransactionStateManager.partitionFor, Java's String.hashCode).
 * - Partitions led here are loaded by replaying their records when the broker starts
 *   or the metadata gives this broker a new one (COORDINATOR_LOAD_IN_PROGRESS meanwhile);
 *   prepared transactions found are then completed.
 * - State records are appended with acks=-1 (fsynced when gregor.log.durable is on).
 * - Markers are appended by the leader of each partition (single node: here), through
 *   the partition's producer order, as WriteTxnMarkers would be.
 * - Timed-out transactions are aborted every
 *   transaction.abort.timed.out.transaction.cleanup.interval.ms; idle ids are expired every
 *   transaction.remove.expired.transaction.cleanup.interval.ms.
 */
import { buildRecordBatch, ErrorCode, RecordBatchView, readAllRecords } from '@gregor/protocol';
import { LogError } from '@gregor/storage';
import type { Broker } from '../broker.js';
import { partitionForGroup } from '../group/coordinator-key.js';
import type { CoordinatorNode } from '../group/coordinator-runtime.js';
import { blockOf } from '../handlers/init-producer-id.js';
import type { MetadataImage } from '../metadata/image.js';
import { ReplicationError } from '../partition/replica-transport.js';
import type { TxnLogEntry } from './records.js';
import { readTxnKey, readTxnValue, TRANSACTION_STATE_TOPIC, txnKey, txnValue } from './records.js';
import type { TxnBackend, TxnMarkerRequest } from './transaction-coordinator.js';
import { TransactionCoordinator, TxnWriteError } from './transaction-coordinator.js';

const NO_NODE = { nodeId: -1, host: '', port: -1 };
const LOAD_READ_BYTES = 1 << 20;

/** Called for every marker written to a partition of `__consumer_offsets` (transactional offsets). */
export type OffsetsMarkerListener = (partition: number, producerId: number, isAborted: boolean) => Promise<void>;

export class TxnRuntime implements TxnBackend {
  readonly coordinator: TransactionCoordinator;
  private readonly loading = new Map<number, Promise<void>>();
  private readonly loaded = new Set<number>();
  private creating: Promise<number> | null = null;
  private topicId: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  offsetsMarkerListener: OffsetsMarkerListener | null = null;

  constructor(private readonly broker: Broker) {
    this.coordinator = new TransactionCoordinator(this, {
      maxTimeoutMs: broker.settings.config.int('transaction.max.timeout.ms'),
    });
  }

  start(image: MetadataImage): void {
    const interval = this.broker.settings.config.int('transaction.abort.timed.out.transaction.cleanup.interval.ms');
    this.timer = setInterval(() => this.coordinator.checkTimeouts(), interval);
    this.timer.unref();
    const config = this.broker.settings.config;
    this.expiryTimer = setInterval(() => {
      void this.coordinator
        .expireTransactionalIds(config.int('transactional.id.expiration.ms'))
        .catch((e: unknown) => this.broker.logger.warn({ err: e }, 'transactional id expiry failed'));
    }, config.int('transaction.remove.expired.transaction.cleanup.interval.ms'));
    this.expiryTimer.unref();
    this.follow(image);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    if (this.expiryTimer !== null) clearInterval(this.expiryTimer);
    await this.creating?.catch(() => undefined);
    await Promise.all([...this.loading.values()].map((p) => p.catch(() => undefined)));
    await this.coordinator.idle();
  }

  /** Loads the partitions of `__transaction_state` led here, unloads the others. */
  follow(image: MetadataImage): void {
    if (this.stopped) return;
    const topic = image.topicsByName.get(TRANSACTION_STATE_TOPIC);
    const topicId = topic?.topicId ?? null;
    if (topicId !== this.topicId) {
      // A deleted (or recreated) topic: nothing loaded from the old one may stay.
      for (const p of [...this.loaded, ...this.loading.keys()]) {
        this.loaded.delete(p);
        this.loading.delete(p);
        this.coordinator.unloadPartition(p);
      }
      this.topicId = topicId;
    }
    const led = new Set<number>();
    if (topic !== undefined) {
      for (const p of topic.partitions) if (p !== undefined && p.leader === this.broker.nodeId) led.add(p.partitionId);
    }
    for (const p of [...this.loaded, ...this.loading.keys()]) {
      if (!led.has(p)) {
        this.loaded.delete(p);
        this.loading.delete(p);
        this.coordinator.unloadPartition(p);
      }
    }
    for (const p of led) if (!this.loaded.has(p) && !this.loading.has(p)) this.startLoad(p);
  }

  private startLoad(partition: number): void {
    const load = this.load(partition).then(
      () => {
        if (this.loading.get(partition) !== load) return;
        this.loading.delete(partition);
        this.loaded.add(partition);
        this.coordinator.completeLoaded(partition);
      },
      (e: unknown) => {
        this.loading.delete(partition);
        this.broker.logger.error({ err: e, partition }, 'loading transaction state failed');
      },
    );
    this.loading.set(partition, load);
  }

  private async load(partition: number): Promise<void> {
    const lookup = await this.broker.replicaManager.lookup(TRANSACTION_STATE_TOPIC, partition);
    if (lookup.partition === null)
      throw new Error(`${TRANSACTION_STATE_TOPIC}-${partition}: error ${lookup.errorCode}`);
    const log = lookup.partition.log;
    const end = log.writtenOffset;
    const view = new RecordBatchView(Buffer.alloc(0), 0);
    for (let offset = log.logStartOffset; offset < end; ) {
      const { records, nextOffset } = await log.read(offset, LOAD_READ_BYTES, end);
      if (records.length === 0 || nextOffset <= offset) break;
      for (let pos = 0; pos < records.length; pos += view.sizeInBytes) {
        view.moveTo(records, pos);
        if (view.isControl || view.lastOffset < offset) continue;
        for (const r of readAllRecords(records, pos)) {
          if (r.offset < offset || r.key === null) continue;
          const id = readTxnKey(r.key);
          if (id === null) continue;
          const entry = r.value === null ? null : readTxnValue(r.value);
          if (r.value !== null && entry === null) continue;
          this.coordinator.loadRecord(partition, id, entry);
        }
      }
      offset = nextOffset;
    }
  }

  /**
   * NONE once the partition holding `transactionalId` is loaded here; else the error to
   * answer (NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE).
   */
  async ready(transactionalId: string, create = false): Promise<number> {
    if (create) {
      const created = await this.ensureTopic();
      if (created !== ErrorCode.NONE) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    }
    if (!this.broker.metadata.topicsByName.has(TRANSACTION_STATE_TOPIC)) return ErrorCode.NOT_COORDINATOR;
    const partition = this.partitionFor(transactionalId);
    if (this.loaded.has(partition)) return ErrorCode.NONE;
    const loading = this.loading.get(partition);
    if (loading === undefined) return ErrorCode.NOT_COORDINATOR;
    await loading;
    return this.loaded.has(partition) ? ErrorCode.NONE : ErrorCode.COORDINATOR_LOAD_IN_PROGRESS;
  }

  /** Whether a partition of `__transaction_state` is still loading here. */
  get isLoading(): boolean {
    return this.loading.size > 0;
  }

  ensureTopic(): Promise<number> {
    if (this.broker.metadata.topicsByName.has(TRANSACTION_STATE_TOPIC)) return Promise.resolve(ErrorCode.NONE);
    this.creating ??= this.createTopic().finally(() => {
      this.creating = null;
    });
    return this.creating;
  }

  private async createTopic(): Promise<number> {
    const config = this.broker.settings.config;
    const [result] = await this.broker.controllerApi.createTopics(
      [
        {
          name: TRANSACTION_STATE_TOPIC,
          numPartitions: config.int('transaction.state.log.num.partitions'),
          replicationFactor: config.int('transaction.state.log.replication.factor'),
          assignments: null,
          configs: new Map([
            ['cleanup.policy', 'compact'],
            ['compression.type', 'producer'],
            ['min.insync.replicas', String(config.int('transaction.state.log.min.isr'))],
            ['segment.bytes', String(config.int('transaction.state.log.segment.bytes'))],
          ]),
        },
      ],
      false,
    );
    if (result === undefined) return ErrorCode.UNKNOWN_SERVER_ERROR;
    if (result.errorCode === ErrorCode.NONE) {
      this.broker.logger.info({ topic: TRANSACTION_STATE_TOPIC, partitions: result.numPartitions }, 'created topic');
      await this.broker.replicaManager.applyImage(this.broker.metadata);
      this.follow(this.broker.metadata);
    } else if (result.errorCode !== ErrorCode.TOPIC_ALREADY_EXISTS) {
      return result.errorCode;
    }
    return ErrorCode.NONE;
  }

  /** FindCoordinator key type 1: the leader of the id's partition, the topic created first. */
  async findTxnCoordinator(transactionalId: string, listener: string): Promise<CoordinatorNode> {
    const error = await this.ready(transactionalId, true);
    if (error === ErrorCode.NOT_COORDINATOR || error === ErrorCode.COORDINATOR_NOT_AVAILABLE)
      return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, ...NO_NODE };
    const image = this.broker.metadata;
    const partition = image.topicsByName.get(TRANSACTION_STATE_TOPIC)?.partitions[this.partitionFor(transactionalId)];
    const leader = partition === undefined ? undefined : image.brokers.get(partition.leader);
    if (leader === undefined || leader.fenced) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, ...NO_NODE };
    const endpoint = leader.endpoints.find((e) => e.name === listener) ?? leader.endpoints[0];
    if (endpoint === undefined) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, ...NO_NODE };
    return { errorCode: ErrorCode.NONE, nodeId: leader.nodeId, host: endpoint.host, port: endpoint.port };
  }

  // ------------------------------------------------------------------------------------
  // TxnBackend

  partitionFor(transactionalId: string): number {
    const topic = this.broker.metadata.topicsByName.get(TRANSACTION_STATE_TOPIC);
    const count =
      topic !== undefined && topic.partitions.length > 0
        ? topic.partitions.length
        : this.broker.settings.config.int('transaction.state.log.num.partitions');
    return partitionForGroup(transactionalId, count);
  }

  async append(partition: number, transactionalId: string, entry: TxnLogEntry | null): Promise<void> {
    const p = this.broker.replicaManager.get(TRANSACTION_STATE_TOPIC, partition);
    if (p === undefined || !p.isLeader || !this.loaded.has(partition))
      throw new TxnWriteError(
        ErrorCode.NOT_LEADER_OR_FOLLOWER,
        `${TRANSACTION_STATE_TOPIC}-${partition} is not led here`,
      );
    const batch = buildRecordBatch({
      records: [
        { key: txnKey(transactionalId), value: entry === null ? null : txnValue(entry), timestamp: Date.now() },
      ],
    });
    try {
      await p.append(batch, -1);
    } catch (e) {
      if (e instanceof LogError) throw new TxnWriteError(ErrorCode[e.errorCode], e.message);
      if (e instanceof ReplicationError) throw new TxnWriteError(e.errorCode, e.message);
      throw e;
    }
  }

  coordinatorEpoch(partition: number): number {
    return this.broker.replicaManager.get(TRANSACTION_STATE_TOPIC, partition)?.leaderEpoch ?? 0;
  }

  newProducerId(): Promise<number> {
    return blockOf(this.broker).generate();
  }

  async writeMarker(topic: string, index: number, marker: TxnMarkerRequest): Promise<number> {
    const lookup = await this.broker.replicaManager.lookup(topic, index);
    if (lookup.partition === null) return lookup.errorCode;
    const partition = lookup.partition;
    // The marker takes its offset in the partition's producer order (the synchronous part of
    // appendTxnMarker); its write and fsync are awaited outside, so the queue is not held.
    const accepted = await partition.inProducerOrder(() =>
      Promise.resolve({ written: partition.appendTxnMarker(marker, -1) }),
    );
    const result = await accepted.written;
    if (result.errorCode === ErrorCode.NONE && topic === '__consumer_offsets' && this.offsetsMarkerListener !== null)
      await this.offsetsMarkerListener(index, marker.producerId, marker.isAborted);
    return result.errorCode;
  }
}
