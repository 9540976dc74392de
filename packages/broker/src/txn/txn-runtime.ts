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
 * - Markers are appended by the leader of each partition, through the partition's
 *   producer order, with acks=-1: here when this broker leads it, else sent to the leader
 *   as WriteTxnMarkers (handlers/write-txn-markers.ts).
 * - Timed-out transactions are aborted every
 *   transaction.abort.timed.out.transaction.cleanup.interval.ms; idle ids are expired every
 *   transaction.remove.expired.transaction.cleanup.interval.ms.
 */
import type { AddPartitionsToTxnResponse, WriteTxnMarkersResponse } from '@gregor/protocol';
import {
  AddPartitionsToTxnRequest,
  ApiKey,
  buildRecordBatch,
  ErrorCode,
  RecordBatchView,
  readAllRecords,
  WriteTxnMarkersRequest,
} from '@gregor/protocol';
import {
  AddPartitionsToTxnTopic,
  AddPartitionsToTxnTransaction,
} from '@gregor/protocol/generated/messages/add-partitions-to-txn-request';
import {
  WritableTxnMarker,
  WritableTxnMarkerTopic,
} from '@gregor/protocol/generated/messages/write-txn-markers-request';
import { LogError } from '@gregor/storage';
import type { Broker } from '../broker.js';
import { partitionForGroup } from '../group/coordinator-key.js';
import type { CoordinatorNode } from '../group/coordinator-runtime.js';
import { blockOf } from '../handlers/init-producer-id.js';
import type { MetadataImage } from '../metadata/image.js';
import type { AppendOptions } from '../partition/partition.js';
import { ReplicationError } from '../partition/replica-transport.js';
import { produceSettings } from '../partition/topic-settings.js';
import type { TxnLogEntry } from './records.js';
import { readTxnKey, readTxnValue, TRANSACTION_STATE_TOPIC, txnKey, txnValue } from './records.js';
import type { TxnBackend, TxnMarkerRequest } from './transaction-coordinator.js';
import { TransactionCoordinator, TxnWriteError } from './transaction-coordinator.js';

const NO_NODE = { nodeId: -1, host: '', port: -1 };
const LOAD_READ_BYTES = 1 << 20;
const WRITE_TXN_MARKERS_VERSION = 1;
/** AddPartitionsToTxn's first version with verifyOnly (KIP-890). */
const VERIFY_VERSION = 4;
/**
 * How long a marker waits for the in-sync replicas, in controller.quorum.request.timeout.ms
 * (Kafka uses request.timeout.ms, 30 s): below the inter-broker request's own timeout
 * (15x), so the leader answers REQUEST_TIMED_OUT before the coordinator gives up on it.
 */
