/**
 * A replicated Gregor cluster in one process, on virtual time: brokers each running the
 * real ReplicaManager (Partition, ReplicaFetcher, PartitionLog) on their own MemoryDisk,
 * a KRaft quorum of three controllers (controller-quorum.ts: the real MetadataLog over
 * Raft and the real Controller, nodes CONTROLLER_IDS), and producers, all talking over
 * one SimNetwork. Replica Fetch and OffsetForLeaderEpoch cross it encoded at their wire
 * versions (17 and 4), so the codecs are on the path; Raft's RPCs, controller RPCs
 * (BrokerRegistration, BrokerHeartbeat, AlterPartition) and metadata propagation carry
 * plain objects. Brokers send controller RPCs to the controller they believe active and
 * try another on NOT_CONTROLLER or silence; they learn the metadata image by polling it
 * (as KRaft brokers fetch the metadata log), so they lag behind and can miss it entirely
 * while partitioned; the active controller fences a broker whose heartbeats stop and
 * moves its leaderships to another ISR member.
 *
 * A broker incarnation owns a TimerScope, a ProcessGate, a network endpoint and an
 * IncarnationDisk: a crash freezes all four, so none of its code runs again, and a power
 * loss also drops the disk's unsynced bytes (MemoryDisk.crash, with a torn tail
 * sometimes). A restart starts a new incarnation on the same MemoryDisk: it registers
 * (a new broker epoch), reads the image, opens its logs (recovery) and follows.
 */

import { offsetsForLeaderEpoch } from '@gregor/broker/internals/handlers/offset-for-leader-epoch';
import { ConfigResourceType, MetadataImage } from '@gregor/broker/internals/metadata/image';
import type { MetadataRecord } from '@gregor/broker/internals/metadata/record-serde';
import { ReplicaManager } from '@gregor/broker/internals/partition/replica-manager';
import type {
  AlterPartitionItem,
  AlterPartitionResult,
  ReplicaRequestOptions,
  ReplicaTransport,
  ReplicationConfig,
} from '@gregor/broker/internals/partition/replica-transport';
import type { Uuid } from '@gregor/protocol';
import {
  buildRecordBatch,
  decodeMessage,
  ErrorCode,
  encodeMessage,
  FetchRequest,
  FetchResponse,
  MetadataRecordType,
  OffsetForLeaderEpochRequest,
  OffsetForLeaderEpochResponse,
  uuidFromBytes,
} from '@gregor/protocol';
import { ConfigRecord } from '@gregor/protocol/generated/metadata/config-record';
import { PartitionRecord } from '@gregor/protocol/generated/metadata/partition-record';
import { TopicRecord } from '@gregor/protocol/generated/metadata/topic-record';
import type { RaftRequest, RaftResponse } from '@gregor/raft';
import { MemoryDisk } from '@gregor/storage';
import { pino } from 'pino';
import type { SimEndpoint } from '../network.js';
import { SimNetwork } from '../network.js';
import type { SeededRandom } from '../random.js';
import type { SimScheduler, TimerScope } from '../scheduler.js';
import type { ReplicationChecker } from './checker.js';
import { ControllerChecker } from './controller-checker.js';
import type { QuorumConfig } from './controller-quorum.js';
import {
  CONTROLLER_IDS,
  ControllerChooser,
  ControllerQuorum,
  describeRaftRequest,
  describeRaftResponse,
  isNotControllerAnswer,
} from './controller-quorum.js';
import { IncarnationDisk } from './incarnation-disk.js';
import type { ProcessIncarnation, ProcessSlot } from './process-slot.js';
import { crashProcess, describeError, sleep, startProcess } from './process-slot.js';
import type { TxnRequest, TxnResponse } from './transaction-requests.js';
import {
  appendIdempotent,
  describeTxnRequest,
  describeTxnResponse,
  errorCodeOf,
  serveTxnRequest,
} from './transaction-requests.js';

export { CONTROLLER_IDS };
export const TOPIC = 'sim-topic';
export const MIN_INSYNC_REPLICAS = 2;
export const REPLICATION_FACTOR = 3;
/** Idempotent producers' ids (as InitProducerId would hand out): this plus the producer's node id. */
const PRODUCER_ID_BASE = 5000;
const FETCH_VERSION = 17;
const OFFSET_FOR_LEADER_EPOCH_VERSION = 4;