const MARKER_TIMEOUT_FACTOR = 10;

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
    this.coordinator.close();
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
    // Any broker answers with the leader, wherever it is (in a cluster, usually another
    // broker); the one here waits only for a load it has under way.
    const error = await this.ready(transactionalId, true);
    if (
      error === ErrorCode.COORDINATOR_NOT_AVAILABLE ||
      !this.broker.metadata.topicsByName.has(TRANSACTION_STATE_TOPIC)
    )
      return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, ...NO_NODE };
    const image = this.broker.metadata;
    const partition = image.topicsByName.get(TRANSACTION_STATE_TOPIC)?.partitions[this.partitionFor(transactionalId)];
    const leader = partition === undefined ? undefined : image.brokers.get(partition.leader);
    if (leader === undefined || leader.fenced) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, ...NO_NODE };
    const endpoint = leader.endpoints.find((e) => e.name === listener) ?? leader.endpoints[0];
    if (endpoint === undefined) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, ...NO_NODE };
    return { errorCode: ErrorCode.NONE, nodeId: leader.nodeId, host: endpoint.host, port: endpoint.port };
  }

  /**
   * The broker coordinating `transactionalId` (the leader of its partition of
   * `__transaction_state`); -1 when not known (no topic yet, no leader).
   */
  coordinatorIdFor(transactionalId: string): number {
    const topic = this.broker.metadata.topicsByName.get(TRANSACTION_STATE_TOPIC);
    return topic?.partitions[this.partitionFor(transactionalId)]?.leader ?? -1;
  }

  /**
   * KIP-890 part 1 when the coordinator is another broker (Kafka's AddPartitionsToTxnManager):
   * asks it with AddPartitionsToTxn v4 verifyOnly whether `topic-index` is in the producer's
   * ongoing transaction. Resolves with the coordinator's answer for the partition (NONE:
   * in it; INVALID_TXN_STATE, INVALID_PRODUCER_ID_MAPPING, PRODUCER_FENCED, or a retriable
   * coordinator error); COORDINATOR_NOT_AVAILABLE when it cannot be reached. Callers map
   * the answer to their API's errors.
   */
  async verifyWithCoordinator(
    coordinatorId: number,
    transactionalId: string,
    producerId: number,
    producerEpoch: number,
    topic: string,
    index: number,
  ): Promise<number> {
    if (coordinatorId < 0) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const t = new AddPartitionsToTxnTopic();
    t.name = topic;
    t.partitions = [index];
    const txn = new AddPartitionsToTxnTransaction();
    txn.transactionalId = transactionalId;
    txn.producerId = BigInt(producerId);
    txn.producerEpoch = producerEpoch;
    txn.verifyOnly = true;
    txn.topics = [t];
    const request = new AddPartitionsToTxnRequest();
    request.transactions = [txn];
    let response: AddPartitionsToTxnResponse;
    try {
      response = await this.broker.requestToBroker<AddPartitionsToTxnResponse>(
        coordinatorId,
        ApiKey.AddPartitionsToTxn,
        VERIFY_VERSION,
        request,
      );
    } catch {
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    }
    if (response.errorCode !== ErrorCode.NONE) return response.errorCode;
    return (
      response.resultsByTransaction[0]?.topicResults[0]?.resultsByPartition[0]?.partitionErrorCode ??
      ErrorCode.UNKNOWN_SERVER_ERROR
    );
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

  /**
   * Writes a marker where the partition is led (Kafka's TransactionMarkerChannelManager):
   * here, or through WriteTxnMarkers to the leader over the inter-broker listener. A
   * partition gone from the metadata is taken as deleted (no marker needed: answered
   * UNKNOWN_TOPIC_OR_PARTITION); every other failure is retriable and the coordinator
   * retries it.
   */
  async writeMarker(topic: string, index: number, marker: TxnMarkerRequest): Promise<number> {
    const p = this.broker.metadata.topicsByName.get(topic)?.partitions[index];
    if (p === undefined) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    if (p.leader === this.broker.nodeId || !this.broker.clustered) return this.appendMarker(topic, index, marker);
    if (p.leader < 0) return ErrorCode.LEADER_NOT_AVAILABLE;
    const request = new WriteTxnMarkersRequest();
    const m = new WritableTxnMarker();
    m.producerId = BigInt(marker.producerId);
    m.producerEpoch = marker.producerEpoch;
    m.transactionResult = !marker.isAborted;
    m.coordinatorEpoch = marker.coordinatorEpoch;
    const t = new WritableTxnMarkerTopic();
    t.name = topic;
    t.partitionIndexes = [index];
    m.topics = [t];
    request.markers = [m];
    let response: WriteTxnMarkersResponse;
    try {
      response = await this.broker.requestToBroker<WriteTxnMarkersResponse>(
        p.leader,
        ApiKey.WriteTxnMarkers,
        WRITE_TXN_MARKERS_VERSION,
        request,
      );
    } catch (e) {
      this.broker.logger.debug({ err: e, topic, partition: index, leader: p.leader }, 'sending a marker failed');
      return ErrorCode.NETWORK_EXCEPTION;
    }
    const code = response.markers[0]?.topics[0]?.partitions[0]?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR;
    // The leader's metadata may be behind this node's (the partition not opened there
    // yet): Kafka's coordinator retries this answer, so it must not read as "deleted".
    return code === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION ? ErrorCode.NOT_LEADER_OR_FOLLOWER : code;
  }

  /**
   * The leader's half of WriteTxnMarkers: appends the marker to a partition led here, in
   * its producer order, and resolves once the in-sync replicas have it (acks=-1, Kafka's
   * markers; min.insync.replicas applies) or with the error code.
   */
  async appendMarker(topic: string, index: number, marker: TxnMarkerRequest): Promise<number> {
    const lookup = await this.broker.replicaManager.lookup(topic, index);
    if (lookup.partition === null) return lookup.errorCode;
    const partition = lookup.partition;
    const opts: AppendOptions = {
      minInsyncReplicas: produceSettings(this.broker, topic).minInsyncReplicas,
      timeoutMs: this.broker.settings.quorum.requestTimeoutMs * MARKER_TIMEOUT_FACTOR,
    };
    // The marker takes its offset in the partition's producer order (the synchronous part of
    // appendTxnMarker); its write, replication and fsync are awaited outside, so the queue
    // is not held.
    const accepted = await partition.inProducerOrder(() =>
      Promise.resolve({ written: partition.appendTxnMarker(marker, -1, opts) }),
    );
    const result = await accepted.written;
    if (result.errorCode === ErrorCode.NONE && topic === '__consumer_offsets' && this.offsetsMarkerListener !== null)
      await this.offsetsMarkerListener(index, marker.producerId, marker.isAborted);
    return result.errorCode;
  }
}