/** Bugs the checker must catch (tests prove it does). */
export const ReplicationBug = {
  /** The follower's transport drops DivergingEpoch from Fetch answers: divergent suffixes are never truncated. */
  SKIP_TRUNCATION: 'skip-truncation',
  /** The leader acknowledges acks=-1 produces once written locally (acks=1), before the high watermark passes them. */
  ACK_BEFORE_HIGH_WATERMARK: 'ack-before-hw',
  /** Controllers' metadata snapshots leave out the ConfigRecords (controller-quorum.ts): a controller that loads one disagrees. */
  LOSSY_SNAPSHOT: 'lossy-snapshot',
  /** Consumer fetches are served read_uncommitted while the consumer believes it reads committed (transactions.ts). */
  READ_UNCOMMITTED: 'read-uncommitted',
  /** Consumer fetch answers lose their aborted transactions (transactions.ts). */
  DROP_ABORTED_INDEX: 'drop-aborted-index',
  /** The read_committed consumer jumps to the new leader's last stable offset after a failover (transactions.ts). */
  CONSUMER_SKIPS_ON_FAILOVER: 'consumer-skips-on-failover',
  /** The read_committed consumer starts its partition again from offset 0 after a failover (transactions.ts). */
  CONSUMER_REWINDS_ON_FAILOVER: 'consumer-rewinds-on-failover',
} as const;
export type ReplicationBug = (typeof ReplicationBug)[keyof typeof ReplicationBug];

export type SimRequest =
  | { kind: 'fetch'; bytes: Buffer }
  | { kind: 'offset-for-leader-epoch'; bytes: Buffer }
  | {
      kind: 'produce';
      topic: string;
      partition: number;
      batch: Buffer;
      timeoutMs: number;
      /** An idempotent producer's batch (KIP-98): its id, epoch and sequences. */
      producer: { producerId: number; producerEpoch: number; baseSequence: number; lastSequence: number } | null;
    }
  | { kind: 'register'; brokerId: number; incarnationId: Uuid }
  | { kind: 'heartbeat'; brokerId: number; brokerEpoch: number; metadataOffset: number; wantShutDown: boolean }
  | { kind: 'alter-partition'; brokerId: number; brokerEpoch: number; item: AlterPartitionItem }
  | { kind: 'metadata'; offset: number }
  | { kind: 'raft'; request: RaftRequest }
  | TxnRequest;

export type SimResponse =
  | { kind: 'fetch'; bytes: Buffer }
  | { kind: 'offset-for-leader-epoch'; bytes: Buffer }
  | { kind: 'produce'; errorCode: number; baseOffset: number }
  | { kind: 'register'; errorCode: number; brokerEpoch: number }
  | { kind: 'heartbeat'; errorCode: number; isFenced: boolean; shouldShutDown: boolean }
  | { kind: 'alter-partition'; result: AlterPartitionResult }
  | { kind: 'metadata'; image: MetadataImage | null; controllerId: number | null; caughtUp: boolean }
  | { kind: 'raft'; response: RaftResponse }
  | TxnResponse;

export interface ClusterConfig {
  brokers: number;
  partitions: number;
  /** gregor.log.durable: acks=-1 waits for the leader's fsync, follower appends are fsynced. */
  durable: boolean;
  segmentBytes: number;
  replication: Partial<ReplicationConfig>;
  heartbeatIntervalMs: number;
  sessionTimeoutMs: number;
  metadataPollMs: number;
  produceTimeoutMs: number;
  retryBackoffMs: number;
  /** Virtual time a broker's file and directory operations take (0: none): images arrive while it opens its logs. */
  diskOpDelayMs: number;
  /** The controller quorum's Raft timing (controller.quorum.*) and metadata log settings. */
  quorum: Pick<QuorumConfig, 'raft' | 'snapshotMaxBytes' | 'segmentBytes'>;
  bug: ReplicationBug | null;
}

/** A topic id from the seed (the controller's would come from crypto). */
function seededUuid(random: SeededRandom): Uuid {
  for (;;) {
    const bytes = Buffer.alloc(16);
    for (let i = 0; i < 16; i += 4) bytes.writeUInt32BE(random.nextUint32(), i);
    const id = uuidFromBytes(bytes, 0);
    if (!id.startsWith('-') && id !== 'AAAAAAAAAAAAAAAAAAAAAA' && id !== 'AAAAAAAAAAAAAAAAAAAAAQ') return id;
  }
}

export interface Incarnation extends ProcessIncarnation {
  readonly incarnationId: Uuid;
  rm: ReplicaManager | null;
  brokerEpoch: number;
  appliedOffset: number;
  /** Controlled shutdown asked (heartbeats say wantShutDown) / granted (shouldShutDown). */
  wantShutDown: boolean;
  shouldShutDown: boolean;
  closing: boolean;
  /** The controller this incarnation believes active (registration, heartbeats, AlterPartition, metadata). */
  readonly controllers: ControllerChooser;
}

export class SimBroker implements ProcessSlot<Incarnation> {
  readonly disk = new MemoryDisk();
  incarnation: Incarnation | null = null;
  incarnations = 0;
  constructor(readonly id: number) {}
}

export interface ProducerStats {
  sent: number;
  acked: number;
  failed: number;
}

export class ReplicationCluster {
  readonly network: SimNetwork<SimRequest, SimResponse>;
  readonly brokers: SimBroker[] = [];
  /** The KRaft controller quorum (controller-quorum.ts). */
  readonly quorum: ControllerQuorum;
  readonly controllerChecker = new ControllerChecker();
  readonly producerStats: ProducerStats = { sent: 0, acked: 0, failed: 0 };
  readonly topicId: Uuid;
  private readonly logger;
  /** Each client's believed active controller (producers, consumers). */
  private readonly clientControllers = new Map<number, ControllerChooser>();
  private readonly producersStopped = new Set<number>();
  private producerEndpoints = new Map<number, SimEndpoint<SimRequest, SimResponse>>();
  /** Each client's newest metadata image (fetchMetadata), where it looks partition leaders up (leaderOf). */
  private readonly clientImages = new Map<number, MetadataImage>();
  private readonly producerScope: TimerScope;

  constructor(
    private readonly scheduler: SimScheduler,
    private readonly random: SeededRandom,
    readonly config: ClusterConfig,
    private readonly checker: ReplicationChecker,
  ) {
    this.network = new SimNetwork<SimRequest, SimResponse>(scheduler, random.fork(), {
      describeRequest: describe,
      describeResponse: describeResponse,
    });
    this.network.onHandlerError = (node, error) =>
      scheduler.fail(new Error(`node ${node} failed a request instead of answering: ${describeError(error)}`));
    this.logger =
      scheduler.tracer === null
        ? pino({ level: 'silent' })
        : pino(
            {
              level: 'info',
              timestamp: false,
              base: null,
              // Messages only: stacks would name the caller (a test runner), not the run.
              serializers: { err: (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)) },
            },
            { write: (line: string) => scheduler.trace(`log ${line.trim()}`) },
          );
    this.quorum = new ControllerQuorum(
      scheduler,
      random.fork(),
      this.network,
      this.logger,
      {
        ...config.quorum,
        defaults: { numPartitions: 1, replicationFactor: REPLICATION_FACTOR, deleteTopicEnable: true },
        heartbeatIntervalMs: config.heartbeatIntervalMs,
        sessionTimeoutMs: config.sessionTimeoutMs,
        lossySnapshots: config.bug === ReplicationBug.LOSSY_SNAPSHOT,
      },
      this.controllerChecker,
      (image) => checker.observeImage(image),
    );
    for (const node of this.quorum.nodes) this.quorum.start(node);
    this.producerScope = scheduler.scope();
    this.topicId = seededUuid(random);
    for (let id = 1; id <= config.brokers; id++) this.brokers.push(new SimBroker(id));
  }

  /** Partition leader changes the controllers decided (counted once per committed image). */
  get leaderChanges(): number {
    return this.quorum.leaderChanges;
  }

  /** The topic: `partitions` partitions of REPLICATION_FACTOR replicas, every ISR full, min.insync.replicas 2. */
  createTopic(): Promise<MetadataImage> {
    const records: MetadataRecord[] = [];
    const t = new TopicRecord();
    t.name = TOPIC;
    t.topicId = this.topicId;
    records.push({ type: MetadataRecordType.TopicRecord, version: 0, message: t });
    const n = this.config.brokers;
    for (let i = 0; i < this.config.partitions; i++) {
      const replicas = Array.from({ length: REPLICATION_FACTOR }, (_, k) => ((i + k) % n) + 1);
      const p = new PartitionRecord();
      p.topicId = this.topicId;
      p.partitionId = i;
      p.replicas = replicas;
      p.isr = [...replicas];
      p.leader = replicas[0] as number;
      p.leaderEpoch = 0;
      p.partitionEpoch = 0;
      records.push({ type: MetadataRecordType.PartitionRecord, version: 0, message: p });
    }
    const c = new ConfigRecord();
    c.resourceType = ConfigResourceType.TOPIC;
    c.resourceName = TOPIC;
    c.name = 'min.insync.replicas';
    c.value = String(MIN_INSYNC_REPLICAS);
    records.push({ type: MetadataRecordType.ConfigRecord, version: 0, message: c });
    return this.quorum.append(records);
  }

  // ------------------------------------------------------------------------------------
  // Brokers

  /** Starts a new incarnation of broker `b` on its disk. */
  start(b: SimBroker): void {
    if (b.incarnation !== null) throw new Error(`broker ${b.id} is already running`);
    const n = ++b.incarnations;
    const { gate, scope, endpoint, bind } = startProcess<Incarnation>(
      this.scheduler,
      this.network,
      b.id,
      (i, from, r) => this.brokerHandle(i, from, r),
    );
    const inc: Incarnation = {
      n,
      scope,
      gate,
      endpoint,
      disk: new IncarnationDisk(
        b.disk,
        this.config.diskOpDelayMs > 0 ? () => sleep(scope, this.config.diskOpDelayMs) : null,
      ),
      incarnationId: seededUuid(this.random),
      rm: null,
      brokerEpoch: -1,
      appliedOffset: -1,
      alive: true,
      wantShutDown: false,
      shouldShutDown: false,
      closing: false,
      controllers: new ControllerChooser(),
    };
    bind(inc);
    b.incarnation = inc;
    this.scheduler.trace(`broker ${b.id} starts (incarnation ${n})`);
    this.brokerMain(b, inc).catch((e: unknown) => {
      if (inc.alive) this.scheduler.fail(new Error(`broker ${b.id} failed: ${describeError(e)}`, { cause: e }));
    });
  }

  /** A crash: the incarnation is frozen; with `powerLoss`, unsynced bytes are lost too. */
  crash(b: SimBroker, powerLoss: boolean, tornTail: boolean): void {
    crashProcess(this.scheduler, 'broker', b, this.checker, this.random, powerLoss, tornTail);
  }

  /**
   * A clean stop: Kafka's controlled shutdown first (heartbeats with wantShutDown until
   * the controller, having moved this broker's leaderships and ISR memberships away,
   * answers shouldShutDown; at most `maxWaitMs`), then ReplicaManager.close (flushes,
   * checkpoints), then the process is gone. Never settles if the broker crashes meanwhile.
   */
  async stopCleanly(b: SimBroker, maxWaitMs: number): Promise<void> {
    const inc = b.incarnation;
    if (inc === null || inc.rm === null || inc.closing || inc.wantShutDown) return;
    inc.wantShutDown = true;
    this.scheduler.trace(`broker ${b.id} asks for a controlled shutdown`);
    for (let waited = 0; !inc.shouldShutDown && waited < maxWaitMs; waited += 50) await sleep(inc.scope, 50);
    inc.closing = true;
    inc.endpoint.accepting = false;
    this.scheduler.trace(
      `broker ${b.id} shuts down cleanly (${inc.shouldShutDown ? 'controlled shutdown done' : 'controlled shutdown timed out'})`,
    );
    await inc.rm.close();
    if (b.incarnation === inc) this.crash(b, false, false);
  }

  /** A request to the controller this incarnation believes active (null: no answer); see ControllerQuorum.call. */
  private call(inc: Incarnation, request: SimRequest, timeoutMs: number): Promise<SimResponse | null> {
    return this.quorum.call(inc.endpoint, inc.controllers, request, timeoutMs);
  }

  private async brokerMain(b: SimBroker, inc: Incarnation): Promise<void> {
    const cfg = this.config;
    // As the real broker (broker.ts): catch up with the metadata first, whatever it says
    // about this broker (a quick restart finds its old registration, still unfenced, and
    // the leaderships it had), open the logs with that image while newer images keep
    // arriving, and only then register.
    let image: MetadataImage | null = null;
    while (image === null) {
      const r = await this.call(inc, { kind: 'metadata', offset: -1 }, cfg.heartbeatIntervalMs * 2);
      if (r?.kind === 'metadata' && r.caughtUp) image = r.image ?? MetadataImage.empty();
      else await sleep(inc.scope, cfg.metadataPollMs);
    }
    const timers = {
      setTimeout: (fn: () => void, ms: number) => inc.scope.setTimeout(fn, ms),
      clearTimeout: (id: unknown) => inc.scope.clearTimeout(id as number),
    };
    const rm = new ReplicaManager({
      disk: inc.disk,
      logDir: '/data',
      nodeId: b.id,
      logger: this.logger.child({ broker: b.id, incarnation: inc.n }),
      durable: cfg.durable,
      logConfigFor: () => ({ durable: cfg.durable, segmentBytes: cfg.segmentBytes }),
      // The housekeeping runs on real intervals: off (nothing here depends on it).
      housekeeping: { retentionCheckMs: 0, flushCheckMs: 0, checkpointMs: 0 },
      cleaner: { enabled: false, backoffMs: 0 },
      now: () => this.scheduler.now(),
      clock: this.scheduler,
      timers,
      transport: this.transport(inc),
      alterPartition: {
        send: async (item) => {
          // NOT_CONTROLLER or no answer: the partition proposes again after its backoff, to the next controller.
          const r = await this.call(
            inc,
            { kind: 'alter-partition', brokerId: b.id, brokerEpoch: inc.brokerEpoch, item },
            cfg.heartbeatIntervalMs * 2,
          );
          if (r === null) throw new Error(`AlterPartition: no answer from the controller`);
          if (r.kind !== 'alter-partition') throw new Error(`unexpected ${r.kind}`);
          return r.result;
        },
      },
      brokerEpoch: () => inc.brokerEpoch,
      replication: cfg.replication,
    });
    inc.appliedOffset = image.offset;
    const following = this.followMetadata(inc, rm);
    await rm.start(image);
    inc.rm = rm;
    inc.endpoint.accepting = true;
    for (;;) {
      const r = await this.call(
        inc,
        { kind: 'register', brokerId: b.id, incarnationId: inc.incarnationId },
        cfg.heartbeatIntervalMs * 2,
      );
      if (r?.kind === 'register' && r.errorCode === ErrorCode.NONE) {
        inc.brokerEpoch = r.brokerEpoch;
        break;
      }
      // Refused by the active controller: wait; no answer or NOT_CONTROLLER: the next controller at once.
      const refused = r?.kind === 'register' && !isNotControllerAnswer(r);
      await sleep(inc.scope, refused ? cfg.heartbeatIntervalMs : cfg.retryBackoffMs);
    }
    this.scheduler.trace(`broker ${b.id} started at metadata offset ${image.offset}, broker epoch ${inc.brokerEpoch}`);
    void this.heartbeats(b, inc);
    await following;
  }

  private async heartbeats(b: SimBroker, inc: Incarnation): Promise<void> {
    for (;;) {
      const r = await this.call(
        inc,
        {
          kind: 'heartbeat',
          brokerId: b.id,
          brokerEpoch: inc.brokerEpoch,
          metadataOffset: inc.appliedOffset,
          wantShutDown: inc.wantShutDown,
        },
        this.config.heartbeatIntervalMs,
      );
      if (r?.kind === 'heartbeat' && r.shouldShutDown) inc.shouldShutDown = true;
      // Not the active controller (or silent): the next one at once, before the session runs out.
      const answered = r?.kind === 'heartbeat' && !isNotControllerAnswer(r);
      await sleep(inc.scope, answered ? this.config.heartbeatIntervalMs : this.config.retryBackoffMs);
    }
  }

  private async followMetadata(inc: Incarnation, rm: ReplicaManager): Promise<void> {
    for (;;) {
      await sleep(inc.scope, this.config.metadataPollMs);
      if (inc.closing) return;
      const r = await this.call(inc, { kind: 'metadata', offset: inc.appliedOffset }, this.config.heartbeatIntervalMs);
      if (r?.kind === 'metadata' && r.image !== null && r.image.offset > inc.appliedOffset && !inc.closing) {
        inc.appliedOffset = r.image.offset;
        await rm.applyImage(r.image);
      }
    }
  }

  private transport(inc: Incarnation): ReplicaTransport {
    const rpc = (to: number, request: SimRequest, opts: ReplicaRequestOptions): Promise<SimResponse> =>
      new Promise<SimResponse>((resolve, reject) => {
        if (opts.signal.aborted) {
          reject(new Error('aborted'));
          return;
        }
        const onAbort = () => reject(new Error('aborted'));
        opts.signal.addEventListener('abort', onAbort, { once: true });
        inc.endpoint.send(to, request, opts.timeoutMs).then(
          (r) => {
            opts.signal.removeEventListener('abort', onAbort);
            resolve(r);
          },
          (e: unknown) => {
            opts.signal.removeEventListener('abort', onAbort);
            reject(e);
          },
        );
      });
    const bug = this.config.bug;
    return {
      async fetch(leaderId, request, opts) {
        const r = await rpc(
          leaderId,
          { kind: 'fetch', bytes: encodeMessage(FetchRequest, request, FETCH_VERSION) },
          opts,
        );
        if (r.kind !== 'fetch') throw new Error(`unexpected ${r.kind}`);
        const response = decodeMessage(FetchResponse, r.bytes, FETCH_VERSION);
        if (bug === ReplicationBug.SKIP_TRUNCATION)
          for (const t of response.responses) for (const p of t.partitions) p.divergingEpoch.epoch = -1;
        return { version: FETCH_VERSION, response };
      },
      async offsetForLeaderEpoch(leaderId, request, opts) {
        const r = await rpc(
          leaderId,
          {
            kind: 'offset-for-leader-epoch',
            bytes: encodeMessage(OffsetForLeaderEpochRequest, request, OFFSET_FOR_LEADER_EPOCH_VERSION),
          },
          opts,
        );
        if (r.kind !== 'offset-for-leader-epoch') throw new Error(`unexpected ${r.kind}`);
        return decodeMessage(OffsetForLeaderEpochResponse, r.bytes, OFFSET_FOR_LEADER_EPOCH_VERSION);
      },
    };
  }

  private async brokerHandle(inc: Incarnation, _from: number, request: SimRequest): Promise<SimResponse> {
    const rm = inc.rm;
    if (rm === null) throw new Error('a request reached a broker that is not serving');
    switch (request.kind) {
      case 'fetch': {
        const fetch = decodeMessage(FetchRequest, request.bytes, FETCH_VERSION);
        const { response, release } = await rm.fetchForFollower(fetch, FETCH_VERSION);
        // Encoding copies the pooled reads: they can go back at once.
        const bytes = encodeMessage(FetchResponse, response, FETCH_VERSION);
        release();
        return { kind: 'fetch', bytes };
      }
      case 'offset-for-leader-epoch': {
        const wire = decodeMessage(OffsetForLeaderEpochRequest, request.bytes, OFFSET_FOR_LEADER_EPOCH_VERSION);
        const response = await offsetsForLeaderEpoch(rm, wire, OFFSET_FOR_LEADER_EPOCH_VERSION);
        return {
          kind: 'offset-for-leader-epoch',
          bytes: encodeMessage(OffsetForLeaderEpochResponse, response, OFFSET_FOR_LEADER_EPOCH_VERSION),
        };
      }
      case 'produce': {
        const lookup = await rm.lookup(request.topic, request.partition);
        if (lookup.partition === null) return { kind: 'produce', errorCode: lookup.errorCode, baseOffset: -1 };
        const partition = lookup.partition;
        const acks = this.config.bug === ReplicationBug.ACK_BEFORE_HIGH_WATERMARK ? 1 : -1;
        const options = { minInsyncReplicas: MIN_INSYNC_REPLICAS, timeoutMs: request.timeoutMs };
        // A copy: the log writes the offsets into the batch, and a duplicated request shares it.
        const batch = Buffer.from(request.batch);
        if (request.producer !== null) {
          // As the produce handler: checked and handed to the log in arrival order.
          const producer = { ...request.producer, isTransactional: false };
          return { kind: 'produce', ...(await appendIdempotent(partition, batch, acks, producer, options)) };
        }
        try {
          const r = await partition.append(batch, acks, options);
          return { kind: 'produce', errorCode: ErrorCode.NONE, baseOffset: r.baseOffset };
        } catch (e) {
          return { kind: 'produce', errorCode: errorCodeOf(e), baseOffset: -1 };
        }
      }
      case 'txn-produce':
      case 'txn-marker':
      case 'consumer-fetch':
        return serveTxnRequest(rm, request, {
          minInsyncReplicas: MIN_INSYNC_REPLICAS,
          topicName: (id) => (id === this.topicId ? TOPIC : null),
          readUncommitted: this.config.bug === ReplicationBug.READ_UNCOMMITTED,
          dropAbortedIndex: this.config.bug === ReplicationBug.DROP_ABORTED_INDEX,
        });
      default:
        throw new Error(`a broker does not serve ${request.kind}`);
    }
  }

  // ------------------------------------------------------------------------------------
  // Producers (acks=-1, retries until acknowledged, one request in flight each)

  /**
   * A producer: batches of 1-3 records to random partitions, one in flight. An idempotent
   * one (`i<id>-<n>` values) numbers its batches per partition and resends the same
   * sequence on a retry, so the leader drops duplicates; a plain one (`p<id>-<n>`) may
   * leave duplicates, which is allowed.
   */
  startProducer(id: number, random: SeededRandom, gapMs: () => number, idempotent: boolean): void {
    const endpoint = this.network.register(id, async () => {
      throw new Error('a producer serves nothing');
    });
    this.producerEndpoints.set(id, endpoint);
    void (async () => {
      let seq = 0;
      const sequences = new Map<number, number>();
      while (!this.producersStopped.has(id)) {
        const partition = random.int(this.config.partitions);
        const values = Array.from({ length: random.between(1, 3) }, () => `${idempotent ? 'i' : 'p'}${id}-${seq++}`);
        const baseSequence = sequences.get(partition) ?? 0;
        const acked = await this.produce(
          id,
          partition,
          values,
          () => this.producersStopped.has(id),
          idempotent ? { producerId: PRODUCER_ID_BASE + id, producerEpoch: 0, baseSequence } : null,
        );
        if (acked) sequences.set(partition, baseSequence + values.length);
        // Abandoned after the heal: the producer is done.
        else break;
        await sleep(this.producerScope, gapMs());
      }
    })();
  }

  stopProducers(): void {
    for (const id of this.producerEndpoints.keys()) this.producersStopped.add(id);
  }

  /** Sends `values` as one batch to the partition's leader until acknowledged (true) or abandoned. */
  async produce(
    producerId: number,
    partition: number,
    values: readonly string[],
    abandon: () => boolean,
    idempotence: { producerId: number; producerEpoch: number; baseSequence: number } | null = null,
  ): Promise<boolean> {
    const endpoint = this.producerEndpoints.get(producerId);
    if (endpoint === undefined) throw new Error(`no producer ${producerId}`);
    const tp = `${TOPIC}-${partition}`;
    for (;;) {
      if (abandon()) return false;
      const leader = this.leaderOf(producerId, partition)?.leader ?? -1;
      if (leader >= 0) {
        const now = this.scheduler.now();
        const batch = buildRecordBatch({
          records: values.map((v, i) => ({ key: null, value: v, headers: [], timestamp: now, offsetDelta: i })),
          ...(idempotence === null ? {} : idempotence),
        });
        const producer =
          idempotence === null ? null : { ...idempotence, lastSequence: idempotence.baseSequence + values.length - 1 };
        this.producerStats.sent++;
        const timeoutMs = this.config.produceTimeoutMs;
        const r = await endpoint
          .send(leader, { kind: 'produce', topic: TOPIC, partition, batch, timeoutMs, producer }, timeoutMs + 1000)
          .catch(() => null);
        if (r?.kind === 'produce' && r.errorCode === ErrorCode.NONE) {
          this.producerStats.acked++;
          this.scheduler.trace(`ack ${tp} offset ${r.baseOffset} [${values.join(',')}] from broker ${leader}`);
          this.checker.acknowledge({ tp, baseOffset: r.baseOffset, values, atMs: this.scheduler.now() });
          return true;
        }
        this.producerStats.failed++;
        this.scheduler.trace(
          `produce ${tp} [${values.join(',')}] to broker ${leader} failed: ${r === null ? 'no answer' : r.kind === 'produce' ? `error ${r.errorCode}` : r.kind}`,
        );
      }
      await this.fetchMetadata(endpoint, producerId);
      await sleep(this.producerScope, this.config.retryBackoffMs);
    }
  }

  /** A client endpoint with no workload of its own here (the final appends after the heal, transactions, consumers). */
  addProducer(id: number): SimEndpoint<SimRequest, SimResponse> {
    const endpoint = this.network.register(id, async () => {
      throw new Error('a client serves nothing');
    });
    this.producerEndpoints.set(id, endpoint);
    return endpoint;
  }

  /**
   * Asks for the metadata a client node learns (how producers and consumers find partition
   * leaders): an answer becomes the client's image (leaderOf); no answer keeps the old one.
   */
  async fetchMetadata(endpoint: SimEndpoint<SimRequest, SimResponse>, clientId: number): Promise<void> {
    let chooser = this.clientControllers.get(clientId);
    if (chooser === undefined) {
      chooser = new ControllerChooser();
      this.clientControllers.set(clientId, chooser);
    }
    const m = await this.quorum.call(
      endpoint,
      chooser,
      { kind: 'metadata', offset: -1 },
      this.config.heartbeatIntervalMs,
    );
    if (m?.kind === 'metadata' && m.image !== null) this.clientImages.set(clientId, m.image);
  }

  /** A partition's leader and leader epoch in the client's image (null: the client knows no such partition). */
  leaderOf(clientId: number, partition: number): { leader: number; leaderEpoch: number } | null {
    const p = this.clientImages.get(clientId)?.topicsById.get(this.topicId)?.partitions[partition];
    return p === undefined ? null : { leader: p.leader, leaderEpoch: p.leaderEpoch };
  }

  /** The latest committed metadata image (for checks and convergence). */
  get latestImage(): MetadataImage {
    return this.quorum.image;
  }

  get producerIds(): number[] {
    return [...this.producerEndpoints.keys()];
  }
}

function describe(r: SimRequest): string {
  switch (r.kind) {
    case 'produce':
      return `Produce(${r.topic}-${r.partition})`;
    case 'register':
      return `BrokerRegistration(${r.brokerId})`;
    case 'heartbeat':
      return `BrokerHeartbeat(${r.brokerId}, epoch ${r.brokerEpoch}, offset ${r.metadataOffset})`;
    case 'alter-partition':
      return `AlterPartition(${r.item.topic}-${r.item.partition}, leader epoch ${r.item.leaderEpoch}, isr [${r.item.newIsr.join(',')}])`;
    case 'metadata':
      return `Metadata(after ${r.offset})`;
    case 'fetch': {
      const f = decodeMessage(FetchRequest, r.bytes, FETCH_VERSION);
      const parts = f.topics.flatMap((t) =>
        t.partitions.map(
          (p) => `${p.partition}@${p.fetchOffset} epoch ${p.currentLeaderEpoch} last ${p.lastFetchedEpoch}`,
        ),
      );
      return `Fetch(replica ${f.replicaState.replicaId} epoch ${f.replicaState.replicaEpoch}: ${parts.join('; ')})`;
    }
    case 'offset-for-leader-epoch':
      return 'OffsetForLeaderEpoch';
    case 'raft':
      return describeRaftRequest(r.request);
    default:
      return describeTxnRequest(r);
  }
}

function describeResponse(r: SimResponse): string {
  switch (r.kind) {
    case 'fetch': {
      const f = decodeMessage(FetchResponse, r.bytes, FETCH_VERSION);
      const parts = f.responses.flatMap((t) =>
        t.partitions.map(
          (p) =>
            `${p.partitionIndex}: error ${p.errorCode} hw ${p.highWatermark} ${p.records?.length ?? 0} B` +
            (p.divergingEpoch.epoch >= 0 ? ` diverging ${p.divergingEpoch.epoch}@${p.divergingEpoch.endOffset}` : '') +
            (p.currentLeader.leaderId >= 0 ? ` leader ${p.currentLeader.leaderId}/${p.currentLeader.leaderEpoch}` : ''),
        ),
      );
      return `fetch(error ${f.errorCode}: ${parts.join('; ')})`;
    }
    case 'produce':
      return `produce(error ${r.errorCode}, base offset ${r.baseOffset})`;
    case 'register':
      return `register(error ${r.errorCode}, epoch ${r.brokerEpoch})`;
    case 'heartbeat':
      return `heartbeat(error ${r.errorCode}${r.isFenced ? ', fenced' : ''})`;
    case 'alter-partition':
      return `alter-partition(error ${r.result.errorCode}${'isr' in r.result ? `, isr [${r.result.isr.join(',')}] partition epoch ${r.result.partitionEpoch}` : ''})`;
    case 'metadata':
      return `metadata(${r.image === null ? 'no news' : `offset ${r.image.offset}`}, controller ${r.controllerId ?? 'unknown'})`;
    case 'raft':
      return describeRaftResponse(r.response);
    case 'txn-produce':
    case 'txn-marker':
    case 'consumer-fetch':
      return describeTxnResponse(r);
    default:
      return r.kind;
  }
}
